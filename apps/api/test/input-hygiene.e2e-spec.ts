import { randomUUID } from 'node:crypto';
import { REDIS } from '@app/core';
import { eventually } from '@app/testing';
import Redis from 'ioredis';
import { codeOf, TestApp } from './test-app';

const NUL = '\u0000';
const ANY_ID = '00000000-0000-4000-8000-000000000000';
const ATTENDEE_IMPORT = `mutation($e: ID!, $rows: [AttendeeImportRow!]!) { importAttendees(editionId: $e, rows: $rows) { created updated unchanged refused rows { row email outcome reason } } }`;
const BOOTH_IMPORT = `mutation($e: ID!, $rows: [BoothImportRow!]!) { importBooths(editionId: $e, rows: $rows) { created refused rows { row code outcome reason } } }`;

/**
 * Issue 14, items 4, 10, 13, 19 and 21: every string a client sends is bounded and free of control
 * characters before any resolver runs; imports refuse a bad row, never its neighbours; errors
 * neither echo megabytes nor name other people's records.
 */
describe('input hygiene', () => {
  let t: TestApp;
  let admin: string;
  let editionId: string;

  beforeAll(async () => {
    t = await TestApp.create();
    admin = await t.factory.admin();
    editionId = (await t.factory.edition()).id;
  });
  afterAll(() => t.close());

  // [name, query, variables, who, argument named in the message]
  const cases: [string, string, () => Record<string, unknown>, 'anonymous' | 'admin', string][] = [
    [
      'signUp name (anonymous)',
      `mutation($i: SignUpInput!) { signUp(input: $i) { token } }`,
      () => ({
        i: { email: `nul-${randomUUID()}@test.example`, password: 'long-enough-password-1', name: `Mallory${NUL}` },
      }),
      'anonymous',
      '$i.name',
    ],
    [
      'login email, inline literal (anonymous)',
      `mutation { login(email: "a\\u0000@test.example", password: "whatever-password") { token } }`,
      () => ({}),
      'anonymous',
      'email',
    ],
    [
      'login email, variable (anonymous)',
      `mutation($m: String!) { login(email: $m, password: "whatever-password") { token } }`,
      () => ({ m: `a${NUL}@test.example` }),
      'anonymous',
      '$m',
    ],
    [
      'createSpeaker name',
      `mutation($e: ID!, $i: SpeakerInput!) { createSpeaker(editionId: $e, input: $i) { id } }`,
      () => ({ e: editionId, i: { name: `Ada${NUL}` } }),
      'admin',
      '$i.name',
    ],
    [
      'createSpeaker bio with another control character',
      `mutation($e: ID!, $i: SpeakerInput!) { createSpeaker(editionId: $e, input: $i) { id } }`,
      () => ({ e: editionId, i: { name: 'Ada', bio: 'ring \u0007 bell' } }),
      'admin',
      '$i.bio',
    ],
    [
      'sessions search (anonymous)',
      `query($e: ID!, $s: String) { sessions(editionId: $e, filter: { search: $s }) { totalCount } }`,
      () => ({ e: editionId, s: `x${NUL}` }),
      'anonymous',
      '$s',
    ],
    [
      'sessions search in a variable default',
      `query($e: ID!, $s: String = "x\\u0000") { sessions(editionId: $e, filter: { search: $s }) { totalCount } }`,
      () => ({ e: editionId }),
      'anonymous',
      '$s',
    ],
    [
      'a cursor (anonymous)',
      `query($e: ID!) { sessions(editionId: $e, after: "abc\\u0000") { totalCount } }`,
      () => ({ e: editionId }),
      'anonymous',
      'after',
    ],
    [
      'lead notes',
      `mutation($id: ID!, $n: String) { updateLead(id: $id, notes: $n) { id } }`,
      () => ({ id: ANY_ID, n: `call back${NUL}` }),
      'admin',
      '$n',
    ],
    [
      'captureLead clientScanId',
      `mutation($i: LeadInput!) { captureLead(input: $i) { id } }`,
      () => ({ i: { exhibitorId: ANY_ID, code: 'CB1.x', clientScanId: `scan${NUL}` } }),
      'admin',
      '$i.clientScanId',
    ],
    [
      'syncScans, nested in a list',
      `mutation($c: ID!, $s: [OfflineScanInput!]!) { syncScans(checkpointId: $c, scans: $s) { admitted } }`,
      () => ({
        c: ANY_ID,
        s: [
          { code: 'a', clientScanId: 'ok', scannedAt: '2027-03-08T15:00:00Z' },
          { code: 'b', clientScanId: `x${NUL}`, scannedAt: '2027-03-08T15:00:00Z' },
        ],
      }),
      'admin',
      '$s[1].clientScanId',
    ],
    [
      'retireBadgeKey kid',
      `mutation($e: ID!) { retireBadgeKey(editionId: $e, kid: "k\\u0000") }`,
      () => ({ e: editionId }),
      'admin',
      'kid',
    ],
    [
      'print sheet last name',
      `query($e: ID!, $f: String) { badgePrintSheetUrl(editionId: $e, lastNameFrom: $f) }`,
      () => ({ e: editionId, f: `A${NUL}` }),
      'admin',
      '$f',
    ],
    [
      'createTrack name, inline',
      `mutation($e: ID!) { createTrack(editionId: $e, name: "Track\\u0000") { id } }`,
      () => ({ e: editionId }),
      'admin',
      'name',
    ],
    [
      'grantRole email',
      `mutation($e: ID!, $m: String!) { grantRole(editionId: $e, email: $m, role: STAFF) }`,
      () => ({ e: editionId, m: `x${NUL}@test.example` }),
      'admin',
      '$m',
    ],
    [
      'createExhibitor description, inline object',
      `mutation($e: ID!) { createExhibitor(editionId: $e, input: { name: "Acme", description: "x\\u0000" }) { id } }`,
      () => ({ e: editionId }),
      'admin',
      'input.description',
    ],
  ];

  it.each(cases)(
    'refuses a control character in %s with BAD_USER_INPUT naming it, before any resolver runs',
    async (_name, query, variables, who, argument) => {
      const res = await t.gql(query, variables(), who === 'admin' ? admin : undefined);
      expect(res.status).toBe(400);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toContain(argument);
      expect(res.errors![0].message).toMatch(/control character \(U\+00(00|07)\)/);
    },
  );

  it("remembers the verdict on a document text's literals, never on its variables", async () => {
    const bad = `mutation($e: ID!) { createExhibitor(editionId: $e, input: { name: "Again", description: "x\\u0000" }) { id } }`;
    for (let i = 0; i < 2; i++)
      expect([
        (await t.gql(bad, { e: editionId }, admin)).status,
        codeOf(await t.gql(bad, { e: editionId }, admin)),
      ]).toEqual([400, 'BAD_USER_INPUT']);
    const clean = `query($e: ID!, $s: String) { sessions(editionId: $e, filter: { search: $s }) { totalCount } }`;
    expect(codeOf(await t.gql(clean, { e: editionId, s: 'fine' }))).toBeUndefined();
    expect(codeOf(await t.gql(clean, { e: editionId, s: `x${NUL}` }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(clean, { e: editionId, s: 'fine again' }))).toBeUndefined();
  });

  it('lets tabs and line breaks through, and a NUL never reaches PostgreSQL (no account, no speaker)', async () => {
    const email = `nul-${randomUUID()}@test.example`;
    await t.gql(`mutation($i: SignUpInput!) { signUp(input: $i) { token } }`, {
      i: { email, password: 'long-enough-password-1', name: `Mallory${NUL}` },
    });
    expect(await t.db.query(`SELECT 1 FROM "user" WHERE email = $1`, [email])).toHaveLength(0);
    const ok = await t.ok(
      `mutation($e: ID!, $i: SpeakerInput!) { createSpeaker(editionId: $e, input: $i) { bio } }`,
      { e: editionId, i: { name: 'Tabby', bio: 'one\ttwo\r\nthree' } },
      admin,
    );
    expect(ok.createSpeaker.bio).toBe('one\ttwo\r\nthree');
  });

  it('refuses a cursor that decodes to a NUL, as bad input', async () => {
    const after = Buffer.from(JSON.stringify([`a${NUL}`, ANY_ID])).toString('base64url');
    const res = await t.gql(`query($e: ID!, $a: String) { speakers(editionId: $e, after: $a) { totalCount } }`, {
      e: editionId,
      a: after,
    });
    expect(res.status).toBeLessThan(500);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
  });

  it('bounds every string: a 15 MB login email is refused at once and leaves nothing in Redis (item 4)', async () => {
    const redis = t.app.get<Redis>(REDIS);
    const started = Date.now();
    for (let i = 0; i < 3; i++) {
      const res = await t.gql(`mutation($m: String!) { login(email: $m, password: "whatever-password") { token } }`, {
        m: 'b'.repeat(15_000_000),
      });
      expect(res.status).toBe(400);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toBe('$m is longer than 10000 characters');
    }
    expect(Date.now() - started).toBeLessThan(15_000);
    const keys = await redis.keys(`${t.config.redisPrefix}*`);
    expect(keys.filter((k) => k.length > 1000)).toEqual([]);
    // The global bound in inline literals too; declared bounds stay (a bio of exactly 10,000 is fine).
    expect(codeOf(await t.gql(`mutation { login(email: "${'c'.repeat(10_001)}", password: "x") { token } }`))).toBe(
      'BAD_USER_INPUT',
    );
    await t.ok(
      `mutation($e: ID!, $i: SpeakerInput!) { createSpeaker(editionId: $e, input: $i) { id } }`,
      { e: editionId, i: { name: 'Long Bio', bio: 'b'.repeat(10_000) } },
      admin,
    );
  });

  it('refuses values nested deeper than any input type', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 200; i++) deep = [deep];
    const res = await t.gql(
      `mutation($s: [OfflineScanInput!]!) { syncScans(checkpointId: "${ANY_ID}", scans: $s) { admitted } }`,
      { s: deep },
      admin,
    );
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
  });

  it('bounds plain String arguments and never echoes a megabyte (item 19)', async () => {
    const megabyte = 'k'.repeat(1_000_000);
    const kid = await t.gql(
      `mutation($e: ID!, $k: String!) { retireBadgeKey(editionId: $e, kid: $k) }`,
      { e: editionId, k: megabyte.slice(0, 9_000) },
      admin,
    );
    expect(codeOf(kid)).toBe('BAD_USER_INPUT');
    expect(kid.errors![0].message).toBe('kid is longer than 64 characters');
    const huge = await t.gql(
      `mutation($e: ID!, $k: String!) { retireBadgeKey(editionId: $e, kid: $k) }`,
      { e: editionId, k: megabyte },
      admin,
    );
    expect(codeOf(huge)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(huge.errors).length).toBeLessThan(1000);
    // An unknown kid within the bound is NOT_FOUND, echoing at most 64 characters.
    const unknown = await t.gql(
      `mutation($e: ID!, $k: String!) { retireBadgeKey(editionId: $e, kid: $k) }`,
      { e: editionId, k: 'z'.repeat(64) },
      admin,
    );
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    expect(
      codeOf(
        await t.gql(
          `mutation($id: ID!, $n: String) { updateLead(id: $id, notes: $n) { id } }`,
          { id: ANY_ID, n: 'n'.repeat(5_001) },
          admin,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await t.gql(
          `mutation($e: ID!, $m: String!) { grantRole(editionId: $e, email: $m, role: STAFF) }`,
          { e: editionId, m: `${'m'.repeat(250)}@test.example` },
          admin,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('applies the same rule to HTTP route and query parameters', async () => {
    expect((await t.http.get(`/calendar/editions/${editionId}/tracks/%00.ics`)).status).toBe(400);
    const res = await t.http.get(`/badges/x.pdf?v=1&sig=%00abc`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'sig' });
  });

  describe('imports (item 13)', () => {
    const csvImport = (path: string, csv: string) =>
      t.http
        .post(`/editions/${editionId}/${path}/import`)
        .set('Authorization', `Bearer ${admin}`)
        .set('Content-Type', 'text/csv')
        .send(csv);

    it('refuses only the row with a NUL, in a GraphQL import and in a CSV upload', async () => {
      const rows = Array.from({ length: 5 }, (_, i) => ({
        email: `row${i}-${randomUUID()}@test.example`,
        firstName: i === 2 ? `Bad${NUL}` : 'Good',
        lastName: 'Row',
        accessLevel: 'EXPO_ONLY',
      }));
      const report = (await t.ok(ATTENDEE_IMPORT, { e: editionId, rows }, admin)).importAttendees;
      expect(report).toMatchObject({ created: 4, refused: 1 });
      expect(report.rows[2]).toMatchObject({
        row: 3,
        outcome: 'REFUSED',
        reason: 'firstName contains a control character (U+0000)',
      });

      const emails = Array.from({ length: 5 }, (_, i) => `csv${i}-${randomUUID()}@test.example`);
      const csv = [
        'email,first name,last name,pass',
        ...emails.map((m, i) => `${m},${i === 3 ? `Nul${NUL}l` : 'Good'},Row,expo only`),
      ].join('\n');
      const res = await csvImport('attendees', csv);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ created: 4, refused: 1 });
      expect(res.body.rows[3]).toMatchObject({
        outcome: 'REFUSED',
        reason: expect.stringContaining('control character'),
      });
      const stored = await t.db.query(`SELECT email FROM attendee WHERE edition_id = $1 AND email = ANY($2)`, [
        editionId,
        emails,
      ]);
      expect(stored).toHaveLength(4);
    });

    it('refuses a booth row with 1e20 or 1e308 (only that row), never a 500', async () => {
      await t.ok(
        `mutation($e: ID!) { createHall(editionId: $e, input: { name: "Import Hall", widthM: 100, depthM: 100 }) { id } }`,
        { e: editionId },
        admin,
      );
      const csv = [
        'code,hall,x,y,width,depth',
        'I1,Import Hall,0,0,3,3',
        'I2,Import Hall,1e20,0,3,3',
        `I3,Import Hall,10,0,3,3`,
        `I4,Import Hall,20,0,3${NUL},3`,
      ].join('\n');
      const res = await csvImport('booths', csv);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ created: 2, refused: 2 });
      expect(res.body.rows.map((r: { outcome: string }) => r.outcome)).toEqual([
        'CREATED',
        'REFUSED',
        'CREATED',
        'REFUSED',
      ]);
      expect(res.body.rows[1].reason).toMatch(/at most 2000 m/);

      const rows = [
        { code: 'J1', hall: 'Import Hall', xM: '0', yM: '10', widthM: '3', depthM: '3' },
        { code: 'J2', hall: 'Import Hall', xM: '1e308', yM: '10', widthM: '3', depthM: '3' },
        { code: 'J3', hall: 'Import Hall', xM: '10', yM: '10', widthM: '3', depthM: '1e308' },
        { code: `J4${NUL}`, hall: 'Import Hall', xM: '20', yM: '10', widthM: '3', depthM: '3' },
        { code: 'J5', hall: 'Import Hall', xM: '30', yM: '10', widthM: '3', depthM: '3' },
      ];
      const report = (await t.ok(BOOTH_IMPORT, { e: editionId, rows }, admin)).importBooths;
      expect(report).toMatchObject({ created: 2, refused: 3 });
      expect(report.rows.map((r: { outcome: string }) => r.outcome)).toEqual([
        'CREATED',
        'REFUSED',
        'REFUSED',
        'REFUSED',
        'CREATED',
      ]);
      expect(report.rows[3].code).toBe('J4');
    });

    it('runs 6 concurrent imports of the same 3,000 people (3 chunks each), in different orders, without a deadlock or a refused row', async () => {
      const e = (await t.factory.edition()).id;
      const people = Array.from({ length: 3000 }, (_, i) => ({
        email: `crowd${i}@test.example`,
        firstName: 'Crowd',
        lastName: `Member ${i}`,
        accessLevel: 'FULL_CONFERENCE',
      }));
      const shuffled = (seed: number) =>
        [...people].sort(
          (a, b) =>
            ((a.lastName.length * 31 + a.email.charCodeAt(5) * seed) % 7) -
              ((b.lastName.length * 31 + b.email.charCodeAt(5) * seed) % 7) ||
            (seed % 2 ? 1 : -1) * a.email.localeCompare(b.email),
        );
      const reports = await Promise.all(
        [1, 2, 3, 4, 5, 6].map((seed) => t.ok(ATTENDEE_IMPORT, { e, rows: shuffled(seed) }, admin)),
      );
      expect(reports.map((r) => r.importAttendees.refused)).toEqual([0, 0, 0, 0, 0, 0]);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM attendee WHERE edition_id = $1`, [e]);
      expect(n).toBe(3000);
    });
  });

  describe('errors that would name what the caller may not see (item 21)', () => {
    it("moving a booth onto another edition's booth is NOT_FOUND, without that booth's code", async () => {
      const other = (await t.factory.edition()).id;
      const hallHere = (
        await t.ok(
          `mutation($e: ID!) { createHall(editionId: $e, input: { name: "Move Hall", widthM: 50, depthM: 50 }) { id } }`,
          { e: editionId },
          admin,
        )
      ).createHall.id;
      const hallThere = (
        await t.ok(
          `mutation($e: ID!) { createHall(editionId: $e, input: { name: "Elsewhere", widthM: 50, depthM: 50 }) { id } }`,
          { e: other },
          admin,
        )
      ).createHall.id;
      const booth = async (e: string, hallId: string, code: string) =>
        (
          await t.ok(
            `mutation($e: ID!, $i: BoothInput!) { createBooth(editionId: $e, input: $i) { id } }`,
            { e, i: { code, hallId, xM: 0, yM: 0, widthM: 3, depthM: 3 } },
            admin,
          )
        ).createBooth.id;
      const mine = await booth(editionId, hallHere, 'MV1');
      const theirs = await booth(other, hallThere, 'SECRET9');
      const x = (
        await t.ok(
          `mutation($e: ID!) { createExhibitor(editionId: $e, input: { name: "Mover" }) { id } }`,
          { e: editionId },
          admin,
        )
      ).createExhibitor.id;
      await t.ok(
        `mutation($b: ID!, $x: ID!) { assignBooth(boothId: $b, exhibitorId: $x) { id } }`,
        { b: mine, x },
        admin,
      );
      for (const to of [theirs, randomUUID()]) {
        const res = await t.gql(
          `mutation($b: ID!, $to: ID!) { moveBooth(boothId: $b, toBoothId: $to) { id } }`,
          { b: mine, to },
          admin,
        );
        expect(codeOf(res)).toBe('NOT_FOUND');
        expect(JSON.stringify(res.errors)).not.toContain('SECRET9');
      }
    });

    it("another exhibitor's lead is NOT_FOUND to a stranger's staff, without that exhibitor's id", async () => {
      await t.startWorker();
      const exhibitor = async (name: string) =>
        (
          await t.ok(
            `mutation($e: ID!, $i: ExhibitorInput!) { createExhibitor(editionId: $e, input: $i) { id } }`,
            { e: editionId, i: { name } },
            admin,
          )
        ).createExhibitor.id as string;
      const [a, b] = [await exhibitor('Owner Co'), await exhibitor('Stranger Co')];
      for (const [m, x] of [
        ['rep@owner.example', a],
        ['rep@stranger.example', b],
      ]) {
        await t.ok(
          `mutation($e: ID!, $m: String!, $x: ID) { grantRole(editionId: $e, email: $m, role: EXHIBITOR, exhibitorId: $x) }`,
          { e: editionId, m, x },
          admin,
        );
      }
      const person = await t.factory.attendee(editionId);
      const { id: badgeId } = (
        await t.ok(`mutation($a: ID!) { issueBadge(attendeeId: $a) { id } }`, { a: person.id }, admin)
      ).issueBadge;
      const badge = await eventually(
        async () => (await t.ok(`query($id: ID!) { badge(id: $id) { status code } }`, { id: badgeId }, admin)).badge,
        (x) => x.status === 'ACTIVE',
      );
      const lead = (
        await t.ok(
          `mutation($i: LeadInput!) { captureLead(input: $i) { id } }`,
          { i: { exhibitorId: a, code: badge.code, notes: 'n'.repeat(5000) } },
          await t.factory.tokenFor('rep@owner.example'),
        )
      ).captureLead.id;

      const res = await t.gql(
        `mutation($id: ID!) { updateLead(id: $id, rating: 1) { id } }`,
        { id: lead },
        await t.factory.tokenFor('rep@stranger.example'),
      );
      expect(codeOf(res)).toBe('NOT_FOUND');
      expect(JSON.stringify(res.errors)).not.toContain(a);
      // updateLead keeps capture's bound on notes (5,000), for the owner too.
      expect(
        codeOf(
          await t.gql(
            `mutation($id: ID!, $n: String) { updateLead(id: $id, notes: $n) { id } }`,
            { id: lead, n: 'n'.repeat(1_000_000) },
            await t.factory.tokenFor('rep@owner.example'),
          ),
        ),
      ).toBe('BAD_USER_INPUT');
      const [{ len }] = await t.db.query(`SELECT length(notes) AS len FROM lead WHERE id = $1`, [lead]);
      expect(len).toBe(5000);
    });
  });
});
