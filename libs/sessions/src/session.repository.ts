import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Speaker } from '@app/speakers';
import { Brackets, DataSource, EntityManager, In, MoreThanOrEqual, SelectQueryBuilder } from 'typeorm';
import { ProgrammeSession } from './programme-export';
import { ScheduleChange } from './schedule-change.entity';
import { Session, SessionSpeaker, SessionStatus } from './session.entity';
import { SessionFilter } from './session.inputs';

/** Where and when a session happens, as the clash checks read it. */
export interface SessionSlot {
  roomId: string | null;
  startsAt: Date;
  endsAt: Date;
  speakerIds: string[];
}

/** Another published session in the room at an overlapping time, with its edition's timezone. */
export interface RoomClash {
  id: string;
  title: string;
  room: string;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
}

/** Another published session of one of the speakers at an overlapping time. */
export interface SpeakerClash {
  speaker: string;
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
}

/** What attendees see of a session's place and people: its room's name and its speakers in billing order. */
export interface SessionPeople {
  room: string | null;
  speakers: { id: string; name: string }[];
}

/** A page of the programme: the filter, who asks, keyset on (starts_at, id). */
export interface SessionPageQuery {
  editionId: string;
  filter: SessionFilter;
  /** Organizers see drafts and filter on any status; others see published and cancelled sessions. */
  organizer: boolean;
  after?: { startsAt: string; id: string };
  take: number;
}

export const PUBLIC_STATUSES = [SessionStatus.PUBLISHED, SessionStatus.CANCELLED];
const SEARCH_VECTOR = `to_tsvector('english', s.title || ' ' || coalesce(s.abstract, ''))`;

/** Data access for the sessions lib: session, session_speaker and schedule_change (seat counters: SeatRepository). */
@Injectable()
export class SessionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One session, or null. */
  findById(id: string): Promise<Session | null> {
    return this.db.getRepository(Session).findOneBy({ id });
  }

  /** Sessions by id (DataLoader batch). */
  byIds(ids: readonly string[]): Promise<Session[]> {
    return this.db.getRepository(Session).findBy({ id: In([...ids]) });
  }

  /** The edition of a session, or null when there is no such session. */
  async editionIdOf(id: string): Promise<string | null> {
    const row = await this.db.getRepository(Session).findOne({ where: { id }, select: { id: true, editionId: true } });
    return row?.editionId ?? null;
  }

  /** The session with its row locked until the caller's transaction ends (changes to one session queue); null when missing. */
  lock(id: string, manager: EntityManager): Promise<Session | null> {
    return manager.findOne(Session, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Inserts a session (a draft) in the caller's transaction. */
  insert(
    session: Pick<
      Session,
      | 'editionId'
      | 'title'
      | 'abstract'
      | 'format'
      | 'status'
      | 'startsAt'
      | 'endsAt'
      | 'roomId'
      | 'trackId'
      | 'capacity'
      | 'ceCredits'
    >,
    manager: EntityManager,
  ): Promise<Session> {
    return manager.save(manager.create(Session, session));
  }

  /** Writes a changed session in the caller's transaction; the exclusion constraint refuses two published sessions in one room at once. */
  save(session: Session, manager: EntityManager): Promise<Session> {
    return manager.save(session);
  }

  /** The session's speakers' ids in billing order. */
  async speakerIdsOf(sessionId: string, manager?: EntityManager): Promise<string[]> {
    const links = await (manager ?? this.db.manager).find(SessionSpeaker, {
      where: { sessionId },
      order: { position: 'ASC' },
    });
    return links.map((l) => l.speakerId);
  }

  /** Replaces the session's speakers, billed in the order given. */
  async setSpeakers(sessionId: string, speakerIds: string[], manager: EntityManager): Promise<void> {
    await manager.delete(SessionSpeaker, { sessionId });
    if (speakerIds.length)
      await manager.insert(
        SessionSpeaker,
        speakerIds.map((speakerId, position) => ({ sessionId, speakerId, position })),
      );
  }

  /** The room's name and the speakers, as the session stands in the caller's transaction (room and speaker read in joins). */
  async peopleOf(session: Pick<Session, 'id' | 'roomId'>, manager: EntityManager): Promise<SessionPeople> {
    const [room]: { name: string }[] = session.roomId
      ? await manager.query(`SELECT name FROM room WHERE id = $1`, [session.roomId])
      : [];
    const speakers: { id: string; name: string }[] = await manager.query(
      `SELECT sp.id, sp.name FROM session_speaker ss JOIN speaker sp ON sp.id = ss.speaker_id WHERE ss.session_id = $1 ORDER BY ss.position`,
      [session.id],
    );
    return { room: room?.name ?? null, speakers };
  }

  /** The first other published session in the slot's room at an overlapping time (room and edition read in the join). */
  async roomClash(sessionId: string, slot: SessionSlot, manager?: EntityManager): Promise<RoomClash | undefined> {
    if (!slot.roomId) return undefined;
    const [other]: { id: string; title: string; room: string; starts_at: Date; ends_at: Date; timezone: string }[] =
      await (manager ?? this.db.manager).query(
        `SELECT o.id, o.title, r.name AS room, o.starts_at, o.ends_at, e.timezone
         FROM session o JOIN room r ON r.id = o.room_id JOIN edition e ON e.id = o.edition_id
        WHERE o.room_id = $1 AND o.id <> $2 AND o.status = 'PUBLISHED' AND tstzrange(o.starts_at, o.ends_at) && tstzrange($3, $4)
        ORDER BY o.starts_at LIMIT 1`,
        [slot.roomId, sessionId, slot.startsAt, slot.endsAt],
      );
    return (
      other && {
        id: other.id,
        title: other.title,
        room: other.room,
        startsAt: other.starts_at,
        endsAt: other.ends_at,
        timezone: other.timezone,
      }
    );
  }

  /** The first other published session of one of the slot's speakers at an overlapping time (speaker names read in the join). */
  async speakerClash(sessionId: string, slot: SessionSlot, manager: EntityManager): Promise<SpeakerClash | undefined> {
    const [clash]: { speaker: string; id: string; title: string; starts_at: Date; ends_at: Date }[] =
      await manager.query(
        `SELECT sp.name AS speaker, s.id, s.title, s.starts_at, s.ends_at
         FROM session_speaker ss JOIN session s ON s.id = ss.session_id JOIN speaker sp ON sp.id = ss.speaker_id
        WHERE ss.speaker_id = ANY($1) AND s.status = 'PUBLISHED' AND s.id <> $2
          AND tstzrange(s.starts_at, s.ends_at) && tstzrange($3, $4)
        ORDER BY s.starts_at LIMIT 1`,
        [slot.speakerIds, sessionId, slot.startsAt, slot.endsAt],
      );
    return (
      clash && {
        speaker: clash.speaker,
        id: clash.id,
        title: clash.title,
        startsAt: clash.starts_at,
        endsAt: clash.ends_at,
      }
    );
  }

  /** One page of the programme by (starts_at, id). */
  page({ editionId, filter, organizer, after, take }: SessionPageQuery): Promise<Session[]> {
    const page = this.filtered(editionId, filter, organizer)
      .orderBy('s.startsAt', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .take(take);
    if (after)
      page.andWhere('(s.startsAt, s.id) > (:cursorStart, :cursorId)', {
        cursorStart: after.startsAt,
        cursorId: after.id,
      });
    return page.getMany();
  }

  /** How many sessions the same filter matches. */
  count(editionId: string, filter: SessionFilter, organizer: boolean): Promise<number> {
    return this.filtered(editionId, filter, organizer).getCount();
  }

  /** Records a change of a published session in the caller's transaction. */
  insertChange(
    change: Pick<ScheduleChange, 'editionId' | 'sessionId' | 'kind' | 'kinds' | 'before' | 'after' | 'summary'>,
    manager: EntityManager,
  ): Promise<ScheduleChange> {
    return manager.save(manager.create(ScheduleChange, change));
  }

  /** An edition's latest changes (newest first), from an instant on. */
  latestChanges(editionId: string, from: Date | undefined, take: number): Promise<ScheduleChange[]> {
    return this.db.getRepository(ScheduleChange).find({
      where: { editionId, ...(from ? { createdAt: MoreThanOrEqual(from) } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take,
    });
  }

  /**
   * A page of an edition's changes, newest first, keyset on (created_at, id) after the change
   * `afterId` (its own position is read in the statement, so no timestamp precision is lost).
   */
  changesPage(editionId: string, afterId: string | undefined, take: number): Promise<ScheduleChange[]> {
    const qb = this.db
      .getRepository(ScheduleChange)
      .createQueryBuilder('c')
      .where('c.editionId = :editionId', { editionId })
      .orderBy('c.createdAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .take(take);
    if (afterId)
      qb.andWhere(
        '(c.createdAt, c.id) < (SELECT a.created_at, a.id FROM schedule_change a WHERE a.id = :afterId AND a.edition_id = :editionId)',
        { afterId },
      );
    return qb.getMany();
  }

  /** How many changes an edition has. */
  countChanges(editionId: string): Promise<number> {
    return this.db.getRepository(ScheduleChange).countBy({ editionId });
  }

  /**
   * Deletes a draft session (its speakers go with it). False when the session is not a draft. The
   * caller holds the session's lock.
   */
  async deleteDraft(id: string, manager: EntityManager): Promise<boolean> {
    const [, affected]: [unknown, number] = await manager.query(
      `DELETE FROM session WHERE id = $1 AND status = 'DRAFT'`,
      [id],
    );
    return affected > 0;
  }

  /** Whether a checkpoint scans attendance of the session (reads the scanning lib's `checkpoint` table). */
  async hasCheckpoint(id: string, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM checkpoint WHERE session_id = $1 LIMIT 1`, [id]);
    return rows.length > 0;
  }

  /** Changes by id (DataLoader batch). */
  changesByIds(ids: readonly string[]): Promise<ScheduleChange[]> {
    return this.db.getRepository(ScheduleChange).findBy({ id: In([...ids]) });
  }

  /** One change, or null (the session and its history were deleted). */
  findChange(id: string): Promise<ScheduleChange | null> {
    return this.db.getRepository(ScheduleChange).findOneBy({ id });
  }

  /** Speakers of each session in billing order, the speaker rows read in the join (DataLoader batch). */
  async speakersOf(sessionIds: readonly string[]): Promise<{ sessionId: string; speaker: Speaker }[]> {
    const rows: (Speaker & { sessionId: string })[] = await this.db.query(
      `SELECT ss.session_id AS "sessionId", sp.id, sp.edition_id AS "editionId", sp.name, sp.email, sp.company, sp.job_title AS "jobTitle", sp.bio, sp.created_at AS "createdAt"
         FROM session_speaker ss JOIN speaker sp ON sp.id = ss.speaker_id
        WHERE ss.session_id = ANY($1) ORDER BY ss.position, sp.name`,
      [sessionIds],
    );
    return rows.map(({ sessionId, ...speaker }) => ({ sessionId, speaker: Object.assign(new Speaker(), speaker) }));
  }

  /** Published and cancelled sessions of each speaker, by start time (DataLoader batch). */
  async sessionsOfSpeakers(speakerIds: readonly string[]): Promise<{ speakerId: string; session: Session }[]> {
    const { entities, raw } = await this.db
      .getRepository(Session)
      .createQueryBuilder('s')
      .innerJoin(SessionSpeaker, 'ss', 'ss.sessionId = s.id')
      .addSelect('ss.speakerId', 'speaker_id')
      .where('ss.speakerId IN (:...speakerIds)', { speakerIds })
      .andWhere('s.status IN (:...statuses)', { statuses: PUBLIC_STATUSES })
      .orderBy('s.startsAt', 'ASC')
      .getRawAndEntities<{ speaker_id: string; s_id: string }>();
    const byId = new Map(entities.map((s) => [s.id, s]));
    return raw.map((r) => ({ speakerId: r.speaker_id, session: byId.get(r.s_id)! }));
  }

  /** An edition's published sessions with their speakers' ids in billing order, by start then number (one query, stable order). */
  publishedProgramme(editionId: string): Promise<ProgrammeSession[]> {
    return this.db.query(
      `SELECT s.id, s.number, s.title, s.abstract, s.format, s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.room_id AS "roomId", s.track_id AS "trackId",
              coalesce((SELECT array_agg(sp.id::text ORDER BY ss.position, sp.name, sp.id) FROM session_speaker ss JOIN speaker sp ON sp.id = ss.speaker_id WHERE ss.session_id = s.id), '{}') AS "speakerIds"
         FROM session s WHERE s.edition_id = $1 AND s.status = 'PUBLISHED' ORDER BY s.starts_at, s.number`,
      [editionId],
    );
  }

  private filtered(editionId: string, filter: SessionFilter, organizer: boolean): SelectQueryBuilder<Session> {
    const qb = this.db.getRepository(Session).createQueryBuilder('s').where('s.editionId = :editionId', { editionId });
    if (organizer) {
      if (filter.status) qb.andWhere('s.status = :status', { status: filter.status });
    } else {
      qb.andWhere('s.status IN (:...statuses)', {
        statuses: filter.status && PUBLIC_STATUSES.includes(filter.status) ? [filter.status] : PUBLIC_STATUSES,
      });
    }
    if (filter.day) {
      qb.andWhere(
        new Brackets((w) =>
          w
            .where(
              `s.startsAt >= (CAST(:day AS date)::timestamp AT TIME ZONE (SELECT e.timezone FROM edition e WHERE e.id = :editionId))`,
              { day: filter.day },
            )
            .andWhere(
              `s.startsAt < ((CAST(:day AS date) + 1)::timestamp AT TIME ZONE (SELECT e.timezone FROM edition e WHERE e.id = :editionId))`,
            ),
        ),
      );
    }
    if (filter.trackId) qb.andWhere('s.trackId = :trackId', { trackId: filter.trackId });
    if (filter.roomId) qb.andWhere('s.roomId = :roomId', { roomId: filter.roomId });
    if (filter.format) qb.andWhere('s.format = :format', { format: filter.format });
    if (filter.speakerId) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM session_speaker fss WHERE fss.session_id = s.id AND fss.speaker_id = :speakerId)',
        { speakerId: filter.speakerId },
      );
    }
    if (filter.search?.trim())
      qb.andWhere(`${SEARCH_VECTOR} @@ websearch_to_tsquery('english', :search)`, { search: filter.search.trim() });
    return qb;
  }
}
