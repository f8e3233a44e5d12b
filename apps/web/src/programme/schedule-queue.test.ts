import { describe, expect, it } from 'vitest';
import { memoryStorage, type QueuedChange, retryDelay, ScheduleQueue, type SendOutcome } from './schedule-queue';

const queue = () => new ScheduleQueue(memoryStorage());

describe('the offline schedule queue', () => {
  it('keeps changes oldest first, one per session', async () => {
    const q = queue();
    await q.enqueue({ sessionId: 'b', kind: 'remove', queuedAt: 2 });
    await q.enqueue({ sessionId: 'a', kind: 'add', queuedAt: 1 });
    await q.enqueue({ sessionId: 'a', kind: 'add', queuedAt: 3 });
    expect((await q.pending()).map((c) => [c.sessionId, c.kind, c.queuedAt])).toEqual([
      ['a', 'add', 1],
      ['b', 'remove', 2],
    ]);
  });

  it('an add and a remove of the same session cancel out', async () => {
    const q = queue();
    await q.enqueue({ sessionId: 'a', kind: 'remove', queuedAt: 1 });
    await q.enqueue({ sessionId: 'a', kind: 'add', queuedAt: 2 });
    expect(await q.pending()).toEqual([]);
  });

  it('sends everything in order once the network is back, and empties itself', async () => {
    const q = queue();
    await q.enqueue({ sessionId: 'a', kind: 'remove', queuedAt: 1 });
    await q.enqueue({ sessionId: 'b', kind: 'add', queuedAt: 2 });
    const seen: string[] = [];
    const report = await q.flush((c) => {
      seen.push(`${c.kind} ${c.sessionId}`);
      return Promise.resolve('sent');
    });
    expect(seen).toEqual(['remove a', 'add b']);
    expect(report).toMatchObject({ left: 0, refused: [] });
    expect(report.sent).toHaveLength(2);
    expect(await q.pending()).toEqual([]);
  });

  it('stops at a network failure and keeps the rest for the next attempt', async () => {
    const q = queue();
    await q.enqueue({ sessionId: 'a', kind: 'remove', queuedAt: 1 });
    await q.enqueue({ sessionId: 'b', kind: 'remove', queuedAt: 2 });
    await q.enqueue({ sessionId: 'c', kind: 'add', queuedAt: 3 });
    const outcomes: SendOutcome[] = ['sent', 'offline'];
    const report = await q.flush(() => Promise.resolve(outcomes.shift() ?? 'sent'));
    expect(report.sent.map((c) => c.sessionId)).toEqual(['a']);
    expect(report.left).toBe(2);
    expect((await q.pending()).map((c) => c.sessionId)).toEqual(['b', 'c']);
    // A thrown error counts as a network failure too.
    const again = await q.flush(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(again.left).toBe(2);
    const last = await q.flush(() => Promise.resolve('sent'));
    expect(last.sent.map((c) => c.sessionId)).toEqual(['b', 'c']);
    expect(await q.pending()).toEqual([]);
  });

  it('drops and reports a change the server refuses', async () => {
    const q = queue();
    await q.enqueue({ sessionId: 'gone', kind: 'add', queuedAt: 1, title: 'Cancelled talk' });
    await q.enqueue({ sessionId: 'b', kind: 'add', queuedAt: 2 });
    const report = await q.flush((c) => Promise.resolve(c.sessionId === 'gone' ? 'refused' : 'sent'));
    expect(report.refused.map((c) => c.title)).toEqual(['Cancelled talk']);
    expect(report.sent.map((c) => c.sessionId)).toEqual(['b']);
    expect(await q.pending()).toEqual([]);
  });

  it('runs one flush at a time, and keeps a change made while it runs', async () => {
    const q = queue();
    await q.enqueue({ sessionId: 'a', kind: 'remove', queuedAt: 1 });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const sent: QueuedChange[] = [];
    const send = async (c: QueuedChange): Promise<SendOutcome> => {
      await gate;
      sent.push(c);
      return 'sent';
    };
    const first = q.flush(send);
    const second = q.flush(send);
    expect(second).toBe(first);
    // While "remove a" is on its way the person adds it back: the newer wish must survive the flush.
    await q.enqueue({ sessionId: 'a', kind: 'add', queuedAt: 5 });
    await q.enqueue({ sessionId: 'z', kind: 'add', queuedAt: 6 });
    release();
    await first;
    expect(sent.map((c) => c.sessionId)).toEqual(['a']);
    expect((await q.pending()).map((c) => c.sessionId)).toEqual(['z']);
  });

  it('tells its listeners about every change', async () => {
    const q = queue();
    let calls = 0;
    const stop = q.subscribe(() => calls++);
    await q.enqueue({ sessionId: 'a', kind: 'add' });
    await q.flush(() => Promise.resolve('sent'));
    stop();
    await q.enqueue({ sessionId: 'b', kind: 'add' });
    expect(calls).toBe(2);
  });

  it('waits longer after each failed retry, up to a minute', () => {
    expect([1, 2, 3, 4, 10].map(retryDelay)).toEqual([2_000, 4_000, 8_000, 16_000, 60_000]);
  });
});
