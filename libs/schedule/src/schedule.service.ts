import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  conflict,
  forbidden,
  GroupCommit,
  Loaders,
  notFound,
  Principal,
  unauthenticated,
  writeOutbox,
} from '@app/core';
import { AccessLevel, AttendeesService } from '@app/attendees';
import { SeatState, Session, SessionFormat, SessionsService, SessionStatus } from '@app/sessions';
import { DataSource, EntityManager } from 'typeorm';
import { ScheduleEntry, ScheduleEntryStatus, SessionAttendance } from './schedule-entry.entity';
import { ScheduleRepository } from './schedule.repository';

/** What an expo-only pass may put in a schedule. */
const EXPO_FORMATS = new Set([SessionFormat.THEATER, SessionFormat.NETWORKING]);

const overlaps = (a: Session, b: Session): boolean => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

interface AddRequest {
  email: string;
  sessionId: string;
}
/** An add's answer: its entry or the error to throw. */
type AddOutcome = { error: unknown } | { entry: ScheduleEntry };

@Injectable()
export class ScheduleService {
  private readonly adds = new GroupCommit<AddRequest, AddOutcome | Promise<AddOutcome>>((_, items) =>
    this.addMany(items),
  );

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly entries: ScheduleRepository,
    private readonly attendees: AttendeesService,
    private readonly sessions: SessionsService,
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
      this.sessions.seatStates([...new Set(items.map((i) => i.sessionId))], false),
      this.attendees.registrationsOf([...new Set(items.map((i) => i.email))]),
    ]);
    const sessions = new Map(rows.map((r) => [r.id, r]));
    const outcomes = new Array<AddOutcome | Promise<AddOutcome>>(items.length);
    const bookmarks: { index: number; attendeeId: string; sessionId: string }[] = [];
    for (const [index, { email, sessionId }] of items.entries()) {
      const session = sessions.get(sessionId);
      const attendee = session && registrations.get(`${session.editionId}|${email}`);
      if (!session || session.status === SessionStatus.DRAFT)
        outcomes[index] = { error: notFound('Session', sessionId) };
      else if (!attendee) outcomes[index] = { error: forbidden('You are not registered for this edition') };
      else if (attendee.accessLevel === AccessLevel.EXPO_ONLY && !EXPO_FORMATS.has(session.format))
        outcomes[index] = {
          error: forbidden('An expo-only pass gives access to theater and networking sessions only'),
        };
      else if (session.status === SessionStatus.CANCELLED)
        outcomes[index] = { error: conflict('This session has been cancelled', { status: session.status }) };
      else if (session.seatLimit !== null) outcomes[index] = this.seat(attendee.id, sessionId);
      else bookmarks.push({ index, attendeeId: attendee.id, sessionId }); // its outcome comes with the insert
    }
    if (bookmarks.length) await this.bookmark(bookmarks, outcomes);
    return outcomes;
  }

  /**
   * A seat-limited add, in one statement (ScheduleRepository.takeSeat): RESERVED while seats remain,
   * else WAITLISTED at the end of the line. Its new entry, the one the attendee already has, or the
   * error (the session is unpublished or cancelled since it was read). Never rejects.
   */
  private seat(attendeeId: string, sessionId: string): Promise<AddOutcome> {
    return this.entries
      .takeSeat(attendeeId, sessionId)
      .then(async ({ sessionStatus, entry }): Promise<AddOutcome> => {
        if (!sessionStatus || sessionStatus === SessionStatus.DRAFT) return { error: notFound('Session', sessionId) };
        if (sessionStatus === SessionStatus.CANCELLED)
          return { error: conflict('This session has been cancelled', { status: sessionStatus }) };
        return { entry: entry ?? (await this.existing(attendeeId, sessionId)) };
      })
      .catch((error: unknown) => ({ error }));
  }

  /** Writes a batch's bookmarks in one insert and puts each one's entry (or the insert's error) in its outcome. */
  private async bookmark(
    bookmarks: { index: number; attendeeId: string; sessionId: string }[],
    outcomes: (AddOutcome | Promise<AddOutcome>)[],
  ): Promise<void> {
    try {
      const inserted = await this.entries.insertBookmarks(bookmarks);
      const made = new Map(inserted.map((e) => [`${e.attendeeId}|${e.sessionId}`, e]));
      for (const b of bookmarks) {
        const entry = made.get(`${b.attendeeId}|${b.sessionId}`);
        made.delete(`${b.attendeeId}|${b.sessionId}`); // the same add twice in one batch: the second finds the first
        outcomes[b.index] = { entry: entry ?? (await this.existing(b.attendeeId, b.sessionId)) };
      }
    } catch (error) {
      for (const b of bookmarks) outcomes[b.index] = { error };
    }
  }

  private async existing(attendeeId: string, sessionId: string): Promise<ScheduleEntry> {
    return (await this.entries.entryOf(attendeeId, sessionId))!;
  }

  /**
   * Takes a session out of the caller's schedule. A freed seat goes to the first on the waitlist in
   * the same transaction. Returns false when the session was not in the schedule.
   */
  async remove(user: Principal | undefined, sessionId: string): Promise<boolean> {
    if (!user) throw unauthenticated();
    const session = await this.seats(sessionId, false);
    const attendee = await this.attendees.requireMine(user, session.editionId);
    return this.db.transaction(async (em) => {
      const seats = await this.seats(sessionId, true, em);
      const status = await this.entries.deleteEntry(attendee.id, sessionId, em);
      if (!status) return false;
      if (status === ScheduleEntryStatus.RESERVED) {
        await this.sessions.countSeats(sessionId, { reserved: -1, waitlisted: 0 }, em);
        await this.promote({ ...seats, seatsTaken: seats.seatsTaken - 1 }, em);
      } else if (status === ScheduleEntryStatus.WAITLISTED) {
        await this.sessions.countSeats(sessionId, { reserved: 0, waitlisted: -1 }, em);
      }
      return true;
    });
  }

  /** Gives a session's free seats (after its capacity or room grew) to the waitlist, in one transaction. */
  async fillFreeSeats(sessionId: string): Promise<number> {
    return this.db.transaction(async (em) => {
      const [seats] = await this.sessions.seatStates([sessionId], true, em);
      if (seats?.status !== SessionStatus.PUBLISHED) return 0; // deleted, unpublished or cancelled since
      return (await this.promote(seats, em)).length;
    });
  }

  /** The caller's schedule in an edition: published sessions, by start time. Empty when not registered. */
  async mine(user: Principal | undefined, editionId: string): Promise<ScheduleEntry[]> {
    const attendee = await this.attendees.mine(user, editionId);
    if (!attendee) return [];
    const entries = await this.entries.publishedEntriesOf(attendee.id);
    // The whole schedule is at hand, so its conflicts need no query.
    for (const entry of entries)
      entry.conflicts = entries
        .filter((other) => other !== entry && overlaps(entry.session!, other.session!))
        .map((other) => other.session!);
    return entries;
  }

  /** Entries of these attendees in published sessions, by session start (DataLoader batch). */
  entriesOfAttendees(attendeeIds: readonly string[]): Promise<ScheduleEntry[]> {
    return this.entries.publishedEntriesOfMany(attendeeIds);
  }

  /**
   * An attendee's schedule as the caller sees it: for the attendee and the edition's organizers
   * (the back office's attendee page), null for anyone else. Batched through the request's loaders.
   */
  async scheduleVisibleTo(
    user: Principal | undefined,
    attendee: { id: string; editionId: string; email: string },
    loaders: Loaders,
  ): Promise<ScheduleEntry[] | null> {
    if (!user) return null;
    const own = user.email !== null && attendee.email === user.email;
    if (!own && !(await loaders.organizerOf.load(attendee.editionId))) return null;
    return loaders.attendeeSchedule.load(attendee.id);
  }

  /**
   * What the caller's schedule in an edition is made of, as a digest read after this call (never an
   * earlier read's): equal digests, equal answers (for the fields MyScheduleCache serves). Null when
   * the caller has no registration there (or an unverified address).
   */
  fingerprint(user: Principal, editionId: string): Promise<string | null> {
    if (!user.email) return Promise.resolve(null);
    return this.entries.fingerprint(editionId, user.email);
  }

  /** For each entry, its attendee's other published entries that overlap it in time (DataLoader batch). */
  conflictsOf(entryIds: readonly string[]): Promise<{ entryId: string; session: Session }[]> {
    return this.entries.conflictsOf(entryIds);
  }

  /** Reservation, waitlist and bookmark counts per session (DataLoader batch). */
  attendanceOf(sessionIds: readonly string[]): Promise<(SessionAttendance & { sessionId: string })[]> {
    return this.entries.attendanceOf(sessionIds);
  }

  /** A session's reservations, waitlist and bookmarks: for the edition's organizers, null for anyone else. Batched through the request's loaders. */
  async attendanceFor(
    user: Principal | undefined,
    session: Session,
    loaders: Loaders,
  ): Promise<SessionAttendance | null> {
    if (!user || !(await loaders.organizerOf.load(session.editionId))) return null;
    return loaders.sessionAttendance.load(session.id);
  }

  /** What decides a session's seats; with `lock`, locks the session row for a seat change (in the caller's transaction). */
  private async seats(sessionId: string, lock: boolean, manager?: EntityManager): Promise<SeatState> {
    const [seats] = await this.sessions.seatStates([sessionId], lock, manager);
    if (!seats) throw notFound('Session', sessionId);
    return seats;
  }

  /** Gives free seats to the waitlist, first come first served (session row locked). Returns the promoted entries. */
  private async promote(seats: SeatState, em: EntityManager): Promise<{ id: string; attendeeId: string }[]> {
    const free = seats.seatLimit === null ? 0 : seats.seatLimit - seats.seatsTaken;
    if (free <= 0) return [];
    const promoted = await this.entries.promoteWaitlisted(seats.id, free, em);
    if (promoted.length) {
      await this.sessions.countSeats(seats.id, { reserved: promoted.length, waitlisted: -promoted.length }, em);
      await writeOutbox(em, 'seat.promoted', {
        sessionId: seats.id,
        editionId: seats.editionId,
        entryIds: promoted.map((p) => p.id),
      });
    }
    return promoted;
  }
}
