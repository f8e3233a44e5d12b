import { ParsedMail } from 'mailparser';
import { eventually, MailCatcher } from '@app/testing';
import { codeOf, TEST_PASSWORD, TestApp } from './test-app';

const SIGN_UP = `mutation($i: SignUpInput!) { signUp(input: $i) { token user { id email name } } }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { id email } } }`;
const ME = `{ me { id email } }`;
const VERIFY = `mutation($t: String!) { verifyEmail(token: $t) }`;
const GRANT = `mutation($e: ID!, $m: String!, $r: Role!) { grantRole(editionId: $e, email: $m, role: $r) }`;
const REVOKE = `mutation($e: ID!, $m: String!, $r: Role!) { revokeRole(editionId: $e, email: $m, role: $r) }`;
const CREATE_ROOM = `mutation($e: ID!, $i: RoomInput!) { createRoom(editionId: $e, input: $i) { id } }`;
const MY_ATTENDEE = `query($e: ID!) { myAttendee(editionId: $e) { id company badge { id } } }`;
const CHANGE_PASSWORD = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token } }`;
const REQUEST_RESET = `mutation($e: String!) { requestPasswordReset(email: $e) }`;
const RESET = `mutation($t: String!, $n: String!) { resetPassword(token: $t, newPassword: $n) { token user { email } } }`;

/** Each call a new client address (the API trusts the loopback proxy of these tests for X-Forwarded-For). */
let clients = 0;
const client = () => ({ 'X-Forwarded-For': `10.7.${(clients >> 8) & 255}.${clients++ & 255}` });

/** Waits for (and takes out) a mail to an address whose text matches, in any open SMTP listener. */
async function mailTo(address: string, pattern: RegExp): Promise<ParsedMail | undefined> {
  return eventually(
    () => [...MailCatcher.running].map((c) => c.take(address, (m) => pattern.test(m.text ?? ''))).find(Boolean),
    (m) => !!m,
    { what: `a mail to ${address} matching ${pattern}` },
  );
}
/** The mail to an address matching `pattern` that arrived within `timeoutMs`, if any (for "no mail is sent" checks). */
async function mailWithin(address: string, pattern: RegExp, timeoutMs: number): Promise<ParsedMail | undefined> {
  return eventually(
    () => [...MailCatcher.running].map((c) => c.take(address, (m) => pattern.test(m.text ?? ''))).find(Boolean),
    (m) => !!m,
    { timeoutMs, returnLast: true },
  );
}
const linkToken = (mail: ParsedMail | undefined, path: string) =>
  mail?.text?.match(new RegExp(`/${path}\\?token=(\\S+)`))?.[1];

describe('accounts: verification, passwords, sign-in limits (issue 14: 1, 8, 9, 17)', () => {
  let t: TestApp;
  let admin: string;
  let editionId: string;

  const signUp = (email: string, password = TEST_PASSWORD, headers = client()) =>
    t.gql(SIGN_UP, { i: { email, password, name: 'Someone' } }, undefined, headers);

  beforeAll(async () => {
    t = await TestApp.create({
      config: { trustProxy: 'loopback', signupLimitPerIp: 10, loginLimitPerEmail: 10, loginLimitPerIp: 100 },
    });
    await t.ensureWorker();
    admin = await t.factory.admin();
    editionId = (await t.factory.edition()).id;
  });
  afterAll(() => t.close());

  it('an organizer role granted to an email binds only once its owner verifies it (the co-organizer claim)', async () => {
    await t.ok(GRANT, { e: editionId, m: 'co-organizer@partner.example', r: 'ORGANIZER' }, admin);
    const mallory = (await signUp('co-organizer@partner.example')).data!.signUp.token;
    const claim = await t.gql(GRANT, { e: editionId, m: 'mallory@evil.example', r: 'ORGANIZER' }, mallory);
    expect(codeOf(claim)).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(CREATE_ROOM, { e: editionId, i: { name: 'Stolen', capacity: 10 } }, mallory))).toBe(
      'FORBIDDEN',
    );

    // The address's owner opens the link mailed to it: now the role applies.
    const token = linkToken(await mailTo('co-organizer@partner.example', /verify-email/), 'verify-email');
    expect((await t.ok(VERIFY, { t: token })).verifyEmail).toBe(true);
    expect((await t.ok(GRANT, { e: editionId, m: 'helper@partner.example', r: 'ORGANIZER' }, mallory)).grantRole).toBe(
      true,
    );
  });

  it("a registered attendee's registration and badge are not reachable by an unverified account of that email", async () => {
    const email = 'registered@hospital.example';
    const { registerAttendee } = await t.ok(
      `mutation($e: ID!, $i: AttendeeInput!) { registerAttendee(editionId: $e, input: $i) { id } }`,
      {
        e: editionId,
        i: { email, firstName: 'Reg', lastName: 'Istered', accessLevel: 'FULL_CONFERENCE', company: 'St Elsewhere' },
      },
      admin,
    );
    const session = await t.factory.session(editionId);
    const token = (await signUp(email.toUpperCase())).data!.signUp.token;
    expect((await t.ok(MY_ATTENDEE, { e: editionId }, token)).myAttendee).toBeNull();
    expect(
      (await t.ok(`query($id: ID!) { attendee(id: $id) { id company } }`, { id: registerAttendee.id }, token)).attendee,
    ).toBeNull();
    expect(
      codeOf(await t.gql(`mutation($s: ID!) { addToSchedule(sessionId: $s) { id } }`, { s: session.id }, token)),
    ).toBe('FORBIDDEN');
    expect((await t.ok(`{ notifications { totalCount } }`, {}, token)).notifications.totalCount).toBe(0);

    await t.ok(VERIFY, { t: linkToken(await mailTo(email, /verify-email/), 'verify-email') });
    expect((await t.ok(MY_ATTENDEE, { e: editionId }, token)).myAttendee).toMatchObject({
      id: registerAttendee.id,
      company: 'St Elsewhere',
    });
  });

  it('a verification link works once, within 24 hours, and only as a verification link', async () => {
    await signUp('once@example.com');
    const token = linkToken(await mailTo('once@example.com', /verify-email/), 'verify-email')!;
    const [id, signature] = token.split('.');
    expect(codeOf(await t.gql(VERIFY, { t: `${id}.${signature.slice(0, -2)}xx` }))).toBe('BAD_USER_INPUT'); // forged
    expect((await t.ok(VERIFY, { t: token })).verifyEmail).toBe(true);
    expect(codeOf(await t.gql(VERIFY, { t: token }))).toBe('BAD_USER_INPUT'); // used

    await signUp('late@example.com');
    const late = linkToken(await mailTo('late@example.com', /verify-email/), 'verify-email')!;
    await t.db.query(`UPDATE account_token SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      late.split('.')[0],
    ]);
    expect(codeOf(await t.gql(VERIFY, { t: late }))).toBe('BAD_USER_INPUT'); // expired
    expect(codeOf(await t.gql(VERIFY, { t: 'x'.repeat(150) }))).toBe('BAD_USER_INPUT');
  });

  it('changePassword and signOutEverywhere end every older token', async () => {
    const user = await t.factory.user('Changer', 'changer@example.com');
    const other = (await t.ok(LOGIN, { e: user.email, p: TEST_PASSWORD })).login.token;
    expect(codeOf(await t.gql(CHANGE_PASSWORD, { c: 'not-the-password', n: 'marmalade-sky-77' }, user.token))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await t.gql(CHANGE_PASSWORD, { c: TEST_PASSWORD, n: 'password123' }, user.token))).toBe(
      'BAD_USER_INPUT',
    );
    const fresh = (await t.ok(CHANGE_PASSWORD, { c: TEST_PASSWORD, n: 'marmalade-sky-77' }, user.token)).changePassword
      .token;
    expect(codeOf(await t.gql(ME, {}, user.token))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(ME, {}, other))).toBe('UNAUTHENTICATED');
    expect((await t.ok(ME, {}, fresh)).me.email).toBe('changer@example.com');
    expect(codeOf(await t.gql(LOGIN, { e: user.email, p: TEST_PASSWORD }))).toBe('UNAUTHENTICATED');
    const again = (await t.ok(LOGIN, { e: user.email, p: 'marmalade-sky-77' })).login.token;

    expect((await t.ok(`mutation { signOutEverywhere }`, {}, fresh)).signOutEverywhere).toBe(true);
    expect(codeOf(await t.gql(ME, {}, fresh))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(ME, {}, again))).toBe('UNAUTHENTICATED');
  });

  it('resets a password by mail: always true, single use, ends old tokens, verifies the address', async () => {
    expect((await t.ok(REQUEST_RESET, { e: 'nobody-here@example.com' }, undefined)).requestPasswordReset).toBe(true);

    const signed = (await signUp('forgetful@example.com')).data!.signUp; // never verified
    await mailTo('forgetful@example.com', /verify-email/);
    expect((await t.ok(REQUEST_RESET, { e: ' Forgetful@Example.com ' })).requestPasswordReset).toBe(true);
    const token = linkToken(await mailTo('forgetful@example.com', /reset-password/), 'reset-password')!;
    expect(codeOf(await t.gql(RESET, { t: token, n: 'qwertyuiop' }))).toBe('BAD_USER_INPUT'); // common: refused, link still good
    const reset = (await t.ok(RESET, { t: token, n: 'lighthouse-keeper-9' })).resetPassword;
    expect(reset.user.email).toBe('forgetful@example.com');
    expect(codeOf(await t.gql(RESET, { t: token, n: 'lighthouse-keeper-10' }))).toBe('BAD_USER_INPUT'); // used
    expect(codeOf(await t.gql(ME, {}, signed.token))).toBe('UNAUTHENTICATED');
    expect((await t.ok(LOGIN, { e: 'forgetful@example.com', p: 'lighthouse-keeper-9' })).login.user.id).toBe(
      signed.user.id,
    );
    // The mail proved the address: a role granted to it applies.
    await t.ok(GRANT, { e: editionId, m: 'forgetful@example.com', r: 'ORGANIZER' }, admin);
    expect(
      codeOf(await t.gql(CREATE_ROOM, { e: editionId, i: { name: 'Forgetful room', capacity: 5 } }, reset.token)),
    ).toBeUndefined();
    // The unknown address got nothing.
    expect(await mailWithin('nobody-here@example.com', /./, 500)).toBeUndefined();
  });

  it('normalizes emails (trim, NFKC, case) and refuses invisible characters and mixed-script lookalikes', async () => {
    expect((await signUp('  Grace@Example.COM ')).data!.signUp.user.email).toBe('grace@example.com');
    expect((await signUp('ｈｏｐｐｅｒ@example.com')).data!.signUp.user.email).toBe('hopper@example.com');
    for (const email of [
      'p\u0430ypal@example.com',
      'ev\u200be@example.com',
      'eve@exa\u200dmple.com',
      'eve\u2060@example.com',
    ]) {
      expect(codeOf(await signUp(email))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(GRANT, { e: editionId, m: email, r: 'ORGANIZER' }, admin))).toBe('BAD_USER_INPUT');
    }
    const report = await t.ok(
      `mutation($e: ID!, $rows: [AttendeeImportRow!]!) { importAttendees(editionId: $e, rows: $rows) { rows { outcome reason } } }`,
      {
        e: editionId,
        rows: [
          { email: 'm\u0430llory@example.com', firstName: 'M', lastName: 'L', accessLevel: 'FULL_CONFERENCE' },
          { email: ' Fine@Example.com', firstName: 'F', lastName: 'N', accessLevel: 'FULL_CONFERENCE' },
        ],
      },
      admin,
    );
    expect(report.importAttendees.rows.map((r: { outcome: string }) => r.outcome)).toEqual(['REFUSED', 'CREATED']);
  });

  it('refuses short and common passwords, in any case', async () => {
    for (const password of ['short-pw', 'Password123', 'QWERTYUIOP', '1234567890']) {
      const res = await signUp('pw@example.com', password);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions?.field).toBe('password');
    }
  });

  it('signing up with a taken email answers like a new one and mails the owner instead', async () => {
    const owner = await t.factory.user('Owner', 'owner@example.com');
    const fresh = await signUp('brand-new@example.com');
    const taken = await signUp('OWNER@example.com');
    expect(taken.errors).toBeUndefined();
    expect(Object.keys(taken.data!.signUp).sort()).toEqual(Object.keys(fresh.data!.signUp).sort());
    expect(Object.keys(taken.data!.signUp.user).sort()).toEqual(Object.keys(fresh.data!.signUp.user).sort());
    expect(taken.data!.signUp.user.email).toBe('owner@example.com');
    expect(taken.data!.signUp.user.id).not.toBe(owner.id);
    expect((await t.ok(ME, {}, taken.data!.signUp.token)).me.email).toBe('owner@example.com');

    const note = await mailTo('owner@example.com', /tried to create an account/);
    expect(note?.subject).toBe('Someone tried to sign up with your address');
    expect(note?.text).toContain(`${t.config.publicUrl}/forgot-password`); // a page that asks for a reset link
    expect(await mailWithin('owner@example.com', /verify-email/, 500)).toBeUndefined(); // no link to verify the copy
    // The owner still signs in to their own account.
    expect((await t.ok(LOGIN, { e: 'owner@example.com', p: TEST_PASSWORD })).login.user.id).toBe(owner.id);
  });

  it('refuses sign-ups from one client after the hourly limit (200 in a burst)', async () => {
    const from = { 'X-Forwarded-For': '10.9.9.9' };
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => signUp(`burst-${i}@example.com`, TEST_PASSWORD, from)),
    );
    const codes = results.map((r) => codeOf(r) ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(10);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(190);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(codeOf(await signUp('next-client@example.com'))).toBeUndefined(); // another client is not affected
  });

  it("a stranger's failed logins lock out the stranger, not the owner signing in from elsewhere", async () => {
    const owner = await t.factory.user('Victim', 'victim@example.com');
    const stranger = { 'X-Forwarded-For': '10.66.0.1' };
    for (let i = 0; i < 10; i++)
      expect(
        codeOf(await t.gql(LOGIN, { e: ' VICTIM@example.com ', p: `guess-${i}-password` }, undefined, stranger)),
      ).toBe('UNAUTHENTICATED');
    const locked = await t.gql(LOGIN, { e: 'victim@example.com', p: TEST_PASSWORD }, undefined, stranger);
    expect(codeOf(locked)).toBe('RATE_LIMITED');
    expect(locked.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(800);
    // The owner, from their own address, signs in at once; the stranger stays locked out.
    expect((await t.ok(LOGIN, { e: 'victim@example.com', p: TEST_PASSWORD }, undefined)).login.user.id).toBe(owner.id);
    expect(codeOf(await t.gql(LOGIN, { e: 'victim@example.com', p: 'guess-11-password' }, undefined, stranger))).toBe(
      'RATE_LIMITED',
    );
  });

  it('counts concurrent wrong logins atomically: 60 at once run at most 10 password checks', async () => {
    await t.factory.user('Target', 'target@example.com');
    const from = { 'X-Forwarded-For': '10.60.0.1' };
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        t.gql(LOGIN, { e: 'target@example.com', p: `wrong-guess-${i}` }, undefined, from),
      ),
    );
    const codes = results.map((r) => codeOf(r));
    // Every answer that is not RATE_LIMITED is a password that was checked (and found wrong).
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(10);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(50);
  });

  it('revokeRole takes a role back (organizers only)', async () => {
    const helper = await t.factory.user('Helper', 'revokable@example.com');
    const outsider = await t.factory.user('Outsider', 'outsider@example.com');
    await t.ok(GRANT, { e: editionId, m: 'revokable@example.com', r: 'ORGANIZER' }, admin);
    expect(
      codeOf(await t.gql(CREATE_ROOM, { e: editionId, i: { name: 'Before revoke', capacity: 5 } }, helper.token)),
    ).toBeUndefined();
    expect(
      codeOf(await t.gql(REVOKE, { e: editionId, m: 'revokable@example.com', r: 'ORGANIZER' }, outsider.token)),
    ).toBe('FORBIDDEN');
    expect((await t.ok(REVOKE, { e: editionId, m: ' Revokable@Example.com', r: 'ORGANIZER' }, admin)).revokeRole).toBe(
      true,
    );
    expect(
      codeOf(await t.gql(CREATE_ROOM, { e: editionId, i: { name: 'After revoke', capacity: 5 } }, helper.token)),
    ).toBe('FORBIDDEN');
    expect((await t.ok(REVOKE, { e: editionId, m: 'revokable@example.com', r: 'ORGANIZER' }, admin)).revokeRole).toBe(
      false,
    );
    expect(codeOf(await t.gql(REVOKE, { e: editionId, m: 'admin@test.example', r: 'ORGANIZER' }, admin))).toBe(
      'BAD_USER_INPUT',
    );
  });
});
