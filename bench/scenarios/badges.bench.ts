import { ChildProcess } from 'node:child_process';
import { Scenario, startWorker } from '../harness';

const WORKERS = Number(process.env.BENCH_BADGE_WORKERS ?? 2);

/**
 * generateBadges for every attendee of the full edition (40,000): time until the batch completes
 * and badges per second, with the worker processes and their concurrency printed. Existing badges
 * of the edition are deleted first, so every run renders them all.
 */
export const badges: Scenario = {
  name: 'badges',
  async run(ctx) {
    await ctx.db.query(`DELETE FROM badge WHERE edition_id = $1`, [ctx.editionId]);
    await ctx.db.query(`DELETE FROM badge_batch WHERE edition_id = $1`, [ctx.editionId]);
    const workers: ChildProcess[] = [];
    try {
      for (let i = 0; i < WORKERS; i++) workers.push(await startWorker({ LOG_LEVEL: 'warn' }));
      const token = await ctx.tokenFor('organizer@example.com');
      const started = Date.now();
      const { data } = await ctx.gql<{ generateBadges: { id: string; total: number } }>(
        `mutation($e: ID!) { generateBadges(editionId: $e) { id total } }`,
        { e: ctx.editionId },
        token,
      );
      const queuedMs = Date.now() - started;
      const { id, total } = data.generateBadges;
      type Batch = { state: string; done: number; failed: number };
      let batch: Batch = { state: 'QUEUED', done: 0, failed: 0 };
      while (!['COMPLETED', 'FAILED'].includes(batch.state) && Date.now() - started < 600_000) {
        await new Promise((r) => setTimeout(r, 500));
        batch = (
          await ctx.gql<{ badgeBatch: Batch }>(
            `query($id: ID!) { badgeBatch(id: $id) { state done failed } }`,
            { id },
            token,
          )
        ).data.badgeBatch;
      }
      const seconds = (Date.now() - started) / 1000;
      const [{ mb }]: { mb: number | null }[] = await ctx.db.query(
        `SELECT round(sum(octet_length(pdf) + octet_length(qr_svg)) / 1048576.0, 1)::float AS mb FROM badge WHERE batch_id = $1`,
        [id],
      );
      // Leave the database as it would be by the show (badges are printed days before): vacuumed,
      // with fresh statistics and its writes checkpointed. Otherwise autovacuum works through the
      // 80,000 replaced rows and 300 MB of PDFs while the door scenarios run.
      await ctx.db.query(`VACUUM (ANALYZE) badge`);
      await ctx.db.query(`CHECKPOINT`).catch(() => undefined); // needs a superuser or pg_checkpoint; only tidiness
      return {
        badges: total,
        state: batch.state,
        failed: batch.failed,
        mutationMs: queuedMs,
        totalSeconds: Math.round(seconds * 10) / 10,
        badgesPerSec: Math.round(batch.done / seconds),
        workerProcesses: WORKERS,
        concurrencyPerProcess: 1,
        storedMb: mb,
        targets: { totalSeconds: 80, badgesPerSec: 500 },
      };
    } finally {
      for (const worker of workers) worker.kill('SIGTERM');
    }
  },
};
