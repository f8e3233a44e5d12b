import { AccountsModule, AuthService } from '@app/accounts';
import { ServiceTier } from '@app/testing';
import { AccountTokens } from '../src/account-tokens';

/** The account rules on AuthService and its real repository: single-use links, one verified account per address, token versions. */
describe('AuthService', () => {
  let tier: ServiceTier;
  let auth: AuthService;
  let tokens: AccountTokens;
  let n = 0;

  beforeAll(async () => {
    tier = await ServiceTier.create({ imports: [AccountsModule] });
    auth = tier.get(AuthService);
    tokens = tier.get(AccountTokens);
  });
  afterAll(() => tier.close());

  const ip = () => `10.0.0.${++n}`;
  const PASSWORD = 'a long enough passphrase 42';
  /** The link in the last account mail of this kind queued for the account. */
  const link = async (userId: string, kind: 'verify' | 'reset') => {
    const [mail] = await tier.sql<{ token_id: string }>(
      `SELECT payload->>'tokenId' AS token_id FROM outbox_message WHERE topic = 'account.mail' AND payload->>'userId' = $1 AND payload->>'kind' = $2 ORDER BY id DESC LIMIT 1`,
      [userId, kind],
    );
    return tokens.tokenOf(kind, mail.token_id);
  };
  const accounts = (email: string) =>
    tier.sql(`SELECT id, email_verified, token_version FROM "user" WHERE email = $1 ORDER BY created_at`, [email]);

  it('verifies an address with its single-use link and drops the other unverified accounts of it', async () => {
    const email = `squat-${n}@test.example`;
    const squatter = await auth.signUp({ email, password: PASSWORD, name: 'Squatter' }, ip());
    const owner = await auth.signUp({ email, password: PASSWORD, name: 'Owner' }, ip());
    const token = await link(owner.user.id, 'verify');
    expect(await auth.verifyEmail(token)).toBe(true);
    expect(await accounts(email)).toEqual([{ id: owner.user.id, email_verified: true, token_version: 0 }]);
    await expect(auth.verifyEmail(token)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await auth.findById(squatter.user.id)).toBeNull();
  });

  it('mails the owner instead of a link when a verified account has the address already', async () => {
    const user = await tier.user();
    const stranger = await auth.signUp({ email: user.email, password: PASSWORD, name: 'Stranger' }, ip());
    const mails = await tier.sql(
      `SELECT payload->>'userId' AS user_id, payload->>'kind' AS kind FROM outbox_message WHERE topic = 'account.mail' AND payload->>'userId' = ANY($1::text[])`,
      [[user.id, stranger.user.id]],
    );
    expect(mails).toEqual([{ user_id: user.id, kind: 'signup-exists' }]);
  });

  it('resets a password by mail: the address is proved, older tokens and reset links end', async () => {
    const email = `reset-${n}@test.example`;
    const { user } = await auth.signUp({ email, password: PASSWORD, name: 'Reset' }, ip());
    await auth.requestPasswordReset(email, ip());
    const older = await link(user.id, 'reset');
    await auth.requestPasswordReset(email, ip());
    const newer = await link(user.id, 'reset');
    const reset = await auth.resetPassword(newer, `${PASSWORD} renewed`);
    expect(reset.user).toMatchObject({ id: user.id, emailVerified: true, tokenVersion: 1 });
    await expect(auth.resetPassword(older, `${PASSWORD} again`)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(auth.login(email, PASSWORD, ip())).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await auth.login(email, `${PASSWORD} renewed`, ip())).user.id).toBe(user.id);
  });

  it('ends every token on a password change and on signing out everywhere', async () => {
    const email = `change-${n}@test.example`;
    const { user } = await auth.signUp({ email, password: PASSWORD, name: 'Change' }, ip());
    const caller = { userId: user.id, email: null, isAdmin: false };
    await expect(auth.changePassword(caller, 'wrong password entirely', `${PASSWORD}!`, ip())).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await auth.changePassword(caller, PASSWORD, `${PASSWORD}!`, ip());
    await auth.signOutEverywhere(caller);
    expect(await accounts(email)).toEqual([{ id: user.id, email_verified: false, token_version: 2 }]);
  });
});
