import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  badInput,
  conflict,
  ConnectionResult,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  isId,
  isPgError,
  notFound,
  PgCode,
  Principal,
  PublicRevision,
  toConnection,
  writeOutbox,
} from '@app/core';
import { AccessService, Edition, EditionsService, localDayRange } from '@app/editions';
import { Speaker, SpeakersService } from '@app/speakers';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { ScheduleChange, SessionSnapshot } from './schedule-change.entity';
import { changeKinds, describeChange } from './schedule-change';
import { SeatCount, SeatRepository, SeatState } from './seat.repository';
import { ROOM_OVERLAP_CONSTRAINT, Session, SessionStatus } from './session.entity';
import { SessionInput, SessionPatch, SessionsArgs } from './session.inputs';
import { SessionRepository } from './session.repository';

/** Everything that decides where and when a session happens, after a create or a patch. */
interface Placement {
  startsAt: Date;
  endsAt: Date;
  roomId: string | null;
  trackId: string | null;
  speakerIds: string[];
}

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionRepository,
    private readonly seats: SeatRepository,
    private readonly access: AccessService,
    private readonly editions: EditionsService,
    private readonly speakers: SpeakersService,
    private readonly revision: PublicRevision,
  ) {}

  async create(user: Principal | undefined, editionId: string, input: SessionInput): Promise<Session> {
    await this.access.requireOrganizer(user, editionId);
    const placement: Placement = {
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      roomId: input.roomId ?? null,
      trackId: input.trackId ?? null,
      speakerIds: input.speakerIds ?? [],
    };
    const created = await this.db.transaction(async (em) => {
      const edition = await this.editions.get(editionId, em);
      await this.checkPlacement(em, edition, placement);
      const session = await this.sessions.insert(
        {
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
        },
        em,
      );
      await this.sessions.setSpeakers(session.id, placement.speakerIds, em);
      return session;
    });
    await this.revision.bump(); // organizers' cached answers show drafts
    return created;
  }

  /**
   * Organizers: deletes a draft session. Published and cancelled sessions are part of the programme
   * attendees saw (schedules, notifications, calendar feeds): CONFLICT, cancel instead. A draft a
   * checkpoint scans is CONFLICT too (its scans would go with it).
   */
  async delete(user: Principal | undefined, id: string): Promise<boolean> {
    await this.access.requireOrganizer(user, await this.editionIdOf(id));
    await this.db.transaction(async (em) => {
      const session = await this.lock(em, id);
      if (session.status !== SessionStatus.DRAFT)
        throw conflict(`Only a draft can be deleted; this session is ${session.status} (cancel it instead)`, {
          status: session.status,
        });
      if (await this.sessions.hasCheckpoint(id, em))
        throw conflict('A checkpoint scans attendance of this session; it cannot be deleted', {
          status: session.status,
        });
      await this.sessions.deleteDraft(id, em);
    });
    await this.revision.bump();
    return true;
  }

  async update(user: Principal | undefined, id: string, patch: SessionPatch): Promise<Session> {
    await this.access.requireOrganizer(user, await this.editionIdOf(id));
    return this.inTransaction(id, async (em, attempt) => {
      const session = await this.lock(em, id);
      const edition = await this.editions.get(session.editionId, em);
      const speakerIds = patch.speakerIds ?? (await this.sessions.speakerIdsOf(id, em));
      const placement: Placement = {
        startsAt: patch.startsAt ?? session.startsAt,
        endsAt: patch.endsAt ?? session.endsAt,
        roomId: patch.roomId === undefined ? session.roomId : patch.roomId,
        trackId: patch.trackId === undefined ? session.trackId : patch.trackId,
        speakerIds,
      };
      await this.checkPlacement(em, edition, placement);
      if (patch.capacity !== undefined && patch.capacity !== null && patch.capacity < session.seatsTaken) {
        throw badInput(`${session.seatsTaken} seats are already reserved; capacity cannot go below that`, {
          field: 'capacity',
          seatsTaken: session.seatsTaken,
        });
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
        format: patch.format ?? session.format,
        ceCredits: patch.ceCredits ?? session.ceCredits,
        revision: session.status === SessionStatus.PUBLISHED ? session.revision + 1 : session.revision,
      });
      await this.sessions.save(session, em);
      if (patch.speakerIds) await this.sessions.setSpeakers(id, patch.speakerIds, em);
      if (session.status === SessionStatus.PUBLISHED) await this.recordChange(em, edition, session, before);
      // More seats (a larger capacity or room) go to the waitlist: the schedule worker fills them.
      if (
        session.status === SessionStatus.PUBLISHED &&
        (session.capacity !== seatsBefore.capacity || session.roomId !== seatsBefore.roomId)
      )
        await writeOutbox(em, 'session.seats', { sessionId: id });
      return session;
    });
  }

  async publish(user: Principal | undefined, id: string): Promise<Session> {
    await this.access.requireOrganizer(user, await this.editionIdOf(id));
    return this.inTransaction(id, async (em, attempt) => {
      const session = await this.lock(em, id);
      if (session.status === SessionStatus.PUBLISHED) return session;
      if (session.status === SessionStatus.CANCELLED)
        throw conflict('A cancelled session cannot be published again', { status: session.status });
      const edition = await this.editions.get(session.editionId, em);
      await this.checkFree(
        em,
        edition,
        id,
        attempt({ ...session, speakerIds: await this.sessions.speakerIdsOf(id, em) }),
      );
      session.status = SessionStatus.PUBLISHED;
      await this.sessions.save(session, em);
      return session;
    });
  }

  async cancel(user: Principal | undefined, id: string, reason: string): Promise<Session> {
    await this.access.requireOrganizer(user, await this.editionIdOf(id));
    const why = reason.trim();
    if (!why || why.length > 1000)
      throw badInput('A cancellation reason has 1 to 1000 characters', { field: 'reason' });
    const cancelled = await this.db.transaction(async (em) => {
      const session = await this.lock(em, id);
      if (session.status === SessionStatus.CANCELLED) return session;
      const wasPublished = session.status === SessionStatus.PUBLISHED;
      const before = await this.snapshot(em, session);
      Object.assign(session, {
        status: SessionStatus.CANCELLED,
        cancelReason: why,
        revision: wasPublished ? session.revision + 1 : session.revision,
      });
      await this.sessions.save(session, em);
      if (wasPublished) await this.recordChange(em, await this.editions.get(session.editionId, em), session, before);
      return session;
    });
    await this.revision.bump();
    return cancelled;
  }

  /** A session as the caller may see it: drafts only for the edition's organizers. */
  async get(user: Principal | undefined, id: string): Promise<Session | null> {
    const session = await this.sessions.findById(id);
    if (!session) return null;
    if (session.status === SessionStatus.DRAFT && !(await this.access.isOrganizer(user, session.editionId)))
      return null;
    return session;
  }

  /** The programme, ordered by start time then id, with the contract's filters. */
  async list(
    user: Principal | undefined,
    { editionId, filter = {}, first = DEFAULT_PAGE_SIZE, after }: SessionsArgs,
  ): Promise<ConnectionResult<Session>> {
    const organizer = user ? await this.access.isOrganizer(user, editionId) : false;
    const cursor = after ? decodeCursor(after, ['string', 'string']) : undefined;
    const rows = await this.sessions.page({
      editionId,
      filter,
      organizer,
      after: cursor && { startsAt: String(cursor[0]), id: String(cursor[1]) },
      take: first + 1,
    });
    return toConnection(
      rows,
      first,
      (s) => [s.startsAt.toISOString(), s.id],
      () => this.sessions.count(editionId, filter, organizer),
    );
  }

  /** Changes to an edition's published sessions, oldest first (at most the latest 1,000). */
  async changes(editionId: string, since?: Date): Promise<ScheduleChange[]> {
    // The API speaks milliseconds, the database microseconds: 'after since' is from the next millisecond.
    const latest = await this.sessions.latestChanges(editionId, since && new Date(since.getTime() + 1), 1000);
    return latest.reverse();
  }

  /** Organizers: the changes sent to attendees of an edition, newest first, keyset-paginated. */
  async changeLog(
    user: Principal | undefined,
    editionId: string,
    first = DEFAULT_PAGE_SIZE,
    after?: string,
  ): Promise<ConnectionResult<ScheduleChange>> {
    await this.access.requireOrganizer(user, editionId);
    const cursor = after ? String(decodeCursor(after, ['string'])[0]) : undefined;
    if (cursor !== undefined && !isId(cursor)) throw badInput('Malformed cursor', { argument: 'after' });
    const rows = await this.sessions.changesPage(editionId, cursor, first + 1);
    return toConnection(
      rows,
      first,
      (c) => [c.id],
      () => this.sessions.countChanges(editionId),
    );
  }

  /** Changes by id (DataLoader batch). */
  changesByIds(ids: readonly string[]): Promise<ScheduleChange[]> {
    return this.sessions.changesByIds(ids);
  }

  /** One change, or null when its session (and its history) was deleted. */
  findChange(id: string): Promise<ScheduleChange | null> {
    return this.sessions.findChange(id);
  }

  byIds(ids: readonly string[]): Promise<Session[]> {
    return this.sessions.byIds(ids);
  }

  /**
   * What decides these sessions' seats (the ones that exist). With `lock`, their rows stay locked
   * until the caller's transaction ends: every change to a session's seats is made under that lock,
   * through countSeats. Other libs use these two methods whenever they take or free a seat.
   */
  seatStates(sessionIds: string[], lock: boolean, manager?: EntityManager): Promise<SeatState[]> {
    return this.seats.states(sessionIds, lock, manager);
  }

  /** Counts reservations and waitlisted entries gained or lost, in the caller's transaction (its rows locked by seatStates). */
  countSeats(sessionId: string, change: SeatCount, manager: EntityManager): Promise<void> {
    return this.seats.count(sessionId, change, manager);
  }

  /** Speakers of each session, in billing order (DataLoader batch). */
  speakersOf(sessionIds: readonly string[]): Promise<{ sessionId: string; speaker: Speaker }[]> {
    return this.sessions.speakersOf(sessionIds);
  }

  /** Published and cancelled sessions of each speaker, by start time (DataLoader batch). */
  sessionsOfSpeakers(speakerIds: readonly string[]): Promise<{ speakerId: string; session: Session }[]> {
    return this.sessions.sessionsOfSpeakers(speakerIds);
  }

  /** What attendees see of a session: times, room and speakers by name. */
  private async snapshot(em: EntityManager, session: Session): Promise<SessionSnapshot> {
    const { room, speakers } = await this.sessions.peopleOf(session, em);
    return {
      title: session.title,
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      roomId: session.roomId,
      room,
      speakerIds: speakers.map((s) => s.id),
      speakers: speakers.map((s) => s.name),
      status: session.status,
    };
  }

  /** A visible change to a published session: its record and an outbox message, in the change's own transaction. */
  private async recordChange(
    em: EntityManager,
    edition: Edition,
    session: Session,
    before: SessionSnapshot,
  ): Promise<void> {
    const after = await this.snapshot(em, session);
    const kinds = changeKinds(before, after);
    if (!kinds.length) return;
    const change = await this.sessions.insertChange(
      {
        editionId: edition.id,
        sessionId: session.id,
        kind: kinds[0],
        kinds,
        before,
        after,
        summary: describeChange(before, after, edition.timezone, session.cancelReason),
      },
      em,
    );
    await writeOutbox(em, 'schedule.changed', {
      scheduleChangeId: change.id,
      sessionId: session.id,
      editionId: edition.id,
    });
  }

  private async editionIdOf(id: string): Promise<string> {
    const editionId = await this.sessions.editionIdOf(id);
    if (!editionId) throw notFound('Session', id);
    return editionId;
  }

  private async lock(em: EntityManager, id: string): Promise<Session> {
    const session = await this.sessions.lock(id, em);
    if (!session) throw notFound('Session', id);
    return session;
  }

  /** Times in order and inside the edition's local days; room, track and speakers of this edition. */
  private async checkPlacement(em: EntityManager, edition: Edition, p: Placement): Promise<void> {
    if (p.endsAt.getTime() <= p.startsAt.getTime())
      throw badInput('A session must end after it starts', { field: 'endsAt' });
    const days = localDayRange(edition.startsOn, edition.endsOn, edition.timezone);
    if (p.startsAt < days.start || p.endsAt > days.end) {
      throw badInput(
        `A session must take place during the edition (${edition.startsOn} to ${edition.endsOn}, ${edition.timezone})`,
        { field: 'startsAt' },
      );
    }
    const [rooms, tracks] = await Promise.all([
      p.roomId ? this.editions.roomsByIds([p.roomId], em) : [],
      p.trackId ? this.editions.tracksByIds([p.trackId], em) : [],
    ]);
    if (p.roomId && !rooms.some((r) => r.editionId === edition.id)) throw notFound('Room', p.roomId);
    if (p.trackId && !tracks.some((t) => t.editionId === edition.id)) throw notFound('Track', p.trackId);
    if (p.speakerIds.length && !(await this.speakers.allInEdition(p.speakerIds, edition.id, em)))
      throw notFound('Speaker', p.speakerIds.join(', '));
  }

  /** No speaker of this session may be in another published session at an overlapping time. Locks the speakers' rows. */
  private async checkSpeakersFree(em: EntityManager, edition: Edition, sessionId: string, p: Placement): Promise<void> {
    if (!p.speakerIds.length) return;
    await this.speakers.lockForScheduling(p.speakerIds, em);
    const clash = await this.sessions.speakerClash(sessionId, p, em);
    if (clash) {
      throw conflict(
        `${clash.speaker} already speaks in "${clash.title}" (${this.when(edition, clash.startsAt, clash.endsAt)})`,
        { conflictingSessionId: clash.id },
      );
    }
  }

  /** The room and the speakers are free at the placement's time (speakers' rows locked). */
  private async checkFree(em: EntityManager, edition: Edition, sessionId: string, p: Placement): Promise<void> {
    const clash = await this.roomClash(em, sessionId, p);
    if (clash) throw clash;
    await this.checkSpeakersFree(em, edition, sessionId, p);
  }

  private async roomClash(em: EntityManager, sessionId: string, p: Placement) {
    const other = await this.sessions.roomClash(sessionId, p, em);
    if (!other) return undefined;
    return conflict(
      `Room "${other.room}" is already booked for "${other.title}" (${this.when(other, other.startsAt, other.endsAt)})`,
      {
        conflictingSessionId: other.id,
      },
    );
  }

  /**
   * Runs a change that may publish a session in a room. The exclusion constraint is the guard; when
   * it refuses (a concurrent change won), the error names the session that took the room.
   */
  private async inTransaction(
    sessionId: string,
    work: (em: EntityManager, attempt: (p: Placement) => Placement) => Promise<Session>,
  ): Promise<Session> {
    let attempted: Placement | undefined;
    try {
      const session = await this.db.transaction((em) => work(em, (p) => (attempted = p)));
      await this.revision.bump();
      return session;
    } catch (error) {
      if (!isPgError(error, PgCode.EXCLUSION_VIOLATION, ROOM_OVERLAP_CONSTRAINT)) throw error;
      throw (
        (attempted && (await this.roomClash(this.db.manager, sessionId, attempted))) ??
        conflict('The room is already booked at that time')
      );
    }
  }

  private when(edition: Pick<Edition, 'timezone'>, start: Date, end: Date): string {
    const zone = edition.timezone;
    return `${DateTime.fromJSDate(start, { zone }).toFormat('ccc d LLL HH:mm')}-${DateTime.fromJSDate(end, { zone }).toFormat('HH:mm')}`;
  }
}
