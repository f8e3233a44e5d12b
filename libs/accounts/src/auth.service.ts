import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AccountStates,
  AppConfig,
  badInput,
  checkedEmail,
  conflict,
  emailProblem,
  isPgError,
  normalizeEmail,
  PgCode,
  Principal,
  TokenClaims,
  unauthenticated,
  writeOutbox,
} from '@app/core';
import { hash, verify } from '@node-rs/argon2';
import { DataSource, EntityManager } from 'typeorm';
import { AccountRepository } from './account.repository';
import { AccountTokens } from './account-tokens';
import { AuthPayload, SignUpInput } from './auth.inputs';
import { LoginLimiter } from './login-limiter';
import { checkPassword } from './password-policy';
import { User } from './user.entity';

/** A hash to verify against when the email is unknown, so both cases take the same time. */
const DUMMY_HASH = hash('not-a-real-password');

const INVALID_LINK = 'This link is invalid, already used or expired';

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly users: AccountRepository,
    @InjectDataSource() private readonly db: DataSource,
    private readonly jwt: JwtService,
    private readonly limiter: LoginLimiter,
    private readonly tokens: AccountTokens,
    private readonly states: AccountStates,
    private readonly config: AppConfig,
  ) {}

  /**
   * Creates the first organizer from ORGANIZER_EMAIL / ORGANIZER_PASSWORD when missing; its address
   * is verified by configuration. An unverified account already holding the address (someone who
   * signed up with it first) is taken over: its password becomes the configured one and its old
   * tokens end.
   */
  async onApplicationBootstrap(): Promise<void> {
    const { organizerEmail, organizerPassword } = this.config;
    if (!organizerEmail || !organizerPassword) return;
    const email = normalizeEmail(organizerEmail);
    const existing = await this.users.findSignInAccount(email);
    if (existing?.isAdmin && existing.emailVerified) return;
    if (existing?.emailVerified) {
      await this.users.update(existing.id, { isAdmin: true });
    } else if (existing) {
      await this.users.update(existing.id, {
        isAdmin: true,
        emailVerified: true,
        passwordHash: await hash(organizerPassword),
        tokenVersion: existing.tokenVersion + 1,
      });
      await this.users.deleteUnverified(email);
    } else {
      await this.users
        .create({
          email,
          name: 'Organizer',
          passwordHash: await hash(organizerPassword),
          isAdmin: true,
          emailVerified: true,
        })
        .catch((error) => {
          if (!isPgError(error, PgCode.UNIQUE_VIOLATION)) throw error;
        });
    }
    if (existing) this.states.invalidate(existing.id);
    this.logger.log(`organizer account ${email} is ready`);
  }

  /**
   * Always makes a new, unverified account and answers with its token, whether the address is taken
   * or not (same work, same answer): nobody learns who has an account. The address gets the
   * verification link, or, when a verified account already has it, a note to its owner instead (and
   * the new account can never be verified).
   */
  async signUp(input: SignUpInput, ip: string): Promise<AuthPayload> {
    const email = checkedEmail(input.email);
    checkPassword(input.password);
    await this.limiter.signUp(ip);
    const passwordHash = await hash(input.password);
    const user = await this.db.transaction(async (em) => {
      const created = await this.users.create(
        { email, name: input.name.trim(), passwordHash, isAdmin: false, emailVerified: false },
        em,
      );
      const owner = await this.users.findVerified(email, em);
      if (owner) await writeOutbox(em, 'account.mail', { userId: owner.id, kind: 'signup-exists' });
      else
        await writeOutbox(em, 'account.mail', {
          userId: created.id,
          kind: 'verify',
          tokenId: await this.tokens.create(created.id, 'verify', em),
        });
      return created;
    });
    return this.payload(user);
  }

  /** The password is checked only after the attempt is counted (LoginLimiter), so concurrent guesses never exceed the limit. */
  async login(rawEmail: string, password: string, ip: string): Promise<AuthPayload> {
    const email = normalizeEmail(rawEmail);
    await this.limiter.attempt(email, ip);
    const user = emailProblem(email) ? null : await this.users.findSignInAccount(email);
    const ok = await verify(user?.passwordHash ?? (await DUMMY_HASH), password).catch(() => false);
    if (!user || !ok) throw unauthenticated('Wrong email or password');
    await this.limiter.succeeded(email, ip);
    return this.payload(user);
  }

  /** Uses a verification link: the account's address is proved, and what was granted to it now applies. */
  async verifyEmail(token: string): Promise<boolean> {
    const userId = await this.provedOwner(async (em) => {
      const id = await this.tokens.consume('verify', token, em);
      if (!id) throw badInput(INVALID_LINK, { field: 'token' });
      await this.users.markVerified(id, em);
      return id;
    });
    return !!userId;
  }

  /** Mails a new verification link to the caller's address (rate-limited); true also when it is verified already. */
  async resendVerification(caller: Principal, ip: string): Promise<boolean> {
    const user = await this.users.findById(caller.userId);
    if (!user) throw unauthenticated();
    if (user.emailVerified) return true;
    await this.limiter.accountMail(user.email, ip);
    await this.db.transaction(async (em) => {
      await this.tokens.retireAll(user.id, 'verify', em);
      await writeOutbox(em, 'account.mail', {
        userId: user.id,
        kind: 'verify',
        tokenId: await this.tokens.create(user.id, 'verify', em),
      });
    });
    return true;
  }

  /** Needs the current password (counted like a login); ends every other sign-in and answers a fresh token. */
  async changePassword(caller: Principal, current: string, next: string, ip: string): Promise<AuthPayload> {
    const user = await this.users.findById(caller.userId);
    if (!user) throw unauthenticated();
    checkPassword(next, 'newPassword');
    await this.limiter.attempt(user.email, ip);
    if (!(await verify(user.passwordHash, current).catch(() => false)))
      throw badInput('The current password is wrong', { field: 'currentPassword' });
    await this.limiter.succeeded(user.email, ip);
    const tokenVersion = await this.users.setPassword(user.id, await hash(next));
    this.states.invalidate(user.id);
    return { token: this.tokenFor({ id: user.id, tokenVersion }), user };
  }

  /**
   * Mails a reset link to the address's account (the verified one, else the newest). Always true,
   * whether there is an account or not; rate-limited per address and per client alike.
   */
  async requestPasswordReset(rawEmail: string, ip: string): Promise<boolean> {
    const email = checkedEmail(rawEmail);
    await this.limiter.accountMail(email, ip);
    await this.db.transaction(async (em) => {
      const user = await this.users.findSignInAccount(email, em);
      if (user)
        await writeOutbox(em, 'account.mail', {
          userId: user.id,
          kind: 'reset',
          tokenId: await this.tokens.create(user.id, 'reset', em),
        });
    });
    return true;
  }

  /**
   * Uses a reset link: sets the password, ends every earlier sign-in and reset link, and verifies the
   * address (the mail proved it). Answers a fresh token.
   */
  async resetPassword(token: string, newPassword: string): Promise<AuthPayload> {
    checkPassword(newPassword, 'newPassword');
    const passwordHash = await hash(newPassword);
    const userId = await this.provedOwner(async (em) => {
      const id = await this.tokens.consume('reset', token, em);
      if (!id) throw badInput(INVALID_LINK, { field: 'token' });
      await this.users.resetPassword(id, passwordHash, em);
      await this.tokens.retireAll(id, 'reset', em);
      return id;
    });
    return this.payload((await this.users.findById(userId))!);
  }

  /** Ends every token of the caller's account, this one included. */
  async signOutEverywhere(caller: Principal): Promise<boolean> {
    await this.users.bumpTokenVersion(caller.userId);
    this.states.invalidate(caller.userId);
    return true;
  }

  findById(id: string): Promise<User | null> {
    return this.users.findById(id);
  }

  findByIds(ids: readonly string[]): Promise<User[]> {
    return this.users.findByIds(ids);
  }

  tokenFor(user: Pick<User, 'id' | 'tokenVersion'>): string {
    const claims: TokenClaims = { sub: user.id, ver: user.tokenVersion };
    return this.jwt.sign(claims);
  }

  private payload(user: User): AuthPayload {
    return { token: this.tokenFor(user), user };
  }

  /**
   * Runs a step that proves an account owns its address (a used link) and marks it verified; then
   * drops the other unverified accounts of that address (a squatter's sign-up and its tokens end).
   * CONFLICT when another account of the address was verified first.
   */
  private async provedOwner(step: (em: EntityManager) => Promise<string>): Promise<string> {
    let dropped: string[] = [];
    let userId: string;
    try {
      userId = await this.db.transaction(async (em) => {
        const id = await step(em);
        dropped = await this.users.deleteOtherUnverified(id, em);
        return id;
      });
    } catch (error) {
      if (isPgError(error, PgCode.UNIQUE_VIOLATION))
        throw conflict('Another account already owns this address; sign in to it or reset its password', {
          field: 'token',
        });
      throw error;
    }
    for (const id of [userId, ...dropped]) this.states.invalidate(id);
    return userId;
  }
}
