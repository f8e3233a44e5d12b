import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { QueuedChange, QueueStorage } from '../programme/schedule-queue';

/**
 * The app's own IndexedDB database for reading offline: the last copy of what the API answered (the
 * Apollo cache, for my schedule and the rest, and the programme's public answers) and my schedule's changes made
 * offline.
 */
interface OfflineDB extends DBSchema {
  /** 'apollo': the cache; 'answers' and 'answer:<key>': the answer store's (answer-store.ts). */
  snapshot: { key: string; value: CacheSnapshot | AnswersIndex | KeptAnswer };
  'schedule-queue': { key: string; value: QueuedChange };
}

export interface CacheSnapshot {
  /** Apollo's normalized cache (cache.extract()). */
  data: unknown;
  /** When the API last answered (ms since the epoch): the "as of" shown offline. */
  freshAt: number | null;
  /** Whose data it is (a hash of the token; '' when signed out). */
  owner: string;
}

/** The answers the answer store keeps on the device (answer-store.ts), oldest first, and whose they are. */
export interface AnswersIndex {
  keys: string[];
  /** Whose answers they are (an organizer's include draft sessions): as CacheSnapshot's owner. */
  owner: string;
}

/** One answer kept on the device (answer-store.ts), a record of its own. */
export interface KeptAnswer {
  operation: string;
  variables: Record<string, unknown>;
  data: unknown;
}

let db: Promise<IDBPDatabase<OfflineDB> | null> | undefined;

/** The database, or null where IndexedDB is unavailable (private modes, tests): the app then works online only. */
export function offlineDb(): Promise<IDBPDatabase<OfflineDB> | null> {
  db ??= (
    typeof indexedDB === 'undefined'
      ? Promise.resolve(null)
      : openDB<OfflineDB>('conference-offline', 1, {
          upgrade(database) {
            database.createObjectStore('snapshot');
            database.createObjectStore('schedule-queue', { keyPath: 'sessionId' });
          },
        })
  ).catch(() => null);
  return db;
}

/** The schedule queue's storage in IndexedDB (in memory where IndexedDB is unavailable). */
export function idbQueueStorage(): QueueStorage {
  const memory = new Map<string, QueuedChange>();
  return {
    async all() {
      const d = await offlineDb();
      return d ? d.getAll('schedule-queue') : [...memory.values()];
    },
    async put(change) {
      const d = await offlineDb();
      if (d) await d.put('schedule-queue', change);
      else memory.set(change.sessionId, change);
    },
    async delete(sessionId) {
      const d = await offlineDb();
      if (d) await d.delete('schedule-queue', sessionId);
      else memory.delete(sessionId);
    },
  };
}

/**
 * Forgets what this device kept for the person signing out: the saved copy of their pages and the
 * schedule changes still waiting to be sent (they must never go out under the next person's token).
 */
export async function forgetOfflineData(): Promise<void> {
  const d = await offlineDb();
  if (d) await Promise.all([d.clear('snapshot'), d.clear('schedule-queue')]);
}
