import { Principal } from '@app/core';
import { ScheduleEntry, ScheduleEntryStatus, ScheduleModule, ScheduleService } from '@app/schedule';
import { SessionsService } from '@app/sessions';
import { ServiceTier } from '@app/testing';

/** The seat rules of the README, on ScheduleService and SessionsService with their real repositories and PostgreSQL. */
describe('seats', () => {
  let tier: ServiceTier;
  let schedule: ScheduleService;
  let sessions: SessionsService;

  beforeAll(async () => {
    tier = await ServiceTier.create({ imports: [ScheduleModule] });
    schedule = tier.get(ScheduleService);
    sessions = tier.get(SessionsService);
  });
  afterAll(() => tier.close());

  /** Registered attendees of an edition, each with their signed-in caller. */
  const attendees = (editionId: string, count: number): Promise<Principal[]> =>
    Promise.all(
      Array.from({ length: count }, async () => {
        const user = await tier.user();
        await tier.attendee(editionId, { email: user.email });
        return tier.principal(user);
      }),
    );

  const counters = async (sessionId: string) =>
    (
      await tier.sql<{ seats_taken: number; waitlisted: number }>(
        `SELECT seats_taken, waitlisted FROM session WHERE id = $1`,
        [sessionId],
      )
    )[0];

  /** Each caller's entry for the session as they would read it (status and waitlist place). */
  const entriesOf = async (editionId: string, sessionId: string, callers: Principal[]) =>
    Promise.all(callers.map(async (c) => (await schedule.mine(c, editionId)).find((e) => e.sessionId === sessionId)));

  it('gives the last seat to exactly one of many concurrent reservations and waitlists the rest in the order they were served', async () => {
    const edition = await tier.edition();
    const session = await tier.session(edition.id, { capacity: 1 });
    const callers = await attendees(edition.id, 25);

    const added = await Promise.all(callers.map((c) => schedule.add(c, session.id)));

    expect(added.filter((e) => e.status === ScheduleEntryStatus.RESERVED)).toHaveLength(1);
    const waiting = added.filter((e) => e.status === ScheduleEntryStatus.WAITLISTED);
    expect(waiting).toHaveLength(24);
    // Places 1..24, each once, in the order of the entries' sequence numbers (the order the lock was granted).
    expect(waiting.map((e) => e.waitlistPosition).sort((a, b) => a! - b!)).toEqual(
      Array.from({ length: 24 }, (_, i) => i + 1),
    );
    const bySeq = [...waiting].sort((a, b) => Number(BigInt(a.seq) - BigInt(b.seq)));
    expect(bySeq.map((e) => e.waitlistPosition)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(await counters(session.id)).toEqual({ seats_taken: 1, waitlisted: 24 });
    // Adding again changes nothing: the same entry, the same counts.
    const again = await schedule.add(callers[0], session.id);
    expect(again.id).toBe(added[0].id);
    expect(await counters(session.id)).toEqual({ seats_taken: 1, waitlisted: 24 });
  });

  it('gives a freed seat to the first on the waitlist, moves the line up and announces the promotion', async () => {
    const edition = await tier.edition();
    const session = await tier.session(edition.id, { capacity: 1 });
    const [holder, first, second, third] = await attendees(edition.id, 4);
    for (const caller of [holder, first, second, third]) await schedule.add(caller, session.id);

    expect(await schedule.remove(holder, session.id)).toBe(true);

    const [, firstEntry, secondEntry, thirdEntry] = await entriesOf(edition.id, session.id, [
      holder,
      first,
      second,
      third,
    ]);
    expect(firstEntry).toMatchObject({ status: ScheduleEntryStatus.RESERVED, waitlistPosition: null });
    expect(secondEntry).toMatchObject({ status: ScheduleEntryStatus.WAITLISTED, waitlistPosition: 1 });
    expect(thirdEntry).toMatchObject({ status: ScheduleEntryStatus.WAITLISTED, waitlistPosition: 2 });
    expect(await counters(session.id)).toEqual({ seats_taken: 1, waitlisted: 2 });
    const [promotion] = await tier.sql<{ payload: { sessionId: string; entryIds: string[] } }>(
      `SELECT payload FROM outbox_message WHERE topic = 'seat.promoted' AND payload->>'sessionId' = $1`,
      [session.id],
    );
    expect(promotion.payload.entryIds).toEqual([firstEntry!.id]);
    // Leaving the waitlist frees no seat: nobody moves up, the line closes.
    expect(await schedule.remove(second, session.id)).toBe(true);
    expect((await entriesOf(edition.id, session.id, [third]))[0]).toMatchObject({
      status: ScheduleEntryStatus.WAITLISTED,
      waitlistPosition: 1,
    });
    expect(await counters(session.id)).toEqual({ seats_taken: 1, waitlisted: 1 });
    expect(await schedule.remove(second, session.id)).toBe(false);
  });

  it('fills seats a larger capacity opens, first come first served, and never lets capacity drop below the seats taken', async () => {
    const edition = await tier.edition();
    const organizer = await tier.organizer(edition.id);
    const session = await tier.session(edition.id, { capacity: 1 });
    const callers = await attendees(edition.id, 4);
    const added: ScheduleEntry[] = [];
    for (const caller of callers) added.push(await schedule.add(caller, session.id));

    await expect(sessions.update(organizer, session.id, { capacity: 0 })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await sessions.update(organizer, session.id, { capacity: 3 });
    const [seatsJob] = await tier.sql(
      `SELECT payload FROM outbox_message WHERE topic = 'session.seats' AND payload->>'sessionId' = $1`,
      [session.id],
    );
    expect(seatsJob).toBeDefined(); // the worker is asked to fill the new seats: it calls fillFreeSeats
    expect(await schedule.fillFreeSeats(session.id)).toBe(2);

    const statuses = (await entriesOf(edition.id, session.id, callers)).map((e) => [e!.status, e!.waitlistPosition]);
    expect(statuses).toEqual([
      [ScheduleEntryStatus.RESERVED, null],
      [ScheduleEntryStatus.RESERVED, null],
      [ScheduleEntryStatus.RESERVED, null],
      [ScheduleEntryStatus.WAITLISTED, 1],
    ]);
    expect(await counters(session.id)).toEqual({ seats_taken: 3, waitlisted: 1 });
    expect(await schedule.fillFreeSeats(session.id)).toBe(0); // nothing left to give
  });

  it("takes seats up to the room's capacity when the organizer enforces it, and only bookmarks otherwise", async () => {
    const edition = await tier.edition();
    const enforced = await tier.room(edition.id, { capacity: 1, enforce_capacity: true });
    const open = await tier.room(edition.id, { capacity: 1 });
    const limited = await tier.session(edition.id, { room_id: enforced.id });
    const unlimited = await tier.session(edition.id, {
      room_id: open.id,
      starts_at: '2027-03-09T16:00:00Z',
      ends_at: '2027-03-09T17:00:00Z',
    });
    const [a, b] = await attendees(edition.id, 2);

    expect((await schedule.add(a, limited.id)).status).toBe(ScheduleEntryStatus.RESERVED);
    expect(await schedule.add(b, limited.id)).toMatchObject({
      status: ScheduleEntryStatus.WAITLISTED,
      waitlistPosition: 1,
    });
    expect((await schedule.add(a, unlimited.id)).status).toBe(ScheduleEntryStatus.BOOKMARKED);
    expect((await schedule.add(b, unlimited.id)).status).toBe(ScheduleEntryStatus.BOOKMARKED);
    expect(await counters(unlimited.id)).toEqual({ seats_taken: 0, waitlisted: 0 });
  });

  it('refuses seats in sessions that are not published or were cancelled, and callers without a registration', async () => {
    const edition = await tier.edition();
    const draft = await tier.session(edition.id, { capacity: 5, status: 'DRAFT' });
    const cancelled = await tier.session(edition.id, { capacity: 5, status: 'CANCELLED' });
    const open = await tier.session(edition.id, { capacity: 5 });
    const [caller] = await attendees(edition.id, 1);
    const stranger = tier.principal(await tier.user());

    await expect(schedule.add(caller, draft.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(schedule.add(caller, cancelled.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(schedule.add(stranger, open.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(schedule.add(undefined, open.id)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await counters(open.id)).toEqual({ seats_taken: 0, waitlisted: 0 });
  });
});
