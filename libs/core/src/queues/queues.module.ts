import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { Global, Injectable, Module } from '@nestjs/common';
import { DiscoveryModule, ModuleRef } from '@nestjs/core';
import { JobsOptions, Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { RedisReconnect } from '../redis/redis-reconnect';
import { QueueErrorLog } from '../redis/queue-error-log';
import { DEFAULT_JOB_OPTIONS, JOB_OPTIONS, JOB_QUEUE, JobName, JobPayloads, QUEUES } from './jobs';

/** ioredis options for BullMQ from REDIS_URL (BullMQ needs maxRetriesPerRequest: null). */
export function bullConnection(redisUrl: string, retryStrategy?: (attempt: number) => number | null) {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    retryStrategy,
  };
}

/** Adds typed jobs to the right queue. A jobId makes adding idempotent (BullMQ keeps one job per id). */
@Injectable()
export class Jobs {
  constructor(private readonly moduleRef: ModuleRef) {}

  queue(name: JobName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(JOB_QUEUE[name]), { strict: false });
  }

  add<N extends JobName>(name: N, payload: JobPayloads[N], options: JobsOptions = {}): Promise<unknown> {
    return this.queue(name).add(name, payload, { ...JOB_OPTIONS[name], ...options });
  }

  addBulk<N extends JobName>(name: N, jobs: { payload: JobPayloads[N]; options?: JobsOptions }[]): Promise<unknown> {
    return this.queue(name).addBulk(
      jobs.map((j) => ({ name, data: j.payload, opts: { ...JOB_OPTIONS[name], ...j.options } })),
    );
  }
}

/** BullMQ on REDIS_URL with REDIS_PREFIX, every queue registered, and Jobs for producers. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig, RedisReconnect],
      useFactory: (config: AppConfig, reconnect: RedisReconnect) => ({
        connection: bullConnection(config.redisUrl, reconnect.retryStrategy),
        prefix: config.redisPrefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue(...Object.values(QUEUES).map((name) => ({ name }))),
    DiscoveryModule,
  ],
  providers: [Jobs, QueueErrorLog],
  exports: [BullModule, Jobs],
})
export class QueuesModule {}
