import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, REDIS } from '@app/core';
import Redis from 'ioredis';

/** How long a device's queue report is kept (a show's days and then some). */
const KEEP_SECONDS = 7 * 86_400;

/** What a scanner device last reported at a checkpoint. */
export interface DeviceReport {
  queued: number;
  at: Date;
}

/**
 * The offline queue lengths scanner devices report through syncScans, per checkpoint, in Redis (one
 * hash per checkpoint: device -> {queued, at}): a figure for the supervisors, not part of the audit trail.
 */
@Injectable()
export class DeviceReports {
  private readonly prefix: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    config: AppConfig,
  ) {
    this.prefix = `${config.redisPrefix}:scanner-queue:`;
  }

  async report(checkpointId: string, deviceId: string, queued: number): Promise<void> {
    const key = this.prefix + checkpointId;
    await this.redis
      .multi()
      .hset(key, deviceId, JSON.stringify({ queued, at: new Date().toISOString() }))
      .expire(key, KEEP_SECONDS)
      .exec();
  }

  /** The checkpoint's reports by device; none when Redis cannot answer (statistics are best effort). */
  async of(checkpointId: string): Promise<Map<string, DeviceReport>> {
    const out = new Map<string, DeviceReport>();
    const all = await this.redis.hgetall(this.prefix + checkpointId).catch(() => ({}));
    for (const [device, json] of Object.entries(all)) {
      try {
        const { queued, at } = JSON.parse(json) as { queued: number; at: string };
        out.set(device, { queued, at: new Date(at) });
      } catch {
        // a value not written by report(): ignored
      }
    }
    return out;
  }
}
