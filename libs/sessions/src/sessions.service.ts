import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { badInput, conflict, ConnectionResult, decodeCursor, DEFAULT_PAGE_SIZE, isPgError, notFound, PgCode, Principal, PublicRevision, toConnection, writeOutbox } from '@app/core';
import { AccessService, Edition, isCalendarDay, localDayRange, Room } from '@app/editions';
import { Speaker } from '@app/speakers';
import { DateTime } from 'luxon';
import { Brackets, DataSource, EntityManager, In, MoreThanOrEqual, Repository, SelectQueryBuilder } from 'typeorm';
import { ScheduleChange, SessionSnapshot } from './schedule-change.entity';
import { changeKinds, describeChange } from './schedule-change';
import { ROOM_OVERLAP_CONSTRAINT, Session, SessionSpeaker, SessionStatus } from './session.entity';
import { SessionFilter, SessionInput, SessionPatch, SessionsArgs } from './session.inputs';

/** Everything that decides where and when a session happens, after a create or a patch. */
interface Placement {
  startsAt: Date;
  endsAt: Date;
  roomId: string | null;
  trackId: string | null;
  speakerIds: string[];
}

const PUBLIC_STATUSES = [SessionStatus.PUBLISHED, SessionStatus.CANCELLED];
const SEARCH_VECTOR = `to_tsvector('english', s.title || ' ' || coalesce(s.abstract, ''))`;

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    private readonly access: AccessService,
    private readonly revision: PublicRevision,
  ) {}

  async create(user: Principal | undefined, editionId: string, input: SessionInput): Promise<Session> {
    await this.access.requireOrganizer(user, editionId);
    const placement: Placement = { startsAt: input.startsAt, endsAt: input.endsAt, roomId: input.roomId ?? null, trackId: input.trackId ?? null, speakerIds: input.speakerIds ?? [] };
    this.checkCredits(input.ceCredits);
    return this.db.transaction(async (em) => {
      const edition = await em.findOneByOrFail(Edition, { id: editionId });
      await this.checkPlacement(em, edition, placement);
      const session = await em.save(
        em.create(Session, {
          editionId,
          title: input.title.trim(),
          abstract: input.abstract?.trim() || null,
          format: input.format,
          status: SessionStatus.DRAFT,
          startsAt: placement.startsAt,
          endsAt: placement.endsAt,
          roomId: placement.roomId,
          trackId: placement.trackId,
          capacity: input.capacity ?? null,
          ceCredits: input.ceCredits ?? 0,
        }),
      );
      await this.setSpeakers(em, session.id, placement.speakerIds);
      return session;
    });
  }

  async update(user: Principal | undefined, id: string, patch: SessionPatch): Promise<Session> {
    await this.access.requireOrganizer(user, await this.editionIdOf(id));
    return this.inTransaction(id, async (em, attempt) => {
      const session = await this.lock(em, id);
      const edition = await em.findOneByOrFail(Edition, { id: session.editionId });
      const speakerIds = patch.speakerIds ?? (await this.speakerIdsOf(em, id));
      const placement: Placement = {
        startsAt: patch.startsAt ?? session.startsAt,
        endsAt: patch.endsAt ?? session.endsAt,
        roomId: patch.roomId === undefined ? session.roomId : patch.roomId,
        trackId: patch.trackId === undefined ? session.trackId : patch.trackId,
        speakerIds,
      };
      await this.checkPlacement(em, edition, placement);
      if (patch.capacity !== undefined && patch.capacity !== null && patch.capacity < session.seatsTaken) {
        throw badInput(`${session.seatsTaken} seats are already reserved; capacity cannot go below that`, { field: 'capacity', seatsTaken: session.seatsTaken });
      }
      if (session.status === SessionStatus.PUBLISHED) await this.checkFree(em, edition, id, attempt(placement));
      const before = await this.snapshot(em, session);
      const seatsBefore = { capacity: session.capacity, roomId: session.roomId };
      Object.assign(session, {
        title: patch.title?.trim() ?? session.title,
        abstract: patch.abstract === undefined ? session.abstract : patch.abstract.trim() || null,
        startsAt: placement.startsAt,
        endsAt: placement.endsAt,
        roomId: placement.roomId,
        trackId: placement.trackId,
        capacity: patch.capacity === undefined ? session.capacity : patch.capacity,
        revision: session.status === SessionStatus.PUBLISHED ? session.revision + 1 : session.revision,
      });
      await em.save(session);
      if (patch.speakerIds) await this.setSpeakers(em, id, patch.speakerIds);
      if (session.status === SessionStatus.PUBLISHED) await this.recordChange(em, edition, session, before);
      // More seats (a larger capacity or room) go to the waitlist: the schedule worker fills them.
      if (session.status === SessionStatus.PUBLISHED && (session.capacity !== seatsBefore.capacity || session.roomId !== seatsBefore.roomId)) await writeOutbox(em, 'session.seats', { sessionId: id });
      return session;
    });
  }

  async publish(user: Principal | undefined, id: string): Promise<Session> {
    await this.access.requireOrganizer(user, await this.editionIdOf(id));
    return this.inTransaction(id, async (em, attempt) => {
      const session = await this.lock(em, id);
      if (session.status === SessionStatus.PUBLISHED) return session;
      if (session.status === SessionStatus.CANCELLED) throw conflict('A cancelled session cannot be published again', { status: session.status });
      const edition = await em.findOneByOrFail(Edition, { id: session.editionId });
      await this.checkFree(em, edition, id, attempt({ ...session, speakerIds: await this.speakerIdsOf(em, id) }));
      session.status = SessionStatus.PUBLISHED;
      await em.save(session);
      return session;
    });
  }

  async cancel(user: Principal | undefined, id: string, reason: string): Promise<Session> {
    await this.access.requireOrganizer(user, await this.editionIdOf(id));
    const why = reason.trim();
    if (!why || why.length > 1000) throw badInput('A cancellation reason has 1 to 1000 characters', { field: 'reason' });
    const cancelled = await this.db.transaction(async (em) => {
      const session = await this.lock(em, id);
      if (session.status === SessionStatus.CANCELLED) return session;
      const wasPublished = session.status === SessionStatus.PUBLISHED;
      const before = await this.snapshot(em, session);
      Object.assign(session, { status: SessionStatus.CANCELLED, cancelReason: why, revision: wasPublished ? session.revision + 1 : session.revision });
      await em.save(session);
      if (wasPublished) await this.recordChange(em, await em.findOneByOrFail(Edition, { id: session.editionId }), session, before);
      return session;
    });
    await this.revision.bump();
    return cancelled;
  }

  /** A session as the caller may see it: drafts only for the edition's organizers. */
  async get(user: Principal | undefined, id: string): Promise<Session | null> {
    const session = await this.sessions.findOneBy({ id });
    if (!session) return null;
    if (session.status === SessionStatus.DRAFT && !(await this.access.isOrganizer(user, session.editionId))) return null;
    return session;
  }

  /** The programme, ordered by start time then id, with the contract's filters. */
  async list(user: Principal | undefined, { editionId, filter = {}, first = DEFAULT_PAGE_SIZE, after }: SessionsArgs): Promise<ConnectionResult<Session>> {
    const organizer = user ? await this.access.isOrganizer(user, editionId) : false;
    if (filter.day && !isCalendarDay(filter.day)) throw badInput('day is not a calendar day', { field: 'day' });
    const page = this.filtered(editionId, filter, organizer).orderBy('s.startsAt', 'ASC').addOrderBy('s.id', 'ASC').take(first + 1);
    if (after) {
      const [startsAt, id] = decodeCursor(after, ['string', 'string']);
      page.andWhere('(s.startsAt, s.id) > (:cursorStart, :cursorId)', { cursorStart: startsAt, cursorId: id });
    }
    const rows = await page.getMany();
    return toConnection(rows, first, (s) => [s.startsAt.toISOString(), s.id], () => this.filtered(editionId, filter, organizer).getCount());
  }

  /** Changes to an edition's published sessions, oldest first (at most the latest 1,000). */
  async changes(editionId: string, since?: Date): Promise<ScheduleChange[]> {
    const latest = await this.db.getRepository(ScheduleChange).find({
      // The API speaks milliseconds, the database microseconds: 'after since' is from the next millisecond.
      where: { editionId, ...(since ? { createdAt: MoreThanOrEqual(new Date(since.getTime() + 1)) } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: 1000,
    });
    return latest.reverse();
  }

  byIds(ids: readonly string[]): Promise<Session[]> {
    return this.sessions.findBy({ id: In([...ids]) });
  }

  /** Speakers of each session, in billing order (DataLoader batch). */
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
    const { entities, raw } = await this.sessions
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

  private filtered(editionId: string, filter: SessionFilter, organizer: boolean): SelectQueryBuilder<Session> {
    const qb = this.sessions.createQueryBuilder('s').where('s.editionId = :editionId', { editionId });
    if (organizer) {
      if (filter.status) qb.andWhere('s.status = :status', { status: filter.status });
    } else {
      qb.andWhere('s.status IN (:...statuses)', { statuses: filter.status && PUBLIC_STATUSES.includes(filter.status) ? [filter.status] : PUBLIC_STATUSES });
    }
    if (filter.day) {
      qb.andWhere(
        new Brackets((w) =>
          w
            .where(`s.startsAt >= (CAST(:day AS date)::timestamp AT TIME ZONE (SELECT e.timezone FROM edition e WHERE e.id = :editionId))`, { day: filter.day })
            .andWhere(`s.startsAt < ((CAST(:day AS date) + 1)::timestamp AT TIME ZONE (SELECT e.timezone FROM edition e WHERE e.id = :editionId))`),
        ),
      );
    }
    if (filter.trackId) qb.andWhere('s.trackId = :trackId', { trackId: filter.trackId });
    if (filter.roomId) qb.andWhere('s.roomId = :roomId', { roomId: filter.roomId });
    if (filter.format) qb.andWhere('s.format = :format', { format: filter.format });
    if (filter.speakerId) {
      qb.andWhere('EXISTS (SELECT 1 FROM session_speaker fss WHERE fss.session_id = s.id AND fss.speaker_id = :speakerId)', { speakerId: filter.speakerId });
    }
    if (filter.search?.trim()) qb.andWhere(`${SEARCH_VECTOR} @@ websearch_to_tsquery('english', :search)`, { search: filter.search.trim() });
    return qb;
  }

  /** What attendees see of a session: times, room and speakers by name. */
  private async snapshot(em: EntityManager, session: Session): Promise<SessionSnapshot> {
    const [room]: { name: string }[] = session.roomId ? await em.query(`SELECT name FROM room WHERE id = $1`, [session.roomId]) : [];
    const speakers: { id: string; name: string }[] = await em.query(
      `SELECT sp.id, sp.name FROM session_speaker ss JOIN speaker sp ON sp.id = ss.speaker_id WHERE ss.session_id = $1 ORDER BY ss.position`,
      [session.id],
    );
    return {
      title: session.title,
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      roomId: session.roomId,
      room: room?.name ?? null,
      speakerIds: speakers.map((s) => s.id),
      speakers: speakers.map((s) => s.name),
      status: session.status,
    };
  }

  /** A visible change to a published session: its record and an outbox message, in the change's own transaction. */
  private async recordChange(em: EntityManager, edition: Edition, session: Session, before: SessionSnapshot): Promise<void> {
    const after = await this.snapshot(em, session);
    const kinds = changeKinds(before, after);
    if (!kinds.length) return;
    const change = await em.save(
      em.create(ScheduleChange, { editionId: edition.id, sessionId: session.id, kind: kinds[0], kinds, before, after, summary: describeChange(before, after, edition.timezone, session.cancelReason) }),
    );
    await writeOutbox(em, 'schedule.changed', { scheduleChangeId: change.id, sessionId: session.id, editionId: edition.id });
  }

  private async editionIdOf(id: string): Promise<string> {
    const row = await this.sessions.findOne({ where: { id }, select: { id: true, editionId: true } });
    if (!row) throw notFound('Session', id);
    return row.editionId;
  }

  private async lock(em: EntityManager, id: string): Promise<Session> {
    const session = await em.findOne(Session, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!session) throw notFound('Session', id);
    return session;
  }

  private async speakerIdsOf(em: EntityManager, sessionId: string): Promise<string[]> {
    const links = await em.find(SessionSpeaker, { where: { sessionId }, order: { position: 'ASC' } });
    return links.map((l) => l.speakerId);
  }

  private async setSpeakers(em: EntityManager, sessionId: string, speakerIds: string[]): Promise<void> {
    await em.delete(SessionSpeaker, { sessionId });
    if (speakerIds.length) await em.insert(SessionSpeaker, speakerIds.map((speakerId, position) => ({ sessionId, speakerId, position })));
  }

  private checkCredits(ceCredits?: number): void {
    if (ceCredits !== undefined && Math.round(ceCredits * 4) !== ceCredits * 4) throw badInput('ceCredits come in steps of 0.25', { field: 'ceCredits' });
  }

  /** Times in order and inside the edition's local days; room, track and speakers of this edition. */
  private async checkPlacement(em: EntityManager, edition: Edition, p: Placement): Promise<void> {
    if (p.endsAt.getTime() <= p.startsAt.getTime()) throw badInput('A session must end after it starts', { field: 'endsAt' });
    const days = localDayRange(edition.startsOn, edition.endsOn, edition.timezone);
    if (p.startsAt < days.start || p.endsAt > days.end) {
      throw badInput(`A session must take place during the edition (${edition.startsOn} to ${edition.endsOn}, ${edition.timezone})`, { field: 'startsAt' });
    }
    const [room, track] = await Promise.all([
      p.roomId ? em.findOne(Room, { where: { id: p.roomId, editionId: edition.id }, select: { id: true } }) : null,
      p.trackId ? em.query(`SELECT 1 FROM track WHERE id = $1 AND edition_id = $2`, [p.trackId, edition.id]) : null,
    ]);
    if (p.roomId && !room) throw notFound('Room', p.roomId);
    if (p.trackId && !track?.length) throw notFound('Track', p.trackId);
    if (p.speakerIds.length) {
      const found = await em.count(Speaker, { where: { id: In(p.speakerIds), editionId: edition.id } });
      if (found !== p.speakerIds.length) throw notFound('Speaker', p.speakerIds.join(', '));
    }
  }

  /** No speaker of this session may be in another published session at an overlapping time. Locks the speakers' rows. */
  private async checkSpeakersFree(em: EntityManager, edition: Edition, sessionId: string, p: Placement): Promise<void> {
    if (!p.speakerIds.length) return;
    await em.query(`SELECT id FROM speaker WHERE id = ANY($1) ORDER BY id FOR UPDATE`, [p.speakerIds]);
    const [clash]: { speaker: string; id: string; title: string; starts_at: Date; ends_at: Date }[] = await em.query(
      `SELECT sp.name AS speaker, s.id, s.title, s.starts_at, s.ends_at
         FROM session_speaker ss JOIN session s ON s.id = ss.session_id JOIN speaker sp ON sp.id = ss.speaker_id
        WHERE ss.speaker_id = ANY($1) AND s.status = 'PUBLISHED' AND s.id <> $2
          AND tstzrange(s.starts_at, s.ends_at) && tstzrange($3, $4)
        ORDER BY s.starts_at LIMIT 1`,
      [p.speakerIds, sessionId, p.startsAt, p.endsAt],
    );
    if (clash) {
      throw conflict(`${clash.speaker} already speaks in "${clash.title}" (${this.when(edition, clash.starts_at, clash.ends_at)})`, { conflictingSessionId: clash.id });
    }
  }

  /** The room and the speakers are free at the placement's time (speakers' rows locked). */
  private async checkFree(em: EntityManager, edition: Edition, sessionId: string, p: Placement): Promise<void> {
    const clash = await this.roomClash(em, sessionId, p);
    if (clash) throw clash;
    await this.checkSpeakersFree(em, edition, sessionId, p);
  }

  private async roomClash(em: EntityManager, sessionId: string, p: Placement) {
    if (!p.roomId) return undefined;
    const [other]: { id: string; title: string; room: string; starts_at: Date; ends_at: Date; timezone: string }[] = await em.query(
      `SELECT o.id, o.title, r.name AS room, o.starts_at, o.ends_at, e.timezone
         FROM session o JOIN room r ON r.id = o.room_id JOIN edition e ON e.id = o.edition_id
        WHERE o.room_id = $1 AND o.id <> $2 AND o.status = 'PUBLISHED' AND tstzrange(o.starts_at, o.ends_at) && tstzrange($3, $4)
        ORDER BY o.starts_at LIMIT 1`,
      [p.roomId, sessionId, p.startsAt, p.endsAt],
    );
    if (!other) return undefined;
    return conflict(`Room "${other.room}" is already booked for "${other.title}" (${this.when(other, other.starts_at, other.ends_at)})`, {
      conflictingSessionId: other.id,
    });
  }

  /**
   * Runs a change that may publish a session in a room. The exclusion constraint is the guard; when
   * it refuses (a concurrent change won), the error names the session that took the room.
   */
  private async inTransaction(sessionId: string, work: (em: EntityManager, attempt: (p: Placement) => Placement) => Promise<Session>): Promise<Session> {
    let attempted: Placement | undefined;
    try {
      const session = await this.db.transaction((em) => work(em, (p) => (attempted = p)));
      await this.revision.bump();
      return session;
    } catch (error) {
      if (!isPgError(error, PgCode.EXCLUSION_VIOLATION, ROOM_OVERLAP_CONSTRAINT)) throw error;
      throw (attempted && (await this.roomClash(this.db.manager, sessionId, attempted))) ?? conflict('The room is already booked at that time');
    }
  }

  private when(edition: Pick<Edition, 'timezone'>, start: Date, end: Date): string {
    const zone = edition.timezone;
    return `${DateTime.fromJSDate(start, { zone }).toFormat('ccc d LLL HH:mm')}-${DateTime.fromJSDate(end, { zone }).toFormat('HH:mm')}`;
  }
}
