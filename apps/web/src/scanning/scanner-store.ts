import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { RejectReason, VerificationKey } from './badge-code';

/**
 * The scanner's own IndexedDB database (one for the scanner, apart from the app's offline copy): the
 * edition's dataset (keys, roster by badge id, the delta-sync bookmark), the queue of scans judged
 * on the device and waiting for syncScans, this device's log of verdicts, the checkpoints last
 * listed, and the device id. Everything survives a reload and a browser restart.
 */

export type ScanOutcome = 'ADMITTED' | 'DUPLICATE' | 'REJECTED';

/** A badge version of the roster (RosterEntry), with its edition. */
export interface RosterRecord {
  badgeId: string;
  editionId: string;
  version: number;
  attendeeId: string;
  name: string;
  accessLevel: string | null;
  revoked: boolean;
}

/** A checkpoint as the scanner needs it (kept so the scanner opens offline). */
export interface CheckpointInfo {
  id: string;
  name: string;
  kind: 'ENTRANCE' | 'SESSION_ROOM';
  allowed: string[];
  exitScanning: boolean;
  opensAt: string | null;
  closesAt: string | null;
}

/** The edition the scanner last worked for (name and timezone for its local day, offline). */
export interface ScannerEdition {
  id: string;
  name: string;
  timezone: string;
}

/** A scan judged on the device, waiting to be uploaded through syncScans. */
export interface QueuedScan {
  clientScanId: string;
  checkpointId: string;
  editionId: string;
  code: string;
  scannedAt: string;
  offlineOutcome: ScanOutcome;
}

/** One scan of this device, as last judged: on the device first when offline, replaced by the server's result. */
export interface LogEntry {
  clientScanId: string;
  checkpointId: string;
  editionId: string;
  code: string;
  scannedAt: string;
  /** The edition's local day of scannedAt (YYYY-MM-DD): "already admitted" counts per day, as the server does. */
  day: string;
  outcome: ScanOutcome;
  rejectReason: RejectReason | null;
  /** An exit scan (a session room counting both directions): ADMITTED, reason EXIT. */
  exit: boolean;
  badgeId: string | null;
  attendeeId: string | null;
  name: string | null;
  accessLevel: string | null;
  /** DUPLICATE: when the badge was first admitted here that day. */
  firstAdmittedAt: string | null;
  /** What the device showed offline (null: judged by the server at once). */
  offlineOutcome: ScanOutcome | null;
  /** Still waiting in the queue: the outcome is the device's. */
  pending: boolean;
  /** Admitted offline, judged DUPLICATE or REJECTED by the server. */
  conflict: boolean;
  /** The server's scan id once it has the scan (for annulScan). */
  scanId: string | null;
  annulledAt: string | null;
}

interface ScannerDB extends DBSchema {
  meta: { key: string; value: unknown };
  keys: { key: string; value: VerificationKey; indexes: { edition: string } };
  roster: { key: string; value: RosterRecord };
  queue: { key: string; value: QueuedScan; indexes: { scannedAt: string } };
  log: { key: string; value: LogEntry; indexes: { scannedAt: string; attendee: [string, string] } };
}

/** How much of the log the device keeps (the newest). */
export const LOG_LIMIT = 2_000;

export class ScannerStore {
  constructor(private readonly db: Promise<IDBPDatabase<ScannerDB>>) {}

  /** This device's id: random, made once, kept. */
  async deviceId(): Promise<string> {
    const db = await this.db;
    const tx = db.transaction('meta', 'readwrite');
    let id = (await tx.store.get('deviceId')) as string | undefined;
    if (!id) {
      id = randomId();
      await tx.store.put(id, 'deviceId');
    }
    await tx.done;
    return id;
  }

  private async meta<T>(key: string): Promise<T | undefined> {
    return (await (await this.db).get('meta', key)) as T | undefined;
  }

  private async setMeta(key: string, value: unknown): Promise<void> {
    await (await this.db).put('meta', value, key);
  }

  // The dataset

  /** Where the next delta sync of the edition starts (undefined: never synced, a full sync). */
  bookmark(editionId: string): Promise<string | undefined> {
    return this.meta(`bookmark:${editionId}`);
  }

  /** When the dataset was last brought up to date (ms since the epoch). */
  syncedAt(editionId: string): Promise<number | undefined> {
    return this.meta(`syncedAt:${editionId}`);
  }

  async setBookmark(editionId: string, bookmark: string, at = Date.now()): Promise<void> {
    const db = await this.db;
    const tx = db.transaction('meta', 'readwrite');
    await Promise.all([tx.store.put(bookmark, `bookmark:${editionId}`), tx.store.put(at, `syncedAt:${editionId}`)]);
    await tx.done;
  }

  /** Replaces the edition's keys (every page of the dataset lists them all). */
  async putKeys(editionId: string, keys: Omit<VerificationKey, 'editionId'>[]): Promise<void> {
    const db = await this.db;
    const tx = db.transaction('keys', 'readwrite');
    const old = await tx.store.index('edition').getAllKeys(editionId);
    const keep = new Set(keys.map((k) => k.kid));
    await Promise.all([
      ...old.filter((kid) => !keep.has(kid)).map((kid) => tx.store.delete(kid)),
      ...keys.map((k) => tx.store.put({ ...k, editionId })),
    ]);
    await tx.done;
  }

  /** Every key the device knows (of every edition it synced: a code of another edition is WRONG_EDITION). */
  async keys(): Promise<VerificationKey[]> {
    return (await this.db).getAll('keys');
  }

  async putRoster(entries: RosterRecord[]): Promise<void> {
    if (!entries.length) return;
    const db = await this.db;
    const tx = db.transaction('roster', 'readwrite');
    await Promise.all(entries.map((e) => tx.store.put(e)));
    await tx.done;
  }

  rosterEntry(badgeId: string): Promise<RosterRecord | undefined> {
    return this.db.then((db) => db.get('roster', badgeId));
  }

  async rosterSize(): Promise<number> {
    return (await this.db).count('roster');
  }

  // Checkpoints and the edition

  async putCheckpoints(editionId: string, checkpoints: CheckpointInfo[]): Promise<void> {
    await this.setMeta(`checkpoints:${editionId}`, checkpoints);
  }

  async checkpoints(editionId: string): Promise<CheckpointInfo[] | undefined> {
    return this.meta(`checkpoints:${editionId}`);
  }

  /** The checkpoint chosen on this device for the edition (remembered across reloads). */
  chosenCheckpoint(editionId: string): Promise<string | undefined> {
    return this.meta(`checkpoint:${editionId}`);
  }

  setChosenCheckpoint(editionId: string, checkpointId: string): Promise<void> {
    return this.setMeta(`checkpoint:${editionId}`, checkpointId);
  }

  lastEdition(): Promise<ScannerEdition | undefined> {
    return this.meta('edition');
  }

  setLastEdition(edition: ScannerEdition): Promise<void> {
    return this.setMeta('edition', edition);
  }

  // The queue

  /** Queues an offline scan and logs its verdict, in one transaction. */
  async enqueue(scan: QueuedScan, entry: LogEntry): Promise<void> {
    const db = await this.db;
    const tx = db.transaction(['queue', 'log'], 'readwrite');
    await Promise.all([tx.objectStore('queue').put(scan), tx.objectStore('log').put(entry)]);
    await tx.done;
  }

  /** The queue, oldest first. */
  async queued(): Promise<QueuedScan[]> {
    return (await this.db).getAllFromIndex('queue', 'scannedAt');
  }

  async queueLength(): Promise<number> {
    return (await this.db).count('queue');
  }

  /** The server's results: each replaces its offline verdict in the log and leaves the queue, in one transaction. */
  async settle(results: LogEntry[]): Promise<void> {
    if (!results.length) return;
    const db = await this.db;
    const tx = db.transaction(['queue', 'log'], 'readwrite');
    await Promise.all(
      results.flatMap((r) => [tx.objectStore('queue').delete(r.clientScanId), tx.objectStore('log').put(r)]),
    );
    await tx.done;
  }

  // The log

  async putLog(entry: LogEntry): Promise<void> {
    await (await this.db).put('log', entry);
    await this.trimLog();
  }

  logEntry(clientScanId: string): Promise<LogEntry | undefined> {
    return this.db.then((db) => db.get('log', clientScanId));
  }

  /** This device's scans of one attendee at one checkpoint (for "already admitted" and exits offline). */
  async attendeeLog(checkpointId: string, attendeeId: string): Promise<LogEntry[]> {
    return (await this.db).getAllFromIndex('log', 'attendee', [checkpointId, attendeeId]);
  }

  /** The newest entries at a checkpoint, newest first. */
  async recent(checkpointId: string, limit = 30): Promise<LogEntry[]> {
    const db = await this.db;
    const out: LogEntry[] = [];
    let cursor = await db.transaction('log').store.index('scannedAt').openCursor(null, 'prev');
    while (cursor && out.length < limit) {
      if (cursor.value.checkpointId === checkpointId) out.push(cursor.value);
      cursor = await cursor.continue();
    }
    return out;
  }

  /** Keeps the newest LOG_LIMIT entries, never one still queued. */
  private async trimLog(): Promise<void> {
    const db = await this.db;
    const count = await db.count('log');
    if (count <= LOG_LIMIT) return;
    const tx = db.transaction(['log', 'queue'], 'readwrite');
    let cursor = await tx.objectStore('log').index('scannedAt').openCursor();
    let extra = count - LOG_LIMIT;
    while (cursor && extra > 0) {
      if (!cursor.value.pending) {
        await cursor.delete();
        extra--;
      }
      cursor = await cursor.continue();
    }
    await tx.done;
  }
}

function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** A new id for a scan (syncScans dedups on it). */
export const newClientScanId = randomId;

/** Opens (or creates) the scanner's database. `name` lets tests use their own. */
export function openScannerStore(name = 'conference-scanner'): ScannerStore {
  return new ScannerStore(
    openDB<ScannerDB>(name, 1, {
      upgrade(db) {
        db.createObjectStore('meta');
        db.createObjectStore('keys', { keyPath: 'kid' }).createIndex('edition', 'editionId');
        db.createObjectStore('roster', { keyPath: 'badgeId' });
        db.createObjectStore('queue', { keyPath: 'clientScanId' }).createIndex('scannedAt', 'scannedAt');
        const log = db.createObjectStore('log', { keyPath: 'clientScanId' });
        log.createIndex('scannedAt', 'scannedAt');
        log.createIndex('attendee', ['checkpointId', 'attendeeId']);
      },
    }),
  );
}

let shared: ScannerStore | undefined;

/** The page's store (one per tab). */
export function scannerStore(): ScannerStore {
  return (shared ??= openScannerStore());
}
