import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { JobName } from '../queues/jobs';
import { Jobs } from '../queues/queues.module';
import { OUTBOX_CHANNEL, OUTBOX_ROUTES } from './outbox';

const BATCH = 500;
const IDLE_POLL_MS = 1000;
const RETRY_MS = 1000;
const KEEP_PUBLISHED_DAYS = 7;
/** How long queueing a batch may take before the relay gives up (Redis unreachable) and retries. */
const QUEUE_TIMEOUT_MS = 5000;

/** The topics this worker routes to a job. */
const ROUTED_TOPICS = Object.keys(OUTBOX_ROUTES);

/** The BullMQ job id of an outbox message: the same for every attempt to queue it, unique across databases. */
export const outboxJobId = (id: string, createdMicros: string) => `outbox-${id}-${createdMicros}`;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>(
      (_, reject) => (timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms)),
    ),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Moves outbox messages to BullMQ (worker only). Woken by NOTIFY when a change commits, polling as a
 * backstop. Rows are locked (SKIP LOCKED, so several workers share the work) and marked published in
 * the same transaction that queued their jobs; job ids are the row ids, so a batch queued again after
 * a crash does not run twice. While Redis is unreachable rows simply wait.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener?: Client;
  private stopped = false;
  private wake?: () => void;
  private loop?: Promise<void>;
  private lastCleanup = 0;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: Jobs,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.listener = new Client({
      connectionString: this.config.databaseUrl,
      application_name: 'conference-outbox-listener',
    });
    this.listener.on('notification', () => this.wake?.());
    this.listener.on('error', (error) => this.logger.warn(`outbox listener: ${error.message}`));
    await this.listener.connect();
    await this.listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    this.loop = this.run();
  }

  /** Stops before the queues close, so no batch is cut off half-queued. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
  }

  /** Queues one batch of unpublished messages; returns how many. */
  async relayOnce(): Promise<number> {
    return this.db.transaction(async (em) => {
      // Only topics this worker can route: a message it cannot (written by a newer version during a
      // rolling deploy, or a bug) stays unpublished for a worker that can, and never fills the batch
      // so that the messages behind it wait (reportUnroutable names it).
      const rows: {
        id: string;
        created_us: string;
        topic: keyof typeof OUTBOX_ROUTES;
        payload: Record<string, unknown>;
      }[] = await em.query(
        `SELECT id, (extract(epoch FROM created_at) * 1000000)::bigint AS created_us, topic, payload FROM outbox_message
          WHERE published_at IS NULL AND topic = ANY($1::text[]) ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [ROUTED_TOPICS],
      );
      if (!rows.length) return 0;
      const byJob = new Map<JobName, typeof rows>();
      for (const row of rows)
        byJob.set(OUTBOX_ROUTES[row.topic], [...(byJob.get(OUTBOX_ROUTES[row.topic]) ?? []), row]);
      const published: string[] = [];
      for (const [job, list] of byJob) {
        // If this times out, BullMQ may still add the jobs later; the next attempt re-adds the same ids: no duplicates.
        // The creation time is in the id too: row ids start again in a restored or new database, and
        // BullMQ would take a reused id for a job it already has and drop the new one.
        await withTimeout(
          this.jobs.addBulk(
            job,
            list.map((row) => ({
              payload: row.payload as never,
              options: { jobId: outboxJobId(row.id, row.created_us) },
            })),
          ),
          QUEUE_TIMEOUT_MS,
          'queueing outbox messages',
        );
        published.push(...list.map((row) => row.id));
      }
      if (published.length)
        await em.query(`UPDATE outbox_message SET published_at = now() WHERE id = ANY($1::bigint[])`, [published]);
      return published.length;
    });
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let relayed = 0;
      try {
        relayed = await this.relayOnce();
        await this.cleanup();
      } catch (error) {
        this.logger.warn(`outbox relay will retry: ${error instanceof Error ? error.message : String(error)}`);
        await this.sleep(RETRY_MS);
        continue;
      }
      if (relayed < BATCH) await this.sleep(IDLE_POLL_MS);
    }
  }

  private async cleanup(): Promise<void> {
    if (Date.now() - this.lastCleanup < 3600_000) return;
    this.lastCleanup = Date.now();
    await this.db.query(
      `DELETE FROM outbox_message WHERE published_at < now() - interval '${KEEP_PUBLISHED_DAYS} days'`,
    );
    await this.reportUnroutable();
  }

  /** Logs (at start, then hourly) the unpublished messages whose topic this worker cannot route, by topic. */
  async reportUnroutable(): Promise<void> {
    const stuck: { topic: string; n: number; first: string }[] = await this.db.query(
      `SELECT topic, count(*)::int AS n, min(id)::text AS first FROM outbox_message WHERE published_at IS NULL AND NOT (topic = ANY($1::text[])) GROUP BY topic ORDER BY topic`,
      [ROUTED_TOPICS],
    );
    for (const { topic, n, first } of stuck)
      this.logger.error(
        `${n} outbox message(s) with unknown topic "${topic}" (first id ${first}) left unpublished; the others are relayed`,
      );
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
