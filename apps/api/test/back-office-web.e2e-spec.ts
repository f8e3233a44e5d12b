import { codeOf, TestApp } from './test-app';

const MY_ROLES = `query($e: ID!) { myRoles(editionId: $e) }`;
const GRANT = `mutation($e: ID!, $m: String!, $r: Role!) { grantRole(editionId: $e, email: $m, role: $r) }`;

describe('what the web back office needs from the API', () => {
  let t: TestApp;
  let admin: string;
  let e: string;

  beforeAll(async () => {
    t = await TestApp.create();
    admin = await t.factory.admin();
    e = (await t.factory.edition({ name: 'Roles 2027' })).id;
    await t.ok(GRANT, { e, m: 'door@roles.example', r: 'STAFF' }, admin);
    await t.ok(GRANT, { e, m: 'door@roles.example', r: 'SPEAKER' }, admin);
    await t.ok(GRANT, { e, m: 'boss@roles.example', r: 'ORGANIZER' }, admin);
  });
  afterAll(() => t.close());

  it('lists each role granted to the verified email, in the enum order; platform organizers are ORGANIZER', async () => {
    expect((await t.ok(MY_ROLES, { e }, await t.factory.tokenFor('door@roles.example'))).myRoles).toEqual([
      'STAFF',
      'SPEAKER',
    ]);
    expect((await t.ok(MY_ROLES, { e }, await t.factory.tokenFor('boss@roles.example'))).myRoles).toEqual([
      'ORGANIZER',
    ]);
    expect((await t.ok(MY_ROLES, { e }, admin)).myRoles).toEqual(['ORGANIZER']);
  });

  it('is empty for a stranger, UNAUTHENTICATED without a token, NOT_FOUND for an unknown edition', async () => {
    expect((await t.ok(MY_ROLES, { e }, await t.factory.tokenFor('nobody@roles.example'))).myRoles).toEqual([]);
    expect(codeOf(await t.gql(MY_ROLES, { e }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(MY_ROLES, { e: '00000000-0000-4000-8000-000000000000' }, admin))).toBe('NOT_FOUND');
  });

  it('updateSession changes the format and the CE credits (quarter steps), and leaves them alone when left out', async () => {
    const s = await t.factory.session(e, { title: 'Reformatted' }, false);
    const UPDATE = `mutation($id: ID!, $p: SessionPatch!) { updateSession(id: $id, patch: $p) { format ceCredits title } }`;
    expect((await t.ok(UPDATE, { id: s.id, p: { format: 'WORKSHOP', ceCredits: 1.5 } }, admin)).updateSession).toEqual({
      format: 'WORKSHOP',
      ceCredits: 1.5,
      title: 'Reformatted',
    });
    expect((await t.ok(UPDATE, { id: s.id, p: { title: 'Renamed' } }, admin)).updateSession).toMatchObject({
      format: 'WORKSHOP',
      ceCredits: 1.5,
    });
    expect(codeOf(await t.gql(UPDATE, { id: s.id, p: { ceCredits: 0.3 } }, admin))).toBe('BAD_USER_INPUT');
  });
});
