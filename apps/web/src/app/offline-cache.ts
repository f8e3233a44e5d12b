import type { ApolloClient, InMemoryCache, NormalizedCacheObject } from '@apollo/client';
import { ApolloLink } from '@apollo/client';
import { useSyncExternalStore } from 'react';
import { map } from 'rxjs';
import { type CacheSnapshot, offlineDb } from './offline-db';
import { tokenStore } from './token-store';

/**
 * Offline reading: the Apollo cache (what the programme and my schedule last showed) is kept in
 * IndexedDB and restored before the app renders, so a reload without network shows the last copy,
 * with the time the API last answered ("as of"). Queries use cache-and-network (apollo.ts), so online
 * the copy is refreshed at once; it is never served instead of a fresh answer.
 */

/** A cheap fingerprint of the token: the copy belongs to whoever was signed in (the token itself stays in localStorage only). */
function ownerOf(token: string | null): string {
  if (!token) return '';
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** Whose copy the device would keep now: the person signed in ('' when signed out). */
export const deviceOwner = (): string => ownerOf(tokenStore.get());

type Listener = () => void;
const listeners = new Set<Listener>();
let state = { online: typeof navigator === 'undefined' ? true : navigator.onLine, freshAt: null as number | null };
const setState = (patch: Partial<typeof state>) => {
  state = { ...state, ...patch };
  listeners.forEach((l) => l());
};
if (typeof window !== 'undefined') {
  window.addEventListener('online', () => setState({ online: true }));
  window.addEventListener('offline', () => setState({ online: false }));
}

/** Online or not, and when the API last answered (null: never, on this device). */
export function useOfflineState(): { online: boolean; freshAt: number | null } {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
    () => state,
  );
}

/** Restores the last copy into the cache (when it belongs to the person signed in now). Never throws. */
export async function restoreCache(cache: InMemoryCache): Promise<void> {
  try {
    const db = await offlineDb();
    const snapshot = (await db?.get('snapshot', 'apollo')) as CacheSnapshot | undefined;
    if (!snapshot || snapshot.owner !== deviceOwner()) return;
    cache.restore(snapshot.data as NormalizedCacheObject);
    setState({ freshAt: snapshot.freshAt });
  } catch {
    // No copy: the app works online only.
  }
}

let client: ApolloClient | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

/** Writes the cache to IndexedDB shortly (several writes in a row make one). */
export function persistSoon(): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    void save();
  }, 300);
}

async function save(): Promise<void> {
  if (!client) return;
  try {
    const db = await offlineDb();
    await db?.put('snapshot', { data: client.cache.extract(), freshAt: state.freshAt, owner: deviceOwner() }, 'apollo');
  } catch {
    // Storage full or blocked: the copy is not updated.
  }
}

/** Keeps the cache in IndexedDB from now on: after each answer from the API, and after sign-in/out. */
export function persistCache(apollo: ApolloClient): void {
  client = apollo;
  apollo.onClearStore(() => {
    setState({ freshAt: null });
    persistSoon();
    return Promise.resolve();
  });
  apollo.onResetStore(() => {
    persistSoon();
    return Promise.resolve();
  });
}

/** The API has just answered (a request, or the answers inside the page): the "as of" time, and the copy saved. */
export function markFresh(): void {
  setState({ freshAt: Date.now(), online: true });
  persistSoon();
}

/** A link that notes each answer from the API (the "as of" time) and saves the cache after it. */
export const freshnessLink = new ApolloLink((operation, forward) =>
  forward(operation).pipe(
    map((result) => {
      if (result.data) markFresh();
      return result;
    }),
  ),
);
