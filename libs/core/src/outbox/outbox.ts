import { EntityManager } from 'typeorm';

/** Topics written to the outbox, with their payloads (ids only: handlers re-read the database). */
export interface OutboxTopics {
  /** A published session changed (time, room, speakers, details) or was cancelled. */
  'schedule.changed': { scheduleChangeId: string; sessionId: string; editionId: string };
  /** A published session's seat limit may have grown (its capacity or its room changed): fill seats from the waitlist. */
  'session.seats': { sessionId: string };
  /** Waitlisted entries of a session were given seats. */
  'seat.promoted': { sessionId: string; editionId: string; entryIds: string[] };
  /** Badges were created PENDING and need rendering (a single issue, or one chunk of a batch). */
  'badges.requested': { badgeIds: string[] };
  /** A badge print sheet was requested (a print_sheet row to render). */
  'print-sheet.requested': { sheetId: string };
  /** A booth was put on hold until a time. */
  'booth.held': { boothId: string; holdExpiresAt: string };
  /** An account mail to send (verification link, reset link, sign-up attempt on an existing address). */
  'account.mail': { userId: string; kind: 'verify' | 'reset' | 'signup-exists'; tokenId?: string };
}
export type OutboxTopic = keyof OutboxTopics;

/** PostgreSQL NOTIFY channel that wakes the relay when a transaction with outbox messages commits. */
export const OUTBOX_CHANNEL = 'outbox';

/** Writes a message in the caller's transaction: it exists exactly when the change it announces does. */
export async function writeOutbox<T extends OutboxTopic>(em: EntityManager, topic: T, payload: OutboxTopics[T]): Promise<void> {
  await em.query(`INSERT INTO outbox_message (topic, payload) VALUES ($1, $2)`, [topic, payload]);
  await em.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]); // delivered at commit, once per transaction
}

/** Many messages of one topic in one statement (a batch of 40,000 badges is 800 messages). */
export async function writeOutboxMany<T extends OutboxTopic>(em: EntityManager, topic: T, payloads: OutboxTopics[T][]): Promise<void> {
  if (!payloads.length) return;
  await em.query(`INSERT INTO outbox_message (topic, payload) SELECT $1, p FROM unnest($2::jsonb[]) AS p`, [topic, payloads.map((p) => JSON.stringify(p))]);
  await em.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
}
