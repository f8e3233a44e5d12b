import { parse } from 'csv-parse/sync';
import { chicagoDay, LEAD_CSV_COLUMNS } from './factory';
import { codeOf, GqlResponse, TestApp } from './test-app';

const HALL = `mutation($e: ID!, $i: HallInput!) { createHall(editionId: $e, input: $i) { id } }`;
const BOOTH = `mutation($e: ID!, $i: BoothInput!) { createBooth(editionId: $e, input: $i) { id code } }`;
const EXHIBITOR = `mutation($e: ID!, $n: String!) { createExhibitor(editionId: $e, input: { name: $n }) { id name } }`;
const GRANT = `mutation($e: ID!, $m: String!, $x: ID) { grantRole(editionId: $e, email: $m, role: EXHIBITOR, exhibitorId: $x) }`;
const ADD_STAFF = `mutation($x: ID!, $m: String!) { addExhibitorStaff(exhibitorId: $x, email: $m) { email } }`;
const SELECTION = `mutation($e: ID!, $o: Boolean!) { setBoothSelection(editionId: $e, open: $o) { id boothSelectionOpen } }`;
const REQUEST = `mutation($b: ID!, $x: ID!) { requestBooth(boothId: $b, exhibitorId: $x) { id code status holdExpiresAt requestedAt exhibitor { id } } }`;
const ASSIGN = `mutation($b: ID!, $x: ID!) { assignBooth(boothId: $b, exhibitorId: $x) { status requestedAt exhibitor { id } } }`;
const TAGS = `mutation($x: ID!, $t: [String!]!) { setLeadTags(exhibitorId: $x, tags: $t) { id leadTags } }`;
const CAPTURE = `mutation($i: LeadInput!) { captureLead(input: $i) { id tags capturedBy rating notes } }`;
const UPDATE = `mutation($id: ID!, $t: [String!], $r: Int) { updateLead(id: $id, tags: $t, rating: $r) { id tags rating } }`;
const LEADS = `query($x: ID!, $s: String, $r: Int, $t: String, $by: String, $o: LeadOrder, $first: Int, $after: String) {
  leads(exhibitorId: $x, search: $s, rating: $r, tag: $t, capturedBy: $by, orderBy: $o, first: $first, after: $after) {
    totalCount pageInfo { endCursor hasNextPage } edges { node { id rating tags capturedBy attendee { lastName } } } } }`;
const FIGURES = `query($x: ID!) { leadFigures(exhibitorId: $x) { total perDay { day count } perStaff { email count } } }`;
const CSV_URL = `query($x: ID!) { leadsCsvUrl(exhibitorId: $x) }`;
const MY_CAPTURES = `query($e: ID!) { myLeadCaptures(editionId: $e) { capturedAt exhibitor { id name } } }`;
const MY_EXHIBITORS = `query($e: ID) { myExhibitors(editionId: $e) { admin exhibitor { id name } } }`;

/** A 1x1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const LOGO_MAX = 4096;

interface Team {
  id: string;
  name: string;
  admin: string;
  adminEmail: string;
  staff: string;
  staffEmail: string;
}

describe('exhibitor portal: booth requests, logos, lead tags, filters and figures, privacy', () => {
  let t: TestApp;
  let organizer: string;
  let editionId: string;
  let hallId: string;
  let n = 0;

  /** An exhibitor with an admin (seated by the organizer) and a plain staff member, each with a token. */
  async function team(name: string): Promise<Team> {
    const x = (await t.ok(EXHIBITOR, { e: editionId, n: name }, organizer)).createExhibitor as { id: string };
    const i = ++n;
    const adminEmail = `boss${i}@portal.example`;
    const staffEmail = `staff${i}@portal.example`;
    await t.ok(GRANT, { e: editionId, m: adminEmail, x: x.id }, organizer);
    const [admin, staff] = await t.factory.tokensFor([adminEmail, staffEmail]);
    await t.ok(ADD_STAFF, { x: x.id, m: staffEmail }, admin);
    return { id: x.id, name, admin, adminEmail, staff, staffEmail };
  }

  const booth = async (code: string, x: number, y: number, type = 'INLINE') =>
    (await t.ok(BOOTH, { e: editionId, i: { code, hallId, xM: x, yM: y, widthM: 3, depthM: 3, type } }, organizer))
      .createBooth as { id: string; code: string };

  /** An attendee with an ACTIVE badge (rendered by the worker). */
  const badged = (input: Record<string, string> = {}) => t.factory.badgedAttendee(editionId, input);

  const upload = (exhibitorId: string, type: string | null, body: Buffer, token?: string) => {
    let req = t.http.post(`/logos/${exhibitorId}`);
    if (type) req = req.set('Content-Type', type);
    if (token) req = req.set('Authorization', `Bearer ${token}`);
    return req.send(body);
  };

  beforeAll(async () => {
    t = await TestApp.create({ config: { logoMaxBytes: LOGO_MAX } });
    await t.startWorker();
    organizer = await t.factory.admin();
    editionId = (await t.factory.edition({ startsOn: chicagoDay(-2), endsOn: chicagoDay(2) })).id; // running now
    hallId = (await t.ok(HALL, { e: editionId, i: { name: 'Hall P', widthM: 100, depthM: 50 } }, organizer)).createHall
      .id;
  });
  afterAll(() => t.close());

  describe('booth selection', () => {
    it('lets an admin request a free booth only while selection is open and the exhibitor has none; the organizer approves by assigning', async () => {
      const acme = await team('Acme Request');
      const b1 = await booth('R1', 0, 0);
      const b2 = await booth('R2', 3, 0);

      const closed = await t.gql(REQUEST, { b: b1.id, x: acme.id }, acme.admin);
      expect(codeOf(closed)).toBe('FORBIDDEN');
      expect(closed.errors![0].extensions).toMatchObject({ reason: 'BOOTH_SELECTION_CLOSED' });
      expect(codeOf(await t.gql(SELECTION, { e: editionId, o: true }, acme.admin))).toBe('FORBIDDEN');
      expect((await t.ok(SELECTION, { e: editionId, o: true }, organizer)).setBoothSelection.boothSelectionOpen).toBe(
        true,
      );
      expect(
        (await t.ok(`query($id: ID!) { edition(id: $id) { boothSelectionOpen } }`, { id: editionId })).edition,
      ).toEqual({ boothSelectionOpen: true });

      // Plain staff are not admins: the exhibitor is not found for them.
      expect(codeOf(await t.gql(REQUEST, { b: b1.id, x: acme.id }, acme.staff))).toBe('NOT_FOUND');

      const before = Date.now();
      const held = (await t.ok(REQUEST, { b: b1.id, x: acme.id }, acme.admin)).requestBooth;
      expect(held).toMatchObject({ code: 'R1', status: 'ON_HOLD', exhibitor: { id: acme.id } });
      expect(Date.parse(held.requestedAt)).toBeGreaterThanOrEqual(before - 1000);
      const hours = (Date.parse(held.holdExpiresAt) - before) / 3_600_000;
      expect(hours).toBeGreaterThan(47.9);
      expect(hours).toBeLessThan(48.1);
      // The existing delayed release is scheduled for the hold's end.
      const [message] = await t.db.query(
        `SELECT payload FROM outbox_message WHERE topic = 'booth.held' AND payload->>'boothId' = $1`,
        [b1.id],
      );
      expect(Date.parse(message.payload.holdExpiresAt)).toBe(Date.parse(held.holdExpiresAt));

      // One booth per exhibitor: a second request is refused while the first is on hold.
      const second = await t.gql(REQUEST, { b: b2.id, x: acme.id }, acme.admin);
      expect(codeOf(second)).toBe('CONFLICT');
      expect(second.errors![0].message).toContain('already has booth R1');

      // The organizers list requests: held booths with requestedAt.
      const onHold = (
        await t.ok(
          `query($e: ID!) { booths(editionId: $e, status: ON_HOLD) { code requestedAt exhibitor { name } } }`,
          {
            e: editionId,
          },
        )
      ).booths;
      expect(onHold).toContainEqual({ code: 'R1', requestedAt: held.requestedAt, exhibitor: { name: 'Acme Request' } });

      // Approval: assignBooth takes the booth held for the same exhibitor; requestedAt is cleared.
      expect((await t.ok(ASSIGN, { b: b1.id, x: acme.id }, organizer)).assignBooth).toEqual({
        status: 'ASSIGNED',
        requestedAt: null,
        exhibitor: { id: acme.id },
      });
      expect(codeOf(await t.gql(REQUEST, { b: b2.id, x: acme.id }, acme.admin))).toBe('CONFLICT'); // has a booth now

      // An organizer's own hold is not a request.
      const other = await team('Other Hold');
      const held2 = (
        await t.ok(
          `mutation($b: ID!, $x: ID!, $u: DateTime!) { holdBooth(boothId: $b, exhibitorId: $x, until: $u) { requestedAt } }`,
          { b: b2.id, x: other.id, u: new Date(Date.now() + 3_600_000).toISOString() },
          organizer,
        )
      ).holdBooth;
      expect(held2.requestedAt).toBeNull();

      await t.ok(SELECTION, { e: editionId, o: false }, organizer);
      expect(codeOf(await t.gql(REQUEST, { b: b2.id, x: other.id }, other.admin))).toBe('FORBIDDEN');
    });

    it('gives a booth to exactly one of 5 concurrent requests; the others get CONFLICT naming the nearest free booth', async () => {
      await t.ok(SELECTION, { e: editionId, o: true }, organizer);
      const target = await booth('C10', 50, 20, 'CORNER');
      await booth('C11', 53, 20, 'INLINE'); // nearest, but another type
      const sameType = await booth('C12', 56, 26, 'CORNER'); // nearest of the same type
      await booth('C13', 80, 40, 'CORNER');
      const teams = await Promise.all([1, 2, 3, 4, 5].map((i) => team(`Racer ${i}`)));
      const results = await Promise.all(teams.map((x) => t.gql(REQUEST, { b: target.id, x: x.id }, x.admin)));
      const winners = results.filter((r) => !r.errors);
      expect(winners).toHaveLength(1);
      const losers = results.filter((r) => codeOf(r) === 'CONFLICT');
      expect(losers).toHaveLength(4);
      for (const loser of losers) {
        expect(loser.errors![0].extensions).toMatchObject({
          nearestBoothId: sameType.id,
          nearestBoothCode: 'C12',
        });
        expect(loser.errors![0].message).toMatch(/C10 is on hold for Racer \d; booth C12 nearby is free/);
      }
      const [{ holds }] = await t.db.query(
        `SELECT count(*)::int AS holds FROM booth_change WHERE booth_id = $1 AND to_status = 'ON_HOLD'`,
        [target.id],
      );
      expect(holds).toBe(1);
      await t.ok(SELECTION, { e: editionId, o: false }, organizer);
    });
  });

  describe('logos', () => {
    it('refuses too large, non-image and SVG bodies with 413/415 JSON, stores a PNG and serves it back with its type', async () => {
      const x = await team('Logo Co');
      const stranger = await team('Logo Stranger');
      expect((await upload(x.id, 'image/png', PNG)).status).toBe(401);
      const foreign = await upload(x.id, 'image/png', PNG, stranger.admin);
      expect(foreign.status).toBe(404);
      expect((await upload(x.id, 'image/png', PNG, x.staff)).status).toBe(404); // staff, not an admin

      const big = Buffer.concat([PNG, Buffer.alloc(LOGO_MAX)]);
      const tooLarge = await upload(x.id, 'image/png', big, x.admin);
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', limitBytes: LOGO_MAX });
      expect(tooLarge.body.message).toContain(`${LOGO_MAX} bytes`);

      const text = await upload(x.id, 'image/png', Buffer.from('definitely not a picture'), x.admin);
      expect(text.status).toBe(415);
      expect(text.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
      const svg = await upload(
        x.id,
        'image/svg+xml',
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        x.admin,
      );
      expect(svg.status).toBe(415);
      expect(svg.body.message).toContain('SVG');
      expect((await upload(x.id, 'image/jpeg', PNG, x.admin)).status).toBe(415); // a PNG declared as JPEG
      expect((await upload(x.id, 'text/plain', PNG, x.admin)).status).toBe(415);

      expect((await t.download(`/logos/${x.id}`)).status).toBe(404);
      const LOGO_URL = `query($id: ID!) { exhibitor(id: $id) { logoUrl } }`;
      expect((await t.ok(LOGO_URL, { id: x.id })).exhibitor.logoUrl).toBeNull();

      const stored = await upload(x.id, 'image/png', PNG, x.admin);
      expect(stored.status).toBe(200);
      const logoUrl = (await t.ok(LOGO_URL, { id: x.id })).exhibitor.logoUrl;
      expect(logoUrl).toMatch(new RegExp(`^/logos/${x.id}\\?v=\\d+$`));
      expect(stored.body).toEqual({ logoUrl });
      const served = await t.download(logoUrl);
      expect(served.status).toBe(200);
      expect(served.headers['content-type']).toBe('image/png');
      expect(served.headers['x-content-type-options']).toBe('nosniff');
      expect(served.headers['cache-control']).toContain('immutable');
      expect(served.body.equals(PNG)).toBe(true);
      expect((await t.download(`/logos/${x.id}`)).headers['cache-control']).toBe('public, max-age=300');

      // An organizer may replace it; the URL changes with it.
      const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(20)]);
      expect((await upload(x.id, 'image/gif', gif, organizer)).status).toBe(200);
      const next = (await t.ok(LOGO_URL, { id: x.id })).exhibitor.logoUrl;
      expect(next).not.toBe(logoUrl);
      expect((await t.download(next)).headers['content-type']).toBe('image/gif');
    });
  });

  describe('leads', () => {
    let acme: Team;
    let rival: Team;
    const people: Awaited<ReturnType<typeof badged>>[] = [];

    beforeAll(async () => {
      acme = await team('Acme Leads');
      rival = await team('Rival Leads');
      for (const [firstName, lastName, company] of [
        ['Grace', 'Hopper', 'Navy'],
        ['Alan', 'Turing', 'Bletchley'],
        ['Ada', 'Lovelace', 'Analytical'],
        ['Edsger', 'Dijkstra', 'Eindhoven'],
      ])
        people.push(await badged({ firstName, lastName, company }));
    });

    it('keeps a fixed list of tags per exhibitor, validated, and only its tags on leads', async () => {
      for (const bad of [Array.from({ length: 21 }, (_, i) => `t${i}`), ['x'.repeat(41)], ['  '], ['Hot', 'hot']])
        expect(codeOf(await t.gql(TAGS, { x: acme.id, t: bad }, acme.admin))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(TAGS, { x: acme.id, t: ['Hot'] }, acme.staff))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(TAGS, { x: acme.id, t: ['Hot'] }, rival.admin))).toBe('NOT_FOUND');
      expect((await t.ok(TAGS, { x: acme.id, t: [' Hot ', 'Follow up', 'Partner'] }, acme.admin)).setLeadTags).toEqual({
        id: acme.id,
        leadTags: ['Hot', 'Follow up', 'Partner'],
      });
      await t.ok(TAGS, { x: rival.id, t: ['Rival tag'] }, organizer); // organizers too

      const unknown = await t.gql(
        CAPTURE,
        { i: { exhibitorId: acme.id, code: people[0].code, tags: ['Cold'] } },
        acme.staff,
      );
      expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
      expect(
        codeOf(
          await t.gql(CAPTURE, { i: { exhibitorId: acme.id, code: people[0].code, tags: ['Rival tag'] } }, acme.staff),
        ),
      ).toBe('BAD_USER_INPUT');

      const grace = (
        await t.ok(
          CAPTURE,
          {
            i: {
              exhibitorId: acme.id,
              code: people[0].code,
              tags: ['Hot'],
              rating: 5,
              notes: 'Wants COBOL; call Monday',
            },
          },
          acme.staff,
        )
      ).captureLead;
      expect(grace).toMatchObject({ tags: ['Hot'], capturedBy: acme.staffEmail, rating: 5 });
      // A rescan without tags keeps them; updateLead replaces them; an unknown one is refused.
      expect(
        (await t.ok(CAPTURE, { i: { exhibitorId: acme.id, code: people[0].code } }, acme.admin)).captureLead,
      ).toMatchObject({ id: grace.id, tags: ['Hot'], capturedBy: acme.staffEmail });
      expect((await t.ok(UPDATE, { id: grace.id, t: ['Hot', 'Partner'] }, acme.staff)).updateLead.tags).toEqual([
        'Hot',
        'Partner',
      ]);
      expect(codeOf(await t.gql(UPDATE, { id: grace.id, t: ['Nope'] }, acme.staff))).toBe('BAD_USER_INPUT');
      expect((await t.ok(UPDATE, { id: grace.id, r: 4 }, acme.staff)).updateLead).toMatchObject({
        tags: ['Hot', 'Partner'],
        rating: 4,
      });

      await t.ok(
        CAPTURE,
        { i: { exhibitorId: acme.id, code: people[1].code, rating: 2, tags: ['Follow up'] } },
        acme.admin,
      );
      await t.ok(
        CAPTURE,
        { i: { exhibitorId: acme.id, code: people[2].code, rating: 4, notes: 'Loves engines' } },
        acme.staff,
      );
      await t.ok(CAPTURE, { i: { exhibitorId: acme.id, code: people[3].code } }, acme.admin); // unrated
      await t.ok(CAPTURE, { i: { exhibitorId: rival.id, code: people[1].code, notes: 'rival note' } }, rival.staff);

      // The CSV: BOM, RFC 4180, with tags and who captured.
      const csv = await t.http.get((await t.ok(CSV_URL, { x: acme.id }, acme.admin)).leadsCsvUrl);
      expect(csv.text.startsWith('\uFEFF')).toBe(true);
      const rows: string[][] = parse(csv.text.slice(1), { relax_column_count: false });
      expect(rows[0]).toEqual(LEAD_CSV_COLUMNS);
      expect(rows).toHaveLength(5);
      expect(rows.find((r) => r[2] === 'Hopper')).toEqual([
        expect.any(String),
        'Grace',
        'Hopper',
        people[0].email,
        'Navy',
        '',
        '4',
        'Wants COBOL; call Monday',
        acme.staffEmail,
        'Hot; Partner',
      ]);
      expect(rows.find((r) => r[2] === 'Turing')![8]).toBe(acme.adminEmail);
    });

    it('filters, sorts and pages leads by keyset in every order; totalCount follows the filters; figures per day and staff member', async () => {
      const list = async (vars: Record<string, unknown>) =>
        (await t.ok(LEADS, { x: acme.id, ...vars }, acme.admin)).leads;
      const names = (page: { edges: { node: { attendee: { lastName: string } } }[] }) =>
        page.edges.map((e) => e.node.attendee.lastName);

      expect(names(await list({}))).toEqual(['Dijkstra', 'Lovelace', 'Turing', 'Hopper']);
      expect(names(await list({ o: 'CAPTURED_AT_ASC' }))).toEqual(['Hopper', 'Turing', 'Lovelace', 'Dijkstra']);
      expect(names(await list({ o: 'RATING_DESC' }))).toEqual(['Lovelace', 'Hopper', 'Turing', 'Dijkstra']);
      expect(names(await list({ o: 'NAME_ASC' }))).toEqual(['Dijkstra', 'Hopper', 'Lovelace', 'Turing']);

      const search = await list({ s: 'navy' });
      expect([names(search), search.totalCount]).toEqual([['Hopper'], 1]);
      expect(names(await list({ s: 'cobol monday' }))).toEqual(['Hopper']); // every word, in the notes
      expect(names(await list({ s: 'engines' }))).toEqual(['Lovelace']);
      expect(names(await list({ s: people[1].email.toUpperCase() }))).toEqual(['Turing']);
      expect((await list({ s: '100%_' })).totalCount).toBe(0); // wildcards are literal
      const minimum = await list({ r: 4, o: 'NAME_ASC' });
      expect([names(minimum), minimum.totalCount]).toEqual([['Hopper', 'Lovelace'], 2]); // rating is a minimum
      const tagged = await list({ t: 'Hot' });
      expect([names(tagged), tagged.totalCount]).toEqual([['Hopper'], 1]);
      const bySomeone = await list({ by: acme.adminEmail.toUpperCase(), o: 'NAME_ASC' });
      expect([names(bySomeone), bySomeone.totalCount]).toEqual([['Dijkstra', 'Turing'], 2]);
      expect((await list({ t: 'Follow up', by: acme.staffEmail })).totalCount).toBe(0);

      // One at a time, each order pages through all four in its own order.
      for (const o of ['CAPTURED_AT_DESC', 'CAPTURED_AT_ASC', 'RATING_DESC', 'NAME_ASC']) {
        const seen: string[] = [];
        let after: string | undefined;
        for (;;) {
          const page = await list({ o, first: 1, after });
          expect(page.totalCount).toBe(4);
          seen.push(...names(page));
          if (!page.pageInfo.hasNextPage) break;
          after = page.pageInfo.endCursor;
        }
        expect(seen).toEqual(names(await list({ o })));
      }
      const cursor = (await list({ o: 'NAME_ASC', first: 1 })).pageInfo.endCursor;
      expect(codeOf(await t.gql(LEADS, { x: acme.id, o: 'RATING_DESC', after: cursor }, acme.admin))).toBe(
        'BAD_USER_INPUT',
      );
      expect(codeOf(await t.gql(LEADS, { x: acme.id, o: 'CAPTURED_AT_ASC', after: cursor }, acme.admin))).toBe(
        'BAD_USER_INPUT',
      );
      expect(codeOf(await t.gql(LEADS, { x: acme.id, r: 6 }, acme.admin))).toBe('BAD_USER_INPUT');

      const figures = (await t.ok(FIGURES, { x: acme.id }, acme.staff)).leadFigures;
      expect(figures).toEqual({
        total: 4,
        perDay: [{ day: chicagoDay(0), count: 4 }],
        perStaff: [
          { email: acme.adminEmail, count: 2 },
          { email: acme.staffEmail, count: 2 },
        ].sort((a, b) => a.email.localeCompare(b.email)),
      });
    });

    it("shows an attendee which exhibitors captured them and when, and nothing of the leads' notes or ratings", async () => {
      const turing = people[1];
      const captures = (await t.ok(MY_CAPTURES, { e: editionId }, turing.token)).myLeadCaptures;
      expect(captures.map((c: { exhibitor: { name: string } }) => c.exhibitor.name).sort()).toEqual([
        'Acme Leads',
        'Rival Leads',
      ]);
      for (const c of captures) expect(Object.keys(c).sort()).toEqual(['capturedAt', 'exhibitor']);
      const stranger = await t.factory.attendee(editionId);
      expect((await t.ok(MY_CAPTURES, { e: editionId }, stranger.token)).myLeadCaptures).toEqual([]);
      expect(codeOf(await t.gql(MY_CAPTURES, { e: editionId }))).toBe('UNAUTHENTICATED');
      const leak = await t.gql(
        `query($e: ID!) { myLeadCaptures(editionId: $e) { notes } }`,
        { e: editionId },
        turing.token,
      );
      expect(codeOf(leak)).toBe('BAD_USER_INPUT'); // no such field: the lead's notes are not reachable from here
    });

    it('tells staff which exhibitor they work for (myExhibitors)', async () => {
      expect((await t.ok(MY_EXHIBITORS, { e: editionId }, acme.admin)).myExhibitors).toEqual([
        { admin: true, exhibitor: { id: acme.id, name: 'Acme Leads' } },
      ]);
      expect((await t.ok(MY_EXHIBITORS, {}, acme.staff)).myExhibitors).toEqual([
        { admin: false, exhibitor: { id: acme.id, name: 'Acme Leads' } },
      ]);
      expect((await t.ok(MY_EXHIBITORS, { e: editionId }, people[0].token)).myExhibitors).toEqual([]);
      expect(codeOf(await t.gql(MY_EXHIBITORS, {}))).toBe('UNAUTHENTICATED');
    });

    it("keeps an exhibitor's leads from another exhibitor's staff, and from staff removed a moment ago (token issued before)", async () => {
      const acmeLead = (await t.ok(LEADS, { x: acme.id, first: 1 }, acme.admin)).leads.edges[0].node.id;
      for (const token of [rival.admin, rival.staff]) {
        expect(codeOf(await t.gql(LEADS, { x: acme.id }, token))).toBe('NOT_FOUND');
        expect(codeOf(await t.gql(FIGURES, { x: acme.id }, token))).toBe('NOT_FOUND');
        expect(codeOf(await t.gql(CSV_URL, { x: acme.id }, token))).toBe('NOT_FOUND');
        expect(codeOf(await t.gql(UPDATE, { id: acmeLead, r: 1 }, token))).toBe('NOT_FOUND');
        expect(codeOf(await t.gql(CAPTURE, { i: { exhibitorId: acme.id, code: people[0].code } }, token))).toBe(
          'NOT_FOUND',
        );
      }

      // A staff member with a token from before their removal.
      const leaving = 'leaving@portal.example';
      await t.ok(
        `mutation($x: ID!) { setStaffAllotment(exhibitorId: $x, places: 5) { allotted } }`,
        { x: acme.id },
        organizer,
      );
      await t.ok(ADD_STAFF, { x: acme.id, m: leaving }, acme.admin);
      const token = await t.factory.tokenFor(leaving);
      expect((await t.ok(LEADS, { x: acme.id }, token)).leads.totalCount).toBe(4); // the control
      await t.ok(
        `mutation($x: ID!, $m: String!) { removeExhibitorStaff(exhibitorId: $x, email: $m) { email } }`,
        { x: acme.id, m: leaving },
        acme.admin,
      );
      const refused: Record<string, GqlResponse<unknown>> = {
        leads: await t.gql(LEADS, { x: acme.id }, token),
        leadsCsvUrl: await t.gql(CSV_URL, { x: acme.id }, token),
        leadFigures: await t.gql(FIGURES, { x: acme.id }, token),
        captureLead: await t.gql(CAPTURE, { i: { exhibitorId: acme.id, code: people[0].code } }, token),
        updateLead: await t.gql(UPDATE, { id: acmeLead, r: 1 }, token),
      };
      for (const [op, res] of Object.entries(refused)) {
        expect([op, res.data ?? null]).toEqual([op, null]);
        expect([op, codeOf(res)]).toEqual([op, 'FORBIDDEN']);
      }
      expect((await t.ok(MY_EXHIBITORS, {}, token)).myExhibitors).toEqual([]);
    });
  });

  it('authorization table: who may call each new operation', async () => {
    const x = await team('Table Co');
    const other = await team('Table Other');
    const b = await booth('T1', 90, 0);
    const attendee = await t.factory.attendee(editionId);
    const lead = (await t.ok(CAPTURE, { i: { exhibitorId: x.id, code: (await badged()).code } }, x.staff)).captureLead
      .id as string;
    await t.ok(SELECTION, { e: editionId, o: true }, organizer);
    const callers: Record<string, string | undefined> = {
      anonymous: undefined,
      attendee: attendee.token,
      otherStaff: other.admin,
      staff: x.staff,
      admin: x.admin,
      organizer,
    };
    // Each operation: its call, and the code each caller gets (null: allowed).
    const table: [string, () => [string, Record<string, unknown>], Record<string, string | null>][] = [
      [
        'setBoothSelection',
        () => [SELECTION, { e: editionId, o: true }],
        {
          anonymous: 'UNAUTHENTICATED',
          attendee: 'FORBIDDEN',
          otherStaff: 'FORBIDDEN',
          staff: 'FORBIDDEN',
          admin: 'FORBIDDEN',
          organizer: null,
        },
      ],
      [
        'requestBooth',
        () => [REQUEST, { b: b.id, x: x.id }],
        {
          anonymous: 'UNAUTHENTICATED',
          attendee: 'NOT_FOUND',
          otherStaff: 'NOT_FOUND',
          staff: 'NOT_FOUND',
          admin: null,
          organizer: 'CONFLICT',
        },
      ],
      [
        'setLeadTags',
        () => [TAGS, { x: x.id, t: ['A'] }],
        {
          anonymous: 'UNAUTHENTICATED',
          attendee: 'NOT_FOUND',
          otherStaff: 'NOT_FOUND',
          staff: 'NOT_FOUND',
          admin: null,
          organizer: null,
        },
      ],
      [
        'leads',
        () => [LEADS, { x: x.id, s: 'a', o: 'NAME_ASC' }],
        {
          anonymous: 'UNAUTHENTICATED',
          attendee: 'FORBIDDEN',
          otherStaff: 'NOT_FOUND',
          staff: null,
          admin: null,
          organizer: null,
        },
      ],
      [
        'leadFigures',
        () => [FIGURES, { x: x.id }],
        {
          anonymous: 'UNAUTHENTICATED',
          attendee: 'FORBIDDEN',
          otherStaff: 'NOT_FOUND',
          staff: null,
          admin: null,
          organizer: null,
        },
      ],
      [
        'updateLead (tags)',
        () => [UPDATE, { id: lead, t: [] }],
        {
          anonymous: 'UNAUTHENTICATED',
          attendee: 'FORBIDDEN',
          otherStaff: 'NOT_FOUND',
          staff: null,
          admin: null,
          organizer: null,
        },
      ],
      [
        'myLeadCaptures',
        () => [MY_CAPTURES, { e: editionId }],
        { anonymous: 'UNAUTHENTICATED', attendee: null, otherStaff: null, staff: null, admin: null, organizer: null },
      ],
      [
        'myExhibitors',
        () => [MY_EXHIBITORS, { e: editionId }],
        { anonymous: 'UNAUTHENTICATED', attendee: null, otherStaff: null, staff: null, admin: null, organizer: null },
      ],
    ];
    const got: Record<string, Record<string, string | null>> = {};
    const want: Record<string, Record<string, string | null>> = {};
    for (const [name, call, expected] of table) {
      want[name] = expected;
      got[name] = {};
      // The order matters for requestBooth: the admin's request wins, the organizer's comes after it.
      for (const who of ['anonymous', 'attendee', 'otherStaff', 'staff', 'admin', 'organizer']) {
        const [query, vars] = call();
        got[name][who] = codeOf(await t.gql(query, vars, callers[who])) ?? null;
      }
    }
    expect(got).toEqual(want);

    // The logo upload, over HTTP.
    const statuses: Record<string, number> = {};
    for (const who of Object.keys(callers)) statuses[who] = (await upload(x.id, 'image/png', PNG, callers[who])).status;
    expect(statuses).toEqual({
      anonymous: 401,
      attendee: 404,
      otherStaff: 404,
      staff: 404,
      admin: 200,
      organizer: 200,
    });
    await t.ok(SELECTION, { e: editionId, o: false }, organizer);
  });
});
