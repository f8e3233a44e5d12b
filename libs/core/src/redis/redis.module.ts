import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { PublicRevision } from '../graphql/public-cache';

import { RedisReconnect } from './redis-reconnect';
import { REDIS } from './redis.token';

export { REDIS, InjectRedis } from './redis.token';
export { RedisReconnect } from './redis-reconnect';

/** Commands fail fast when Redis is away, so a request never hangs on it. */
export const redisCommandOptions: RedisOptions = { maxRetriesPerRequest: 2, enableOfflineQueue: true };

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
      useFactory: (config: AppConfig, reconnect: RedisReconnect) => new Redis(config.redisUrl, { ...redisCommandOptions, retryStrategy: reconnect.retryStrategy }),
    },
    RedisCloser,
    PublicRevision,
  ],
  exports: [REDIS, RedisReconnect, PublicRevision],
})
export class RedisModule {}
