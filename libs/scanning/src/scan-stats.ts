import { Inject, Injectable } from '@nestjs/common';
import { PUB_SUB } from '@app/core';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { DeviceReports } from './device-reports';
import { ScanRepository } from './scan.repository';
import { CheckpointStats, DeviceStats } from './scan.types';

/** Redis pub/sub channel of checkpoint statistics (every API instance relays them to its subscribers). */
export const CHECKPOINT_STATS = 'checkpoint.stats';
const STATS_EVERY_MS = 250;

/** Live checkpoint statistics: published at most every STATS_EVERY_MS per checkpoint and instance, whatever the scan rate. */
@Injectable()
export class CheckpointStatsFeed {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly scans: ScanRepository,
    private readonly devices: DeviceReports,
    @Inject(PUB_SUB) private readonly pubsub: RedisPubSub,
  ) {}

  /**
   * A checkpoint's statistics: the counts (one statement) with each device's reported queue (Redis).
   * A device that reported a queue but has not scanned here yet is listed with no scans.
   */
  async read(checkpointId: string): Promise<CheckpointStats> {
    const [counts, reports] = await Promise.all([
      this.scans.checkpointStats(checkpointId),
      this.devices.of(checkpointId),
    ]);
    const devices = new Map<string, DeviceStats>(
      counts.devices.map((d) => [d.deviceId, { ...d, queued: null as number | null }]),
    );
    for (const [deviceId, report] of reports) {
      const d = devices.get(deviceId);
      if (!d) devices.set(deviceId, { deviceId, scans: 0, admitted: 0, lastSeenAt: report.at, queued: report.queued });
      else {
        d.queued = report.queued;
        if (report.at > d.lastSeenAt) d.lastSeenAt = report.at;
      }
    }
    return { ...counts, devices: [...devices.values()].sort((a, b) => a.deviceId.localeCompare(b.deviceId)) };
  }

  /** Scans were written at the checkpoint: its statistics go out within STATS_EVERY_MS. */
  changed(checkpointId: string): void {
    if (this.timers.has(checkpointId)) return;
    const timer = setTimeout(() => {
      this.timers.delete(checkpointId);
      this.read(checkpointId)
        .then((stats) => this.pubsub.publish(CHECKPOINT_STATS, stats))
        .catch(() => undefined); // live statistics are best effort; checkpointStats always answers
    }, STATS_EVERY_MS);
    timer.unref();
    this.timers.set(checkpointId, timer);
  }
}
