import { Injectable } from '@nestjs/common';
import { JobPayloads, OnJob } from '@app/core';
import { Job } from 'bullmq';
import { MailSender } from './mail-sender';
import { PromotionNotifier } from './promotion-notifier';
import { ScheduleFanout } from './schedule-fanout';
import { WebhookSender } from './webhook-sender';

@Injectable()
export class NotificationsProcessor {
  constructor(
    private readonly fanout: ScheduleFanout,
    private readonly promotions: PromotionNotifier,
  ) {}

  @OnJob('schedule.fanout')
  async fanOut(payload: JobPayloads['schedule.fanout']): Promise<void> {
    await this.fanout.run(payload);
  }

  @OnJob('promotion.notify')
  async notifyPromotions(payload: JobPayloads['promotion.notify']): Promise<void> {
    await this.promotions.run(payload);
  }
}

/** Many receivers at once (QUEUE_CONCURRENCY): one slow or dead endpoint never holds up the others. */
@Injectable()
export class WebhooksProcessor {
  constructor(private readonly sender: WebhookSender) {}

  @OnJob('webhook.deliver')
  async deliver({ deliveryId }: JobPayloads['webhook.deliver'], job: Job): Promise<void> {
    await this.sender.deliver(deliveryId, job.attemptsMade + 1, job.opts.attempts ?? 1);
  }
}

/** Mail batches, a few at a time (QUEUE_CONCURRENCY): the SMTP pool's connections are the real limit. */
@Injectable()
export class MailProcessor {
  constructor(private readonly mail: MailSender) {}

  @OnJob('mail.send')
  async send({ notificationIds }: JobPayloads['mail.send']): Promise<void> {
    await this.mail.send(notificationIds);
  }
}
