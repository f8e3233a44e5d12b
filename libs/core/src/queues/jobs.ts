import { Job, JobsOptions } from 'bullmq';

/** Every BullMQ queue. Processors run in apps/worker only. */
export const QUEUES = {
  notifications: 'notifications',
  webhooks: 'webhooks',
  mail: 'mail',
  badges: 'badges',
  booths: 'booths',
  schedule: 'schedule',
  maintenance: 'maintenance',
  accounts: 'accounts',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/**
 * Every job and its payload, declared once: producers (Jobs, the outbox) and handlers (@OnJob) are
 * typed from here. Payloads carry ids only; handlers re-read the database.
 */
export interface JobPayloads {
  /** Fan a schedule change out to everyone affected (outbox topic schedule.changed). */
  'schedule.fanout': { scheduleChangeId: string; sessionId: string; editionId: string };
  /** POST one event to one webhook endpoint (a webhook_delivery row), signed; retried with backoff. */
  'webhook.deliver': { deliveryId: string };
  /** Give a session's free seats to its waitlist, first come first served (outbox topic session.seats). */
  'seats.fill': { sessionId: string };
  /** Tell attendees who moved up from a waitlist that they now hold a seat (outbox topic seat.promoted). */
  'promotion.notify': { sessionId: string; editionId: string; entryIds: string[] };
  /** Mail a batch of notifications (each at most once: rows are claimed, then marked mailed). */
  'mail.send': { notificationIds: string[] };
  /** Release a booth hold when it expires (a delayed job; it does nothing if the booth moved on). */
  'booth.releaseHold': { boothId: string; holdExpiresAt: string };
  /** Sign and render PENDING badges (QR SVG + PDF), then mark them ACTIVE (outbox topic badges.requested). */
  'badges.render': { badgeIds: string[] };
  /** Render a requested print sheet (a print_sheet row) into one PDF and store it (outbox topic print-sheet.requested). */
  'badges.printSheet': { sheetId: string };
  /** Mail an account holder a verification link, a password-reset link, or "someone tried to sign up with your address" (outbox topic account.mail). */
  'account.mail': { userId: string; kind: AccountMailKind; tokenId?: string };
  /** Delete scans older than their edition's retention (a repeating job, hourly). */
  'scans.purge': Record<string, never>;
}
export type AccountMailKind = 'verify' | 'reset' | 'signup-exists';
export type JobName = keyof JobPayloads;

export const JOB_QUEUE: Record<JobName, QueueName> = {
  'schedule.fanout': QUEUES.notifications,
  'webhook.deliver': QUEUES.webhooks,
  'promotion.notify': QUEUES.notifications,
  'mail.send': QUEUES.mail,
  'badges.render': QUEUES.badges,
  'badges.printSheet': QUEUES.badges,
  'booth.releaseHold': QUEUES.booths,
  'seats.fill': QUEUES.schedule,
  'account.mail': QUEUES.accounts,
  'scans.purge': QUEUES.maintenance,
};

/** How many jobs of a queue one worker process runs at once. */
export const QUEUE_CONCURRENCY: Record<QueueName, number> = {
  notifications: 2,
  // Many receivers at once: one slow or dead endpoint never holds up the others.
  webhooks: 20,
  // A few at a time: the SMTP pool's connections are the real limit.
  mail: 4,
  // Rendering is CPU work: one chunk at a time per worker process; run more worker processes to use more cores.
  badges: 1,
  booths: 5,
  schedule: 2,
  maintenance: 1,
  accounts: 4,
};

/**
 * A job's handler: a provider method marked @OnJob(name) (job-handlers.ts). It gets the payload, and
 * the BullMQ job and lock token for what only some need (attempts, moving itself to delayed).
 */
export type JobHandler<N extends JobName> = (
  payload: JobPayloads[N],
  job: Job<JobPayloads[N]>,
  token?: string,
) => Promise<void>;

/** Whether this run of a job is its last try (a handler reports a failure differently then). */
export const isLastAttempt = (job: Job) => job.attemptsMade + 1 >= (job.opts.attempts ?? 1);

/**
 * How long a worker's claim on an active job lasts without renewal (BullMQ lockDuration; stalled
 * jobs are checked as often). A killed worker's job runs again after about this long. Read from
 * JOB_LOCK_MS when the processors are declared, which is before the config is built.
 */
export const JOB_LOCK_MS = Math.max(1000, Number(process.env.JOB_LOCK_MS) || 30_000);
export const WORKER_OPTIONS = { lockDuration: JOB_LOCK_MS, stalledInterval: JOB_LOCK_MS };

/** Per job, what differs from the defaults. */
export const JOB_OPTIONS: { [N in JobName]?: JobsOptions } = {
  // Rendering fails for reasons a retry rarely fixes (a damaged key, bad data): try a few times, then report.
  'badges.render': { attempts: 3, backoff: { type: 'exponential', delay: 1000 } },
  'badges.printSheet': { attempts: 3, backoff: { type: 'exponential', delay: 1000 } },
};

export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
};
