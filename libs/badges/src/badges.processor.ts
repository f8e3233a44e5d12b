import { Processor, WorkerHost } from '@nestjs/bullmq';
import { JobPayloads, QUEUES, WORKER_OPTIONS } from '@app/core';
import { Job, UnrecoverableError } from 'bullmq';
import { BadgeRenderer } from './badge-renderer';
import { PrintSheetsService } from './print-sheets';

/** Rendering is CPU work: one chunk at a time per worker process; run more worker processes to use more cores. */
@Processor(QUEUES.badges, { concurrency: 1, ...WORKER_OPTIONS })
export class BadgesProcessor extends WorkerHost {
  constructor(
    private readonly renderer: BadgeRenderer,
    private readonly printSheets: PrintSheetsService,
  ) {
    super();
  }

  async process(job: Job<JobPayloads['badges.render'] | JobPayloads['badges.printSheet']>): Promise<void> {
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    if (job.name === 'badges.render') await this.renderer.render((job.data as JobPayloads['badges.render']).badgeIds, lastAttempt);
    else if (job.name === 'badges.printSheet') await this.printSheets.render((job.data as JobPayloads['badges.printSheet']).sheetId, lastAttempt);
    else throw new UnrecoverableError(`no handler for job ${job.name} in ${QUEUES.badges}`);
  }
}
