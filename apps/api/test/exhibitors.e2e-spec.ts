import { Resvg } from '@resvg/resvg-js';
import { eventually } from '@app/testing';
import { codeOf, TestApp } from './test-app';

const HALL = `mutation($e: ID!, $i: HallInput!) { createHall(editionId: $e, input: $i) { id name widthM depthM } }`;
const BOOTH = `mutation($e: ID!, $i: BoothInput!) { createBooth(editionId: $e, input: $i) { id code xM yM widthM depthM areaM2 type status hall { name } exhibitor { name } } }`;
const EXHIBITOR = `mutation($e: ID!, $i: ExhibitorInput!) { createExhibitor(editionId: $e, input: $i) { id name } }`;
const ASSIGN = `mutation($b: ID!, $x: ID!) { assignBooth(boothId: $b, exhibitorId: $x) { id status exhibitor { id name } } }`;
const IMPORT = `mutation($e: ID!, $rows: [BoothImportRow!]!) { importBooths(editionId: $e, rows: $rows) { created updated unchanged refused rows { row code outcome reason boothId } } }`;
const SEARCH = `query($e: ID!, $s: String, $c: String, $h: ID, $first: Int, $after: String) { exhibitors(editionId: $e, search: $s, category: $c, hallId: $h, first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage } edges { node { name category booths { code } } } } }`;

describe('exhibitors and booths', () => {
  let t: TestApp;
  let admin: string;
  let editionId: string;
  let hallId: string;

  beforeAll(async () => {
    t = await TestApp.create();
    admin = await t.factory.admin();
    editionId = (await t.factory.edition()).id;
    hallId = (await t.ok(HALL, { e: editionId, i: { name: 'Hall A', widthM: 60, depthM: 40 } }, admin)).createHall.id;
  });
  afterAll(() => t.close());

  const booth = async (code: string, x: number, y: number, w = 3, d = 3, type?: string) =>
    (
      await t.ok(
        BOOTH,
        { e: editionId, i: { code, hallId, xM: x, yM: y, widthM: w, depthM: d, ...(type ? { type } : {}) } },
        admin,
      )
    ).createBooth;
  const exhibitor = async (name: string, extra: Record<string, unknown> = {}) =>
    (await t.ok(EXHIBITOR, { e: editionId, i: { name, ...extra } }, admin)).createExhibitor as {
      id: string;
      name: string;
    };

  it('refuses in PostgreSQL overlapping booths and booths outside their hall; neighbours may share an edge', async () => {
    const a = await booth('A100', 0, 0, 3, 3, 'CORNER');
    expect(a).toMatchObject({
      code: 'A100',
      widthM: 3,
      depthM: 3,
      areaM2: 9,
      type: 'CORNER',
      status: 'AVAILABLE',
      hall: { name: 'Hall A' },
      exhibitor: null,
    });
    expect((await booth('A101', 3, 0)).code).toBe('A101'); // shares an edge
    const overlap = await t.gql(
      BOOTH,
      { e: editionId, i: { code: 'A102', hallId, xM: 2.5, yM: 1, widthM: 3, depthM: 3 } },
      admin,
    );
    expect(codeOf(overlap)).toBe('CONFLICT');
    expect(overlap.errors![0].extensions).toMatchObject({ conflictingBoothId: a.id });
    expect(
      codeOf(
        await t.gql(BOOTH, { e: editionId, i: { code: 'A103', hallId, xM: 58, yM: 0, widthM: 3, depthM: 3 } }, admin),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await t.gql(BOOTH, { e: editionId, i: { code: 'A100', hallId, xM: 20, yM: 20, widthM: 3, depthM: 3 } }, admin),
      ),
    ).toBe('CONFLICT');
    expect(
      codeOf(
        await t.gql(BOOTH, { e: editionId, i: { code: 'A104', hallId, xM: -1, yM: 20, widthM: 3, depthM: 3 } }, admin),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await t.gql(
          BOOTH,
          { e: editionId, i: { code: 'A105', hallId, xM: 30, yM: 20, widthM: 3, depthM: 3 } },
          (await t.factory.user()).token,
        ),
      ),
    ).toBe('FORBIDDEN');
    // The database itself refuses, whatever the code path.
    await expect(
      t.db.query(
        `INSERT INTO booth (edition_id, hall_id, code, x_m, y_m, width_m, depth_m) VALUES ($1, $2, 'RAW', 1, 1, 1, 1)`,
        [editionId, hallId],
      ),
    ).rejects.toThrow(/booth_no_overlap/);
    await expect(
      t.db.query(
        `INSERT INTO booth (edition_id, hall_id, code, x_m, y_m, width_m, depth_m) VALUES ($1, $2, 'RAW', 59.5, 39, 1, 1)`,
        [editionId, hallId],
      ),
    ).rejects.toThrow(/inside its hall/);
  });

  it('imports a floor plan idempotently by code, with a result and reason per row', async () => {
    const rows = [
      { code: 'B1', hall: 'hall a', xM: '10', yM: '10', widthM: '3', depthM: '3' },
      { code: 'B2', hall: 'Hall A', xM: '13', yM: '10', widthM: '6', depthM: '3', type: 'peninsula' },
      { code: 'B3', hall: 'Hall A', xM: '14', yM: '11', widthM: '3', depthM: '3' },
      { code: 'B4', hall: 'Hall Z', xM: '30', yM: '30', widthM: '3', depthM: '3' },
      { code: 'B5', hall: 'Hall A', xM: 'ten', yM: '30', widthM: '3', depthM: '3' },
      { code: 'B1', hall: 'Hall A', xM: '40', yM: '30', widthM: '3', depthM: '3' },
      { code: 'B6', hall: 'Hall A', xM: '30', yM: '30', widthM: '3', depthM: '3', type: 'round' },
    ];
    const first = (await t.ok(IMPORT, { e: editionId, rows }, admin)).importBooths;
    expect(first).toMatchObject({ created: 2, refused: 5 });
    expect(first.rows.map((r: { outcome: string }) => r.outcome)).toEqual([
      'CREATED',
      'CREATED',
      'REFUSED',
      'REFUSED',
      'REFUSED',
      'REFUSED',
      'REFUSED',
    ]);
    expect(first.rows[2].reason).toMatch(/overlap booth B2/);
    expect(first.rows[3].reason).toMatch(/unknown hall "Hall Z"/);
    expect(first.rows[4].reason).toMatch(/numbers in metres/);
    expect(first.rows[5].reason).toMatch(/duplicate row: the same code as row 1/);
    expect(first.rows[6].reason).toMatch(/unknown booth type "round"/);

    const again = (await t.ok(IMPORT, { e: editionId, rows: [rows[0], { ...rows[1], widthM: '5' }] }, admin))
      .importBooths;
    expect(again).toMatchObject({ created: 0, updated: 1, unchanged: 1, refused: 0 });

    const csv = [
      'Code,Hall,X,Y,Width,Depth,Type',
      'C1,Hall A,0,20,3,3,inline',
      'C2,Hall A,3,20,3,3,',
      'C3,Hall A,1,20,3,3,',
    ].join('\n');
    const res = await t.http
      .post(`/editions/${editionId}/booths/import`)
      .set('Authorization', `Bearer ${admin}`)
      .set('Content-Type', 'text/csv')
      .send(csv);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 2, refused: 1 });
  });

  it('gives a booth to exactly one of 50 concurrent assignBooth calls; the rest get CONFLICT', async () => {
    const target = await booth('HOT1', 50, 30, 6, 6, 'ISLAND');
    const contenders = await Promise.all(Array.from({ length: 50 }, (_, i) => exhibitor(`Contender ${i}`)));
    const results = await Promise.all(contenders.map((x) => t.gql(ASSIGN, { b: target.id, x: x.id }, admin)));
    const winners = results.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(49);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM booth_change WHERE booth_id = $1 AND to_status = 'ASSIGNED'`,
      [target.id],
    );
    expect(n).toBe(1);
    expect(winners[0].data!.assignBooth).toMatchObject({ status: 'ASSIGNED' });
  });

  it('holds, assigns, moves and releases booths, keeping who did what in the history; expired holds are released by the worker', async () => {
    const worker = await t.startWorker();
    const acme = await exhibitor('Acme Imaging');
    const b1 = await booth('H1', 0, 30, 3, 3);
    const b2 = await booth('H2', 3, 30, 3, 3);
    const until = new Date(Date.now() + 1500).toISOString();
    const HOLD = `mutation($b: ID!, $x: ID!, $u: DateTime!) { holdBooth(boothId: $b, exhibitorId: $x, until: $u) { status holdExpiresAt exhibitor { name } } }`;
    expect(
      codeOf(await t.gql(HOLD, { b: b1.id, x: acme.id, u: new Date(Date.now() - 1000).toISOString() }, admin)),
    ).toBe('BAD_USER_INPUT'); // a hold ends in the future
    const held = (await t.ok(HOLD, { b: b1.id, x: acme.id, u: until }, admin)).holdBooth;
    expect(held).toMatchObject({ status: 'ON_HOLD', exhibitor: { name: 'Acme Imaging' } });
    const other = await exhibitor('Other Co');
    expect(codeOf(await t.gql(ASSIGN, { b: b1.id, x: other.id }, admin))).toBe('CONFLICT'); // held for someone else
    const released = await eventually(
      async () =>
        (await t.ok(`query($e: ID!) { booths(editionId: $e) { id status } }`, { e: editionId })).booths.find(
          (b: { id: string }) => b.id === b1.id,
        ).status,
      (s) => s === 'AVAILABLE',
      10_000,
    );
    expect(released).toBe('AVAILABLE');

    expect((await t.ok(ASSIGN, { b: b1.id, x: acme.id }, admin)).assignBooth.status).toBe('ASSIGNED');
    const moved = (
      await t.ok(
        `mutation($b: ID!, $to: ID!) { moveBooth(boothId: $b, toBoothId: $to) { code status exhibitor { name } } }`,
        { b: b1.id, to: b2.id },
        admin,
      )
    ).moveBooth;
    expect(moved).toMatchObject({ code: 'H2', status: 'ASSIGNED', exhibitor: { name: 'Acme Imaging' } });
    await t.ok(`mutation($b: ID!) { releaseBooth(boothId: $b) { status } }`, { b: b2.id }, admin);

    const history = (
      await t.ok(`query($b: ID!) { boothHistory(boothId: $b) { fromStatus toStatus actor at } }`, { b: b1.id }, admin)
    ).boothHistory;
    expect(
      history.map((h: { fromStatus: string | null; toStatus: string; actor: string | null }) => [
        h.fromStatus,
        h.toStatus,
        h.actor,
      ]),
    ).toEqual([
      [null, 'AVAILABLE', null],
      ['AVAILABLE', 'ON_HOLD', 'admin@test.example'],
      ['ON_HOLD', 'AVAILABLE', null],
      ['AVAILABLE', 'ASSIGNED', 'admin@test.example'],
      ['ASSIGNED', 'AVAILABLE', 'admin@test.example'],
    ]);
    expect(
      codeOf(
        await t.gql(
          `query($b: ID!) { boothHistory(boothId: $b) { toStatus } }`,
          { b: b1.id },
          (await t.factory.user()).token,
        ),
      ),
    ).toBe('FORBIDDEN');
    await t.stopWorker(worker);
  });

  it('finds exhibitors by full-text search over name and description, category and hall, a page at a time', async () => {
    const e = (await t.factory.edition()).id;
    const hall = (await t.ok(HALL, { e, i: { name: 'North', widthM: 30, depthM: 30 } }, admin)).createHall.id;
    const make = async (name: string, description: string, category: string) =>
      (await t.ok(EXHIBITOR, { e, i: { name, description, category } }, admin)).createExhibitor.id;
    const imaging = await make('Helix Diagnostics', 'Cloud imaging archives for radiology departments', 'Imaging');
    await make('Pulse Informatics', 'Nurse scheduling and staffing analytics', 'Workforce');
    await make('Imaging Partners', 'Imaged-based triage', 'Imaging');
    await make('Kestrel Security', 'Zero trust networks for hospitals', 'Security');
    const b = (await t.ok(BOOTH, { e, i: { code: 'N1', hallId: hall, xM: 0, yM: 0, widthM: 3, depthM: 3 } }, admin))
      .createBooth.id;
    await t.ok(ASSIGN, { b, x: imaging }, admin);

    const names = async (vars: Record<string, unknown>) =>
      (await t.ok(SEARCH, { e, ...vars })).exhibitors.edges.map((x: { node: { name: string } }) => x.node.name);
    // Best match first: the name outranks the description (and stemming: imaging ~ imaged).
    expect(await names({ s: 'imaging' })).toEqual(['Imaging Partners', 'Helix Diagnostics']);
    const ranked = (await t.ok(SEARCH, { e, s: 'imaging', first: 1 })).exhibitors;
    expect(ranked).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    const next = (await t.ok(SEARCH, { e, s: 'imaging', first: 1, after: ranked.pageInfo.endCursor })).exhibitors;
    expect(next).toMatchObject({
      totalCount: 2,
      pageInfo: { hasNextPage: false },
      edges: [{ node: { name: 'Helix Diagnostics' } }],
    });
    const past = (await t.ok(SEARCH, { e, s: 'imaging', first: 1, after: next.pageInfo.endCursor })).exhibitors;
    expect(past).toMatchObject({ totalCount: 2, edges: [], pageInfo: { hasNextPage: false } });
    expect(await names({ s: 'radiology archive' })).toEqual(['Helix Diagnostics']);
    expect(await names({ s: '"zero trust" -radiology' })).toEqual(['Kestrel Security']);
    expect(await names({ c: 'Imaging' })).toEqual(['Helix Diagnostics', 'Imaging Partners']);
    // The filter's choices: each category once, alphabetically, for anyone (no sign-in).
    expect((await t.ok(`query($e: ID!) { exhibitorCategories(editionId: $e) }`, { e })).exhibitorCategories).toEqual([
      'Imaging',
      'Security',
      'Workforce',
    ]);
    expect(
      (await t.ok(`query($e: ID!) { exhibitorCategories(editionId: $e) }`, { e: (await t.factory.edition()).id }))
        .exhibitorCategories,
    ).toEqual([]);
    expect(await names({ h: hall })).toEqual(['Helix Diagnostics']);
    const page1 = (await t.ok(SEARCH, { e, first: 2 })).exhibitors;
    expect(page1).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
    const page2 = (await t.ok(SEARCH, { e, first: 2, after: page1.pageInfo.endCursor })).exhibitors;
    expect([...page1.edges, ...page2.edges].map((x: { node: { name: string } }) => x.node.name)).toEqual([
      'Helix Diagnostics',
      'Imaging Partners',
      'Kestrel Security',
      'Pulse Informatics',
    ]);
    // An edited profile is found by its new words at once.
    await t.ok(
      `mutation($id: ID!, $i: ExhibitorInput!) { updateExhibitor(id: $id, input: $i) { id } }`,
      { id: imaging, i: { name: 'Helix Diagnostics', description: 'Genomics pipelines for oncology' } },
      admin,
    );
    expect(await names({ s: 'oncology' })).toEqual(['Helix Diagnostics']);
    expect(await names({ s: 'radiology' })).toEqual([]);
    expect(codeOf(await t.gql(SEARCH, { e, after: 'forged' }))).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await t.gql(SEARCH, { e, after: Buffer.from(JSON.stringify([0, 'a', 'not-a-uuid'])).toString('base64url') }),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(SEARCH, { e, h: 'not-a-hall' }))).toBe('BAD_USER_INPUT');
  });

  it("lets an exhibitor's admin manage its profile and staff within the allotment, and nothing of anyone else's", async () => {
    const a = await exhibitor('Alpha Health');
    const b = await exhibitor('Beta Health');
    const boothA = await booth('S1', 20, 0, 3, 3); // 9 m²: two staff places
    await t.ok(ASSIGN, { b: boothA.id, x: a.id }, admin);
    const boss = await t.factory.user('Alpha Boss');
    await t.ok(
      `mutation($e: ID!, $m: String!, $x: ID) { grantRole(editionId: $e, email: $m, role: EXHIBITOR, exhibitorId: $x) }`,
      { e: editionId, m: boss.email, x: a.id },
      admin,
    );
    expect(
      codeOf(
        await t.gql(
          `mutation($e: ID!, $m: String!, $x: ID) { grantRole(editionId: $e, email: $m, role: EXHIBITOR, exhibitorId: $x) }`,
          { e: editionId, m: 'x@test.example', x: '00000000-0000-4000-8000-000000000000' },
          admin,
        ),
      ),
    ).toBe('NOT_FOUND');

    const ADD = `mutation($x: ID!, $m: String!) { addExhibitorStaff(exhibitorId: $x, email: $m) { email admin } }`;
    const ALLOT = `query($x: ID!) { staffAllotment(exhibitorId: $x) { allotted used overridden } }`;
    expect((await t.ok(ALLOT, { x: a.id }, boss.token)).staffAllotment).toEqual({
      allotted: 2,
      used: 1,
      overridden: false,
    });
    expect((await t.ok(ADD, { x: a.id, m: 'rep1@alpha.example' }, boss.token)).addExhibitorStaff).toEqual([
      { email: 'rep1@alpha.example', admin: false },
      { email: boss.email, admin: true },
    ]);
    const full = await t.gql(ADD, { x: a.id, m: 'rep2@alpha.example' }, boss.token);
    expect(codeOf(full)).toBe('CONFLICT');
    expect(full.errors![0].message).toMatch(/All 2 staff places are taken/);
    expect(
      (
        await t.ok(
          `mutation($x: ID!) { setStaffAllotment(exhibitorId: $x, places: 5) { allotted overridden } }`,
          { x: a.id },
          admin,
        )
      ).setStaffAllotment,
    ).toEqual({ allotted: 5, overridden: true });
    expect(
      codeOf(
        await t.gql(
          `mutation($x: ID!) { setStaffAllotment(exhibitorId: $x, places: 50) { allotted } }`,
          { x: a.id },
          boss.token,
        ),
      ),
    ).toBe('FORBIDDEN');
    for (const places of [-1, 501])
      expect(
        codeOf(
          await t.gql(
            `mutation($x: ID!, $p: Int) { setStaffAllotment(exhibitorId: $x, places: $p) { allotted } }`,
            { x: a.id, p: places },
            admin,
          ),
        ),
      ).toBe('BAD_USER_INPUT');
    expect((await t.ok(ADD, { x: a.id, m: 'rep2@alpha.example' }, boss.token)).addExhibitorStaff).toHaveLength(3);
    expect(
      (
        await t.ok(
          `mutation($x: ID!, $m: String!) { removeExhibitorStaff(exhibitorId: $x, email: $m) { email } }`,
          { x: a.id, m: 'rep1@alpha.example' },
          boss.token,
        )
      ).removeExhibitorStaff,
    ).toHaveLength(2);

    const UPDATE = `mutation($id: ID!, $i: ExhibitorInput!) { updateExhibitor(id: $id, input: $i) { name website } }`;
    expect(
      (await t.ok(UPDATE, { id: a.id, i: { name: 'Alpha Health Inc.', website: 'https://alpha.example' } }, boss.token))
        .updateExhibitor,
    ).toEqual({ name: 'Alpha Health Inc.', website: 'https://alpha.example' });
    expect(
      codeOf(await t.gql(UPDATE, { id: a.id, i: { name: 'x', website: 'javascript:alert(1)' } }, boss.token)),
    ).toBe('BAD_USER_INPUT');
    // Someone else's exhibitor: as if it did not exist.
    expect(codeOf(await t.gql(UPDATE, { id: b.id, i: { name: 'Hijacked' } }, boss.token))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(ADD, { x: b.id, m: 'spy@alpha.example' }, boss.token))).toBe('NOT_FOUND');
    expect(
      codeOf(await t.gql(`query($x: ID!) { exhibitorStaff(exhibitorId: $x) { email } }`, { x: b.id }, boss.token)),
    ).toBe('NOT_FOUND');
    const rep = await t.factory.tokenFor('rep2@alpha.example'); // staff, not admin
    expect(codeOf(await t.gql(UPDATE, { id: a.id, i: { name: 'Rep edit' } }, rep))).toBe('NOT_FOUND');
  });

  it('lists halls in the cached public edition answer as soon as one is added', async () => {
    const e = (await t.factory.edition()).id;
    const q = `query($id: ID!) { edition(id: $id) { halls { name } } }`;
    expect((await t.ok(q, { id: e })).edition.halls).toEqual([]);
    await t.ok(HALL, { e, i: { name: 'Annex', widthM: 20, depthM: 20 } }, admin);
    expect((await t.ok(q, { id: e })).edition.halls).toEqual([{ name: 'Annex' }]);
  });

  it('draws the hall to scale as SVG, booths coloured by status with codes and exhibitor names', async () => {
    const plan = (await t.ok(`query($h: ID!) { floorPlanSvg(hallId: $h) }`, { h: hallId })).floorPlanSvg as string;
    expect(plan).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 768 572"/);
    expect(plan).toContain('>A100<');
    expect(plan).toContain('<title>S1: Alpha Health Inc. (Assigned, 3 m × 3 m)</title>');
    expect(plan).toMatch(/>Contender \d+</); // the winner of the race for HOT1
    const png = new Resvg(plan).render();
    expect([png.width, png.height]).toEqual([768, 572]);
    const res = await t.http.get(`/floor-plans/${hallId}.svg`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect((await t.http.get(`/floor-plans/00000000-0000-4000-8000-000000000000.svg`)).status).toBe(404);
  });
});
