import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseBadgeCode } from './badge-code';
import {
  canAnnul,
  type EngineOptions,
  NetworkError,
  type OfflineScanUpload,
  ScanEngine,
  type ScanTransport,
  type ServerScanResult,
} from './scan-engine';
import { type CheckpointInfo, openScannerStore, type ScannerStore } from './scanner-store';
import { signCode, testKey } from './test-codes';

const edition = { id: randomUUID(), name: 'HC 2026', timezone: 'Europe/Berlin' };
const key = testKey(edition.id);
const people = {
  ada: { badgeId: randomUUID(), attendeeId: randomUUID(), name: 'Ada Lovelace', accessLevel: 'FULL_CONFERENCE' },
  bob: { badgeId: randomUUID(), attendeeId: randomUUID(), name: 'Bob Expo', accessLevel: 'EXPO_ONLY' },
  rev: { badgeId: randomUUID(), attendeeId: randomUUID(), name: 'Rita Revoked', accessLevel: 'FULL_CONFERENCE' },
  re2: { badgeId: randomUUID(), attendeeId: randomUUID(), name: 'Reissued Ron', accessLevel: 'FULL_CONFERENCE' },
};
const entrance: CheckpointInfo = {
  id: randomUUID(),
  name: 'Main entrance',
  kind: 'ENTRANCE',
  allowed: ['FULL_CONFERENCE', 'SPEAKER'],
  exitScanning: false,
  opensAt: null,
  closesAt: null,
};
const room: CheckpointInfo = {
  ...entrance,
  id: randomUUID(),
  name: 'Room A',
  kind: 'SESSION_ROOM',
  exitScanning: true,
};

async function seededStore(): Promise<ScannerStore> {
  const store = openScannerStore(`engine-${randomUUID()}`);
  await store.putKeys(edition.id, [key.key]);
  await store.putRoster([
    { ...people.ada, version: 1, revoked: false, editionId: edition.id },
    { ...people.bob, version: 1, revoked: false, editionId: edition.id },
    { ...people.rev, version: 1, revoked: true, editionId: edition.id },
    { ...people.re2, version: 2, revoked: false, editionId: edition.id },
  ]);
  return store;
}

/** A server that admits each attendee once per checkpoint, dedups on clientScanId, and can be cut off. */
class FakeServer implements ScanTransport {
  mode: 'up' | 'down' | 'hang' | 'refuse' | 'lose-answer' = 'up';
  readonly byClientId = new Map<string, ServerScanResult>();
  readonly admitted = new Map<string, string>();
  readonly uploads: { checkpointId: string; scans: OfflineScanUpload[]; deviceId: string; queued: number }[] = [];
  private n = 0;

  private judge(checkpointId: string, code: string, clientScanId: string, at: string, offline?: string) {
    const seen = this.byClientId.get(clientScanId);
    if (seen) return seen;
    const parsed = parseBadgeCode(code);
    const person = Object.values(people).find((p) => p.badgeId === parsed?.badgeId);
    const attendee = person && {
      id: person.attendeeId,
      firstName: person.name.split(' ')[0],
      lastName: person.name.split(' ')[1],
      accessLevel: person.accessLevel,
    };
    const k = `${checkpointId}:${person?.attendeeId}`;
    const outcome = !person ? 'REJECTED' : this.admitted.has(k) ? 'DUPLICATE' : 'ADMITTED';
    if (outcome === 'ADMITTED') this.admitted.set(k, at);
    const result: ServerScanResult = {
      outcome,
      rejectReason: person ? null : 'INVALID_CODE',
      firstAdmittedAt: outcome === 'DUPLICATE' ? this.admitted.get(k) : null,
      attendee,
      scan: {
        id: `scan-${++this.n}`,
        scannedAt: at,
        conflict: offline === 'ADMITTED' && outcome !== 'ADMITTED',
        annulledAt: null,
      },
    };
    this.byClientId.set(clientScanId, result);
    return result;
  }

  scan(input: { checkpointId: string; code: string; clientScanId: string }, signal: AbortSignal) {
    if (this.mode === 'down') return Promise.reject(new NetworkError());
    if (this.mode === 'refuse') return Promise.reject(new Error('Forbidden: not staff of this edition'));
    if (this.mode === 'hang')
      return new Promise<ServerScanResult>((_, reject) =>
        signal.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    return Promise.resolve(this.judge(input.checkpointId, input.code, input.clientScanId, new Date().toISOString()));
  }

  sync(checkpointId: string, scans: OfflineScanUpload[], deviceId: string, queued: number) {
    if (this.mode === 'down' || this.mode === 'hang') return Promise.reject(new NetworkError());
    this.uploads.push({ checkpointId, scans, deviceId, queued });
    const results = scans.map((s) => this.judge(checkpointId, s.code, s.clientScanId, s.scannedAt, s.offlineOutcome));
    // The server took the upload but its answer was lost on the way back.
    if (this.mode === 'lose-answer') return Promise.reject(new NetworkError());
    return Promise.resolve(results);
  }

  annul(scanId: string) {
    for (const r of this.byClientId.values()) if (r.scan.id === scanId) r.scan.annulledAt = new Date().toISOString();
    return Promise.resolve({ annulledAt: new Date().toISOString() });
  }
}

function engineWith(store: ScannerStore, server: FakeServer, clock: { t: number }, extra: Partial<EngineOptions> = {}) {
  const engine = new ScanEngine({
    store,
    transport: server,
    deviceId: 'device-1',
    edition,
    timeoutMs: 50,
    online: true,
    now: () => new Date(clock.t),
    ...extra,
  });
  engine.setCheckpoint(entrance);
  return engine;
}

const code = (p: { badgeId: string }, version = 1) => signCode(key, p.badgeId, version);

describe('ScanEngine', () => {
  it('online: the server judges; the log keeps its scan id', async () => {
    const store = await seededStore();
    const server = new FakeServer();
    const engine = engineWith(store, server, { t: Date.now() });
    const r = await engine.check(code(people.ada));
    expect(r).toMatchObject({
      kind: 'verdict',
      verdict: { outcome: 'ADMITTED', offline: false, name: 'Ada Lovelace' },
    });
    expect(engine.getState()).toMatchObject({ online: true, queued: 0 });
    const [logged] = await engine.recent();
    expect(logged).toMatchObject({ outcome: 'ADMITTED', scanId: 'scan-1', pending: false });
  });

  it('a network failure switches to offline by itself and judges on the device; the same code within 2 s is ignored', async () => {
    const store = await seededStore();
    const server = new FakeServer();
    server.mode = 'down';
    const clock = { t: Date.parse('2026-11-30T09:00:00Z') };
    const engine = engineWith(store, server, clock);
    const first = await engine.check(code(people.ada));
    expect(first).toMatchObject({
      kind: 'verdict',
      verdict: { outcome: 'ADMITTED', offline: true, name: 'Ada Lovelace', accessLevel: 'FULL_CONFERENCE' },
    });
    expect(engine.getState()).toMatchObject({ online: false, queued: 1 });
    clock.t += 1_000;
    expect(await engine.check(code(people.ada))).toEqual({ kind: 'ignored' });
    // Typed or sent by a handheld: judged even at once.
    expect(await engine.check(code(people.ada), 'keyboard')).toMatchObject({
      verdict: { outcome: 'DUPLICATE', offline: true },
    });
    clock.t += 2_500;
    expect(await engine.check(code(people.ada))).toMatchObject({
      verdict: { outcome: 'DUPLICATE', offline: true, firstAdmittedAt: '2026-11-30T09:00:00.000Z' },
    });
    expect(engine.getState().queued).toBe(3);
  });

  it('a request that takes longer than the time limit is judged offline', async () => {
    const store = await seededStore();
    const server = new FakeServer();
    server.mode = 'hang';
    const engine = engineWith(store, server, { t: Date.now() });
    const started = Date.now();
    const r = await engine.check(code(people.ada));
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(r).toMatchObject({ verdict: { outcome: 'ADMITTED', offline: true } });
    expect(engine.getState().online).toBe(false);
  });

  it('offline: forged, unknown, revoked, older version, not allowed and closed are rejected', async () => {
    const store = await seededStore();
    const server = new FakeServer();
    server.mode = 'down';
    const clock = { t: Date.parse('2026-11-30T09:00:00Z') };
    const engine = engineWith(store, server, clock);
    const reason = async (c: string) => {
      clock.t += 3_000;
      const r = await engine.check(c);
      return r.kind === 'verdict' ? [r.verdict.outcome, r.verdict.rejectReason, r.verdict.offline] : r.kind;
    };
    const forger = testKey(edition.id);
    forger.key.kid = key.key.kid;
    expect(await reason(signCode(forger, people.ada.badgeId))).toEqual(['REJECTED', 'INVALID_CODE', true]);
    expect(await reason('not a badge')).toEqual(['REJECTED', 'INVALID_CODE', true]);
    expect(await reason(signCode(key, randomUUID()))).toEqual(['REJECTED', 'UNKNOWN_BADGE', true]);
    expect(await reason(code(people.rev))).toEqual(['REJECTED', 'REVOKED', true]);
    expect(await reason(code(people.re2, 1))).toEqual(['REJECTED', 'REVOKED', true]);
    expect(await reason(code(people.re2, 2))).toEqual(['ADMITTED', null, true]);
    expect(await reason(code(people.bob))).toEqual(['REJECTED', 'NOT_ALLOWED', true]);
    engine.setCheckpoint({ ...entrance, closesAt: '2026-11-30T08:00:00Z' });
    expect(await reason(code(people.ada))).toEqual(['REJECTED', 'CLOSED', true]);
    const other = testKey(randomUUID());
    await store.putKeys(other.key.editionId, [other.key]);
    engine.datasetChanged();
    expect(await reason(signCode(other))).toEqual(['REJECTED', 'WRONG_EDITION', true]);
    // Every one of them waits for the server (it keeps failed scans in its audit trail).
    expect(engine.getState().queued).toBe(9);
  });

  it('exit scans where the checkpoint counts both directions', async () => {
    const store = await seededStore();
    const server = new FakeServer();
    server.mode = 'down';
    const clock = { t: Date.parse('2026-11-30T09:00:00Z') };
    const engine = engineWith(store, server, clock);
    engine.setCheckpoint(room);
    const verdicts = [];
    for (let i = 0; i < 3; i++) {
      clock.t += 60_000;
      const r = await engine.check(code(people.ada));
      if (r.kind === 'verdict') verdicts.push([r.verdict.outcome, r.verdict.exit]);
    }
    expect(verdicts).toEqual([
      ['ADMITTED', false],
      ['ADMITTED', true],
      ['DUPLICATE', false],
    ]);
  });

  it('uploads the queue once the network is back: results replace offline verdicts, conflicts kept, retries never double count', async () => {
    const store = await seededStore();
    const server = new FakeServer();
    server.mode = 'down';
    const clock = { t: Date.now() - 60_000 };
    const engine = engineWith(store, server, clock);
    await engine.check(code(people.ada));
    clock.t += 5_000;
    await engine.check(signCode(testKey(edition.id)));
    // Meanwhile another door admitted Ada (online): this device's offline admission is a conflict.
    server.mode = 'up';
    await server.scan(
      { checkpointId: entrance.id, code: code(people.ada), clientScanId: 'other-door' },
      new AbortController().signal,
    );

    // The upload reaches the server but the answer is lost: the queue stays, nothing counted twice.
    server.mode = 'lose-answer';
    expect(await engine.syncQueue()).toBeNull();
    expect(engine.getState()).toMatchObject({ online: false, queued: 2 });
    server.mode = 'up';
    expect(await engine.syncQueue()).toEqual({ sent: 2, conflicts: 1 });
    expect(engine.getState()).toMatchObject({ online: true, queued: 0, syncing: false });
    expect(server.byClientId.size).toBe(3);
    expect(server.admitted.size).toBe(1);
    const upload = server.uploads.at(-1)!;
    expect(upload).toMatchObject({ checkpointId: entrance.id, deviceId: 'device-1', queued: 0 });
    expect(upload.scans[0]).toMatchObject({ offlineOutcome: 'ADMITTED' });
    expect(upload.scans[0].clientScanId).toBe(server.uploads[0].scans[0].clientScanId);

    const log = await engine.recent();
    expect(log.map((e) => [e.outcome, e.conflict, e.pending, e.offlineOutcome])).toEqual([
      ['REJECTED', false, false, 'REJECTED'],
      ['DUPLICATE', true, false, 'ADMITTED'],
    ]);
    // Syncing again sends nothing.
    expect(await engine.syncQueue()).toEqual({ sent: 0, conflicts: 0 });
  });

  it('the queue survives a reload (a new engine on the same database)', async () => {
    const name = `engine-${randomUUID()}`;
    const store = openScannerStore(name);
    await store.putKeys(edition.id, [key.key]);
    await store.putRoster([{ ...people.ada, version: 1, revoked: false, editionId: edition.id }]);
    const server = new FakeServer();
    server.mode = 'down';
    await engineWith(store, server, { t: Date.now() }).check(code(people.ada));
    const again = openScannerStore(name);
    expect(await again.queueLength()).toBe(1);
    const engine = engineWith(again, server, { t: Date.now() }, { online: false });
    engine.start();
    server.mode = 'up';
    engine.noteReachable();
    await new Promise((r) => setTimeout(r, 50));
    await engine.syncQueue();
    engine.stop();
    expect(await again.queueLength()).toBe(0);
    expect(server.admitted.size).toBe(1);
  });

  it('offline without the edition keys: not judged (never a false "not a badge"), nothing queued', async () => {
    const store = openScannerStore(`engine-${randomUUID()}`);
    const server = new FakeServer();
    server.mode = 'down';
    const engine = engineWith(store, server, { t: Date.now() });
    expect(await engine.check(code(people.ada))).toMatchObject({ kind: 'error', message: /no badge data/ });
    expect(engine.getState()).toMatchObject({ online: false, queued: 0 });
  });

  it('an API refusal (not a network failure) is an error, not an offline verdict', async () => {
    const store = await seededStore();
    const server = new FakeServer();
    server.mode = 'refuse';
    const engine = engineWith(store, server, { t: Date.now() });
    expect(await engine.check(code(people.ada))).toEqual({
      kind: 'error',
      message: 'Forbidden: not staff of this edition',
    });
    expect(engine.getState()).toMatchObject({ online: true, queued: 0 });
  });

  it('annuls its own confirmed admissions within 15 minutes', async () => {
    const store = await seededStore();
    const server = new FakeServer();
    const clock = { t: Date.now() };
    const engine = engineWith(store, server, clock);
    const r = await engine.check(code(people.ada));
    const id = r.kind === 'verdict' ? r.verdict.clientScanId : '';
    const [entry] = await engine.recent();
    expect(canAnnul(entry)).toBe(true);
    expect(canAnnul(entry, Date.now() + 16 * 60_000)).toBe(false);
    const annulled = await engine.annul(id);
    expect(annulled.annulledAt).toBeTruthy();
    expect(canAnnul(annulled)).toBe(false);
    clock.t += 16 * 60_000;
    await expect(engine.annul(id)).rejects.toThrow('15 minutes');
  });
});
