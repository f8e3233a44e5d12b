import { type CodeVerdict, Keyring, type RejectReason, verifyBadgeCode } from './badge-code';
import {
  type CheckpointInfo,
  type LogEntry,
  newClientScanId,
  type QueuedScan,
  type RosterRecord,
  type ScannerEdition,
  type ScannerStore,
  type ScanOutcome,
} from './scanner-store';

/**
 * The scanner's judge: a code goes to the API (`scanBadge`, ~1.5 s at most); when the request fails
 * or times out the engine switches to offline by itself (state `online: false`) and judges on the
 * device: the signature (badge-code.ts), the roster and revocations, the checkpoint's access rule and
 * hours, and this device's earlier admissions (DUPLICATE, or an exit where the checkpoint counts
 * both directions). Offline scans queue in IndexedDB and go up through `syncScans` as soon as the
 * network is back (the `online` event, a retry every 15 s, `syncQueue()` for "Sync now"); the
 * server dedups on clientScanId, so a retried upload never counts twice. Each server result replaces
 * the offline verdict in the log; an offline admission the server judged otherwise is a conflict.
 */

/** What the API answers for one scan (ScanResult), as the engine needs it. */
export interface ServerScanResult {
  outcome: ScanOutcome;
  rejectReason?: RejectReason | null;
  /** EXIT for an exit scan. */
  reason?: string | null;
  firstAdmittedAt?: string | null;
  attendee?: { id: string; firstName: string; lastName: string; accessLevel: string } | null;
  scan: { id: string; scannedAt: string; conflict: boolean; annulledAt?: string | null };
}

export interface OfflineScanUpload {
  clientScanId: string;
  code: string;
  scannedAt: string;
  offlineOutcome: ScanOutcome;
}

/** How the engine reaches the API (scanner-api.ts with Apollo; a fake in tests). Throw NetworkError when the API cannot be reached. */
export interface ScanTransport {
  scan(
    input: { checkpointId: string; code: string; clientScanId: string; deviceId: string },
    signal: AbortSignal,
  ): Promise<ServerScanResult>;
  sync(checkpointId: string, scans: OfflineScanUpload[], deviceId: string, queued: number): Promise<ServerScanResult[]>;
  annul(scanId: string, deviceId: string): Promise<{ annulledAt: string | null }>;
}

/** The API could not be reached (no network, a refused connection, a gateway error, a timeout). */
export class NetworkError extends Error {
  constructor(message = 'The server could not be reached') {
    super(message);
    this.name = 'NetworkError';
  }
}

/** What the scanner shows for one scan. */
export interface Verdict {
  clientScanId: string;
  outcome: ScanOutcome;
  rejectReason: RejectReason | null;
  exit: boolean;
  /** Judged on the device. */
  offline: boolean;
  name: string | null;
  accessLevel: string | null;
  firstAdmittedAt: string | null;
  scannedAt: string;
}

export type CheckResult =
  | { kind: 'verdict'; verdict: Verdict }
  /** The same code again within ~2 s (the camera still sees the badge). */
  | { kind: 'ignored' }
  /** Not judged: no checkpoint, or the API refused the request itself (not a network failure). */
  | { kind: 'error'; message: string };

export interface EngineState {
  /** The API answered the last request (false: judging on the device). */
  online: boolean;
  /** Scans waiting to be uploaded. */
  queued: number;
  syncing: boolean;
  /** Why the last upload was refused by the API (not a network failure). */
  syncError: string | null;
  /** Bumped when the log changes (the page re-reads its recent scans). */
  logVersion: number;
}

export interface EngineOptions {
  store: ScannerStore;
  transport: ScanTransport;
  deviceId: string;
  edition: ScannerEdition;
  /** Checks that the API is reachable again when nothing is queued (the dataset sync). */
  probe?: () => Promise<boolean>;
  /** The online scan's time limit before judging on the device. */
  timeoutMs?: number;
  /** The same code within this time is ignored. */
  repeatMs?: number;
  /** Retry of the upload (or probe) while offline or while scans wait. */
  retryMs?: number;
  /** The starting state of the network (default navigator.onLine). */
  online?: boolean;
  now?: () => Date;
}

/** How long an admission may be annulled by its device. */
export const ANNUL_WINDOW_MS = 15 * 60_000;
/** Scans per syncScans request (the API takes up to 1,000). */
export const SYNC_BATCH = 500;

/** The edition's local day (YYYY-MM-DD) of an instant: "already admitted" counts per day. */
export function localDay(at: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  } catch {
    return at.toISOString().slice(0, 10);
  }
}

export interface OfflineJudgement {
  outcome: ScanOutcome;
  rejectReason: RejectReason | null;
  exit: boolean;
  firstAdmittedAt: string | null;
}

/**
 * The offline verdict, in the server's order (libs/scanning: BadgeVerifier, then the checkpoint's
 * rule, its hours, then admissions): the code's signature, the roster (unknown badge, a revoked or
 * older version), the access levels allowed here, the opening hours, and this device's admissions
 * of the attendee at this checkpoint that day (`earlier`).
 */
export function judgeOffline(input: {
  code: CodeVerdict;
  roster: RosterRecord | undefined;
  editionId: string;
  checkpoint: CheckpointInfo;
  scannedAt: Date;
  day: string;
  earlier: LogEntry[];
}): OfflineJudgement {
  const reject = (rejectReason: RejectReason): OfflineJudgement => ({
    outcome: 'REJECTED',
    rejectReason,
    exit: false,
    firstAdmittedAt: null,
  });
  const { code, roster, checkpoint } = input;
  if (!code.ok) return reject(code.reason);
  if (!roster || roster.editionId !== input.editionId) return reject('UNKNOWN_BADGE');
  // The roster holds the badge's newest version: an older code, or this version revoked, is refused.
  if (code.version < roster.version || (roster.revoked && code.version === roster.version)) return reject('REVOKED');
  if (!roster.accessLevel || !checkpoint.allowed.includes(roster.accessLevel)) return reject('NOT_ALLOWED');
  const at = input.scannedAt.getTime();
  if (
    (checkpoint.opensAt && at < Date.parse(checkpoint.opensAt)) ||
    (checkpoint.closesAt && at > Date.parse(checkpoint.closesAt))
  )
    return reject('CLOSED');
  const admissions = input.earlier
    .filter((e) => e.day === input.day && e.outcome === 'ADMITTED' && !e.annulledAt)
    .sort((a, b) => a.scannedAt.localeCompare(b.scannedAt));
  const entry = admissions.find((e) => !e.exit);
  if (!entry) return { outcome: 'ADMITTED', rejectReason: null, exit: false, firstAdmittedAt: null };
  if (checkpoint.kind === 'SESSION_ROOM' && checkpoint.exitScanning && !admissions.some((e) => e.exit))
    return { outcome: 'ADMITTED', rejectReason: null, exit: true, firstAdmittedAt: null };
  return { outcome: 'DUPLICATE', rejectReason: null, exit: false, firstAdmittedAt: entry.scannedAt };
}

/** The log entry for a server's result (its verdict replaces the device's). */
export function entryFromServer(
  base: Pick<LogEntry, 'clientScanId' | 'checkpointId' | 'editionId' | 'code' | 'day'> & {
    offlineOutcome: ScanOutcome | null;
    badgeId?: string | null;
  },
  r: ServerScanResult,
): LogEntry {
  const a = r.attendee;
  return {
    ...base,
    badgeId: base.badgeId ?? null,
    scannedAt: r.scan.scannedAt,
    outcome: r.outcome,
    rejectReason: r.outcome === 'REJECTED' ? (r.rejectReason ?? null) : null,
    exit: r.outcome === 'ADMITTED' && r.reason === 'EXIT',
    attendeeId: a?.id ?? null,
    name: a ? `${a.firstName} ${a.lastName}` : null,
    accessLevel: a?.accessLevel ?? null,
    firstAdmittedAt: r.firstAdmittedAt ?? null,
    pending: false,
    conflict: r.scan.conflict || (base.offlineOutcome === 'ADMITTED' && r.outcome !== 'ADMITTED'),
    scanId: r.scan.id,
    annulledAt: r.scan.annulledAt ?? null,
  };
}

export const verdictOf = (e: LogEntry, offline: boolean): Verdict => ({
  clientScanId: e.clientScanId,
  outcome: e.outcome,
  rejectReason: e.rejectReason,
  exit: e.exit,
  offline,
  name: e.name,
  accessLevel: e.accessLevel,
  firstAdmittedAt: e.firstAdmittedAt,
  scannedAt: e.scannedAt,
});

/** Whether this device may still annul the entry (a confirmed admission, not an exit, younger than 15 minutes). */
export function canAnnul(e: LogEntry, now = Date.now()): boolean {
  return (
    e.outcome === 'ADMITTED' &&
    !e.exit &&
    !e.annulledAt &&
    !!e.scanId &&
    now - Date.parse(e.scannedAt) < ANNUL_WINDOW_MS
  );
}

export interface SyncReport {
  sent: number;
  conflicts: number;
}

type Listener = () => void;

export class ScanEngine {
  private state: EngineState;
  private readonly listeners = new Set<Listener>();
  private checkpoint: CheckpointInfo | null = null;
  private keyring: Promise<Keyring> | undefined;
  private last: { code: string; at: number } | undefined;
  private syncing: Promise<SyncReport | null> | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly now: () => Date;
  private readonly goOnline = () => void this.reconnect();
  private readonly goOffline = () => this.set({ online: false });

  constructor(private readonly options: EngineOptions) {
    this.now = options.now ?? (() => new Date());
    this.state = {
      online: options.online ?? (typeof navigator === 'undefined' ? true : navigator.onLine),
      queued: 0,
      syncing: false,
      syncError: null,
      logVersion: 0,
    };
  }

  getState = (): EngineState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<EngineState>): void {
    const next = { ...this.state, ...patch };
    if (Object.keys(patch).every((k) => next[k as keyof EngineState] === this.state[k as keyof EngineState])) return;
    this.state = next;
    this.listeners.forEach((l) => l());
  }

  private logChanged(): void {
    this.set({ logVersion: this.state.logVersion + 1 });
  }

  /** Listens to the network, retries while scans wait; uploads what a previous visit left queued. */
  start(): void {
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.goOnline);
      window.addEventListener('offline', this.goOffline);
    }
    this.timer = setInterval(() => void this.tick(), this.options.retryMs ?? 15_000);
    void this.options.store.queueLength().then((queued) => {
      this.set({ queued });
      if (queued && this.browserOnline()) void this.syncQueue();
    });
  }

  stop(): void {
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.goOnline);
      window.removeEventListener('offline', this.goOffline);
    }
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  setCheckpoint(checkpoint: CheckpointInfo | null): void {
    this.checkpoint = checkpoint;
    this.last = undefined;
  }

  /** The dataset changed (a sync stored new keys): the next offline check reads them again. */
  datasetChanged(): void {
    this.keyring = undefined;
  }

  /** The API answered something (a dataset sync): online again, and what waits goes up. */
  noteReachable(): void {
    this.set({ online: true });
    if (this.state.queued) void this.syncQueue();
  }

  /** A request could not reach the API. */
  noteUnreachable(): void {
    this.set({ online: false });
  }

  private browserOnline(): boolean {
    return typeof navigator === 'undefined' || navigator.onLine !== false;
  }

  private async reconnect(): Promise<void> {
    if (this.state.queued) await this.syncQueue();
    else if (this.options.probe && (await this.options.probe())) this.set({ online: true });
  }

  private async tick(): Promise<void> {
    if (!this.browserOnline()) return this.set({ online: false });
    if (this.state.queued || !this.state.online) await this.reconnect();
  }

  /**
   * Judges a code read by the camera, typed, or sent by a keyboard-wedge scanner. The camera sees a
   * badge in many frames: the same code from it within ~2 s is ignored. A code typed or sent by a
   * handheld is always judged (a second scan on purpose is a second scan).
   */
  async check(raw: string, source: 'camera' | 'keyboard' = 'camera'): Promise<CheckResult> {
    const code = raw.trim();
    const checkpoint = this.checkpoint;
    if (!code) return { kind: 'error', message: 'No code was read.' };
    if (!checkpoint) return { kind: 'error', message: 'Choose a checkpoint first.' };
    const now = this.now();
    if (
      source === 'camera' &&
      this.last &&
      this.last.code === code &&
      now.getTime() - this.last.at < (this.options.repeatMs ?? 2_000)
    )
      return { kind: 'ignored' };
    this.last = { code, at: now.getTime() };

    const clientScanId = newClientScanId();
    const base = {
      clientScanId,
      checkpointId: checkpoint.id,
      editionId: this.options.edition.id,
      code,
      day: localDay(now, this.options.edition.timezone),
    };
    if (this.state.online && this.browserOnline()) {
      try {
        const result = await this.scanOnline(checkpoint.id, code, clientScanId);
        const entry = entryFromServer({ ...base, offlineOutcome: null }, result);
        entry.day = localDay(new Date(entry.scannedAt), this.options.edition.timezone);
        await this.options.store.putLog(entry);
        this.logChanged();
        return { kind: 'verdict', verdict: verdictOf(entry, false) };
      } catch (error) {
        if (!(error instanceof NetworkError)) return { kind: 'error', message: messageOf(error) };
        this.set({ online: false });
      }
    } else if (!this.browserOnline()) this.set({ online: false });
    const keys = await (this.keyring ??= this.options.store.keys().then((k) => new Keyring(k)));
    // Never a false "not a badge": without the edition's keys the device cannot judge at all.
    if (!keys.hasEdition(base.editionId))
      return {
        kind: 'error',
        message: 'No connection, and this device has no badge data yet: connect once to load it.',
      };
    return { kind: 'verdict', verdict: await this.checkOffline(base, checkpoint, keys, now) };
  }

  private async scanOnline(checkpointId: string, code: string, clientScanId: string): Promise<ServerScanResult> {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new NetworkError('The server did not answer in time'));
        abort.abort();
      }, this.options.timeoutMs ?? 1_500);
    });
    try {
      return await Promise.race([
        this.options.transport.scan(
          { checkpointId, code, clientScanId, deviceId: this.options.deviceId },
          abort.signal,
        ),
        timeout,
      ]);
    } catch (error) {
      // However the transport reports its request being cut short, a timeout is a network failure.
      throw abort.signal.aborted ? new NetworkError('The server did not answer in time') : error;
    } finally {
      clearTimeout(timer);
    }
  }

  private async checkOffline(
    base: Pick<LogEntry, 'clientScanId' | 'checkpointId' | 'editionId' | 'code' | 'day'>,
    checkpoint: CheckpointInfo,
    keys: Keyring,
    now: Date,
  ): Promise<Verdict> {
    const { store } = this.options;
    const code = await verifyBadgeCode(base.code, keys, base.editionId);
    const roster = code.ok ? await store.rosterEntry(code.badgeId) : undefined;
    const earlier = roster ? await store.attendeeLog(checkpoint.id, roster.attendeeId) : [];
    const judged = judgeOffline({
      code,
      roster,
      editionId: base.editionId,
      checkpoint,
      scannedAt: now,
      day: base.day,
      earlier,
    });
    const known = roster && judged.rejectReason !== 'UNKNOWN_BADGE';
    const entry: LogEntry = {
      ...base,
      ...judged,
      scannedAt: now.toISOString(),
      badgeId: code.ok ? code.badgeId : null,
      attendeeId: known ? roster.attendeeId : null,
      name: known ? roster.name : null,
      accessLevel: known ? roster.accessLevel : null,
      offlineOutcome: judged.outcome,
      pending: true,
      conflict: false,
      scanId: null,
      annulledAt: null,
    };
    const queued: QueuedScan = {
      clientScanId: base.clientScanId,
      checkpointId: base.checkpointId,
      editionId: base.editionId,
      code: base.code,
      scannedAt: entry.scannedAt,
      offlineOutcome: judged.outcome,
    };
    await store.enqueue(queued, entry);
    this.set({ queued: this.state.queued + 1 });
    this.logChanged();
    return verdictOf(entry, true);
  }

  /**
   * Uploads the queue (oldest first, by checkpoint, in batches): each result replaces its offline
   * verdict in the log and leaves the queue. Null when the API could not be reached (the queue stays).
   */
  syncQueue(): Promise<SyncReport | null> {
    this.syncing ??= this.upload().finally(() => {
      this.syncing = undefined;
      this.set({ syncing: false });
    });
    return this.syncing;
  }

  private async upload(): Promise<SyncReport | null> {
    const { store, transport, deviceId } = this.options;
    const queue = await store.queued();
    if (!queue.length) {
      this.set({ queued: 0 });
      return { sent: 0, conflicts: 0 };
    }
    this.set({ syncing: true });
    const byCheckpoint = new Map<string, QueuedScan[]>();
    for (const q of queue) byCheckpoint.set(q.checkpointId, [...(byCheckpoint.get(q.checkpointId) ?? []), q]);
    let left = queue.length;
    const report: SyncReport = { sent: 0, conflicts: 0 };
    for (const [checkpointId, scans] of byCheckpoint) {
      for (let i = 0; i < scans.length; i += SYNC_BATCH) {
        const batch = scans.slice(i, i + SYNC_BATCH);
        let results: ServerScanResult[];
        try {
          results = await transport.sync(
            checkpointId,
            batch.map(({ clientScanId, code, scannedAt, offlineOutcome }) => ({
              clientScanId,
              code,
              scannedAt,
              offlineOutcome,
            })),
            deviceId,
            left - batch.length,
          );
        } catch (error) {
          if (error instanceof NetworkError) this.set({ online: false });
          else this.set({ syncError: messageOf(error), online: true });
          return null;
        }
        const entries = await Promise.all(
          batch.map(async (q, j) => {
            const before = await store.logEntry(q.clientScanId);
            const entry = entryFromServer(
              {
                clientScanId: q.clientScanId,
                checkpointId,
                editionId: q.editionId,
                code: q.code,
                day: before?.day ?? localDay(new Date(q.scannedAt), this.options.edition.timezone),
                offlineOutcome: q.offlineOutcome,
                badgeId: before?.badgeId,
              },
              results[j],
            );
            // The server's answer names the attendee; the device's roster may know a name it does not send.
            entry.name ??= before?.name ?? null;
            return entry;
          }),
        );
        await store.settle(entries);
        left -= batch.length;
        report.sent += batch.length;
        report.conflicts += entries.filter((e) => e.conflict).length;
        this.set({ queued: left, online: true, syncError: null });
        this.logChanged();
      }
    }
    return report;
  }

  /** Annuls one of this device's admissions (within 15 minutes; needs the network). */
  async annul(clientScanId: string): Promise<LogEntry> {
    const { store, transport, deviceId } = this.options;
    const entry = await store.logEntry(clientScanId);
    if (!entry || !entry.scanId) throw new Error('This scan has not reached the server yet.');
    if (!canAnnul(entry, this.now().getTime()))
      throw new Error('Only an admission of the last 15 minutes can be annulled.');
    try {
      const { annulledAt } = await transport.annul(entry.scanId, deviceId);
      const next = { ...entry, annulledAt: annulledAt ?? this.now().toISOString() };
      this.last = undefined; // the badge may be scanned again at once
      await store.putLog(next);
      this.logChanged();
      return next;
    } catch (error) {
      if (error instanceof NetworkError) {
        this.set({ online: false });
        throw new Error('Annulling needs the network: try again once online.');
      }
      throw error;
    }
  }

  /** The newest scans of this device at the current checkpoint, newest first. */
  recent(limit = 30): Promise<LogEntry[]> {
    return this.checkpoint ? this.options.store.recent(this.checkpoint.id, limit) : Promise.resolve([]);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'The request was refused.';
}
