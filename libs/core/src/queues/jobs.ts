import { JobsOptions } from 'bullmq';

/** Every BullMQ queue. Processors run in apps/worker only. */
export const QUEUES = {
  notifications: 'notifications',
  webhooks: 'webhooks',
  mail: 'mail',
  badges: 'badges',
  booths: 'booths',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Every job: its queue and its payload. Payloads carry ids only; handlers re-read the database. */
export interface JobPayloads {
  /** Fan a schedule change out to everyone affected (outbox topic schedule.changed). */
  'schedule.fanout': { scheduleChangeId: string; sessionId: string; editionId: string };
  /** POST one event to one webhook endpoint (a webhook_delivery row), signed; retried with backoff. */
  'webhook.deliver': { deliveryId: string };
}
export type JobName = keyof JobPayloads;

export const JOB_QUEUE: Record<JobName, QueueName> = {
  'schedule.fanout': QUEUES.notifications,
  'webhook.deliver': QUEUES.webhooks,
};

/** Outbox topics and the job each one becomes (same payload). */
export const OUTBOX_ROUTES = {
  'schedule.changed': 'schedule.fanout',
} as const satisfies Record<string, JobName>;

/** Retries with exponential backoff; finished jobs are kept a while for inspection, within bounds. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
};
