import { Processor, WorkerHost } from '@nestjs/bullmq';
import { JobPayloads, QUEUES, WORKER_OPTIONS } from '@app/core';
import { Job, UnrecoverableError } from 'bullmq';
import { MailSender } from './mail-sender';
import { PromotionNotifier } from './promotion-notifier';
import { ScheduleFanout } from './schedule-fanout';
import { WebhookSender } from './webhook-sender';

@Processor(QUEUES.notifications, { concurrency: 2, ...WORKER_OPTIONS })
export class NotificationsProcessor extends WorkerHost {
  constructor(
    private readonly fanout: ScheduleFanout,
    private readonly promotions: PromotionNotifier,
  ) {
    super();
  }

  async process(job: Job): Promise<void> {
    if (job.name === 'schedule.fanout') return this.fanout.run(job.data as JobPayloads['schedule.fanout']);
    if (job.name === 'promotion.notify') return this.promotions.run(job.data as JobPayloads['promotion.notify']);
    throw new UnrecoverableError(`no handler for job ${job.name} in ${QUEUES.notifications}`);
  }
}

/** Many receivers at once: one slow or dead endpoint never holds up the others. */
@Processor(QUEUES.webhooks, { concurrency: 20, ...WORKER_OPTIONS })
export class WebhooksProcessor extends WorkerHost {
  constructor(private readonly sender: WebhookSender) {
    super();
  }

  async process(job: Job<JobPayloads['webhook.deliver']>): Promise<void> {
    if (job.name !== 'webhook.deliver') throw new UnrecoverableError(`no handler for job ${job.name} in ${QUEUES.webhooks}`);
    await this.sender.deliver(job.data.deliveryId, job.attemptsMade + 1, job.opts.attempts ?? 1);
  }
}

/** Mail batches, a few at a time: the SMTP pool's connections are the real limit. */
@Processor(QUEUES.mail, { concurrency: 4, ...WORKER_OPTIONS })
export class MailProcessor extends WorkerHost {
  constructor(private readonly mail: MailSender) {
    super();
  }

  async process(job: Job<JobPayloads['mail.send']>): Promise<void> {
    if (job.name !== 'mail.send') throw new UnrecoverableError(`no handler for job ${job.name} in ${QUEUES.mail}`);
    await this.mail.send(job.data.notificationIds);
  }
}
