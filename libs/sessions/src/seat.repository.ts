import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SessionFormat, SessionStatus } from './session.entity';

/** What decides a session's seats. */
export interface SeatState {
  id: string;
  editionId: string;
  status: SessionStatus;
  format: SessionFormat;
  seatsTaken: number;
  /** Seats the session gives out: its own capacity, else its room's when the organizer enforces it, else none (bookmarks only). */
  seatLimit: number | null;
}

/** A change to a session's seat counters: reserved entries and waitlisted entries gained (negative: lost). */
export interface SeatCount {
  reserved: number;
  waitlisted: number;
}

/** SeatState.seatLimit of session `s` in room `r` (the room is read in the join). */
const SEAT_LIMIT = `coalesce(s.capacity, CASE WHEN r.enforce_capacity THEN r.capacity END)`;

/**
 * The sessions lib's half of the one-statement seat take (the schedule lib's ScheduleRepository.takeSeat
 * composes it with the insert of the entry), so the session's counters are written by this lib's
 * SQL only, in the same statement as the entry: one round trip, the lock held for that statement alone.
 */
export const SEAT_STATEMENT = {
  /** A CTE body: the session's seat state (id, status, seats_taken, waitlisted, seat_limit), its row locked for the statement. */
  lockedState: (sessionIdParam: string) =>
    `SELECT s.id, s.status, s.seats_taken, s.waitlisted, ${SEAT_LIMIT} AS seat_limit
           FROM session s LEFT JOIN room r ON r.id = s.room_id WHERE s.id = ${sessionIdParam} FOR NO KEY UPDATE OF s`,
  /** A CTE body: counts the entry a CTE named `entry` (with a `status` column) made on the session. */
  countEntry: (entry: string, sessionIdParam: string) =>
    `UPDATE session SET seats_taken = seats_taken + (${entry}.status = 'RESERVED')::int, waitlisted = waitlisted + (${entry}.status = 'WAITLISTED')::int
           FROM ${entry} WHERE session.id = ${sessionIdParam} AND ${entry}.status <> 'BOOKMARKED'`,
};

/**
 * A session's seats: `session.seats_taken` and `session.waitlisted`, counted under the session's
 * row lock. The only writer of these counters; other libs reach it through SessionsService.
 */
@Injectable()
export class SeatRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The seat states of the sessions that exist; with `lock`, their rows are locked until the caller's transaction ends. */
  async states(sessionIds: string[], lock: boolean, manager?: EntityManager): Promise<SeatState[]> {
    const rows: {
      id: string;
      edition_id: string;
      status: SessionStatus;
      format: SessionFormat;
      seats_taken: number;
      seat_limit: number | null;
    }[] = await (manager ?? this.db.manager).query(
      `SELECT s.id, s.edition_id, s.status, s.format, s.seats_taken, ${SEAT_LIMIT} AS seat_limit
         FROM session s LEFT JOIN room r ON r.id = s.room_id WHERE s.id = ANY($1::uuid[]) ${lock ? 'FOR NO KEY UPDATE OF s' : ''}`,
      [sessionIds],
    );
    return rows.map((r) => ({
      id: r.id,
      editionId: r.edition_id,
      status: r.status,
      format: r.format,
      seatsTaken: r.seats_taken,
      seatLimit: r.seat_limit,
    }));
  }

  /** Adds to the counters in the caller's transaction (the constraints keep them at zero or more and within capacity). */
  async count(sessionId: string, change: SeatCount, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE session SET seats_taken = seats_taken + $2, waitlisted = waitlisted + $3 WHERE id = $1`,
      [sessionId, change.reserved, change.waitlisted],
    );
  }
}
