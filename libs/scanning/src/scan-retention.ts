import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { OnJob, QUEUES } from '@app/core';
import { Queue } from 'bullmq';
import { ScanRepository } from './scan.repository';

const EVERY_MS = 3600_000;

/** The scan audit trail is kept for the retention each edition's organizers set (setScanRetention). */
@Injectable()
export class ScanRetention {
  constructor(private readonly scans: ScanRepository) {}

  /** Deletes scans older than their edition's retention. Returns how many. */
  purgeExpired(): Promise<number> {
    return this.scans.purgeExpired();
  }
}

/** Runs the purge hourly: one scheduler, however many worker processes start. */
@Injectable()
export class ScanRetentionProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly retention: ScanRetention,
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
  ) {}

  /** Not awaited: with Redis unreachable the worker must still start (the schedule is set once Redis answers, or at the next start). */
  onApplicationBootstrap(): void {
    this.queue
      .upsertJobScheduler(
        'scans.purge',
        { every: EVERY_MS },
        { name: 'scans.purge', data: {}, opts: { removeOnComplete: 24, removeOnFail: 24 } },
      )
      .catch(() => undefined);
  }

  @OnJob('scans.purge')
  async purge(): Promise<void> {
    await this.retention.purgeExpired();
  }
}
