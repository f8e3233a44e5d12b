import { Inject, Injectable } from '@nestjs/common';
import { PUB_SUB } from '@app/core';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { ScanRepository } from './scan.repository';

/** Redis pub/sub channel of checkpoint statistics (every API instance relays them to its subscribers). */
export const CHECKPOINT_STATS = 'checkpoint.stats';
const STATS_EVERY_MS = 250;

/** Live checkpoint statistics: published at most every STATS_EVERY_MS per checkpoint and instance, whatever the scan rate. */
@Injectable()
export class CheckpointStatsFeed {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly scans: ScanRepository,
    @Inject(PUB_SUB) private readonly pubsub: RedisPubSub,
  ) {}

  /** Scans were written at the checkpoint: its statistics go out within STATS_EVERY_MS. */
  changed(checkpointId: string): void {
    if (this.timers.has(checkpointId)) return;
    const timer = setTimeout(() => {
      this.timers.delete(checkpointId);
      this.scans
        .checkpointStats(checkpointId)
        .then((stats) => this.pubsub.publish(CHECKPOINT_STATS, stats))
        .catch(() => undefined); // live statistics are best effort; checkpointStats always answers
    }, STATS_EVERY_MS);
    timer.unref();
    this.timers.set(checkpointId, timer);
  }
}
