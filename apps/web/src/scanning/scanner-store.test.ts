import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type LogEntry, openScannerStore } from './scanner-store';

const entry = (
  clientScanId: string,
  checkpointId: string,
  scannedAt: string,
  patch: Partial<LogEntry> = {},
): LogEntry => ({
  clientScanId,
  checkpointId,
  editionId: 'e',
  code: 'c',
  scannedAt,
  day: scannedAt.slice(0, 10),
  outcome: 'ADMITTED',
  rejectReason: null,
  exit: false,
  badgeId: null,
  attendeeId: null,
  name: null,
  accessLevel: null,
  firstAdmittedAt: null,
  offlineOutcome: null,
  pending: false,
  conflict: false,
  scanId: null,
  annulledAt: null,
  ...patch,
});

describe('ScannerStore', () => {
  it('makes the device id once and keeps it (also across a reopen)', async () => {
    const name = `store-${randomUUID()}`;
    const id = await openScannerStore(name).deviceId();
    expect(id).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(await openScannerStore(name).deviceId()).toBe(id);
  });

  it('keeps the checkpoint list, the chosen checkpoint and the edition for opening offline', async () => {
    const store = openScannerStore(`store-${randomUUID()}`);
    const cp = {
      id: 'c1',
      name: 'Main',
      kind: 'ENTRANCE' as const,
      allowed: ['FULL_CONFERENCE'],
      exitScanning: false,
      opensAt: null,
      closesAt: null,
    };
    await store.putCheckpoints('e1', [cp]);
    await store.setChosenCheckpoint('e1', 'c1');
    await store.setLastEdition({ id: 'e1', name: 'HC', timezone: 'UTC' });
    expect(await store.checkpoints('e1')).toEqual([cp]);
    expect(await store.checkpoints('e2')).toBeUndefined();
    expect(await store.chosenCheckpoint('e1')).toBe('c1');
    expect(await store.lastEdition()).toEqual({ id: 'e1', name: 'HC', timezone: 'UTC' });
  });

  it('queues oldest first; settling removes from the queue and replaces the log entry', async () => {
    const store = openScannerStore(`store-${randomUUID()}`);
    const q = (id: string, at: string) => ({
      clientScanId: id,
      checkpointId: 'c1',
      editionId: 'e',
      code: 'c',
      scannedAt: at,
      offlineOutcome: 'ADMITTED' as const,
    });
    await store.enqueue(q('b', '2026-11-30T10:00:02Z'), entry('b', 'c1', '2026-11-30T10:00:02Z', { pending: true }));
    await store.enqueue(q('a', '2026-11-30T10:00:01Z'), entry('a', 'c1', '2026-11-30T10:00:01Z', { pending: true }));
    expect((await store.queued()).map((s) => s.clientScanId)).toEqual(['a', 'b']);
    await store.settle([
      entry('a', 'c1', '2026-11-30T10:00:01Z', { outcome: 'DUPLICATE', conflict: true, scanId: 's1' }),
    ]);
    expect(await store.queueLength()).toBe(1);
    expect(await store.logEntry('a')).toMatchObject({ outcome: 'DUPLICATE', conflict: true, pending: false });
  });

  it('lists a checkpoint recent scans newest first, and an attendee log per checkpoint', async () => {
    const store = openScannerStore(`store-${randomUUID()}`);
    await store.putLog(entry('1', 'c1', '2026-11-30T10:00:01Z', { attendeeId: 'p' }));
    await store.putLog(entry('2', 'c2', '2026-11-30T10:00:02Z', { attendeeId: 'p' }));
    await store.putLog(entry('3', 'c1', '2026-11-30T10:00:03Z'));
    expect((await store.recent('c1')).map((e) => e.clientScanId)).toEqual(['3', '1']);
    expect((await store.attendeeLog('c1', 'p')).map((e) => e.clientScanId)).toEqual(['1']);
  });
});
