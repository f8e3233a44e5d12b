import type { ApolloClient, TypedDocumentNode } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { useEffect, useSyncExternalStore } from 'react';
import { type DaysSnapshot, offlineDb } from '../app/offline-db';
import { graphql } from '../gql';
import type { ProgrammeDayQuery, ProgrammeDayQueryVariables, ProgrammeDaySeatsQuery } from '../gql/graphql';

/**
 * The programme's days and their seat counts, kept apart from Apollo's normalized cache. A day is ~180
 * sessions with their rooms, tracks and speakers: normalizing that answer into the cache and reading it
 * back out cost a phone over 100 ms of main thread in one task on the first load, for data the app
 * never edits in place. Here each answer is kept as the API sent it (one per query, edition, day and
 * search) and the cards render from it directly.
 *
 * It behaves like the rest of the app's queries (cache-and-network): an answer already held is shown at
 * once and asked for again on each visit; the page's own answers (bootstrap.ts) count as fresh for a few
 * seconds, so the first render does not ask again. What changes a session or its seats elsewhere in the
 * app (a schedule change, a notification, signing in or out) calls refreshProgramme. The last answers
 * are kept on the device (the offline database), so the programme stays readable without network.
 */
export const ProgrammeDay = graphql(`
  query ProgrammeDay($editionId: ID!, $day: String!, $search: String) {
    sessions(editionId: $editionId, filter: { day: $day, search: $search }, first: 200) {
      totalCount
      edges {
        node {
          ...ProgrammeSessionFields
        }
      }
    }
  }
`);

/** The day's seat counts, apart from the day itself, which the API can then answer from its public cache. */
export const ProgrammeDaySeats = graphql(`
  query ProgrammeDaySeats($editionId: ID!, $day: String!, $search: String) {
    sessions(editionId: $editionId, filter: { day: $day, search: $search }, first: 200) {
      totalCount
      edges {
        node {
          id
          seatsTaken
        }
      }
    }
  }
`);

type Document = typeof ProgrammeDay | typeof ProgrammeDaySeats;
type Answer = ProgrammeDayQuery | ProgrammeDaySeatsQuery;
type Variables = ProgrammeDayQueryVariables;
const DOCUMENTS: Record<string, Document> = { ProgrammeDay, ProgrammeDaySeats };

export interface AnswerState<T> {
  data?: T;
  /** The last request's failure (the data, if any, is an older answer). */
  error?: unknown;
  /** Nothing held yet, and the API asked. */
  loading: boolean;
}

interface Entry extends AnswerState<Answer> {
  operation: string;
  variables: Variables;
  /** When the API answered it (ms since the epoch); 0 for the device's copy or an answer made stale. */
  at: number;
  inFlight?: Promise<void>;
}

/** An answer this recent (the page's own, a visit a moment ago) is not asked for again. */
const FRESH_MS = 10_000;
/** How many answers the device keeps (the days and searches seen last, with their seats). */
const KEPT = 12;
const STORE_KEY = 'programme-days';

const entries = new Map<string, Entry>();
/** The answers a mounted page shows (key -> how many): the ones refreshProgramme asks for again. */
const watched = new Map<string, number>();
const listeners = new Set<() => void>();
const IDLE: AnswerState<never> = { loading: false };

const operationOf = (document: Document) => (document === ProgrammeDay ? 'ProgrammeDay' : 'ProgrammeDaySeats');
/** One key per query, edition, day and search. */
const keyOf = (operation: string, v: Variables) => JSON.stringify([operation, v.editionId, v.day, v.search ?? null]);

function set(key: string, entry: Entry): void {
  entries.delete(key); // re-inserted last: the map is in the order the answers came
  entries.set(key, entry);
  listeners.forEach((l) => l());
}

/** Takes an answer the page came with (bootstrap.ts): fresh, as if just fetched. False for another query. */
export function seedProgramme(operation: string, variables: Variables, data: Answer): boolean {
  if (!DOCUMENTS[operation]) return false;
  set(keyOf(operation, variables), { operation, variables, data, loading: false, at: Date.now() });
  saveSoon();
  return true;
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;
function saveSoon(): void {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    const days: DaysSnapshot['days'] = [...entries]
      .filter(([, e]) => e.data)
      .slice(-KEPT * 2)
      .map(([key, e]) => [key, { operation: e.operation, variables: e.variables, data: e.data }]);
    void offlineDb()
      .then((db) => db?.put('snapshot', { days }, STORE_KEY))
      .catch(() => undefined); // storage full or blocked: the device keeps its older copy
  }, 500);
}

let restored: Promise<void> | undefined;
/** The device's copies, read once; they never replace an answer already held. */
function restore(): Promise<void> {
  restored ??= offlineDb()
    .then((db) => db?.get('snapshot', STORE_KEY))
    .then((saved) => {
      for (const [key, kept] of (saved as DaysSnapshot | undefined)?.days ?? []) {
        const { operation, variables, data } = kept as Pick<Entry, 'operation' | 'variables' | 'data'>;
        const held = entries.get(key);
        if (!held?.data) set(key, { ...held, operation, variables, data, loading: held?.loading ?? false, at: 0 });
      }
    })
    .catch(() => undefined);
  return restored;
}

function load(client: ApolloClient, key: string, operation: string, variables: Variables): Promise<void> {
  const held = entries.get(key);
  if (held?.inFlight) return held.inFlight;
  const inFlight = (async () => {
    if (!held?.data) await restore();
    try {
      const query = DOCUMENTS[operation] as TypedDocumentNode<Answer, Variables>;
      const { data } = await client.query({ query, variables, fetchPolicy: 'no-cache' });
      set(key, { operation, variables, data, loading: false, at: Date.now() });
      saveSoon();
    } catch (error) {
      const now = entries.get(key);
      set(key, { operation, variables, data: now?.data, error, loading: false, at: now?.at ?? 0 });
    }
  })();
  set(key, { operation, variables, data: held?.data, at: held?.at ?? 0, loading: !held?.data, inFlight });
  return inFlight;
}

/**
 * Asks the API again for every answer a page shows now (the others are marked stale, asked for when
 * shown): after a schedule change (`'seats'`), or when sessions may have changed (`'all'`: a schedule
 * change notice, signing in or out).
 */
export function refreshProgramme(client: ApolloClient, which: 'seats' | 'all'): Promise<void> {
  const pending: Promise<void>[] = [];
  for (const [key, entry] of entries) {
    if (which === 'seats' && entry.operation !== 'ProgrammeDaySeats') continue;
    entry.at = 0;
    if (watched.has(key)) pending.push(load(client, key, entry.operation, entry.variables));
  }
  return Promise.all(pending).then(() => undefined);
}

const hooked = new WeakSet<ApolloClient>();
/** Signing in or out resets Apollo's cache: the programme's answers are asked for again too. */
function followResets(client: ApolloClient): void {
  if (hooked.has(client)) return;
  hooked.add(client);
  const refresh = () => refreshProgramme(client, 'all');
  client.onResetStore(refresh);
  client.onClearStore(refresh);
}

/**
 * One of the programme's answers (null variables: none to show yet): what is held at once, then the
 * API's answer when it comes. `loading` only while nothing is held.
 */
export function useProgrammeAnswer<T extends Answer>(
  document: TypedDocumentNode<T, Variables>,
  variables: Variables | null,
): AnswerState<T> {
  const client = useApolloClient();
  const operation = operationOf(document as Document);
  const key = variables && keyOf(operation, variables);
  const state = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => (key && entries.get(key)) || IDLE,
  ) as AnswerState<T>;
  useEffect(() => {
    if (!key || !variables) return;
    followResets(client);
    watched.set(key, (watched.get(key) ?? 0) + 1);
    const held = entries.get(key);
    if (!held?.inFlight && !(held?.at && Date.now() - held.at < FRESH_MS)) void load(client, key, operation, variables);
    return () => {
      const n = (watched.get(key) ?? 1) - 1;
      if (n) watched.set(key, n);
      else watched.delete(key);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key]);
  return state;
}
