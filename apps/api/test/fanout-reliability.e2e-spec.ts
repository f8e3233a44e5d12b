import { INestApplication } from '@nestjs/common';
import { QUEUES } from '@app/core';
import { eventually, MailCatcher } from '@app/testing';
import { Queue } from 'bullmq';
import request from 'supertest';
import { TestApp } from './test-app';

const MOVE = `mutation($id: ID!, $p: SessionPatch!) { updateSession(id: $id, patch: $p) { id startsAt } }`;
const at = (day: number, hour: number) => new Date(Date.UTC(2027, 2, day, hour + 6)).toISOString();

describe('notification fan-out reliability (real worker, real Redis)', () => {
  let t: TestApp;
  let editionId: string;

  let queues: Queue[];

  beforeAll(async () => {
    t = await TestApp.create();
    editionId = (await t.factory.edition()).id;
    queues = [QUEUES.notifications, QUEUES.mail].map(
      (name) => new Queue(name, { connection: { host: '127.0.0.1', port: 6379 }, prefix: t.config.redisPrefix }),
    );
  });
  afterAll(async () => {
    await Promise.all(queues.map((q) => q.close()));
    await t.close();
  });

  /** The acknowledgement that nothing more will arrive: every outbox row relayed, and no fan-out or mail job waiting, delayed or running. */
  const settled = () =>
    eventually(
      async () => {
        const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM outbox_message WHERE published_at IS NULL`);
        const counts = await Promise.all(
          queues.map((q) => q.getJobCounts('active', 'waiting', 'delayed', 'prioritized')),
        );
        return n + counts.flatMap((c) => Object.values(c)).reduce((a, b) => a + b, 0);
      },
      (left) => left === 0,
      { timeoutMs: 30_000, what: 'the outbox relayed and the queues idle' },
    );

  /** n attendees with the session in their schedule (written directly: the subject here is the fan-out). */
  async function audience(sessionId: string, n: number, mail = false): Promise<void> {
    await t.db.query(
      `WITH a AS (
         INSERT INTO attendee (edition_id, email, first_name, last_name, access_level, email_updates)
         SELECT $1, 'fan-' || $2::text || '-' || i || '@test.example', 'Fan', 'No ' || i, 'FULL_CONFERENCE', $4 FROM generate_series(1, $3) i RETURNING id)
       INSERT INTO schedule_entry (attendee_id, session_id, status) SELECT id, $2::uuid, 'BOOKMARKED' FROM a`,
      [editionId, sessionId, n, mail],
    );
  }
  const notified = async (sessionId: string) =>
    (
      await t.db.query(
        `SELECT count(*)::int AS n, count(DISTINCT recipient_email)::int AS people FROM notification WHERE session_id = $1`,
        [sessionId],
      )
    )[0] as { n: number; people: number };

  it('saves a move while Redis is unreachable, and notifies every attendee exactly once when it is back', async () => {
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined); // ioredis reports each refused connection
    const s = await t.factory.session(editionId, { startsAt: at(8, 9), endsAt: at(8, 10) });
    await audience(s.id, 30);
    // An API instance and a worker that cannot reach Redis.
    const cutOff: INestApplication = await t.secondInstance({ redisUrl: 'redis://127.0.0.1:6399' });
    const down = await t.startWorker({ redisUrl: 'redis://127.0.0.1:6399' });
    const res = await request(cutOff.getHttpServer())
      .post('/graphql')
      .set('Authorization', `Bearer ${await t.factory.admin()}`)
      .send({ query: MOVE, variables: { id: s.id, p: { startsAt: at(8, 11), endsAt: at(8, 12) } } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.updateSession.startsAt).toBe(at(8, 11));
    await new Promise((r) => setTimeout(r, 1500));
    expect((await notified(s.id)).n).toBe(0);
    const [{ waiting }] = await t.db.query(
      `SELECT count(*)::int AS waiting FROM outbox_message WHERE published_at IS NULL`,
    );
    expect(waiting).toBe(1);
    await t.stopWorker(down);
    quiet.mockRestore();

    const up = await t.startWorker();
    expect(
      await eventually(
        () => notified(s.id),
        (c) => c.n >= 30,
      ),
    ).toEqual({ n: 30, people: 30 });
    await settled();
    expect(await notified(s.id)).toEqual({ n: 30, people: 30 });
    await t.stopWorker(up);
  });

  it('finishes a 5,000-recipient fan-out after the worker process is killed halfway, one notification each', async () => {
    const s = await t.factory.session(editionId, { startsAt: at(9, 9), endsAt: at(9, 10) });
    await audience(s.id, 5000);
    // Small chunks so the kill lands mid-way; a short lock so the job is taken over quickly.
    const env = { FANOUT_CHUNK_SIZE: '100', JOB_LOCK_MS: '2000' };
    const first = await t.spawnWorker(env);
    await t.ok(MOVE, { id: s.id, p: { startsAt: at(9, 13), endsAt: at(9, 14) } }, await t.factory.admin());
    await eventually(
      () => notified(s.id),
      (c) => c.n > 0,
      20_000,
    );
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const atKill = await notified(s.id);
    expect(atKill.n).toBeGreaterThan(0);
    expect(atKill.n).toBeLessThan(5000);

    const second = await t.spawnWorker(env);
    expect(
      await eventually(
        () => notified(s.id),
        (c) => c.n >= 5000,
        45_000,
      ),
    ).toEqual({ n: 5000, people: 5000 });
    await settled();
    expect(await notified(s.id)).toEqual({ n: 5000, people: 5000 });
    // SIGTERM: the worker closes its queues (waiting for jobs in flight), then exits by the same signal.
    second.kill('SIGTERM');
    expect(await new Promise((r) => second.once('exit', (code, signal) => r(code ?? signal)))).toMatch(/^(0|SIGTERM)$/);
  });

  it('finishes the fan-out in flight before the worker exits on SIGTERM', async () => {
    const s = await t.factory.session(editionId, { startsAt: at(11, 9), endsAt: at(11, 10) });
    await audience(s.id, 4000);
    const worker = await t.spawnWorker({ FANOUT_CHUNK_SIZE: '40' });
    await t.ok(MOVE, { id: s.id, p: { startsAt: at(11, 13), endsAt: at(11, 14) } }, await t.factory.admin());
    const atTerm = await eventually(
      () => notified(s.id),
      (c) => c.n > 0,
      20_000,
    );
    worker.kill('SIGTERM');
    expect(atTerm.n).toBeLessThan(4000); // the fan-out was in flight
    await new Promise((r) => worker.once('exit', r));
    // Nothing else ran the job: the worker finished it before exiting.
    expect(await notified(s.id)).toEqual({ n: 4000, people: 4000 });
  });

  it('retries mail an SMTP server refuses at first, and delivers it once', async () => {
    const smtp = await MailCatcher.start({ refuse: 2 });
    try {
      const worker = await t.startWorker({ smtpUrl: smtp.url, mailRetryBaseMs: 100 });
      const s = await t.factory.session(editionId, { title: 'Flaky mail', startsAt: at(10, 9), endsAt: at(10, 10) });
      const me = await t.factory.attendee(editionId);
      await t.ok(`mutation($s: ID!) { addToSchedule(sessionId: $s) { id } }`, { s: s.id }, me.token);
      await t.ok(MOVE, { id: s.id, p: { startsAt: at(10, 13), endsAt: at(10, 14) } }, await t.factory.admin());
      await eventually(
        () => smtp.to(me.email).length,
        (n) => n === 1,
        20_000,
      );
      expect(smtp.refused).toBe(2);
      await settled();
      expect(smtp.to(me.email)).toHaveLength(1);
      const [row] = await t.db.query(
        `SELECT mailed_at IS NOT NULL AS mailed FROM notification WHERE recipient_email = $1`,
        [me.email],
      );
      expect(row.mailed).toBe(true);
      await t.stopWorker(worker);
    } finally {
      await smtp.close();
    }
  });
});
