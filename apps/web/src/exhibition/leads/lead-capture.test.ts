import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LeadCapturer, type LeadTransport, Unreachable } from './lead-capture';
import { openLeadQueue } from './lead-queue';

interface FakeLead {
  id: string;
  code: string;
  notes?: string | null;
  rating?: number | null;
}

/** A server that keeps one lead per code and dedups uploads on clientScanId, reachable or not. */
function fakeServer() {
  const leads = new Map<string, FakeLead>();
  const seen = new Set<string>();
  const state = { reachable: true, slow: false, syncCalls: 0, uploads: 0 };
  const leadOf = (code: string) => {
    let lead = leads.get(code);
    if (!lead) leads.set(code, (lead = { id: `lead-${leads.size + 1}`, code }));
    return lead;
  };
  const transport: LeadTransport<FakeLead> = {
    async capture({ code }, signal) {
      if (!state.reachable) throw new Unreachable();
      if (code === 'bad') throw new Error('Not a badge');
      if (state.slow)
        await new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
      return leadOf(code);
    },
    async sync(_exhibitorId, scans) {
      await Promise.resolve();
      state.syncCalls++;
      if (!state.reachable) throw new Unreachable();
      return scans.map((s) => {
        if (!seen.has(s.clientScanId)) state.uploads++;
        seen.add(s.clientScanId);
        if (s.code === 'revoked') return { ok: false, reason: 'REVOKED', lead: null };
        const lead = leadOf(s.code);
        if (s.notes) lead.notes = s.notes;
        if (s.rating) lead.rating = s.rating;
        return { ok: true, lead };
      });
    },
    async update(id, details) {
      await Promise.resolve();
      const lead = [...leads.values()].find((l) => l.id === id)!;
      Object.assign(lead, { notes: details.notes, rating: details.rating });
      return lead;
    },
  };
  return { leads, state, transport };
}

const setup = (timeoutMs = 50) => {
  const server = fakeServer();
  const queue = openLeadQueue(`leads-${randomUUID()}`);
  const uploaded: string[] = [];
  let clock = 1_000_000;
  const capturer = new LeadCapturer({
    queue,
    transport: server.transport,
    exhibitorId: 'x1',
    timeoutMs,
    online: true,
    now: () => clock,
    onUploaded: (list) => uploaded.push(...list.map((u) => u.lead?.id ?? `refused:${u.reason}`)),
  });
  return { server, queue, capturer, uploaded, tick: (ms: number) => (clock += ms) };
};

describe('LeadCapturer', () => {
  it('captures online; a rescan answers the same lead; the camera seeing the badge still is ignored', async () => {
    const { capturer, tick } = setup();
    const first = await capturer.capture('A', 'camera');
    expect(first).toMatchObject({ kind: 'lead', lead: { id: 'lead-1' } });
    expect(await capturer.capture('A', 'camera')).toEqual({ kind: 'ignored' });
    tick(6_000);
    expect(await capturer.capture('A', 'camera')).toMatchObject({ kind: 'lead', lead: { id: 'lead-1' } });
    expect(await capturer.capture('A', 'keyboard')).toMatchObject({ kind: 'lead', lead: { id: 'lead-1' } });
    expect(await capturer.capture('bad')).toEqual({ kind: 'error', message: 'Not a badge' });
    expect(capturer.getState()).toMatchObject({ online: true, queued: 0 });
  });

  it('queues when the API cannot be reached or is too slow, and uploads each capture exactly once', async () => {
    const { capturer, server, queue, uploaded, tick } = setup();
    server.state.reachable = false;
    const a = await capturer.capture('A');
    tick(1_000);
    expect(a.kind).toBe('queued');
    expect(capturer.getState()).toMatchObject({ online: false, queued: 1 });
    // A rescan offline opens the waiting capture, not a second one.
    const again = await capturer.capture('A');
    expect(again.kind === 'queued' && a.kind === 'queued' && again.entry.clientScanId === a.entry.clientScanId).toBe(
      true,
    );
    server.state.reachable = true;
    server.state.slow = true;
    expect((await capturer.capture('B')).kind).toBe('queued');
    tick(1_000);
    server.state.slow = false;
    server.state.reachable = false;
    expect((await capturer.capture('revoked')).kind).toBe('queued');
    expect(capturer.getState().queued).toBe(3);
    // Notes written on the device go up with the capture.
    if (a.kind === 'queued')
      await capturer.saveQueued(a.entry.clientScanId, { notes: 'Wants a demo', rating: 4, tags: null });

    // Two syncs at once make one upload; a third finds nothing.
    server.state.reachable = true;
    await Promise.all([capturer.syncNow(), capturer.syncNow()]);
    await capturer.syncNow();
    expect(server.state.syncCalls).toBe(1);
    expect(server.state.uploads).toBe(3);
    expect(uploaded).toEqual(['lead-1', 'lead-2', 'refused:REVOKED']);
    expect(await queue.count('x1')).toBe(0);
    expect(capturer.getState()).toMatchObject({ online: true, queued: 0 });
    expect(server.leads.get('A')).toMatchObject({ notes: 'Wants a demo', rating: 4 });

    // An edit after the upload goes to updateLead.
    if (a.kind === 'queued') {
      const saved = await capturer.saveQueued(a.entry.clientScanId, { notes: 'Call back', rating: 5, tags: [] });
      expect(saved).toMatchObject({ kind: 'lead', lead: { id: 'lead-1', notes: 'Call back', rating: 5 } });
    }
  });

  it('keeps the queue when the upload fails, and it survives a new capturer (a reload)', async () => {
    const { capturer, server, queue } = setup();
    server.state.reachable = false;
    await capturer.capture('A');
    await capturer.syncNow();
    expect(capturer.getState()).toMatchObject({ online: false, queued: 1 });
    const reloaded = new LeadCapturer({ queue, transport: server.transport, exhibitorId: 'x1', online: false });
    server.state.reachable = true;
    await reloaded.syncNow();
    expect(server.state.uploads).toBe(1);
    expect(await queue.count('x1')).toBe(0);
  });
});
