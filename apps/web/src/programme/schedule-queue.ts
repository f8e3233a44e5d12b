/**
 * Changes to my schedule made while offline (add / remove), kept on the device and sent when the
 * network returns. Plain TypeScript: the storage (IndexedDB in the app, a Map in the tests) and the
 * sender (the GraphQL mutations) are passed in.
 *
 * - One pending change per session: an add and a remove of the same session cancel out (the server
 *   still has what it had), the same change twice is kept once.
 * - `flush` sends them oldest first. A network failure stops the flush and keeps the rest for the
 *   next attempt; a refusal by the server (the session is gone, the seat rules say no) drops that
 *   change and reports it: retrying would be refused again.
 */
export type ScheduleChangeKind = 'add' | 'remove';

export interface QueuedChange {
  sessionId: string;
  kind: ScheduleChangeKind;
  /** When it was made (ms since the epoch): the order they are sent in. */
  queuedAt: number;
  /** Shown while it waits (the session's title). */
  title?: string;
}

export interface QueueStorage {
  all(): Promise<QueuedChange[]>;
  put(change: QueuedChange): Promise<void>;
  delete(sessionId: string): Promise<void>;
}

/** What sending one change did. */
export type SendOutcome = 'sent' | 'refused' | 'offline';

export interface FlushReport {
  sent: QueuedChange[];
  refused: QueuedChange[];
  /** Still waiting (the network failed before they went). */
  left: number;
}

export class ScheduleQueue {
  private flushing: Promise<FlushReport> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: QueueStorage) {}

  /** Keeps a change for later. An add and a remove of the same session cancel out; otherwise the last wish wins. */
  async enqueue(change: Omit<QueuedChange, 'queuedAt'> & { queuedAt?: number }): Promise<void> {
    const existing = (await this.storage.all()).find((c) => c.sessionId === change.sessionId);
    if (existing && existing.kind !== change.kind) await this.storage.delete(change.sessionId);
    else await this.storage.put({ ...change, queuedAt: existing?.queuedAt ?? change.queuedAt ?? Date.now() });
    this.changed();
  }

  /** The changes waiting, oldest first. */
  async pending(): Promise<QueuedChange[]> {
    return (await this.storage.all()).sort((a, b) => a.queuedAt - b.queuedAt);
  }

  /** Sends what waits, oldest first; one flush at a time (a second call gets the running one's report). */
  flush(send: (change: QueuedChange) => Promise<SendOutcome>): Promise<FlushReport> {
    this.flushing ??= this.run(send).finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  /** Called after every change to the queue. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async run(send: (change: QueuedChange) => Promise<SendOutcome>): Promise<FlushReport> {
    const report: FlushReport = { sent: [], refused: [], left: 0 };
    const waiting = await this.pending();
    for (const [i, change] of waiting.entries()) {
      let outcome: SendOutcome;
      try {
        outcome = await send(change);
      } catch {
        outcome = 'offline';
      }
      if (outcome === 'offline') {
        report.left = waiting.length - i;
        break;
      }
      // Only if it was not replaced meanwhile (a newer wish for the session is sent on the next flush).
      const now = (await this.storage.all()).find((c) => c.sessionId === change.sessionId);
      if (now && now.kind === change.kind && now.queuedAt === change.queuedAt)
        await this.storage.delete(change.sessionId);
      (outcome === 'sent' ? report.sent : report.refused).push(change);
      this.changed();
    }
    return report;
  }

  private changed(): void {
    this.listeners.forEach((l) => l());
  }
}

/** A queue kept in memory (tests, and the fallback when IndexedDB is not available). */
export function memoryStorage(): QueueStorage {
  const items = new Map<string, QueuedChange>();
  return {
    all: () => Promise.resolve([...items.values()].map((c) => ({ ...c }))),
    put: (c) => {
      items.set(c.sessionId, { ...c });
      return Promise.resolve();
    },
    delete: (id) => {
      items.delete(id);
      return Promise.resolve();
    },
  };
}

/** The delay before retry number `attempt` (1, 2, ...): 2 s doubling up to a minute. */
export const retryDelay = (attempt: number): number => Math.min(60_000, 2_000 * 2 ** Math.max(0, attempt - 1));
