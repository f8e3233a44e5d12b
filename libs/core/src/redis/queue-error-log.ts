import { Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { WorkerHost } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { redisErrorLog } from './redis-log';

/**
 * Gives every BullMQ queue and worker of the process an error listener that goes through the
 * throttled Redis log. Without one BullMQ prints each failed reconnect of each connection with its
 * stack (some 125 lines a second in a worker while Redis is down).
 */
@Injectable()
export class QueueErrorLog implements OnModuleInit, OnApplicationBootstrap {
  private readonly done = new WeakSet<object>();

  constructor(private readonly discovery: DiscoveryService) {}

  /** Queues exist once providers are built; workers are created by the BullMQ explorer's own onModuleInit: both hooks look. */
  onModuleInit(): void {
    this.attach();
  }

  onApplicationBootstrap(): void {
    this.attach();
  }

  private attach(): void {
    const listen = (emitter: { on(event: 'error', listener: (error: Error) => void): unknown }, what: string) => {
      if (this.done.has(emitter)) return;
      this.done.add(emitter);
      emitter.on('error', (error: Error) => redisErrorLog.warn(`${what}: ${error.message}`, error.message));
    };
    for (const { instance } of this.discovery.getProviders()) {
      if (instance instanceof Queue) listen(instance, `queue ${instance.name}`);
      else if (instance instanceof WorkerHost) {
        // `worker` throws until the explorer has created it (processors only run in the worker app).
        try {
          listen(instance.worker, `worker ${instance.worker.name}`);
        } catch {
          /* not created yet */
        }
      }
    }
  }
}
