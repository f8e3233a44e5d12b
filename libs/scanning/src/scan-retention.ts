import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { QUEUES, WORKER_OPTIONS } from '@app/core';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';

const EVERY_MS = 3600_000;

/** The scan audit trail is kept for the retention each edition's organizers set (setScanRetention). */
@Injectable()
export class ScanRetention {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Deletes scans older than their edition's retention. Returns how many. */
  async purgeExpired(): Promise<number> {
    const [, deleted]: [unknown, number] = await this.db.query(
      `DELETE FROM scan s USING edition e WHERE s.edition_id = e.id AND e.scan_retention_days IS NOT NULL AND s.received_at < now() - make_interval(days => e.scan_retention_days)`,
    );
    return deleted;
  }
}

/** Runs the purge hourly: one scheduler, however many worker processes start. */
@Processor(QUEUES.maintenance, { concurrency: 1, ...WORKER_OPTIONS })
export class ScanRetentionProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly retention: ScanRetention,
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
  ) {
    super();
  }

  /** Not awaited: with Redis unreachable the worker must still start (the schedule is set once Redis answers, or at the next start). */
  onApplicationBootstrap(): void {
    this.queue.upsertJobScheduler('scans.purge', { every: EVERY_MS }, { name: 'scans.purge', data: {}, opts: { removeOnComplete: 24, removeOnFail: 24 } }).catch(() => undefined);
  }

  async process(): Promise<void> {
    await this.retention.purgeExpired();
  }
}
