import { Processor, WorkerHost } from '@nestjs/bullmq';
import { JobPayloads, QUEUES } from '@app/core';
import { Job, UnrecoverableError } from 'bullmq';
import { ScheduleFanout } from './schedule-fanout';
import { WebhookSender } from './webhook-sender';

@Processor(QUEUES.notifications, { concurrency: 2 })
export class NotificationsProcessor extends WorkerHost {
  constructor(private readonly fanout: ScheduleFanout) {
    super();
  }

  async process(job: Job): Promise<void> {
    if (job.name === 'schedule.fanout') return this.fanout.run(job.data as JobPayloads['schedule.fanout']);
    throw new UnrecoverableError(`no handler for job ${job.name} in ${QUEUES.notifications}`);
  }
}

/** Many receivers at once: one slow or dead endpoint never holds up the others. */
@Processor(QUEUES.webhooks, { concurrency: 20 })
export class WebhooksProcessor extends WorkerHost {
  constructor(private readonly sender: WebhookSender) {
    super();
  }

  async process(job: Job<JobPayloads['webhook.deliver']>): Promise<void> {
    if (job.name !== 'webhook.deliver') throw new UnrecoverableError(`no handler for job ${job.name} in ${QUEUES.webhooks}`);
    await this.sender.deliver(job.data.deliveryId, job.attemptsMade + 1, job.opts.attempts ?? 1);
  }
}
