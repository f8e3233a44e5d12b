import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';

/**
 * Reconnect policy for every Redis client of the process: back off while running, give up once the
 * application is shutting down. Without that, closing a BullMQ worker whose Redis is unreachable
 * waits forever for a connection that ioredis keeps retrying (taskforcesh/bullmq#4656).
 */
@Injectable()
export class RedisReconnect implements BeforeApplicationShutdown {
  private closing = false;
  beforeApplicationShutdown(): void {
    this.closing = true;
  }
  readonly retryStrategy = (attempt: number): number | null => (this.closing ? null : Math.min(attempt * 200, 2000));
}
