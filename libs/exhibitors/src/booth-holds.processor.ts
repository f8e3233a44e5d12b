import { Processor, WorkerHost } from '@nestjs/bullmq';
import { JobPayloads, QUEUES, WORKER_OPTIONS } from '@app/core';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { ExhibitorsService } from './exhibitors.service';

/** Releases booth holds when they expire: the job waits (delayed) until the hold's end, then acts if the booth is still on that hold. */
@Processor(QUEUES.booths, { concurrency: 5, ...WORKER_OPTIONS })
export class BoothHoldsProcessor extends WorkerHost {
  constructor(private readonly exhibitors: ExhibitorsService) {
    super();
  }

  async process(job: Job<JobPayloads['booth.releaseHold']>, token?: string): Promise<void> {
    if (job.name !== 'booth.releaseHold') throw new UnrecoverableError(`no handler for job ${job.name} in ${QUEUES.booths}`);
    const expires = new Date(job.data.holdExpiresAt);
    if (expires.getTime() > Date.now()) {
      await job.moveToDelayed(expires.getTime() + 100, token);
      throw new DelayedError();
    }
    await this.exhibitors.releaseExpiredHold(job.data.boothId, expires);
  }
}
