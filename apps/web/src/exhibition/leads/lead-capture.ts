import { type LeadDetails, type LeadQueue, newClientScanId, type QueuedLead } from './lead-queue';

/**
 * The lead scanner's logic: a badge code goes to the API (`captureLead`, ~1.5 s at most); when the
 * request fails for the network or times out the capture is queued on the device (lead-queue.ts)
 * and the capturer says it is offline. The queue goes up through `syncLeads` as soon as the network
 * is back (the `online` event, a retry every 15 s, `syncNow()` for "Sync now"), one upload at a
 * time; the server dedups on clientScanId, so an upload retried after a lost answer never counts twice.
 */

/** The API could not be reached (no network, a gateway error, a timeout). */
export class Unreachable extends Error {
  constructor() {
    super('The server could not be reached');
    this.name = 'Unreachable';
  }
}

export interface LeadSyncOutcome<L> {
  ok: boolean;
  reason?: string | null;
  lead?: L | null;
}

/** How the capturer reaches the API (leads-api.ts with Apollo; a fake in tests). Throw Unreachable for the network. */
export interface LeadTransport<L extends { id: string }> {
  capture(input: { exhibitorId: string; code: string; clientScanId: string }, signal: AbortSignal): Promise<L>;
  sync(
    exhibitorId: string,
    scans: {
      clientScanId: string;
      code: string;
      scannedAt: string;
      notes?: string;
      rating?: number;
      tags?: string[];
    }[],
  ): Promise<LeadSyncOutcome<L>[]>;
  update(id: string, details: LeadDetails): Promise<L>;
}

export interface CaptureState {
  online: boolean;
  /** Captures waiting on this device. */
  queued: number;
  syncing: boolean;
  syncError: string | null;
}

export type CaptureResult<L> =
  | { kind: 'lead'; lead: L }
  /** Saved on this device: the contact comes with the upload. */
  | { kind: 'queued'; entry: QueuedLead }
  /** The same code again within a moment (the camera still sees the badge). */
  | { kind: 'ignored' }
  | { kind: 'error'; message: string };

/** A queued capture once uploaded: its lead, or why the server refused the badge. */
export interface Uploaded<L> {
  entry: QueuedLead;
  lead: L | null;
  reason: string | null;
}

export interface CapturerOptions<L extends { id: string }> {
  queue: LeadQueue;
  transport: LeadTransport<L>;
  exhibitorId: string;
  timeoutMs?: number;
  retryMs?: number;
  /** A camera seeing the same badge for a while captures it once in this time. */
  repeatMs?: number;
  online?: boolean;
  now?: () => number;
  onUploaded?: (uploaded: Uploaded<L>[]) => void;
}

const BATCH = 200;
const messageOf = (e: unknown) => (e instanceof Error ? e.message : 'That did not work.');

export class LeadCapturer<L extends { id: string }> {
  private state: CaptureState;
  private listeners = new Set<() => void>();
  private syncing: Promise<void> | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  /** When the camera last saw each code (a badge left in view, or coming round again, is captured once). */
  private readonly seen = new Map<string, number>();
  /** Uploaded captures' leads by clientScanId (an edit of a capture that has gone up goes to updateLead). */
  private readonly uploaded = new Map<string, L>();

  constructor(private readonly options: CapturerOptions<L>) {
    this.state = {
      online: options.online ?? (typeof navigator === 'undefined' ? true : navigator.onLine),
      queued: 0,
      syncing: false,
      syncError: null,
    };
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
  getState = () => this.state;

  private set(patch: Partial<CaptureState>) {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  private readonly goOnline = () => void this.syncNow();
  private readonly goOffline = () => this.set({ online: false });

  start(): void {
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.goOnline);
      window.addEventListener('offline', this.goOffline);
    }
    this.timer = setInterval(() => {
      if (this.state.queued || !this.state.online) void this.syncNow();
    }, this.options.retryMs ?? 15_000);
    void this.refreshCount().then(() => {
      if (this.state.queued) void this.syncNow();
    });
  }

  stop(): void {
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.goOnline);
      window.removeEventListener('offline', this.goOffline);
    }
    clearInterval(this.timer);
  }

  private browserOnline = () => (typeof navigator === 'undefined' ? true : navigator.onLine !== false);

  private async refreshCount(): Promise<void> {
    this.set({ queued: await this.options.queue.count(this.options.exhibitorId) });
  }

  /** A badge code from the camera, a handheld scanner or the keyboard. */
  async capture(code: string, source: 'camera' | 'keyboard' = 'keyboard'): Promise<CaptureResult<L>> {
    const now = (this.options.now ?? Date.now)();
    if (source === 'camera') {
      const before = this.seen.get(code);
      this.seen.set(code, now);
      if (before !== undefined && now - before < (this.options.repeatMs ?? 5_000)) return { kind: 'ignored' };
      if (this.seen.size > 500) this.seen.clear();
    }
    const { exhibitorId, queue } = this.options;
    // A badge already waiting on the device opens that capture (the server would answer the same lead).
    const waiting = await queue.findByCode(exhibitorId, code);
    if (waiting) return { kind: 'queued', entry: waiting };
    const clientScanId = newClientScanId();
    if (this.browserOnline()) {
      try {
        const lead = await this.withTimeout((signal) =>
          this.options.transport.capture({ exhibitorId, code, clientScanId }, signal),
        );
        if (!this.state.online) this.set({ online: true });
        if (this.state.queued) void this.syncNow();
        return { kind: 'lead', lead };
      } catch (error) {
        if (!(error instanceof Unreachable)) return { kind: 'error', message: messageOf(error) };
      }
    }
    this.set({ online: false });
    const entry = await queue.add({
      clientScanId,
      exhibitorId,
      code,
      scannedAt: new Date(now).toISOString(),
      notes: null,
      rating: null,
      tags: null,
    });
    await this.refreshCount();
    return { kind: 'queued', entry };
  }

  private async withTimeout<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        abort.abort();
        reject(new Unreachable());
      }, this.options.timeoutMs ?? 1_500);
    });
    try {
      return await Promise.race([run(abort.signal), timeout]);
    } catch (error) {
      if (abort.signal.aborted) throw new Unreachable();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Notes, rating and tags of a capture saved on the device: kept with it until it goes up, or sent
   * with updateLead when it has gone up already (answering the lead then).
   */
  async saveQueued(
    clientScanId: string,
    details: LeadDetails,
  ): Promise<{ kind: 'queued' } | { kind: 'lead'; lead: L }> {
    const updated = await this.options.queue.update(clientScanId, details);
    if (updated) return { kind: 'queued' };
    const lead = this.uploaded.get(clientScanId);
    if (!lead) throw new Error('This capture is no longer on the device.');
    return { kind: 'lead', lead: await this.options.transport.update(lead.id, details) };
  }

  /** The lead a queued capture became, once uploaded. */
  uploadedLead(clientScanId: string): L | undefined {
    return this.uploaded.get(clientScanId);
  }

  /** Uploads what waits (one upload at a time; a call during one waits for it). */
  syncNow(): Promise<void> {
    this.syncing ??= this.upload().finally(() => {
      this.syncing = undefined;
      this.set({ syncing: false });
    });
    return this.syncing;
  }

  private async upload(): Promise<void> {
    const { queue, exhibitorId, transport } = this.options;
    this.set({ syncing: true });
    for (;;) {
      const batch = (await queue.list(exhibitorId)).slice(0, BATCH);
      if (!batch.length) {
        this.set({ queued: 0, online: this.browserOnline(), syncError: null });
        return;
      }
      let results: LeadSyncOutcome<L>[];
      try {
        results = await transport.sync(
          exhibitorId,
          batch.map((q) => ({
            clientScanId: q.clientScanId,
            code: q.code,
            scannedAt: q.scannedAt,
            ...(q.notes ? { notes: q.notes } : {}),
            ...(q.rating ? { rating: q.rating } : {}),
            ...(q.tags ? { tags: q.tags } : {}),
          })),
        );
      } catch (error) {
        if (error instanceof Unreachable) this.set({ online: false });
        else this.set({ online: true, syncError: messageOf(error) });
        return;
      }
      const edited = await queue.remove(batch);
      const done: Uploaded<L>[] = batch.map((entry, i) => ({
        entry,
        lead: results[i]?.lead ?? null,
        reason: results[i]?.ok ? null : (results[i]?.reason ?? 'REFUSED'),
      }));
      for (const d of done) if (d.lead) this.uploaded.set(d.entry.clientScanId, d.lead);
      // Edits made while the upload was under way follow it.
      for (const e of edited) {
        const lead = this.uploaded.get(e.clientScanId);
        if (lead)
          await transport
            .update(lead.id, { notes: e.notes, rating: e.rating, tags: e.tags ?? [] })
            .then((l) => this.uploaded.set(e.clientScanId, l))
            .catch(() => undefined);
      }
      this.set({ online: true, syncError: null });
      await this.refreshCount();
      this.options.onUploaded?.(done);
    }
  }
}
