import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { conflict, forbidden, GroupCommit, notFound, Principal, unauthenticated, writeOutbox } from '@app/core';
import { AccessLevel, AttendeesService } from '@app/attendees';
import { Room, Track } from '@app/editions';
import { Session, SessionFormat, SessionStatus } from '@app/sessions';
import { Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { ScheduleEntry, ScheduleEntryStatus, SessionAttendance } from './schedule-entry.entity';

/** What an expo-only pass may put in a schedule. */
const EXPO_FORMATS = new Set([SessionFormat.THEATER, SessionFormat.NETWORKING]);

interface SeatRow {
  edition_id: string;
  status: SessionStatus;
  format: SessionFormat;
  seats_taken: number;
  /** Seats the session gives out: its own capacity, else its room's when the organizer enforces it, else none (bookmarks only). */
  seat_limit: number | null;
}
/** SeatRow.seat_limit of session `s` in room `r`. */
const SEAT_LIMIT = `coalesce(s.capacity, CASE WHEN r.enforce_capacity THEN r.capacity END)`;

/** An entry's place on its session's waitlist (1 is next): the waitlisted entries with its sequence number or lower. */
const waitlistPlace = (sessionId: string, seq: string) => `(SELECT count(*)::int FROM schedule_entry w WHERE w.session_id = ${sessionId} AND w.status = 'WAITLISTED' AND w.seq <= ${seq})`;

const overlaps = (a: Session, b: Session): boolean => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/**
 * A digest of everything a schedule's answer is made of, for each (edition, email): the attendee,
 * their entries, each entry's session, room, track, edition and speakers, by row version (xmin
 * changes with every update, and a deleted or added row changes the list), so any change to any of
 * these rows changes the digest. Seat counts and waitlist places move when OTHER people add, leave
 * or are promoted: every such change updates the session's row in the same transaction (seats_taken
 * and waitlisted, see takeSeat, remove and promote), so the session's version covers them too. Keep
 * it so: a change to a session's seats or waitlist that leaves its row untouched would let
 * MyScheduleCache serve a stale place. No row: no registration. One statement for many people,
 * prepared once per connection.
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

interface AddRequest {
  email: string;
  sessionId: string;
}
/** An add's answer: its entry or the error to throw. */
type AddOutcome = { error: unknown } | { entry: ScheduleEntry };

@Injectable()
export class ScheduleService {
  private readonly adds = new GroupCommit<AddRequest, AddOutcome | Promise<AddOutcome>>((_, items) => this.addMany(items));
  /** Fingerprint reads that arrive while one is running go together in the next: each starts after its callers asked. */
  private readonly fingerprintReads = new GroupCommit<{ editionId: string; email: string }, string | null>((_, items) => this.fingerprintsOf(items));

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly attendees: AttendeesService,
  ) {}

  /**
   * Adds a published session to the caller's schedule: RESERVED while seats remain, WAITLISTED when
   * they are gone, BOOKMARKED when the session has no seat limit. Seat-limited sessions are locked
   * while a seat is taken, so seats are never oversold; bookmarks take no lock, so a keynote that
   * thousands add at once does not queue them. Adding a session twice returns the existing entry.
   *
   * Adds that arrive together are checked and bookmarked together (group commit): one read of the
   * sessions beside one of the callers' registrations, then one insert, whatever their number. A
   * seat-limited add's answer is a promise in the batch's results, settled by its own statement.
   */
  async add(user: Principal | undefined, sessionId: string): Promise<ScheduleEntry> {
    if (!user) throw unauthenticated();
    // An unverified account is registered nowhere (it is answered as a stranger would be).
    if (!user.email) throw forbidden('You are not registered for this edition; verify your email address first');
    const outcome = await this.adds.add('add', { email: user.email, sessionId });
    if ('error' in outcome) throw outcome.error;
    return outcome.entry;
  }

  /**
   * The checks of many adds, and their bookmarks. A seat-limited add takes its seat in its own
   * statement, started as soon as its checks pass: it does not wait for the batch's bookmarks.
   */
  private async addMany(items: AddRequest[]): Promise<(AddOutcome | Promise<AddOutcome>)[]> {
    // The sessions and the callers' registrations are read side by side.
    const [rows, registrations] = await Promise.all([
      this.seatRows(this.db.manager, [...new Set(items.map((i) => i.sessionId))], false),
      this.attendees.registrationsOf([...new Set(items.map((i) => i.email))]),
    ]);
    const sessions = new Map(rows.map((r) => [r.id, r]));
    const outcomes = new Array<AddOutcome | Promise<AddOutcome>>(items.length);
    const bookmarks: { index: number; attendeeId: string; sessionId: string }[] = [];
    for (const [index, { email, sessionId }] of items.entries()) {
      const session = sessions.get(sessionId);
      const attendee = session && registrations.get(`${session.edition_id}|${email}`);
      if (!session || session.status === SessionStatus.DRAFT) outcomes[index] = { error: notFound('Session', sessionId) };
      else if (!attendee) outcomes[index] = { error: forbidden('You are not registered for this edition') };
      else if (attendee.accessLevel === AccessLevel.EXPO_ONLY && !EXPO_FORMATS.has(session.format)) outcomes[index] = { error: forbidden('An expo-only pass gives access to theater and networking sessions only') };
      else if (session.status === SessionStatus.CANCELLED) outcomes[index] = { error: conflict('This session has been cancelled', { status: session.status }) };
      else if (session.seat_limit !== null) outcomes[index] = this.seat(attendee.id, sessionId);
      else bookmarks.push({ index, attendeeId: attendee.id, sessionId }); // its outcome comes with the insert
    }
    if (bookmarks.length) await this.bookmark(bookmarks, outcomes);
    return outcomes;
  }

  /** A seat-limited add: its new entry, the one the attendee already has, or the error. Never rejects. */
  private seat(attendeeId: string, sessionId: string): Promise<AddOutcome> {
    return this.takeSeat(attendeeId, sessionId)
      .then(async (entry) => ({ entry: entry ?? (await this.existing(attendeeId, sessionId)) }))
      .catch((error: unknown) => ({ error }));
  }

  /** Writes a batch's bookmarks in one insert and puts each one's entry (or the insert's error) in its outcome. */
  private async bookmark(bookmarks: { index: number; attendeeId: string; sessionId: string }[], outcomes: (AddOutcome | Promise<AddOutcome>)[]): Promise<void> {
    try {
      const inserted: { id: string; seq: string; attendee_id: string; session_id: string }[] = await this.db.query(
        `INSERT INTO schedule_entry (attendee_id, session_id, status)
         SELECT a, s, 'BOOKMARKED' FROM unnest($1::uuid[], $2::uuid[]) AS b(a, s)
         ON CONFLICT (attendee_id, session_id) DO NOTHING RETURNING id, seq, attendee_id, session_id`,
        [bookmarks.map((b) => b.attendeeId), bookmarks.map((b) => b.sessionId)],
      );
      const made = new Map(inserted.map((r) => [`${r.attendee_id}|${r.session_id}`, r]));
      for (const b of bookmarks) {
        const row = made.get(`${b.attendeeId}|${b.sessionId}`);
        made.delete(`${b.attendeeId}|${b.sessionId}`); // the same add twice in one batch: the second finds the first
        outcomes[b.index] = row
          ? { entry: Object.assign(new ScheduleEntry(), { id: row.id, seq: row.seq, attendeeId: b.attendeeId, sessionId: b.sessionId, status: ScheduleEntryStatus.BOOKMARKED, waitlistPosition: null }) }
          : { entry: await this.existing(b.attendeeId, b.sessionId) };
      }
    } catch (error) {
      for (const b of bookmarks) outcomes[b.index] = { error };
    }
  }

  private async existing(attendeeId: string, sessionId: string): Promise<ScheduleEntry> {
    const [entry] = await this.entries(`e.attendeeId = :attendeeId AND e.sessionId = :sessionId`, { attendeeId, sessionId });
    return entry;
  }

  /**
   * Takes a session out of the caller's schedule. A freed seat goes to the first on the waitlist in
   * the same transaction. Returns false when the session was not in the schedule.
   */
  async remove(user: Principal | undefined, sessionId: string): Promise<boolean> {
    if (!user) throw unauthenticated();
    const session = await this.seats(this.db.manager, sessionId, false);
    const attendee = await this.attendees.requireMine(user, session.edition_id);
    return this.db.transaction(async (em) => {
      const row = await this.seats(em, sessionId, true);
      const [deleted]: [{ status: ScheduleEntryStatus }[]] = await em.query(`DELETE FROM schedule_entry WHERE attendee_id = $1 AND session_id = $2 RETURNING status`, [attendee.id, sessionId]);
      if (!deleted.length) return false;
      if (deleted[0].status === ScheduleEntryStatus.RESERVED) {
        await em.query(`UPDATE session SET seats_taken = seats_taken - 1 WHERE id = $1`, [sessionId]);
        await this.promote(em, sessionId, { ...row, seats_taken: row.seats_taken - 1 });
      } else if (deleted[0].status === ScheduleEntryStatus.WAITLISTED) {
        await em.query(`UPDATE session SET waitlisted = waitlisted - 1 WHERE id = $1`, [sessionId]);
      }
      return true;
    });
  }

  /** Gives a session's free seats (after its capacity or room grew) to the waitlist, in one transaction. */
  async fillFreeSeats(sessionId: string): Promise<number> {
    return this.db.transaction(async (em) => {
      const [row] = await this.seatRows(em, [sessionId], true);
      if (row?.status !== SessionStatus.PUBLISHED) return 0; // deleted, unpublished or cancelled since
      return (await this.promote(em, sessionId, row)).length;
    });
  }

  /** The caller's schedule in an edition: published sessions, by start time. Empty when not registered. */
  async mine(user: Principal | undefined, editionId: string): Promise<ScheduleEntry[]> {
    const attendee = await this.attendees.mine(user, editionId);
    if (!attendee) return [];
    const entries = await this.entries(`e.attendeeId = :attendeeId AND s.status = :published`, { attendeeId: attendee.id, published: SessionStatus.PUBLISHED });
    // The whole schedule is at hand, so its conflicts need no query.
    for (const entry of entries) entry.conflicts = entries.filter((other) => other !== entry && overlaps(entry.session!, other.session!)).map((other) => other.session!);
    return entries;
  }

  /**
   * What the caller's schedule in an edition is made of, as a digest read after this call (never an
   * earlier read's): equal digests, equal answers (for the fields MyScheduleCache serves). Null when
   * the caller has no registration there (or an unverified address).
   */
  fingerprint(user: Principal, editionId: string): Promise<string | null> {
    if (!user.email) return Promise.resolve(null);
    return this.fingerprintReads.add('fingerprints', { editionId, email: user.email });
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

  /** Reservation, waitlist and bookmark counts per session (DataLoader batch). */
  async attendanceOf(sessionIds: readonly string[]): Promise<(SessionAttendance & { sessionId: string })[]> {
    const rows: { session_id: string; reserved: number; waitlisted: number; bookmarked: number }[] = await this.db.query(
      `SELECT session_id,
              count(*) FILTER (WHERE status = 'RESERVED')::int AS reserved,
              count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waitlisted,
              count(*) FILTER (WHERE status = 'BOOKMARKED')::int AS bookmarked
         FROM schedule_entry WHERE session_id = ANY($1) GROUP BY session_id`,
      [sessionIds],
    );
    const found = new Map(rows.map((r) => [r.session_id, r]));
    return sessionIds.map((sessionId) => ({ sessionId, reserved: 0, waitlisted: 0, bookmarked: 0, ...found.get(sessionId) }));
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

  /** Reads what decides a session's seats; with `lock`, locks the session row for a seat change (in a transaction). */
  private async seats(em: EntityManager, sessionId: string, lock: boolean): Promise<SeatRow> {
    const [row] = await this.seatRows(em, [sessionId], lock);
    if (!row) throw notFound('Session', sessionId);
    return row;
  }

  /** What decides these sessions' seats (the ones that exist); with `lock`, locks their rows (in a transaction). */
  private seatRows(em: EntityManager, sessionIds: string[], lock: boolean): Promise<(SeatRow & { id: string })[]> {
    return em.query(
      `SELECT s.id, s.edition_id, s.status, s.format, s.seats_taken, ${SEAT_LIMIT} AS seat_limit
         FROM session s LEFT JOIN room r ON r.id = s.room_id WHERE s.id = ANY($1::uuid[]) ${lock ? 'FOR NO KEY UPDATE OF s' : ''}`,
      [sessionIds],
    );
  }

  /**
   * Adds a seat-limited session in one statement: it locks the session row, inserts the entry as
   * RESERVED while seats remain (else WAITLISTED) and counts it on the session. A statement that
   * waited for the lock works on the row as the previous holder left it (PostgreSQL reads a locked
   * row again once it is free), so seats are never oversold, and entries take their sequence numbers
   * under the lock, so the waitlist is in the order the lock was granted. The session's count of
   * waitlisted entries, read under the same lock, is the new entry's place: the end of the line.
   * Null when the attendee already has this session.
   */
  private async takeSeat(attendeeId: string, sessionId: string): Promise<ScheduleEntry | null> {
    const [row]: { session_status: SessionStatus; id: string | null; seq: string; status: ScheduleEntryStatus; place: number }[] = await this.db.query(
      `WITH s AS (
         SELECT s.id, s.status, s.seats_taken, s.waitlisted, ${SEAT_LIMIT} AS seat_limit
           FROM session s LEFT JOIN room r ON r.id = s.room_id WHERE s.id = $2 FOR NO KEY UPDATE OF s),
       entry AS (
         INSERT INTO schedule_entry (attendee_id, session_id, status)
         SELECT $1, s.id, (CASE WHEN s.seat_limit IS NULL THEN 'BOOKMARKED' WHEN s.seats_taken < s.seat_limit THEN 'RESERVED' ELSE 'WAITLISTED' END)::schedule_entry_status
           FROM s WHERE s.status = 'PUBLISHED'
         ON CONFLICT (attendee_id, session_id) DO NOTHING RETURNING id, seq, status),
       counted AS (
         UPDATE session SET seats_taken = seats_taken + (entry.status = 'RESERVED')::int, waitlisted = waitlisted + (entry.status = 'WAITLISTED')::int
           FROM entry WHERE session.id = $2 AND entry.status <> 'BOOKMARKED')
       SELECT s.status AS session_status, entry.id, entry.seq, entry.status, s.waitlisted + 1 AS place FROM s LEFT JOIN entry ON true`,
      [attendeeId, sessionId],
    );
    if (!row || row.session_status === SessionStatus.DRAFT) throw notFound('Session', sessionId);
    if (row.session_status === SessionStatus.CANCELLED) throw conflict('This session has been cancelled', { status: row.session_status });
    if (!row.id) return null;
    return Object.assign(new ScheduleEntry(), { id: row.id, seq: row.seq, attendeeId, sessionId, status: row.status, waitlistPosition: row.status === ScheduleEntryStatus.WAITLISTED ? row.place : null });
  }

  /** Gives free seats to the waitlist, first come first served. Returns the promoted entries. */
  private async promote(em: EntityManager, sessionId: string, row: SeatRow): Promise<{ id: string; attendee_id: string }[]> {
    const free = row.seat_limit === null ? 0 : row.seat_limit - row.seats_taken;
    if (free <= 0) return [];
    const [promoted]: [{ id: string; attendee_id: string }[]] = await em.query(
      `UPDATE schedule_entry e SET status = 'RESERVED', updated_at = now()
         FROM (SELECT id FROM schedule_entry WHERE session_id = $1 AND status = 'WAITLISTED' ORDER BY seq LIMIT $2) next
        WHERE e.id = next.id RETURNING e.id, e.attendee_id`,
      [sessionId, free],
    );
    if (promoted.length) {
      await em.query(`UPDATE session SET seats_taken = seats_taken + $2, waitlisted = waitlisted - $2 WHERE id = $1`, [sessionId, promoted.length]);
      await writeOutbox(em, 'seat.promoted', { sessionId, editionId: row.edition_id, entryIds: promoted.map((p) => p.id) });
    }
    return promoted;
  }
}
