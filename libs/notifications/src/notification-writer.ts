import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, Jobs, PUB_SUB } from '@app/core';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { NOTIFICATION_ADDED, NotificationAddedEvent } from './notification-events';
import { NotificationEvent, NotificationRepository, Recipient } from './notification.repository';

const MAIL_BATCH = 100;

/**
 * Writes notifications for many recipients: one multi-row insert per chunk, skipping anyone already
 * notified of the event (unique recipient + event), so a job that runs again (a retry, a worker
 * killed halfway) completes the set without a duplicate. Each chunk is published to the API
 * instances' subscribers as it lands; then mail for everything not yet mailed is queued in batches.
 */
@Injectable()
export class NotificationWriter {
  constructor(
    private readonly notifications: NotificationRepository,
    @Inject(PUB_SUB) private readonly pubsub: RedisPubSub,
    private readonly jobs: Jobs,
    private readonly config: AppConfig,
  ) {}

  async write(event: NotificationEvent, recipients: Recipient[]): Promise<number> {
    let written = 0;
    for (let from = 0; from < recipients.length; from += this.config.fanoutChunkSize) {
      const chunk = recipients.slice(from, from + this.config.fanoutChunkSize);
      const rows = await this.notifications.insertMany(event, chunk);
      written += rows.length;
      if (rows.length) {
        const message: NotificationAddedEvent = {
          items: rows.map((r) => ({
            recipientEmail: r.recipientEmail,
            notification: {
              id: r.id,
              title: event.title,
              body: event.body,
              createdAt: r.createdAt,
              readAt: null,
              changeId: event.changeId,
            },
          })),
        };
        // In-app delivery is best effort on top of the stored notification: a lost publish is still in `notifications`.
        await this.pubsub.publish(NOTIFICATION_ADDED, message).catch(() => undefined);
      }
    }
    await this.queueMail([...new Set(recipients.map((r) => r.eventKey))]);
    return written;
  }

  /** Queues mail for every notification of these events not mailed yet (batches; the mail job claims rows, so overlap is harmless). */
  private async queueMail(eventKeys: string[]): Promise<void> {
    const pending = await this.notifications.unmailed(eventKeys);
    const batches: {
      payload: { notificationIds: string[] };
      options: { jobId: string; attempts: number; backoff: { type: 'exponential'; delay: number } };
    }[] = [];
    for (let i = 0; i < pending.length; i += MAIL_BATCH) {
      const ids = pending.slice(i, i + MAIL_BATCH);
      batches.push({
        payload: { notificationIds: ids },
        options: {
          jobId: `mail-${ids[0]}-${ids.length}`,
          attempts: 10,
          backoff: { type: 'exponential', delay: this.config.mailRetryBaseMs },
        },
      });
    }
    for (let i = 0; i < batches.length; i += 500) await this.jobs.addBulk('mail.send', batches.slice(i, i + 500));
  }
}
