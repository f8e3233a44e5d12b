import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { RedisReconnect } from '../redis/redis-reconnect';
import { redisErrorLog } from '../redis/redis-log';

/** Injection token of the Redis-backed PubSub behind GraphQL subscriptions: events reach every API instance. */
export const PUB_SUB = Symbol('PUB_SUB');
export const InjectPubSub = () => Inject(PUB_SUB);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * Channel names carry REDIS_PREFIX (`<prefix>:events:<name>`), so deployments and test files that
 * share one Redis see only their own events. Callers publish and subscribe by plain name.
 */
class PrefixedPubSub extends RedisPubSub {
  constructor(
    private readonly prefix: string,
    options: ConstructorParameters<typeof RedisPubSub>[0],
  ) {
    super({ ...options, triggerTransform: (trigger) => `${prefix}${String(trigger)}` });
  }

  override publish(trigger: string, payload: unknown): Promise<void> {
    return super.publish(`${this.prefix}${trigger}`, payload);
  }
}

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
        const publisher = new Redis(config.redisUrl, {
          maxRetriesPerRequest: 1,
          retryStrategy: reconnect.retryStrategy,
        });
        const subscriber = new Redis(config.redisUrl, {
          maxRetriesPerRequest: null,
          retryStrategy: reconnect.retryStrategy,
        });
        for (const client of [publisher, subscriber])
          client.on('error', (error: Error) => redisErrorLog.warn(`pub/sub: ${error.message}`, error.message));
        return new PrefixedPubSub(`${config.redisPrefix}:events:`, {
          publisher,
          subscriber,
          // Dates travel as ISO strings; bring them back as Dates.
          reviver: (_key, value: unknown) =>
            typeof value === 'string' && ISO_DATE.test(value) ? new Date(value) : value,
        });
      },
    },
    PubSubCloser,
  ],
  exports: [PUB_SUB],
})
export class PubSubModule {}
