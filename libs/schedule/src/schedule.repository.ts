import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { GroupCommit } from '@app/core';
import { Room, Track } from '@app/editions';
import { SEAT_STATEMENT, Session, SessionStatus } from '@app/sessions';
import { Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { ScheduleEntry, ScheduleEntryStatus, SessionAttendance } from './schedule-entry.entity';

/** An entry just made by the seat statement, and the state of its session under the lock. */
export interface SeatTaken {
  /** The session's status as the statement saw it; null when there is no such session. */
  sessionStatus: SessionStatus | null;
  /** The new entry; null when the session was not published or the attendee already had it. */
  entry: ScheduleEntry | null;
}

/** An entry's place on its session's waitlist (1 is next): the waitlisted entries with its sequence number or lower. */
const waitlistPlace = (sessionId: string, seq: string) =>
  `(SELECT count(*)::int FROM schedule_entry w WHERE w.session_id = ${sessionId} AND w.status = 'WAITLISTED' AND w.seq <= ${seq})`;

/**
 * A digest of everything a schedule's answer is made of, for each (edition, email): the attendee,
 * their entries, each entry's session, room, track, edition and speakers, by row version (xmin
 * changes with every update, and a deleted or added row changes the list), so any change to any of
 * these rows changes the digest. Seat counts and waitlist places move when OTHER people add, leave
 * or are promoted: every such change updates the session's row in the same transaction (seats_taken
 * and waitlisted: the seat statement, and SessionsService.countSeats on removal and promotion), so
 * the session's version covers them too. Keep it so: a change to a session's seats or waitlist that
 * leaves its row untouched would let MyScheduleCache serve a stale place. No row: no registration.
 * One statement for many people (other libs' rows read in joins), prepared once per connection.
 */
const FINGERPRINTS = `
SELECT k.i::int AS i, md5(concat_ws('|', a.id, a.xmin, string_agg(concat_ws(':', e.id, e.xmin, s.xmin, r.xmin, t.xmin, ed.xmin,
         (SELECT string_agg(concat_ws('.', ss.xmin, p.id, p.xmin), ',' ORDER BY p.id) FROM session_speaker ss JOIN speaker p ON p.id = ss.speaker_id WHERE ss.session_id = s.id)),
       ',' ORDER BY e.id))) AS fingerprint
  FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS k(edition_id, email, i)
  JOIN attendee a ON a.edition_id = k.edition_id AND a.email = k.email
  LEFT JOIN schedule_entry e ON e.attendee_id = a.id
  LEFT JOIN session s ON s.id = e.session_id
  LEFT JOIN room r ON r.id = s.room_id
  LEFT JOIN track t ON t.id = s.track_id
  LEFT JOIN edition ed ON ed.id = s.edition_id
 GROUP BY k.i, a.id, a.xmin::text`;

/** Data access for the schedule lib: schedule_entry (the session's seat counters belong to the sessions lib). */
@Injectable()
export class ScheduleRepository {
  /** Fingerprint reads that arrive while one is running go together in the next: each starts after its callers asked. */
  private readonly fingerprintReads = new GroupCommit<{ editionId: string; email: string }, string | null>((_, items) =>
    this.fingerprintsOf(items),
  );

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Inserts bookmarks in one statement; an (attendee, session) that already has an entry is skipped and not returned. */
  async insertBookmarks(bookmarks: { attendeeId: string; sessionId: string }[]): Promise<ScheduleEntry[]> {
    const inserted: { id: string; seq: string; attendee_id: string; session_id: string }[] = await this.db.query(
      `INSERT INTO schedule_entry (attendee_id, session_id, status)
       SELECT a, s, 'BOOKMARKED' FROM unnest($1::uuid[], $2::uuid[]) AS b(a, s)
       ON CONFLICT (attendee_id, session_id) DO NOTHING RETURNING id, seq, attendee_id, session_id`,
      [bookmarks.map((b) => b.attendeeId), bookmarks.map((b) => b.sessionId)],
    );
    return inserted.map((r) =>
      Object.assign(new ScheduleEntry(), {
        id: r.id,
        seq: r.seq,
        attendeeId: r.attendee_id,
        sessionId: r.session_id,
        status: ScheduleEntryStatus.BOOKMARKED,
        waitlistPosition: null,
      }),
    );
  }

  /**
   * The seat statement: adds a seat-limited session in one statement. It locks the session row,
   * inserts the entry as RESERVED while seats remain (else WAITLISTED) and counts it on the session
   * (the sessions lib's SEAT_STATEMENT). A statement that waited for the lock works on the row as the
   * previous holder left it (PostgreSQL reads a locked row again once it is free), so seats are never
   * oversold, and entries take their sequence numbers under the lock, so the waitlist is in the order
   * the lock was granted. The session's count of waitlisted entries, read under the same lock, is the
   * new entry's place: the end of the line.
   */
  async takeSeat(attendeeId: string, sessionId: string): Promise<SeatTaken> {
    const [row]: {
      session_status: SessionStatus;
      id: string | null;
      seq: string;
      status: ScheduleEntryStatus;
      place: number;
    }[] = await this.db.query(
      `WITH s AS (
         ${SEAT_STATEMENT.lockedState('$2')}),
       entry AS (
         INSERT INTO schedule_entry (attendee_id, session_id, status)
         SELECT $1, s.id, (CASE WHEN s.seat_limit IS NULL THEN 'BOOKMARKED' WHEN s.seats_taken < s.seat_limit THEN 'RESERVED' ELSE 'WAITLISTED' END)::schedule_entry_status
           FROM s WHERE s.status = 'PUBLISHED'
         ON CONFLICT (attendee_id, session_id) DO NOTHING RETURNING id, seq, status),
       counted AS (
         ${SEAT_STATEMENT.countEntry('entry', '$2')})
       SELECT s.status AS session_status, entry.id, entry.seq, entry.status, s.waitlisted + 1 AS place FROM s LEFT JOIN entry ON true`,
      [attendeeId, sessionId],
    );
    if (!row) return { sessionStatus: null, entry: null };
    const entry = row.id
      ? Object.assign(new ScheduleEntry(), {
          id: row.id,
          seq: row.seq,
          attendeeId,
          sessionId,
          status: row.status,
          waitlistPosition: row.status === ScheduleEntryStatus.WAITLISTED ? row.place : null,
        })
      : null;
    return { sessionStatus: row.session_status, entry };
  }

  /** Deletes the attendee's entry for a session in the caller's transaction; its status, or null when there was none. */
  async deleteEntry(
    attendeeId: string,
    sessionId: string,
    manager: EntityManager,
  ): Promise<ScheduleEntryStatus | null> {
    const [deleted]: [{ status: ScheduleEntryStatus }[]] = await manager.query(
      `DELETE FROM schedule_entry WHERE attendee_id = $1 AND session_id = $2 RETURNING status`,
      [attendeeId, sessionId],
    );
    return deleted[0]?.status ?? null;
  }

  /** Reserves seats for the first `count` waitlisted entries by arrival, in the caller's transaction (session row locked); returns them. */
  async promoteWaitlisted(
    sessionId: string,
    count: number,
    manager: EntityManager,
  ): Promise<{ id: string; attendeeId: string }[]> {
    const [promoted]: [{ id: string; attendee_id: string }[]] = await manager.query(
      `UPDATE schedule_entry e SET status = 'RESERVED', updated_at = now()
         FROM (SELECT id FROM schedule_entry WHERE session_id = $1 AND status = 'WAITLISTED' ORDER BY seq LIMIT $2) next
        WHERE e.id = next.id RETURNING e.id, e.attendee_id`,
      [sessionId, count],
    );
    return promoted.map((p) => ({ id: p.id, attendeeId: p.attendee_id }));
  }

  /** An attendee's entry for one session with its session and waitlist place, or undefined. */
  async entryOf(attendeeId: string, sessionId: string): Promise<ScheduleEntry | undefined> {
    const [entry] = await this.entries(`e.attendeeId = :attendeeId AND e.sessionId = :sessionId`, {
      attendeeId,
      sessionId,
    });
    return entry;
  }

  /** An attendee's entries in published sessions, with sessions, rooms, tracks (read in joins) and waitlist places, by session start. */
  publishedEntriesOf(attendeeId: string): Promise<ScheduleEntry[]> {
    return this.entries(`e.attendeeId = :attendeeId AND s.status = :published`, {
      attendeeId,
      published: SessionStatus.PUBLISHED,
    });
  }

  /** These attendees' entries in published sessions, with sessions, rooms, tracks and waitlist places, by session start (DataLoader batch). */
  publishedEntriesOfMany(attendeeIds: readonly string[]): Promise<ScheduleEntry[]> {
    return this.entries(`e.attendeeId IN (:...attendeeIds) AND s.status = :published`, {
      attendeeIds: [...attendeeIds],
      published: SessionStatus.PUBLISHED,
    });
  }

  /** For each entry, its attendee's other published entries that overlap it in time (DataLoader batch). */
  async conflictsOf(entryIds: readonly string[]): Promise<{ entryId: string; session: Session }[]> {
    const { entities, raw } = await this.db
      .getRepository(Session)
      .createQueryBuilder('s')
      .innerJoin(ScheduleEntry, 'other', 'other.sessionId = s.id')
      .innerJoin(ScheduleEntry, 'e', 'e.attendeeId = other.attendeeId AND e.id <> other.id')
      .innerJoin(Session, 'mine', 'mine.id = e.sessionId')
      .addSelect('e.id', 'entry_id')
      .where('e.id IN (:...entryIds)', { entryIds })
      .andWhere('s.status = :published', { published: SessionStatus.PUBLISHED })
      // Plain comparisons, not a range overlap: the planner then walks the attendee's few entries.
      .andWhere('s.startsAt < mine.endsAt AND mine.startsAt < s.endsAt')
      .orderBy('s.startsAt', 'ASC')
      .getRawAndEntities<{ entry_id: string; s_id: string }>();
    const byId = new Map(entities.map((s) => [s.id, s]));
    return raw.map((r) => ({ entryId: r.entry_id, session: byId.get(r.s_id)! }));
  }

  /** Reservation, waitlist and bookmark counts per session, zero for sessions without entries (DataLoader batch). */
  async attendanceOf(sessionIds: readonly string[]): Promise<(SessionAttendance & { sessionId: string })[]> {
    const rows: { session_id: string; reserved: number; waitlisted: number; bookmarked: number }[] =
      await this.db.query(
        `SELECT session_id,
              count(*) FILTER (WHERE status = 'RESERVED')::int AS reserved,
              count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waitlisted,
              count(*) FILTER (WHERE status = 'BOOKMARKED')::int AS bookmarked
         FROM schedule_entry WHERE session_id = ANY($1) GROUP BY session_id`,
        [sessionIds],
      );
    const found = new Map(rows.map((r) => [r.session_id, r]));
    return sessionIds.map((sessionId) => ({
      sessionId,
      reserved: 0,
      waitlisted: 0,
      bookmarked: 0,
      ...found.get(sessionId),
    }));
  }

  /** The digest of one person's schedule in an edition (FINGERPRINTS), read after this call; null without a registration. */
  fingerprint(editionId: string, email: string): Promise<string | null> {
    return this.fingerprintReads.add('fingerprints', { editionId, email });
  }

  private async fingerprintsOf(items: { editionId: string; email: string }[]): Promise<(string | null)[]> {
    const keys = [...new Set(items.map((i) => `${i.editionId}|${i.email}`))];
    // A raw prepared statement: planned once per connection, not for every check.
    const pool = (this.db.driver as PostgresDriver).master as Pool;
    const { rows } = await pool.query<{ i: number; fingerprint: string }>({
      name: 'schedule-fingerprints',
      text: FINGERPRINTS,
      values: [keys.map((k) => k.slice(0, k.indexOf('|'))), keys.map((k) => k.slice(k.indexOf('|') + 1))],
    });
    const found = new Map(rows.map((r) => [keys[r.i - 1], r.fingerprint]));
    return items.map((i) => found.get(`${i.editionId}|${i.email}`) ?? null);
  }

  /** Entries with their sessions and waitlist positions, by session start. */
  private async entries(where: string, parameters: Record<string, unknown>): Promise<ScheduleEntry[]> {
    const { entities, raw } = await this.db
      .getRepository(ScheduleEntry)
      .createQueryBuilder('e')
      .innerJoinAndMapOne('e.session', Session, 's', 's.id = e.sessionId')
      .leftJoinAndMapOne('s.room', Room, 'r', 'r.id = s.roomId')
      .leftJoinAndMapOne('s.track', Track, 't', 't.id = s.trackId')
      .addSelect(
        `CASE WHEN e.status = 'WAITLISTED' THEN ${waitlistPlace('e.session_id', 'e.seq')} END`,
        'waitlist_position',
      )
      .where(where, parameters)
      .orderBy('s.startsAt', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getRawAndEntities<{ e_id: string; waitlist_position: number | null }>();
    const positions = new Map(raw.map((r) => [r.e_id, r.waitlist_position]));
    for (const entry of entities) entry.waitlistPosition = positions.get(entry.id) ?? null;
    return entities;
  }
}
