import { Logger } from '@nestjs/common';
import { outboxJobId, QUEUES } from '@app/core';
import { eventually } from '@app/testing';
import { Queue } from 'bullmq';
import { TestApp } from './test-app';

const at = (day: number, hour: number) => new Date(Date.UTC(2027, 2, day, hour + 6)).toISOString();
const MOVE = `mutation($id: ID!, $p: SessionPatch!) { updateSession(id: $id, patch: $p) { id } }`;

describe('outbox relay', () => {
  let t: TestApp;
  let admin: string;
  let editionId: string;
  let queue: Queue;

  beforeAll(async () => {
    t = await TestApp.create();
    admin = await t.factory.admin();
    editionId = (await t.factory.edition()).id;
    queue = new Queue(QUEUES.notifications, {
      connection: { host: '127.0.0.1', port: 6379 },
      prefix: t.config.redisPrefix,
    });
  });
  afterAll(async () => {
    await queue.close();
    await t.close();
  });

  const unpublished = async () =>
    (await t.db.query(`SELECT count(*)::int AS n FROM outbox_message WHERE published_at IS NULL`))[0].n as number;

  it('keeps changes while Redis is unreachable and queues each exactly once when it is back', async () => {
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined); // BullMQ reports each refused connection
    const down = await t.startWorker({ redisUrl: 'redis://127.0.0.1:6399' });
    const session = await t.factory.session(editionId, { startsAt: at(8, 9), endsAt: at(8, 10) });
    await t.ok(MOVE, { id: session.id, p: { startsAt: at(8, 11), endsAt: at(8, 12) } }, admin);
    await t.ok(MOVE, { id: session.id, p: { startsAt: at(8, 13), endsAt: at(8, 14) } }, admin);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await unpublished()).toBe(2);
    expect(await queue.getJobCounts()).toMatchObject({ waiting: 0 });
    await t.stopWorker(down);
    quiet.mockRestore();

    await t.startWorker();
    expect(await eventually(unpublished, (n) => n === 0)).toBe(0);
    const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
    const rows = await t.db.query(
      `SELECT id, (extract(epoch FROM created_at) * 1000000)::bigint AS us FROM outbox_message ORDER BY id`,
    );
    expect(jobs.map((j) => j.id).sort()).toEqual(
      rows.map((r: { id: string; us: string }) => outboxJobId(r.id, r.us)).sort(),
    );
    expect(jobs[0].name).toBe('schedule.fanout');
    expect(jobs[0].data).toMatchObject({ sessionId: session.id, editionId });
  });

  it('relays a change within moments of its commit (NOTIFY), not at the next poll', async () => {
    const session = await t.factory.session(editionId, { startsAt: at(9, 9), endsAt: at(9, 10) });
    const all = async () => (await queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed'])).length;
    const before = await all();
    const started = Date.now();
    await t.ok(MOVE, { id: session.id, p: { startsAt: at(9, 11), endsAt: at(9, 12) } }, admin);
    await eventually(all, (n) => n === before + 1, 5000);
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('leaves a message with an unknown topic unpublished, says so, and relays the ones behind it', async () => {
    const errors = jest.spyOn(Logger.prototype, 'error');
    try {
      // More unroutable messages than one batch, all ahead of a real change.
      await t.db.query(
        `INSERT INTO outbox_message (topic, payload) SELECT 'no.such.topic', jsonb_build_object('n', g) FROM generate_series(1, 600) g`,
      );
      const session = await t.factory.session(editionId, { startsAt: at(10, 9), endsAt: at(10, 10) });
      await t.startWorker(); // a worker that starts now reports them at once
      await t.ok(MOVE, { id: session.id, p: { startsAt: at(10, 11), endsAt: at(10, 12) } }, admin);
      const relayed = await eventually(
        async () =>
          (await queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed'])).filter(
            (j) => j.data?.sessionId === session.id,
          ),
        (jobs) => jobs.length === 1,
        { what: 'the change behind the unroutable messages queued' },
      );
      expect(relayed[0].name).toBe('schedule.fanout');
      // The relay queues a job, then marks its row published: wait for the mark, not just the job.
      const counts = await eventually(
        async () =>
          (
            await t.db.query(
              `SELECT count(*) FILTER (WHERE topic = 'no.such.topic' AND published_at IS NULL)::int AS stuck, count(*) FILTER (WHERE topic <> 'no.such.topic' AND published_at IS NULL)::int AS others FROM outbox_message`,
            )
          )[0],
        (c: { others: number }) => c.others === 0,
        { what: 'every routable message marked published' },
      );
      expect(counts).toEqual({ stuck: 600, others: 0 });
      await eventually(
        () => errors.mock.calls.map((c) => String(c[0])),
        (lines) => lines.some((l) => /^600 outbox message\(s\) with unknown topic "no\.such\.topic"/.test(l)),
      );
    } finally {
      errors.mockRestore();
    }
  });
});
