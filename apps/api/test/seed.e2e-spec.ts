import { Random } from '../src/seed/random';
import { DEMO_LOGINS, seed, SEED_EDITIONS } from '../src/seed/seed';
import { TestApp } from './test-app';

const SESSIONS = `query($e: ID!, $after: String) { sessions(editionId: $e, first: 200, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { id status startsAt endsAt capacity seatsTaken room { id } speakers { id } attendance { reserved waitlisted bookmarked } } } } }`;
const BOOTHS = `query($e: ID!) { booths(editionId: $e) { code status exhibitor { id } } }`;
const EXHIBITORS = `query($e: ID!) { exhibitors(editionId: $e, first: 200) { totalCount } }`;

interface SeededSession {
  id: string;
  status: string;
  startsAt: string;
  endsAt: string;
  capacity: number | null;
  seatsTaken: number;
  room: { id: string } | null;
  speakers: { id: string }[];
  attendance: { reserved: number; waitlisted: number; bookmarked: number };
}

const overlaps = (a: SeededSession, b: SeededSession) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/**
 * The demo show `npm start` seeds into an empty database. The seed writes rows directly (fast, a
 * 40,000-attendee show in seconds), so these tests check that what it writes obeys the rules the
 * services enforce, as seen through the API.
 */
describe('demo seed', () => {
  let t: TestApp;
  let admin: string;
  let editionId: string;
  const log: string[] = [];

  beforeAll(async () => {
    t = await TestApp.create();
    admin = await t.factory.admin();
    editionId = await seed(t.db, t.config, 'demo', (line) => log.push(line));
  });
  afterAll(() => t.close());

  async function allSessions(): Promise<{ total: number; sessions: SeededSession[] }> {
    const sessions: SeededSession[] = [];
    let after: string | undefined;
    let total = 0;
    do {
      const page = (await t.ok(SESSIONS, { e: editionId, after }, admin)).sessions;
      total = page.totalCount;
      sessions.push(...page.edges.map((e: { node: SeededSession }) => e.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
    } while (after);
    return { total, sessions };
  }

  it('reports what it made, and the edition is listed with its programme', async () => {
    expect(log).toEqual([
      'programme: 4 rooms, 4 tracks, 16 speakers, 40 sessions',
      expect.stringMatching(/^attendees: 200 registered, \d+ schedule entries$/),
      expect.stringMatching(/^exhibition: 1 halls, 40 booths \(\d+ assigned\), 15 exhibitors$/),
      expect.stringMatching(/^seeded "HealthConnect 2027 \(demo\)" \(demo\) in [\d.]+ s$/),
    ]);
    const edition = (
      await t.ok(`query($id: ID!) { edition(id: $id) { name timezone startsOn endsOn } }`, { id: editionId })
    ).edition;
    expect(edition).toEqual({
      name: SEED_EDITIONS.demo.name,
      timezone: 'America/Chicago',
      startsOn: '2027-03-08',
      endsOn: '2027-03-12',
    });
    const { total, sessions } = await allSessions();
    expect(total).toBe(40);
    expect(sessions).toHaveLength(40);
    expect(sessions.filter((s) => s.status === 'PUBLISHED').length).toBeGreaterThan(30);
  });

  it('never double-books a room or a speaker among published sessions', async () => {
    const published = (await allSessions()).sessions.filter((s) => s.status === 'PUBLISHED');
    const clashes: string[] = [];
    published.forEach((a, i) =>
      published.slice(i + 1).forEach((b) => {
        if (!overlaps(a, b)) return;
        if (a.room && a.room.id === b.room?.id) clashes.push(`room ${a.room.id}: ${a.id} / ${b.id}`);
        const shared = a.speakers.filter((s) => b.speakers.some((o) => o.id === s.id));
        if (shared.length) clashes.push(`speaker ${shared[0].id}: ${a.id} / ${b.id}`);
      }),
    );
    expect(clashes).toEqual([]);
    // Speakers were given out: a programme of speakerless sessions would pass the check above vacuously.
    expect(published.filter((s) => s.speakers.length > 0).length).toBeGreaterThan(20);
  });

  it('counts seats and waitlists as addToSchedule would: within capacity, matching the schedule entries', async () => {
    const sessions = (await allSessions()).sessions;
    for (const s of sessions) {
      expect({ id: s.id, seatsTaken: s.seatsTaken }).toEqual({ id: s.id, seatsTaken: s.attendance.reserved });
      // Without a seat limit an entry is a bookmark.
      if (s.capacity === null) expect(s.attendance).toMatchObject({ reserved: 0, waitlisted: 0 });
      else expect(s.seatsTaken).toBeLessThanOrEqual(s.capacity);
      // Nobody waits while a seat is free.
      if (s.attendance.waitlisted > 0) expect(s.seatsTaken).toBe(s.capacity);
    }
    // 200 attendees with about one session per slot each: the counts above are about real entries.
    expect(
      sessions.reduce((sum, s) => sum + s.attendance.reserved + s.attendance.waitlisted + s.attendance.bookmarked, 0),
    ).toBeGreaterThan(1000);
  });

  it('lets the demo attendee sign in with the printed password and see a schedule of published sessions', async () => {
    const [demo] = DEMO_LOGINS;
    const login = (
      await t.ok(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, {
        e: demo.email,
        p: demo.password,
      })
    ).login;
    const mine = (
      await t.ok(
        `query($e: ID!) { mySchedule(editionId: $e) { status session { status } } }`,
        { e: editionId },
        login.token,
      )
    ).mySchedule;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((entry: { session: { status: string } }) => entry.session.status === 'PUBLISHED')).toBe(true);
    const wrong = await t.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, {
      e: demo.email,
      p: 'not-the-demo-password',
    });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lays out the exhibition: every assigned booth has its exhibitor, the rest are available', async () => {
    const booths: { code: string; status: string; exhibitor: { id: string } | null }[] = (
      await t.ok(BOOTHS, { e: editionId })
    ).booths;
    expect(booths).toHaveLength(40);
    expect(new Set(booths.map((b) => b.code)).size).toBe(40);
    for (const b of booths)
      expect([b.code, b.status, !!b.exhibitor]).toEqual([
        b.code,
        b.exhibitor ? 'ASSIGNED' : 'AVAILABLE',
        b.status === 'ASSIGNED',
      ]);
    const assigned = new Set(booths.filter((b) => b.exhibitor).map((b) => b.exhibitor!.id));
    expect(assigned.size).toBe(15);
    expect((await t.ok(EXHIBITORS, { e: editionId })).exhibitors.totalCount).toBe(15);
  });

  it('is idempotent: a second run finds the edition and adds nothing', async () => {
    const before = await allSessions();
    const again: string[] = [];
    expect(await seed(t.db, t.config, 'demo', (line) => again.push(line))).toBe(editionId);
    expect(again).toEqual([`edition "${SEED_EDITIONS.demo.name}" is already there`]);
    expect((await allSessions()).total).toBe(before.total);
    const editions = (await t.ok(`{ editions { name } }`)).editions.filter(
      (e: { name: string }) => e.name === SEED_EDITIONS.demo.name,
    );
    expect(editions).toHaveLength(1);
  });
});

describe('the seed generator', () => {
  it('is deterministic: the same seed gives the same show', () => {
    const a = new Random(2027);
    const b = new Random(2027);
    const draws = (r: Random) => [
      r.next(),
      r.int(1, 6),
      r.pick(['x', 'y', 'z']),
      r.weighted([
        ['a', 1],
        ['b', 3],
      ] as const),
      r.shuffle([1, 2, 3, 4, 5]),
    ];
    expect(draws(a)).toEqual(draws(b));
    expect(new Random(1).next()).not.toBe(new Random(2).next());
  });

  it('draws within bounds, never picks a zero weight, and shuffles into a permutation', () => {
    const r = new Random(7);
    const ints = Array.from({ length: 2000 }, () => r.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
    const picks = Array.from({ length: 2000 }, () =>
      r.weighted([
        ['never', 0],
        ['often', 9],
        ['rarely', 1],
      ] as const),
    );
    expect(picks).not.toContain('never');
    expect(picks.filter((p) => p === 'often').length).toBeGreaterThan(picks.filter((p) => p === 'rarely').length * 4);
    // Weights that add up to nothing: the last choice, not undefined.
    expect(
      r.weighted([
        ['a', 0],
        ['b', 0],
      ] as const),
    ).toBe('b');
    const shuffled = r.shuffle(Array.from({ length: 50 }, (_, i) => i));
    expect([...shuffled].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(shuffled).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
