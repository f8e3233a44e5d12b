import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Queue } from 'bullmq';
import { redisErrorLog } from './redis-log';

/**
 * Gives every BullMQ queue of the process an error listener that goes through the throttled Redis
 * log (the worker's BullMQ workers get theirs from JobWorkers). Without one BullMQ prints each failed
 * reconnect of each connection with its stack (some 125 lines a second in a worker while Redis is down).
 */
@Injectable()
export class QueueErrorLog implements OnModuleInit {
  constructor(private readonly discovery: DiscoveryService) {}

  /** Queues exist once providers are built. */
  onModuleInit(): void {
    for (const { instance } of this.discovery.getProviders()) {
      if (instance instanceof Queue)
        instance.on('error', (error: Error) =>
          redisErrorLog.warn(`queue ${instance.name}: ${error.message}`, error.message),
        );
    }
  }
}
