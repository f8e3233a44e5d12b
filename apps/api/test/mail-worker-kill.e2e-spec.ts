import { QUEUES } from '@app/core';
import { eventually, MailCatcher } from '@app/testing';
import { Queue } from 'bullmq';
import { TestApp } from './test-app';

const MOVE = `mutation($id: ID!, $p: SessionPatch!) { updateSession(id: $id, patch: $p) { id } }`;
const at = (day: number, hour: number) => new Date(Date.UTC(2027, 2, day, hour + 6)).toISOString();

/**
 * Mail, exactly once, across a worker killed in the middle of its batches: the worker runs as its
 * own process (the one a test can kill -9); the SMTP listener takes the first mails, then stalls,
 * so batches are in flight when the worker dies. No worker runs in this process, so only the
 * spawned ones send.
 */
describe('schedule-change mail across a worker kill', () => {
  let t: TestApp;
  let smtp: MailCatcher;
  let queue: Queue;

  beforeAll(async () => {
    smtp = await MailCatcher.start({ holdAfter: 20 });
    t = await TestApp.create({ config: { smtpUrl: smtp.url } });
    queue = new Queue(QUEUES.mail, { connection: { host: '127.0.0.1', port: 6379 }, prefix: t.config.redisPrefix });
  });
  afterAll(async () => {
    await queue.close();
    await t.close();
    await smtp.close();
  });

  it('sends each mail exactly once when the worker is killed mid-batch and another takes over', async () => {
    const editionId = (await t.factory.edition()).id;
    const s = await t.factory.session(editionId, { title: 'Killed mid-batch', startsAt: at(8, 9), endsAt: at(8, 10) });
    const people = 250; // three mail batches (100, 100, 50)
    await t.db.query(
      `WITH a AS (
         INSERT INTO attendee (edition_id, email, first_name, last_name, access_level, email_updates)
         SELECT $1, 'kill-' || i || '@test.example', 'Fan', 'No ' || i, 'FULL_CONFERENCE', true FROM generate_series(1, $3) i RETURNING id)
       INSERT INTO schedule_entry (attendee_id, session_id, status) SELECT id, $2::uuid, 'BOOKMARKED' FROM a`,
      [editionId, s.id, people],
    );
    // A short job lock so the killed worker's jobs are taken over in seconds; quick mail retries.
    const env = { JOB_LOCK_MS: '1500', MAIL_RETRY_BASE_MS: '200' };
    const first = await t.spawnWorker(env);
    await t.ok(MOVE, { id: s.id, p: { startsAt: at(8, 11), endsAt: at(8, 12) } }, await t.factory.admin());
    const mailed = async () =>
      (
        await t.db.query(
          `SELECT count(*)::int AS n FROM notification WHERE session_id = $1 AND mailed_at IS NOT NULL`,
          [s.id],
        )
      )[0].n as number;
    // Killed with mails in flight (received, unanswered) and each mail taken so far marked sent.
    const atKill = await eventually(
      async () => ({ taken: smtp.messages.length, mailed: await mailed(), inFlight: smtp.held.messages }),
      (x) => x.taken >= 20 && x.inFlight > 0 && x.mailed === x.taken,
      { what: 'mails taken and marked, and more in flight' },
    );
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    await eventually(
      () => smtp.held.connected,
      (n) => n === 0,
      { what: "the killed worker's connections closed" },
    );
    smtp.release(); // the stalled transactions end without their mails: their client is gone
    expect(smtp.messages).toHaveLength(atKill.taken);
    expect(atKill.taken).toBeLessThan(people);

    await t.spawnWorker(env);
    await eventually(
      () => smtp.messages.length,
      (n) => n >= people,
      { timeoutMs: 60_000, what: `${people} mails` },
    );
    // Done: every row mailed and no mail job left to run. Only then is "nothing more arrives" a fact.
    await eventually(
      async () => {
        const [{ left }] = await t.db.query(
          `SELECT count(*)::int AS left FROM notification WHERE session_id = $1 AND mailed_at IS NULL`,
          [s.id],
        );
        const jobs = await queue.getJobCounts('active', 'waiting', 'delayed', 'prioritized', 'waiting-children');
        return left + Object.values(jobs).reduce((a, b) => a + b, 0);
      },
      (n) => n === 0,
      { timeoutMs: 30_000, what: 'every row mailed and the mail queue empty' },
    );
    const recipients = smtp.messages.map((m) => [m.to].flat()[0]!.value[0].address);
    expect(new Set(recipients).size).toBe(people);
    expect(recipients).toHaveLength(people);
    expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(people);
  }, 120_000);
});
