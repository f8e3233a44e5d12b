import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, Jobs, PUB_SUB } from '@app/core';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { DataSource } from 'typeorm';
import { NOTIFICATION_ADDED, NotificationAddedEvent } from './notification-events';

/** What every recipient of one event is told. */
export interface NotificationEvent {
  editionId: string;
  changeId: string | null;
  sessionId: string | null;
  title: string;
  body: string;
}

/** A recipient, the event key that makes their notification unique, and whether they take mail. */
export interface Recipient {
  email: string;
  eventKey: string;
  mail: boolean;
}

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
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PUB_SUB) private readonly pubsub: RedisPubSub,
    private readonly jobs: Jobs,
    private readonly config: AppConfig,
  ) {}

  async write(event: NotificationEvent, recipients: Recipient[]): Promise<number> {
    let written = 0;
    for (let from = 0; from < recipients.length; from += this.config.fanoutChunkSize) {
      const chunk = recipients.slice(from, from + this.config.fanoutChunkSize);
      const rows: { id: string; recipient_email: string; created_at: Date }[] = await this.db.query(
        `INSERT INTO notification (edition_id, change_id, session_id, title, body, recipient_email, event_key, mail)
         SELECT $1, $2, $3, $4, $5, r.email, r.key, r.mail FROM unnest($6::text[], $7::text[], $8::bool[]) AS r(email, key, mail)
         ON CONFLICT ON CONSTRAINT notification_once DO NOTHING
         RETURNING id, recipient_email, created_at`,
        [event.editionId, event.changeId, event.sessionId, event.title, event.body, chunk.map((r) => r.email), chunk.map((r) => r.eventKey), chunk.map((r) => r.mail)],
      );
      written += rows.length;
      if (rows.length) {
        const message: NotificationAddedEvent = {
          items: rows.map((r) => ({ recipientEmail: r.recipient_email, notification: { id: r.id, title: event.title, body: event.body, createdAt: r.created_at, readAt: null, changeId: event.changeId } })),
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
    const pending: { id: string }[] = await this.db.query(
      `SELECT id FROM notification WHERE event_key = ANY($1) AND mail AND mailed_at IS NULL ORDER BY id`,
      [eventKeys],
    );
    const batches: { payload: { notificationIds: string[] }; options: { jobId: string; attempts: number; backoff: { type: 'exponential'; delay: number } } }[] = [];
    for (let i = 0; i < pending.length; i += MAIL_BATCH) {
      const ids = pending.slice(i, i + MAIL_BATCH).map((p) => p.id);
      batches.push({ payload: { notificationIds: ids }, options: { jobId: `mail-${ids[0]}-${ids.length}`, attempts: 10, backoff: { type: 'exponential', delay: this.config.mailRetryBaseMs } } });
    }
    for (let i = 0; i < batches.length; i += 500) await this.jobs.addBulk('mail.send', batches.slice(i, i + 500));
  }
}
