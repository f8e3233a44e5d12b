import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { PublicRevision } from '../graphql/public-cache';

import { RedisReconnect } from './redis-reconnect';
import { redisErrorLog } from './redis-log';
import { REDIS } from './redis.token';

export { REDIS, InjectRedis } from './redis.token';
export { RedisReconnect } from './redis-reconnect';
export { isRedisUnavailable } from './redis-errors';
export { redisErrorLog, ThrottledLog } from './redis-log';

/**
 * Commands fail at once while Redis is away (no offline queue: a login or a write answers
 * SERVICE_UNAVAILABLE in milliseconds instead of waiting seconds for reconnects), and a command on a
 * live but stuck connection gives up after a second.
 */
export const redisCommandOptions: RedisOptions = {
  maxRetriesPerRequest: 1,
  enableOfflineQueue: false,
  commandTimeout: 1000,
};
/** How long the API's boot waits for Redis to be ready before it starts anyway (degraded: Redis-backed calls fail fast). */
const READY_WAIT_MS = 2000;

/** Without an offline queue, commands sent before the first connection fail: boot waits for it, briefly. */
async function connectedClient(url: string, retryStrategy: RedisReconnect['retryStrategy']): Promise<Redis> {
  const redis = new Redis(url, { ...redisCommandOptions, retryStrategy });
  redis.on('error', (error: Error) => redisErrorLog.warn(`connection error: ${error.message}`, error.message));
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, READY_WAIT_MS);
    timer.unref();
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return redis;
}

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

@Global()
@Module({
  providers: [
    RedisReconnect,
    {
      provide: REDIS,
      inject: [AppConfig, RedisReconnect],
      useFactory: (config: AppConfig, reconnect: RedisReconnect) =>
        connectedClient(config.redisUrl, reconnect.retryStrategy),
    },
    RedisCloser,
    PublicRevision,
  ],
  exports: [REDIS, RedisReconnect, PublicRevision],
})
export class RedisModule {}
