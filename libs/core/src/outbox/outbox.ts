import { EntityManager } from 'typeorm';
import { JobName, JobPayloads } from '../queues/jobs';

/** Topics written to the outbox, and the job each one becomes (its payload is the job's: JobPayloads). */
export const OUTBOX_ROUTES = {
  /** A published session changed (time, room, speakers, details) or was cancelled. */
  'schedule.changed': 'schedule.fanout',
  /** Waitlisted entries of a session were given seats. */
  'seat.promoted': 'promotion.notify',
  /** A published session's seat limit may have grown (its capacity or its room changed): fill seats from the waitlist. */
  'session.seats': 'seats.fill',
  /** Badges were created PENDING and need rendering (a single issue, or one chunk of a batch). */
  'badges.requested': 'badges.render',
  /** A badge print sheet was requested (a print_sheet row to render). */
  'print-sheet.requested': 'badges.printSheet',
  /** A booth was put on hold until a time. */
  'booth.held': 'booth.releaseHold',
  /** An organizer asked for a failed webhook delivery to be tried again (retryWebhookDelivery). */
  'webhook.retry': 'webhook.deliver',
  /** An account mail to send (verification link, reset link, sign-up attempt on an existing address). */
  'account.mail': 'account.mail',
} as const satisfies Record<string, JobName>;

/** Each topic's payload: that of the job it becomes. */
export type OutboxTopics = { [T in keyof typeof OUTBOX_ROUTES]: JobPayloads[(typeof OUTBOX_ROUTES)[T]] };
export type OutboxTopic = keyof OutboxTopics;

/** PostgreSQL NOTIFY channel that wakes the relay when a transaction with outbox messages commits. */
export const OUTBOX_CHANNEL = 'outbox';

/** Writes a message in the caller's transaction: it exists exactly when the change it announces does. */
export async function writeOutbox<T extends OutboxTopic>(
  em: EntityManager,
  topic: T,
  payload: OutboxTopics[T],
): Promise<void> {
  await em.query(`INSERT INTO outbox_message (topic, payload) VALUES ($1, $2)`, [topic, payload]);
  await em.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]); // delivered at commit, once per transaction
}

/** Many messages of one topic in one statement (a batch of 40,000 badges is 800 messages). */
export async function writeOutboxMany<T extends OutboxTopic>(
  em: EntityManager,
  topic: T,
  payloads: OutboxTopics[T][],
): Promise<void> {
  if (!payloads.length) return;
  await em.query(`INSERT INTO outbox_message (topic, payload) SELECT $1, p FROM unnest($2::jsonb[]) AS p`, [
    topic,
    payloads.map((p) => JSON.stringify(p)),
  ]);
  await em.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
}
