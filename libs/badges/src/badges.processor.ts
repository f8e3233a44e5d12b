import { Processor, WorkerHost } from '@nestjs/bullmq';
import { JobPayloads, QUEUES, WORKER_OPTIONS } from '@app/core';
import { Job, UnrecoverableError } from 'bullmq';
import { BadgeRenderer } from './badge-renderer';

/** Rendering is CPU work: one chunk at a time per worker process; run more worker processes to use more cores. */
@Processor(QUEUES.badges, { concurrency: 1, ...WORKER_OPTIONS })
export class BadgesProcessor extends WorkerHost {
  constructor(private readonly renderer: BadgeRenderer) {
    super();
  }

  async process(job: Job<JobPayloads['badges.render']>): Promise<void> {
    if (job.name !== 'badges.render') throw new UnrecoverableError(`no handler for job ${job.name} in ${QUEUES.badges}`);
    await this.renderer.render(job.data.badgeIds, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
  }
}
