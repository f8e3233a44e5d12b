import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, rateLimited, REDIS } from '@app/core';
import Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/** Keys are hashes: Redis never holds an address (or a 15 MB "address"), and every key has the same small size. */
const keyOf = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('base64url');

/** The first lockout of an (email, client) pair lasts the window; each further one within a day doubles, up to a day. */
const LOCKOUT_BASE_SECONDS = 15 * 60;
const LOCKOUT_MAX_SECONDS = 24 * 3600;
/** Account mails (verification, reset) one address may be sent per hour, and one client may ask for per hour. */
const MAILS_PER_EMAIL = 5;
const MAILS_PER_IP = 20;

/**
 * Rate limits of the account operations, in Redis so every API instance shares the counts.
 *
 * Logins: every attempt from a client IP counts (LOGIN_LIMIT_PER_IP a minute), and failed attempts
 * count per (email, client IP): LOGIN_LIMIT_PER_EMAIL in 15 minutes, then that pair is locked out
 * for 15 minutes, doubling with each lockout in a day. The pair, not the email alone: a stranger
 * hammering victim@x from their address locks out only themselves, and the owner signs in from
 * theirs. There is deliberately no cap per email across all clients: strangers would control it.
 * Distributed guessing against one address is bounded by the per-IP limits, argon2's cost and the
 * password rules; and a locked-out owner can always reset the password by mail.
 *
 * Attempts are counted atomically before the password is checked (consume, then verify, then give
 * the point back on success), so concurrent attempts never run more checks than the limit.
 */
@Injectable()
export class LoginLimiter {
  private readonly perIp: RateLimiterRedis;
  private readonly perClient: RateLimiterRedis;
  private readonly lockouts: RateLimiterRedis;
  private readonly signUps: RateLimiterRedis;
  private readonly mailsPerEmail: RateLimiterRedis;
  private readonly mailsPerIp: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, config: AppConfig) {
    const prefix = config.redisPrefix;
    this.perIp = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:login:ip`,
      points: config.loginLimitPerIp,
      duration: 60,
    });
    this.perClient = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:login:client`,
      points: config.loginLimitPerEmail,
      duration: LOCKOUT_BASE_SECONDS,
    });
    this.lockouts = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:login:lockouts`,
      points: 1_000_000,
      duration: 24 * 3600,
    });
    this.signUps = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:signup:ip`,
      points: config.signupLimitPerIp,
      duration: 3600,
    });
    this.mailsPerEmail = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:account-mail:email`,
      points: MAILS_PER_EMAIL,
      duration: 3600,
    });
    this.mailsPerIp = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:account-mail:ip`,
      points: MAILS_PER_IP,
      duration: 3600,
    });
  }

  /**
   * Takes one attempt for this client and one failure point for (email, client), before the password
   * is checked; RATE_LIMITED when either is spent. Call succeeded() after a right password.
   */
  async attempt(email: string, ip: string): Promise<void> {
    await this.consume(this.perIp, keyOf(ip), 'Too many login attempts from this address');
    const key = keyOf(email, ip);
    try {
      await this.perClient.consume(key);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      let seconds = Math.ceil(error.msBeforeNext / 1000);
      // The first refusal of a window starts a lockout, longer after each earlier one today.
      if (error.consumedPoints === this.perClient.points + 1) {
        const earlier = (await this.lockouts.penalty(key, 1)).consumedPoints - 1;
        seconds = Math.min(LOCKOUT_BASE_SECONDS * 2 ** earlier, LOCKOUT_MAX_SECONDS);
        await this.perClient.block(key, seconds);
      }
      throw rateLimited('Too many failed logins for this account from this address; try again later', seconds);
    }
  }

  /** A right password: this client's failures for the email are forgiven. */
  async succeeded(email: string, ip: string): Promise<void> {
    const key = keyOf(email, ip);
    await Promise.all([this.perClient.delete(key), this.lockouts.delete(key)]);
  }

  /** One sign-up from this client (SIGNUP_LIMIT_PER_IP an hour). */
  async signUp(ip: string): Promise<void> {
    await this.consume(this.signUps, keyOf(ip), 'Too many sign-ups from this address; try again later');
  }

  /** One account mail (verification, password reset) to this address, asked for by this client. */
  async accountMail(email: string, ip: string): Promise<void> {
    await this.consume(this.mailsPerIp, keyOf(ip), 'Too many mails asked for from this address; try again later');
    await this.consume(this.mailsPerEmail, keyOf(email), 'Too many mails to this address; try again later');
  }

  private async consume(limiter: RateLimiterRedis, key: string, message: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw rateLimited(message, Math.ceil(error.msBeforeNext / 1000));
      throw error;
    }
  }
}
