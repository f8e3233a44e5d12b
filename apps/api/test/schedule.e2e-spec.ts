import { eventually } from '@app/testing';
import { codeOf, TestApp } from './test-app';

const ADD = `mutation($s: ID!) { addToSchedule(sessionId: $s) { id status waitlistPosition session { id seatsTaken } } }`;
const REMOVE = `mutation($s: ID!) { removeFromSchedule(sessionId: $s) }`;
const MINE = `query($e: ID!) { mySchedule(editionId: $e) { id status waitlistPosition session { id title startsAt room { name } speakers { name } track { name } } conflictsWith { id title } } }`;
const ATTENDANCE = `query($id: ID!) { session(id: $id) { seatsTaken attendance { reserved waitlisted bookmarked } } }`;

describe('personal schedules', () => {
  let t: TestApp;
  let admin: string;
  let editionId: string;

  beforeAll(async () => {
    t = await TestApp.create();
    admin = await t.factory.admin();
    editionId = (await t.factory.edition()).id;
  });
  afterAll(() => t.close());

  it('bookmarks sessions without a seat limit, idempotently', async () => {
    const me = await t.factory.attendee(editionId);
    const { id } = await t.factory.session(editionId);
    const first = (await t.ok(ADD, { s: id }, me.token)).addToSchedule;
    expect(first).toMatchObject({ status: 'BOOKMARKED', waitlistPosition: null, session: { id, seatsTaken: 0 } });
    const again = (await t.ok(ADD, { s: id }, me.token)).addToSchedule;
    expect(again.id).toBe(first.id);
    expect((await t.ok(MINE, { e: editionId }, me.token)).mySchedule).toHaveLength(1);
    expect((await t.ok(REMOVE, { s: id }, me.token)).removeFromSchedule).toBe(true);
    expect((await t.ok(REMOVE, { s: id }, me.token)).removeFromSchedule).toBe(false);
    expect((await t.ok(MINE, { e: editionId }, me.token)).mySchedule).toHaveLength(0);
  });

  it('refuses with clear codes: unpublished, cancelled, not registered, signed out, expo-only passes', async () => {
    const me = await t.factory.attendee(editionId);
    const draft = await t.factory.session(editionId, {}, false);
    expect(codeOf(await t.gql(ADD, { s: draft.id }, me.token))).toBe('NOT_FOUND');
    const cancelled = await t.factory.session(editionId);
    await t.ok(
      `mutation($id: ID!) { cancelSession(id: $id, reason: "Speaker ill") { id } }`,
      { id: cancelled.id },
      admin,
    );
    expect(codeOf(await t.gql(ADD, { s: cancelled.id }, me.token))).toBe('CONFLICT');
    expect(codeOf(await t.gql(ADD, { s: '00000000-0000-4000-8000-000000000000' }, me.token))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(ADD, { s: 'not-an-id' }, me.token))).toBe('BAD_USER_INPUT');

    const open = await t.factory.session(editionId);
    expect(codeOf(await t.gql(ADD, { s: open.id }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(ADD, { s: open.id }, (await t.factory.user()).token))).toBe('FORBIDDEN');

    const expo = await t.factory.attendee(editionId, { accessLevel: 'EXPO_ONLY' });
    const res = await t.gql(ADD, { s: open.id }, expo.token);
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(res.errors![0].message).toMatch(/theater and networking/);
    for (const format of ['THEATER', 'NETWORKING']) {
      const s = await t.factory.session(editionId, { format });
      expect((await t.ok(ADD, { s: s.id }, expo.token)).addToSchedule.status).toBe('BOOKMARKED');
    }
  });

  it('answers a seat-limited session added twice (one after the other, or at once) with the same entry and one seat', async () => {
    const [a, b, c] = await Promise.all([
      t.factory.attendee(editionId),
      t.factory.attendee(editionId),
      t.factory.attendee(editionId),
    ]);
    const { id } = await t.factory.session(editionId, { capacity: 2, format: 'WORKSHOP' });
    const first = (await t.ok(ADD, { s: id }, a.token)).addToSchedule;
    expect(first).toMatchObject({ status: 'RESERVED', session: { seatsTaken: 1 } });
    expect((await t.ok(ADD, { s: id }, a.token)).addToSchedule).toEqual(first);
    const together = await Promise.all([t.ok(ADD, { s: id }, b.token), t.ok(ADD, { s: id }, b.token)]);
    expect(together[0].addToSchedule.id).toBe(together[1].addToSchedule.id);
    expect(together.map((x) => x.addToSchedule.status)).toEqual(['RESERVED', 'RESERVED']);
    // Full: the third person waits first in line, however often they ask.
    const waiting = await Promise.all([t.ok(ADD, { s: id }, c.token), t.ok(ADD, { s: id }, c.token)]);
    expect(waiting.map((x) => [x.addToSchedule.id, x.addToSchedule.status, x.addToSchedule.waitlistPosition])).toEqual([
      [waiting[0].addToSchedule.id, 'WAITLISTED', 1],
      [waiting[0].addToSchedule.id, 'WAITLISTED', 1],
    ]);
    expect((await t.ok(ADD, { s: id }, c.token)).addToSchedule).toMatchObject({
      id: waiting[0].addToSchedule.id,
      status: 'WAITLISTED',
      waitlistPosition: 1,
    });
    expect((await t.ok(ATTENDANCE, { id }, admin)).session).toEqual({
      seatsTaken: 2,
      attendance: { reserved: 2, waitlisted: 1, bookmarked: 0 },
    });
  });

  it('answers adds that arrive together each on its own: bookmarks, seats, repeats and refusals', async () => {
    const people = await t.factory.attendees(editionId, 20);
    const expo = await t.factory.attendee(editionId, { accessLevel: 'EXPO_ONLY' });
    const stranger = await t.factory.user();
    const talks = await Promise.all(Array.from({ length: 3 }, () => t.factory.session(editionId)));
    const workshop = await t.factory.session(editionId, { capacity: 5, format: 'WORKSHOP' });
    const draft = await t.factory.session(editionId, {}, false);
    const calls = [
      ...people.map((p, i) => ({ token: p.token, s: talks[i % 3].id, expect: 'BOOKMARKED' })),
      ...people.map((p, i) => ({ token: p.token, s: talks[i % 3].id, expect: 'BOOKMARKED' })), // each repeated at once
      ...people.slice(0, 8).map((p) => ({ token: p.token, s: workshop.id, expect: 'SEAT' })),
      { token: expo.token, s: talks[0].id, expect: 'FORBIDDEN' },
      { token: stranger.token, s: talks[0].id, expect: 'FORBIDDEN' },
      { token: people[0].token, s: draft.id, expect: 'NOT_FOUND' },
    ];
    const answers = await Promise.all(calls.map((c) => t.gql(ADD, { s: c.s }, c.token)));
    for (const [i, c] of calls.entries()) {
      if (c.expect === 'BOOKMARKED')
        expect(answers[i].data!.addToSchedule).toMatchObject({ status: 'BOOKMARKED', session: { id: c.s } });
      else if (c.expect === 'SEAT') expect(['RESERVED', 'WAITLISTED']).toContain(answers[i].data!.addToSchedule.status);
      else expect(codeOf(answers[i])).toBe(c.expect);
    }
    // A repeated add answers with the same entry.
    for (let i = 0; i < people.length; i++)
      expect(answers[i + people.length].data!.addToSchedule.id).toBe(answers[i].data!.addToSchedule.id);
    const seats = answers.slice(40, 48).map((a) => a.data!.addToSchedule);
    expect(seats.filter((x) => x.status === 'RESERVED')).toHaveLength(5);
    expect(
      seats
        .filter((x) => x.status === 'WAITLISTED')
        .map((x) => x.waitlistPosition)
        .sort(),
    ).toEqual([1, 2, 3]);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM schedule_entry WHERE session_id = ANY($1)`, [
      talks.map((x) => x.id),
    ]);
    expect(n).toBe(20);
  });

  it('never oversells: 200 concurrent adds at a 50-seat session, then freed seats go to the waitlist in order', async () => {
    const { id } = await t.factory.session(editionId, { capacity: 50 });
    const people = await t.factory.attendees(editionId, 200);
    const results = await Promise.all(people.map((p) => t.gql(ADD, { s: id }, p.token)));
    expect(results.filter((r) => r.errors)).toEqual([]);
    const entries = results.map((r, i) => ({ ...r.data!.addToSchedule, who: people[i] }));
    const reserved = entries.filter((e) => e.status === 'RESERVED');
    const waitlisted = entries
      .filter((e) => e.status === 'WAITLISTED')
      .sort((a, b) => a.waitlistPosition - b.waitlistPosition);
    expect(reserved).toHaveLength(50);
    expect(waitlisted.map((e) => e.waitlistPosition)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    expect((await t.ok(ATTENDANCE, { id }, admin)).session).toEqual({
      seatsTaken: 50,
      attendance: { reserved: 50, waitlisted: 150, bookmarked: 0 },
    });

    await Promise.all(reserved.slice(0, 10).map((e) => t.ok(REMOVE, { s: id }, e.who.token)));
    const statusOf = async (token: string) =>
      (await t.ok(MINE, { e: editionId }, token)).mySchedule.find(
        (e: { session: { id: string } }) => e.session.id === id,
      );
    for (const [i, e] of waitlisted.entries()) {
      const now = await statusOf(e.who.token);
      if (i < 10) expect(now).toMatchObject({ status: 'RESERVED', waitlistPosition: null });
      else if (i < 13 || i === 149) expect(now).toMatchObject({ status: 'WAITLISTED', waitlistPosition: i - 9 });
    }
    expect((await t.ok(ATTENDANCE, { id }, admin)).session).toEqual({
      seatsTaken: 50,
      attendance: { reserved: 50, waitlisted: 140, bookmarked: 0 },
    });
    // Someone leaves the line and a newcomer joins it: at its end, behind the 139 still waiting.
    await t.ok(REMOVE, { s: id }, waitlisted[20].who.token);
    const [late] = await t.factory.attendees(editionId, 1);
    expect((await t.ok(ADD, { s: id }, late.token)).addToSchedule).toMatchObject({
      status: 'WAITLISTED',
      waitlistPosition: 140,
    });
    expect(await statusOf(late.token)).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 140 });
    // The attendance counts are the organizers' to see.
    expect((await t.ok(ATTENDANCE, { id }, people[0].token)).session.attendance).toBeNull();
    expect((await t.ok(ATTENDANCE, { id })).session.attendance).toBeNull();
  });

  it("gives seats from the room's capacity when the organizer enforces it", async () => {
    const { id: roomId } = (
      await t.ok(
        `mutation($e: ID!, $i: RoomInput!) { createRoom(editionId: $e, input: $i) { id } }`,
        { e: editionId, i: { name: `Workshop room ${Date.now()}`, capacity: 2, enforceCapacity: true } },
        admin,
      )
    ).createRoom;
    const { id } = await t.factory.session(editionId, { roomId, format: 'WORKSHOP' });
    const people = await t.factory.attendees(editionId, 3);
    const statuses = [];
    for (const p of people) statuses.push((await t.ok(ADD, { s: id }, p.token)).addToSchedule.status);
    expect(statuses).toEqual(['RESERVED', 'RESERVED', 'WAITLISTED']);
  });

  it('gives new seats to the waitlist in order when the organizer raises the capacity or moves the session to a larger room', async () => {
    await t.startWorker();
    const { id } = await t.factory.session(editionId, { capacity: 2, format: 'WORKSHOP' });
    const people = await t.factory.attendees(editionId, 6);
    for (const p of people) await t.ok(ADD, { s: id }, p.token);
    const statusOf = async (p: { token: string }) =>
      (await t.ok(MINE, { e: editionId }, p.token)).mySchedule.find(
        (x: { session: { id: string } }) => x.session.id === id,
      );
    await t.ok(`mutation($id: ID!) { updateSession(id: $id, patch: { capacity: 4 }) { capacity } }`, { id }, admin);
    await eventually(
      () => statusOf(people[3]),
      (entry) => entry.status === 'RESERVED',
    );
    expect((await Promise.all(people.map(statusOf))).map((x) => [x.status, x.waitlistPosition])).toEqual([
      ['RESERVED', null],
      ['RESERVED', null],
      ['RESERVED', null],
      ['RESERVED', null],
      ['WAITLISTED', 1],
      ['WAITLISTED', 2],
    ]);
    expect((await t.ok(ATTENDANCE, { id }, admin)).session).toMatchObject({
      seatsTaken: 4,
      attendance: { reserved: 4, waitlisted: 2 },
    });
    // The promoted are told.
    const told = await eventually(
      () => t.ok(`{ notifications(first: 5) { edges { node { title } } } }`, {}, people[2].token),
      (d) => d.notifications.edges.length > 0,
    );
    expect(told.notifications.edges[0].node.title).toMatch(/^You have a seat/);

    // A larger room whose capacity is enforced (and no capacity of its own): the room's seats count.
    const { id: roomId } = (
      await t.ok(
        `mutation($e: ID!, $i: RoomInput!) { createRoom(editionId: $e, input: $i) { id } }`,
        { e: editionId, i: { name: `Big room ${Date.now()}`, capacity: 5, enforceCapacity: true } },
        admin,
      )
    ).createRoom;
    await t.ok(
      `mutation($id: ID!, $r: ID) { updateSession(id: $id, patch: { capacity: null, roomId: $r }) { capacity } }`,
      { id, r: roomId },
      admin,
    );
    await eventually(
      () => statusOf(people[4]),
      (entry) => entry.status === 'RESERVED',
    );
    expect((await statusOf(people[5])).waitlistPosition).toBe(1);
  });

  it('refuses to shrink a capacity below the seats already given', async () => {
    const { id } = await t.factory.session(editionId, { capacity: 5 });
    for (const p of await t.factory.attendees(editionId, 3)) await t.ok(ADD, { s: id }, p.token);
    const res = await t.gql(
      `mutation($id: ID!) { updateSession(id: $id, patch: { capacity: 2 }) { capacity } }`,
      { id },
      admin,
    );
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(
      (await t.ok(`mutation($id: ID!) { updateSession(id: $id, patch: { capacity: 3 }) { capacity } }`, { id }, admin))
        .updateSession.capacity,
    ).toBe(3);
  });

  it('lists overlapping entries as conflicts, and only published sessions in a schedule', async () => {
    const me = await t.factory.attendee(editionId);
    const a = await t.factory.session(editionId, {
      title: 'A 10:00-11:00',
      startsAt: '2027-03-09T16:00:00Z',
      endsAt: '2027-03-09T17:00:00Z',
    });
    const b = await t.factory.session(editionId, {
      title: 'B 10:30-11:30',
      startsAt: '2027-03-09T16:30:00Z',
      endsAt: '2027-03-09T17:30:00Z',
    });
    const c = await t.factory.session(editionId, {
      title: 'C 11:00-12:00',
      startsAt: '2027-03-09T17:00:00Z',
      endsAt: '2027-03-09T18:00:00Z',
    });
    for (const s of [c, a, b]) await t.ok(ADD, { s: s.id }, me.token);
    const schedule = (await t.ok(MINE, { e: editionId }, me.token)).mySchedule;
    expect(schedule.map((e: { session: { title: string } }) => e.session.title)).toEqual([
      'A 10:00-11:00',
      'B 10:30-11:30',
      'C 11:00-12:00',
    ]);
    expect(schedule.map((e: { conflictsWith: { title: string }[] }) => e.conflictsWith.map((s) => s.title))).toEqual([
      ['B 10:30-11:30'],
      ['A 10:00-11:00', 'C 11:00-12:00'],
      ['B 10:30-11:30'],
    ]);

    const again = (
      await t.ok(
        `mutation($s: ID!) { addToSchedule(sessionId: $s) { conflictsWith { title } } }`,
        { s: b.id },
        me.token,
      )
    ).addToSchedule;
    expect(again.conflictsWith.map((s: { title: string }) => s.title)).toEqual(['A 10:00-11:00', 'C 11:00-12:00']);

    await t.ok(`mutation($id: ID!) { cancelSession(id: $id, reason: "Room flooded") { id } }`, { id: b.id }, admin);
    const after = (await t.ok(MINE, { e: editionId }, me.token)).mySchedule;
    expect(after.map((e: { session: { title: string } }) => e.session.title)).toEqual([
      'A 10:00-11:00',
      'C 11:00-12:00',
    ]);
    expect(after.every((e: { conflictsWith: unknown[] }) => e.conflictsWith.length === 0)).toBe(true);
  });

  it('answers mySchedule with 15 entries and their sessions, rooms, tracks and speakers in a constant number of queries', async () => {
    const me = await t.factory.attendee(editionId);
    const room = await t.factory.room(editionId);
    const track = await t.factory.track(editionId);
    const speakers = await Promise.all([1, 2, 3].map(() => t.factory.speaker(editionId)));
    const counts: number[] = [];
    for (let i = 0; i < 15; i++) {
      const hour = String(8 + i).padStart(2, '0');
      const s = await t.factory.session(editionId, {
        startsAt: `2027-03-10T${hour}:00:00Z`,
        endsAt: `2027-03-10T${hour}:45:00Z`,
        roomId: room.id,
        trackId: track.id,
        speakerIds: [speakers[i % 3].id, speakers[(i + 1) % 3].id],
      });
      await t.ok(ADD, { s: s.id }, me.token);
      if (i === 2 || i === 14) {
        const res = await t.gql(MINE, { e: editionId }, me.token);
        expect(res.data!.mySchedule).toHaveLength(i + 1);
        counts.push(res.sqlQueries);
      }
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[1]).toBeLessThanOrEqual(8);
  });
});
