import { eventually } from '@app/testing';
import { TestApp } from './test-app';

const ADD = `mutation($s: ID!) { addToSchedule(sessionId: $s) { id status waitlistPosition } }`;
const REMOVE = `mutation($s: ID!) { removeFromSchedule(sessionId: $s) }`;
/** What the web app's schedule asks: entries, seats, places, sessions with rooms, tracks, speakers, conflicts. */
const MINE = `query Mine($e: ID!) {
  mySchedule(editionId: $e) {
    __typename id status waitlistPosition
    session { __typename id title status startsAt endsAt capacity seatsTaken room { id name capacity } track { id name } speakers { id name company } }
    conflictsWith { id title }
  }
}`;

type Entry = {
  id: string;
  status: string;
  waitlistPosition: number | null;
  session: { id: string; title: string; status: string; seatsTaken: number; speakers: { name: string }[] };
};

/**
 * mySchedule answers are kept per person and served again only while the rows they were made of are
 * unchanged (MyScheduleCache). These tests make sure a kept answer is really served (x-cache: hit),
 * and that after someone ELSE's change (a seat taken, a place in line freed, a promotion, an
 * organizer's edit) the very next read shows it.
 */
describe('personal schedules: kept answers are never stale', () => {
  let t: TestApp;
  let admin: string;
  let editionId: string;

  beforeAll(async () => {
    t = await TestApp.create();
    admin = await t.factory.admin();
    editionId = (await t.factory.edition()).id;
  });
  afterAll(() => t.close());

  /** One read of mySchedule: the caller's entry for a session, and whether it came from the cache. */
  const read = async (token: string, sessionId: string) => {
    const res = await t.gql<{ mySchedule: Entry[] }>(MINE, { e: editionId }, token);
    expect(res.errors).toBeUndefined();
    return {
      entry: res.data!.mySchedule.find((x) => x.session.id === sessionId),
      all: res.data!.mySchedule,
      hit: res.headers['x-cache'] === 'hit',
      sqlQueries: res.sqlQueries,
    };
  };
  /** Reads until the answer is a kept one (the second read, unless something changed in between). */
  const cached = async (token: string, sessionId: string) => {
    await read(token, sessionId);
    const again = await read(token, sessionId);
    expect(again.hit).toBe(true);
    return again;
  };

  it('serves a repeated read from the cache in one SQL statement, the same answer as a full one', async () => {
    const me = await t.factory.attendee(editionId);
    const { id } = await t.factory.session(editionId, { capacity: 5, format: 'WORKSHOP' });
    await t.ok(ADD, { s: id }, me.token);
    const first = await read(me.token, id);
    expect(first.hit).toBe(false);
    const second = await read(me.token, id);
    expect(second).toMatchObject({ hit: true, sqlQueries: 1 });
    expect(second.all).toEqual(first.all);
    expect(second.entry).toMatchObject({ status: 'RESERVED', waitlistPosition: null, session: { seatsTaken: 1 } });
    // Kept per media type: Apollo Client asks for application/graphql-response+json first.
    const accept = { accept: 'application/graphql-response+json,application/json;q=0.9' };
    const answers = [
      await t.gql(MINE, { e: editionId }, me.token, accept),
      await t.gql(MINE, { e: editionId }, me.token, accept),
    ];
    expect(answers.map((a) => [a.headers['x-cache'], a.headers['content-type']])).toEqual([
      [undefined, 'application/graphql-response+json; charset=utf-8'],
      ['hit', 'application/graphql-response+json; charset=utf-8'],
    ]);
    expect(answers[1].data).toEqual(answers[0].data);
  });

  it('shows seats others take, a place in line that others free, and a promotion when someone leaves, on the very next read', async () => {
    const { id } = await t.factory.session(editionId, { capacity: 2, format: 'WORKSHOP' });
    const [a, b, c, d, e] = await t.factory.attendees(editionId, 5);
    expect((await t.ok(ADD, { s: id }, a.token)).addToSchedule.status).toBe('RESERVED');
    expect((await cached(a.token, id)).entry!.session.seatsTaken).toBe(1);

    // b takes the second seat: a's next read shows it.
    expect((await t.ok(ADD, { s: id }, b.token)).addToSchedule.status).toBe('RESERVED');
    expect((await read(a.token, id)).entry!.session.seatsTaken).toBe(2);

    // c, d, e wait in line; e is third.
    for (const p of [c, d, e]) await t.ok(ADD, { s: id }, p.token);
    expect((await cached(e.token, id)).entry).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 3 });
    expect((await cached(d.token, id)).entry).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 2 });

    // c leaves the line: d and e move up.
    expect((await t.ok(REMOVE, { s: id }, c.token)).removeFromSchedule).toBe(true);
    expect((await read(e.token, id)).entry).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 2 });
    expect((await read(d.token, id)).entry).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
    expect((await cached(e.token, id)).entry).toMatchObject({ waitlistPosition: 2 });

    // a gives up a seat: d is promoted, e is next in line.
    expect((await t.ok(REMOVE, { s: id }, a.token)).removeFromSchedule).toBe(true);
    expect((await read(d.token, id)).entry).toMatchObject({
      status: 'RESERVED',
      waitlistPosition: null,
      session: { seatsTaken: 2 },
    });
    expect((await read(e.token, id)).entry).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
    expect((await read(a.token, id)).entry).toBeUndefined();
  });

  it('shows seats the worker gives from the waitlist when the organizer raises the capacity', async () => {
    await t.startWorker();
    const { id } = await t.factory.session(editionId, { capacity: 1, format: 'WORKSHOP' });
    const [a, b] = await t.factory.attendees(editionId, 2);
    await t.ok(ADD, { s: id }, a.token);
    await t.ok(ADD, { s: id }, b.token);
    expect((await cached(b.token, id)).entry).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
    await t.ok(`mutation($id: ID!) { updateSession(id: $id, patch: { capacity: 2 }) { capacity } }`, { id }, admin);
    const promoted = await eventually(
      () => read(b.token, id),
      (r) => r.entry!.status === 'RESERVED',
    );
    expect(promoted.entry).toMatchObject({ waitlistPosition: null, session: { capacity: 2, seatsTaken: 2 } });
  });

  it("shows an organizer's edits (title, speakers, cancellation) a new conflict and a cancellation on the very next read", async () => {
    const me = await t.factory.attendee(editionId);
    const speaker = await t.factory.speaker(editionId, { name: 'Grace Speaker' });
    const { id } = await t.factory.session(editionId, {
      startsAt: '2027-03-08T16:00:00Z',
      endsAt: '2027-03-08T17:00:00Z',
    });
    await t.ok(ADD, { s: id }, me.token);
    await cached(me.token, id);

    await t.ok(`mutation($id: ID!) { updateSession(id: $id, patch: { title: "Renamed talk" }) { id } }`, { id }, admin);
    expect((await read(me.token, id)).entry!.session.title).toBe('Renamed talk');
    await cached(me.token, id);

    await t.ok(
      `mutation($id: ID!, $sp: [ID!]) { updateSession(id: $id, patch: { speakerIds: $sp }) { id } }`,
      { id, sp: [speaker.id] },
      admin,
    );
    expect((await read(me.token, id)).entry!.session.speakers.map((s) => s.name)).toEqual(['Grace Speaker']);
    await cached(me.token, id);

    const other = await t.factory.session(editionId, {
      startsAt: '2027-03-08T16:30:00Z',
      endsAt: '2027-03-08T17:30:00Z',
    });
    await t.ok(ADD, { s: other.id }, me.token);
    const withConflict = await read(me.token, id);
    expect(withConflict.all.find((x) => x.session.id === id)).toMatchObject({ conflictsWith: [{ id: other.id }] });
    await cached(me.token, id);

    await t.ok(`mutation($id: ID!) { cancelSession(id: $id, reason: "Speaker ill") { id } }`, { id }, admin);
    // A schedule lists published sessions only: the cancelled one goes, and with it the conflict.
    const after = await read(me.token, id);
    expect(after.entry).toBeUndefined();
    expect(after.all).toMatchObject([{ session: { id: other.id }, conflictsWith: [] }]);
  });

  it("keeps answers per person, and never caches what it cannot check (attendance, a speaker's sessions) or a refusal", async () => {
    const [a, b] = await t.factory.attendees(editionId, 2);
    const one = await t.factory.session(editionId);
    const two = await t.factory.session(editionId);
    await t.ok(ADD, { s: one.id }, a.token);
    await t.ok(ADD, { s: two.id }, b.token);
    await cached(a.token, one.id);
    // Same document, another person: their own schedule, never a's.
    const theirs = await read(b.token, two.id);
    expect(theirs.all.map((x) => x.session.id)).toEqual([two.id]);
    expect((await read(b.token, two.id)).hit).toBe(true);
    expect((await read(a.token, one.id)).all.map((x) => x.session.id)).toEqual([one.id]);

    for (const query of [
      `query($e: ID!) { mySchedule(editionId: $e) { id session { id attendance { reserved } } } }`,
      `query($e: ID!) { mySchedule(editionId: $e) { id session { speakers { sessions { id title } } } } }`,
      `query($e: ID!) { mySchedule(editionId: $e) { id } editions { id } }`,
    ]) {
      for (let i = 0; i < 2; i++) {
        const res = await t.gql(query, { e: editionId }, a.token);
        expect(res.errors).toBeUndefined();
        expect(res.headers['x-cache']).toBeUndefined();
      }
    }
    // A bad token and no token are refused by GraphQL, as ever.
    for (const token of ['not-a-token', undefined]) {
      const res = await t.gql(MINE, { e: editionId }, token);
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    // Not registered: an empty schedule, from GraphQL.
    const stranger = await t.factory.user();
    expect((await t.gql(MINE, { e: editionId }, stranger.token)).data).toEqual({ mySchedule: [] });
  });
});
