import { JwtService } from '@nestjs/jwt';
import { codeOf, TestApp } from './test-app';

const SIGN_UP = `mutation($i: SignUpInput!) { signUp(input: $i) { token user { id email name } } }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { email } } }`;
const ME = `{ me { id email name } }`;

describe('auth', () => {
  let t: TestApp;
  // Clients reach the API through a proxy on loopback here, so X-Forwarded-For names them.
  beforeAll(
    async () =>
      (t = await TestApp.create({ config: { loginLimitPerEmail: 3, loginLimitPerIp: 8, trustProxy: 'loopback' } })),
  );
  afterAll(() => t.close());

  it('signs up, logs in and answers me', async () => {
    const signUp = await t.ok(SIGN_UP, {
      i: { email: 'Ada@Example.com', password: 'analytical-engine', name: 'Ada Lovelace' },
    });
    expect(signUp.signUp.user).toMatchObject({ email: 'ada@example.com', name: 'Ada Lovelace' });
    const login = await t.ok(LOGIN, { e: 'ada@example.com', p: 'analytical-engine' }, undefined);
    expect((await t.ok(ME, {}, login.login.token)).me).toMatchObject({ email: 'ada@example.com' });
    expect((await t.ok(ME)).me).toBeNull();
  });

  it('refuses a short password and a bad email with codes', async () => {
    expect(codeOf(await t.gql(SIGN_UP, { i: { email: 'short@example.com', password: 'short-pw', name: 'B' } }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      codeOf(await t.gql(SIGN_UP, { i: { email: 'not-an-email', password: 'difference-engine', name: 'B' } })),
    ).toBe('BAD_USER_INPUT');
  });

  it('refuses a wrong password and a forged token', async () => {
    await t.ok(SIGN_UP, { i: { email: 'grace@example.com', password: 'compiler-pioneer', name: 'Grace' } });
    const wrong = await t.gql(LOGIN, { e: 'grace@example.com', p: 'compiler-pioneeR' });
    expect([codeOf(wrong), wrong.data?.login ?? null]).toEqual(['UNAUTHENTICATED', null]);
    // An unknown account is answered the same way (no telling which addresses have accounts).
    const unknown = await t.gql(LOGIN, { e: 'nobody@example.com', p: 'compiler-pioneeR' });
    expect([codeOf(unknown), unknown.errors![0].message]).toEqual(['UNAUTHENTICATED', wrong.errors![0].message]);
    // The control: the right password signs that account in.
    expect((await t.ok(LOGIN, { e: 'grace@example.com', p: 'compiler-pioneer' })).login.user.email).toBe(
      'grace@example.com',
    );
    expect(codeOf(await t.gql(ME, {}, 'not.a.token'))).toBe('UNAUTHENTICATED');
  });

  it('refuses a token once it expires, though it was accepted (and remembered) before', async () => {
    const { signUp } = await t.ok(SIGN_UP, {
      i: { email: 'brief@example.com', password: 'difference-engine', name: 'Brief' },
    });
    const jwt = t.app.get(JwtService);
    const brief = jwt.sign({ sub: signUp.user.id, ver: 0 }, { expiresIn: 2 });
    expect((await t.ok(ME, {}, brief)).me.email).toBe('brief@example.com');
    const tampered = brief.slice(0, -2) + (brief.endsWith('AA') ? 'BB' : 'AA');
    expect(codeOf(await t.gql(ME, {}, tampered))).toBe('UNAUTHENTICATED');
    await new Promise((r) => setTimeout(r, 2100));
    expect(codeOf(await t.gql(ME, {}, brief))).toBe('UNAUTHENTICATED');
  });

  it('rate-limits failed logins per email and client, and all logins per IP', async () => {
    await t.ok(SIGN_UP, { i: { email: 'limited@example.com', password: 'right-password', name: 'L' } });
    const from = (ip: string) => ({ 'X-Forwarded-For': ip });
    for (let i = 0; i < 3; i++) {
      expect(
        codeOf(await t.gql(LOGIN, { e: 'limited@example.com', p: 'wrong-password' }, undefined, from('10.0.0.1'))),
      ).toBe('UNAUTHENTICATED');
    }
    // Even the right password is refused now from that client; the owner, elsewhere, still signs in.
    const limited = await t.gql(LOGIN, { e: 'limited@example.com', p: 'right-password' }, undefined, from('10.0.0.1'));
    expect(codeOf(limited)).toBe('RATE_LIMITED');
    expect(limited.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(
      (await t.gql(LOGIN, { e: 'limited@example.com', p: 'right-password' }, undefined, from('10.0.0.2'))).data?.login
        .user.email,
    ).toBe('limited@example.com');

    // Per IP: 8 attempts a minute from one address, whatever the email.
    const results: unknown[] = [];
    for (let i = 0; i < 9; i++)
      results.push(
        codeOf(await t.gql(LOGIN, { e: `x${i}@example.com`, p: 'wrong-password' }, undefined, from('10.0.0.9'))),
      );
    expect(results.slice(0, 8)).toEqual(Array(8).fill('UNAUTHENTICATED'));
    expect(results[8]).toBe('RATE_LIMITED');
  });
});
