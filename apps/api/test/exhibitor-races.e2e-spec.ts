import { codeOf, TestApp } from './test-app';

const HALL = `mutation($e: ID!, $i: HallInput!) { createHall(editionId: $e, input: $i) { id } }`;
const BOOTH = `mutation($e: ID!, $i: BoothInput!) { createBooth(editionId: $e, input: $i) { id } }`;
const EXHIBITOR = `mutation($e: ID!, $n: String!) { createExhibitor(editionId: $e, input: { name: $n }) { id } }`;
const ASSIGN = `mutation($b: ID!, $x: ID!) { assignBooth(boothId: $b, exhibitorId: $x) { id } }`;
const MOVE = `mutation($b: ID!, $to: ID!) { moveBooth(boothId: $b, toBoothId: $to) { id status exhibitor { id } } }`;
const ADD = `mutation($x: ID!, $m: String!, $a: Boolean) { addExhibitorStaff(exhibitorId: $x, email: $m, admin: $a) { email admin } }`;
const GRANT = `mutation($e: ID!, $m: String!, $x: ID) { grantRole(editionId: $e, email: $m, role: EXHIBITOR, exhibitorId: $x) }`;
const STAFF = `query($x: ID!) { exhibitorStaff(exhibitorId: $x) { email admin } }`;

/** Rules that read state and then write must hold when the same request arrives many times at once. */
describe('exhibitor rules under concurrency', () => {
  let t: TestApp;
  let admin: string;
  let editionId: string;
  let hallId: string;
  let n = 0;

  const booth = async () => {
    const i = n++;
    return (
      await t.ok(
        BOOTH,
        {
          e: editionId,
          i: { code: `R${i}`, hallId, xM: (i % 15) * 4, yM: Math.floor(i / 15) * 4, widthM: 3, depthM: 3 },
        },
        admin,
      )
    ).createBooth.id as string;
  };
  const exhibitor = async (name: string) =>
    (await t.ok(EXHIBITOR, { e: editionId, n: name }, admin)).createExhibitor.id as string;
  const rolesOf = (email: string) =>
    t.db.query(
      `SELECT exhibitor_id, exhibitor_admin FROM edition_role WHERE edition_id = $1 AND email = $2 AND role = 'EXHIBITOR'`,
      [editionId, email],
    );

  beforeAll(async () => {
    t = await TestApp.create();
    admin = await t.factory.admin();
    editionId = (await t.factory.edition()).id;
    hallId = (await t.ok(HALL, { e: editionId, i: { name: 'Race hall', widthM: 60, depthM: 40 } }, admin)).createHall
      .id;
  });
  afterAll(() => t.close());

  it('moves a booth once when eight moves of it to eight targets race: the exhibitor still holds one booth', async () => {
    const x = await exhibitor('Mover');
    const src = await booth();
    await t.ok(ASSIGN, { b: src, x }, admin);
    const targets = await Promise.all(Array.from({ length: 8 }, () => booth()));
    const results = await Promise.all(targets.map((to) => t.gql(MOVE, { b: src, to }, admin)));
    expect(results.map((r) => (r.data?.moveBooth ? 'OK' : codeOf(r))).sort()).toEqual([
      'CONFLICT',
      'CONFLICT',
      'CONFLICT',
      'CONFLICT',
      'CONFLICT',
      'CONFLICT',
      'CONFLICT',
      'OK',
    ]);
    const held: { id: string }[] = await t.db.query(`SELECT id FROM booth WHERE exhibitor_id = $1`, [x]);
    expect(held).toHaveLength(1);
    expect(held[0].id).toBe(results.find((r) => r.data?.moveBooth)!.data!.moveBooth.id);
    // Moving to a booth that does not exist (or onto itself) is an answer, not a 500.
    expect(codeOf(await t.gql(MOVE, { b: held[0].id, to: '00000000-0000-4000-8000-000000000000' }, admin))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await t.gql(MOVE, { b: held[0].id, to: held[0].id }, admin))).toBe('BAD_USER_INPUT');
  });

  it("gives a person to exactly one exhibitor when two admins add them at once, with the winner's admin flag", async () => {
    const [a, b] = [await exhibitor('Alpha race'), await exhibitor('Beta race')];
    await t.ok(GRANT, { e: editionId, m: 'boss@alpha-race.example', x: a }, admin);
    await t.ok(GRANT, { e: editionId, m: 'boss@beta-race.example', x: b }, admin);
    const [bossA, bossB] = [
      await t.factory.tokenFor('boss@alpha-race.example'),
      await t.factory.tokenFor('boss@beta-race.example'),
    ];
    for (let round = 0; round < 5; round++) {
      const email = `contested-${round}@race.example`;
      const [ra, rb] = await Promise.all([
        t.gql(ADD, { x: a, m: email, a: false }, bossA),
        t.gql(ADD, { x: b, m: email, a: true }, bossB),
      ]);
      const winners = [ra, rb].filter((r) => r.data?.addExhibitorStaff);
      expect(winners).toHaveLength(1);
      const loser = ra.data?.addExhibitorStaff ? rb : ra;
      expect(codeOf(loser)).toBe('CONFLICT');
      expect(loser.errors![0].message).toMatch(/already staff of another exhibitor/);
      const [role] = await rolesOf(email);
      expect(role).toEqual(
        ra.data?.addExhibitorStaff
          ? { exhibitor_id: a, exhibitor_admin: false }
          : { exhibitor_id: b, exhibitor_admin: true },
      );
      await t.gql(
        `mutation($x: ID!, $m: String!) { removeExhibitorStaff(exhibitorId: $x, email: $m) { email } }`,
        { x: role.exhibitor_id, m: email },
        admin,
      );
    }
  });

  it('applies the staff allotment and admin rule to grantRole(EXHIBITOR): the first grant seats an admin, later ones staff', async () => {
    const x = await exhibitor('Gamma grants'); // no booth: two places
    expect(await t.ok(GRANT, { e: editionId, m: 'first@gamma.example', x }, admin)).toEqual({ grantRole: true });
    expect(await t.ok(GRANT, { e: editionId, m: 'second@gamma.example', x }, admin)).toEqual({ grantRole: true });
    const full = await t.gql(GRANT, { e: editionId, m: 'third@gamma.example', x }, admin);
    expect(codeOf(full)).toBe('CONFLICT');
    expect(full.errors![0].message).toMatch(/All 2 staff places are taken/);
    expect((await t.ok(STAFF, { x }, admin)).exhibitorStaff).toEqual([
      { email: 'first@gamma.example', admin: true },
      { email: 'second@gamma.example', admin: false },
    ]);
    // Granting again changes nothing; a person on another exhibitor's staff is not moved.
    expect(await t.ok(GRANT, { e: editionId, m: 'second@gamma.example', x }, admin)).toEqual({ grantRole: true });
    const other = await exhibitor('Delta grants');
    expect(codeOf(await t.gql(GRANT, { e: editionId, m: 'second@gamma.example', x: other }, admin))).toBe('CONFLICT');
    expect(await rolesOf('second@gamma.example')).toEqual([{ exhibitor_id: x, exhibitor_admin: false }]);
    // Concurrent grants cannot overfill the allotment either.
    const y = await exhibitor('Epsilon grants');
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => t.gql(GRANT, { e: editionId, m: `p${i}@epsilon.example`, x: y }, admin)),
    );
    expect(results.filter((r) => r.data?.grantRole).length).toBe(2);
    const staff = (await t.ok(STAFF, { x: y }, admin)).exhibitorStaff as { admin: boolean }[];
    expect(staff.map((s) => s.admin).sort()).toEqual([false, true]);
  });
});
