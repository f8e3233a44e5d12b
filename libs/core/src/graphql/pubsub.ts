import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { RedisReconnect } from '../redis/redis-reconnect';
import { redisErrorLog } from '../redis/redis-log';

/** Injection token of the Redis-backed PubSub behind GraphQL subscriptions: events reach every API instance. */
export const PUB_SUB = Symbol('PUB_SUB');
export const InjectPubSub = () => Inject(PUB_SUB);

/** Channel names carry REDIS_PREFIX, so instances of one deployment (or one test file) share only their own. */
export const channel = (config: AppConfig, name: string) => `${config.redisPrefix}:events:${name}`;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

@Injectable()
class PubSubCloser implements OnApplicationShutdown {
  constructor(@Inject(PUB_SUB) private readonly pubsub: RedisPubSub) {}
  async onApplicationShutdown(): Promise<void> {
    await this.pubsub.close().catch(() => undefined);
  }
}

@Global()
@Module({
  providers: [
    {
      provide: PUB_SUB,
      inject: [AppConfig, RedisReconnect],
      useFactory: (config: AppConfig, reconnect: RedisReconnect) => {
        const publisher = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, retryStrategy: reconnect.retryStrategy });
        const subscriber = new Redis(config.redisUrl, { maxRetriesPerRequest: null, retryStrategy: reconnect.retryStrategy });
        for (const client of [publisher, subscriber]) client.on('error', (error: Error) => redisErrorLog.warn(`pub/sub: ${error.message}`, error.message));
        return new RedisPubSub({
          publisher,
          subscriber,
          // Dates travel as ISO strings; bring them back as Dates.
          reviver: (_key, value) => (typeof value === 'string' && ISO_DATE.test(value) ? new Date(value) : value),
        });
      },
    },
    PubSubCloser,
  ],
  exports: [PUB_SUB],
})
export class PubSubModule {}
