import { codeOf, TestApp } from './test-app';

/** Whatever a client sends, the answer is a coded error, never a 500. */
describe('bad input', () => {
  let t: TestApp;
  let admin: string;
  let editionId: string;

  beforeAll(async () => {
    t = await TestApp.create();
    admin = await t.factory.admin();
    editionId = (await t.factory.edition()).id;
  });
  afterAll(() => t.close());

  it.each([
    ['a syntax error', '{ sessions(', {}],
    ['an unknown field', '{ nope }', {}],
    ['a missing required argument', '{ sessions { totalCount } }', {}],
    ['a wrong argument type', '{ sessions(editionId: 5, first: "x") { totalCount } }', {}],
    ['a null for a required variable', 'query($e: ID!) { sessions(editionId: $e) { totalCount } }', { e: null }],
    ['a negative page size', 'query($e: ID!) { sessions(editionId: $e, first: -1) { totalCount } }', 'edition'],
    ['a zero page size', 'query($e: ID!) { sessions(editionId: $e, first: 0) { totalCount } }', 'edition'],
    [
      'an overlong search',
      'query($e: ID!, $s: String) { sessions(editionId: $e, filter: { search: $s }) { totalCount } }',
      'long-search',
    ],
    [
      'a search of operators only',
      'query($e: ID!) { sessions(editionId: $e, filter: { search: "!!! & | <-> :* \'" }) { totalCount } }',
      'edition-ok',
    ],
    [
      'an Int out of range',
      '{ sessions(editionId: "00000000-0000-4000-8000-000000000000", first: 99999999999) { totalCount } }',
      {},
    ],
    [
      'a cursor from elsewhere',
      'query($e: ID!) { sessions(editionId: $e, after: "eyJ4IjoxfQ") { totalCount } }',
      'edition',
    ],
  ])('%s', async (_name, query, vars) => {
    const variables =
      vars === 'edition' || vars === 'edition-ok'
        ? { e: editionId }
        : vars === 'long-search'
          ? { e: editionId, s: 'x'.repeat(10_000) }
          : (vars as Record<string, unknown>);
    const res = await t.gql(query, variables);
    expect(res.status).toBeLessThan(500);
    if (vars === 'edition-ok') expect(res.errors).toBeUndefined();
    else expect(codeOf(res)).toBe('BAD_USER_INPUT');
  });

  it('refuses overlong and empty strings in mutations', async () => {
    const create = `mutation($e: ID!, $i: SessionInput!) { createSession(editionId: $e, input: $i) { id } }`;
    const base = { title: 'T', format: 'PANEL', startsAt: '2027-03-08T15:00:00Z', endsAt: '2027-03-08T16:00:00Z' };
    expect(codeOf(await t.gql(create, { e: editionId, i: { ...base, title: 'x'.repeat(301) } }, admin))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await t.gql(create, { e: editionId, i: { ...base, title: '' } }, admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(create, { e: editionId, i: { ...base, speakerIds: ['x'] } }, admin))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await t.gql(create, { e: editionId, i: { ...base, capacity: -5 } }, admin))).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await t.gql(`mutation($e: ID!) { createTrack(editionId: $e, name: "   ") { id } }`, { e: editionId }, admin),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await t.gql(
          `mutation($e: ID!) { grantRole(editionId: $e, email: "not-mail", role: STAFF) }`,
          { e: editionId },
          admin,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await t.gql(
          `mutation($e: ID!) { grantRole(editionId: $e, email: "a@b.example", role: EXHIBITOR) }`,
          { e: editionId },
          admin,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    // Revoking follows the same rule: an EXHIBITOR role names its exhibitor, no other role does.
    for (const [role, exhibitorId] of [
      ['EXHIBITOR', null],
      ['STAFF', editionId],
    ])
      expect(
        codeOf(
          await t.gql(
            `mutation($e: ID!, $r: Role!, $x: ID) { revokeRole(editionId: $e, email: "a@b.example", role: $r, exhibitorId: $x) }`,
            { e: editionId, r: role, x: exhibitorId },
            admin,
          ),
        ),
      ).toBe('BAD_USER_INPUT');
  });

  it('answers a body that is not JSON with 400, not 500', async () => {
    const res = await t.http.post('/graphql').set('Content-Type', 'application/json').send('{"query": ');
    expect(res.status).toBe(400);
  });
});
