import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, rateLimited, REDIS } from '@app/core';
import Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Login attempts per email (failed ones, 15 minutes) and per client IP (all, one minute), kept in
 * Redis so every API instance shares the count. Over either limit: RATE_LIMITED with a retry time.
 */
@Injectable()
export class LoginLimiter {
  private readonly perEmail: RateLimiterRedis;
  private readonly perIp: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, config: AppConfig) {
    this.perEmail = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${config.redisPrefix}:login:email`, points: config.loginLimitPerEmail, duration: 15 * 60 });
    this.perIp = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${config.redisPrefix}:login:ip`, points: config.loginLimitPerIp, duration: 60 });
  }

  /** Counts an attempt from this IP and refuses when this IP or this email is over its limit. */
  async check(email: string, ip: string): Promise<void> {
    await this.consume(this.perIp, ip, 'Too many login attempts from this address');
    const emailState = await this.perEmail.get(email);
    if (emailState && emailState.consumedPoints >= this.perEmail.points) {
      throw rateLimited('Too many failed logins for this account; try again later', Math.ceil(emailState.msBeforeNext / 1000));
    }
  }

  async failed(email: string): Promise<void> {
    await this.perEmail.penalty(email, 1);
  }

  async succeeded(email: string): Promise<void> {
    await this.perEmail.delete(email);
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
