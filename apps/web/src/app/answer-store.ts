import type { ApolloClient, TypedDocumentNode } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { useEffect, useSyncExternalStore } from 'react';
import { deviceOwner } from './offline-cache';
import { type AnswersIndex, type KeptAnswer, offlineDb } from './offline-db';

/**
 * The public answers the programme is drawn from (the editions, an edition's rooms and tracks, a day's
 * sessions and their seat counts), kept as the API sent them rather than normalized into Apollo's
 * cache. A day is ~180 sessions with their rooms, tracks and speakers: writing that into the normalized
 * cache and reading it back out, with the cache's code still cold, cost a phone well over 100 ms of main
 * thread in one task on the first load, for answers the app never edits in place. Here the page's
 * components render straight from the answer.
 *
 * It behaves like the app's other queries (cache-and-network): an answer already held is shown at once
 * and asked for again on each visit; the page's own answers (bootstrap.ts) count as fresh for a few
 * seconds, so the first render does not ask again. What changes these answers elsewhere in the app (a
 * schedule change, a schedule-change notice, an edition edited, signing in or out) calls refreshAnswers.
 * The last answers are kept on the device (the offline database), so the programme reads offline.
 * They belong to whoever was signed in (an organizer's days include draft sessions): signing in or out
 * drops them, and the device's copy is only read back for the same person.
 */

export interface AnswerState<T> {
  data?: T;
  /** The last request's failure (the data, if any, is an older answer). */
  error?: unknown;
  /** Nothing held yet, and the API asked. */
  loading: boolean;
}

type Variables = Record<string, unknown>;

interface Entry extends AnswerState<unknown> {
  operation: string;
  variables: Variables;
  /** When the API answered it (ms since the epoch); 0 for the device's copy or an answer made stale. */
  at: number;
  inFlight?: Promise<void>;
}

/** An answer this recent (the page's own, a visit a moment ago) is not asked for again. */
const FRESH_MS = 10_000;
/** How many answers the device keeps (the days and searches seen last, with their seats). */
const KEPT = 24;
const INDEX_KEY = 'answers';

const entries = new Map<string, Entry>();
/** The answers a mounted component shows (how many components): what refreshAnswers asks for again. */
const watched = new Map<
  string,
  { document: TypedDocumentNode<unknown, Variables>; operation: string; variables: Variables; count: number }
>();
const listeners = new Set<() => void>();
const IDLE: AnswerState<never> = { loading: false };

/** One key per operation and variables (their order aside; a missing variable is null). */
export function answerKey(operation: string, variables: Variables = {}): string {
  const sorted = Object.keys(variables)
    .sort()
    .map((k) => [k, variables[k] ?? null]);
  return `${operation}:${JSON.stringify(sorted)}`;
}

const operationOf = (document: TypedDocumentNode<unknown, never>) =>
  (document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode).name!.value;

function set(key: string, entry: Entry): void {
  entries.delete(key); // re-inserted last: the map is in the order the answers came
  entries.set(key, entry);
  listeners.forEach((l) => l());
}

const recordKey = (key: string) => `answer:${key}`;
const unsaved = new Set<string>();
let saveTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Saves an answer in the next task (the answers of one moment, such as the page's own, make one
 * write). Each answer is a record of its own: a new day writes that day, not every day held.
 */
function saveSoon(key: string): void {
  unsaved.add(key);
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => void save());
}

async function save(): Promise<void> {
  const changed = [...unsaved];
  unsaved.clear();
  try {
    const db = await offlineDb();
    if (!db) return;
    const kept = [...entries].filter(([, e]) => e.data).map(([key]) => key);
    const keys = kept.slice(-KEPT);
    const before = (await db.get('snapshot', INDEX_KEY)) as AnswersIndex | undefined;
    const tx = db.transaction('snapshot', 'readwrite');
    for (const key of changed) {
      const entry = entries.get(key);
      if (!entry?.data || !keys.includes(key)) continue;
      const { operation, variables, data } = entry;
      void tx.store.put({ operation, variables, data }, recordKey(key));
    }
    for (const key of before?.keys ?? []) if (!keys.includes(key)) void tx.store.delete(recordKey(key));
    void tx.store.put({ keys, owner: deviceOwner() }, INDEX_KEY);
    await tx.done;
  } catch {
    // Storage full or blocked: the device keeps its older copy.
  }
}

/** Takes an answer the page came with (bootstrap.ts): fresh, as if just fetched. */
export function seedAnswer(operation: string, variables: Variables, data: unknown): void {
  const key = answerKey(operation, variables);
  set(key, { operation, variables, data, loading: false, at: Date.now() });
  saveSoon(key);
}

/** Counts the resets: an answer asked for before the last one (under the person before) is dropped. */
let generation = 0;

let restored: Promise<void> | undefined;
/** The device's copies (the same person's), read once; they never replace an answer already held. */
function restore(): Promise<void> {
  restored ??= (async () => {
    const asked = generation;
    const db = await offlineDb();
    const index = (await db?.get('snapshot', INDEX_KEY)) as AnswersIndex | undefined;
    if (!db || index?.owner !== deviceOwner()) return;
    const kept = await Promise.all(index.keys.map((key) => db.get('snapshot', recordKey(key))));
    if (asked !== generation) return;
    for (const answer of kept as (KeptAnswer | undefined)[]) {
      if (!answer?.data) continue;
      const { operation, variables, data } = answer;
      const key = answerKey(operation, variables);
      const held = entries.get(key);
      if (!held?.data) set(key, { ...held, operation, variables, data, loading: held?.loading ?? false, at: 0 });
    }
  })().catch(() => undefined);
  return restored;
}

function load(client: ApolloClient, key: string, query: TypedDocumentNode<unknown, Variables>, variables: Variables) {
  const held = entries.get(key);
  if (held?.inFlight) return held.inFlight;
  const operation = operationOf(query);
  const asked = generation;
  // The device's copy shows while the API is asked (it never replaces an answer that came first).
  if (!held?.data) void restore();
  const inFlight = (async () => {
    try {
      const { data } = await client.query({ query, variables, fetchPolicy: 'no-cache' });
      if (asked !== generation) return;
      set(key, { operation, variables, data, loading: false, at: Date.now() });
      saveSoon(key);
    } catch (error) {
      if (asked !== generation) return;
      const now = entries.get(key);
      set(key, { operation, variables, data: now?.data, error, loading: false, at: now?.at ?? 0 });
    }
  })();
  set(key, { operation, variables, data: held?.data, at: held?.at ?? 0, loading: !held?.data, inFlight });
  return inFlight;
}

/**
 * Asks the API again for the answers of these operations (all of them when none are named) that a
 * component shows now; the others are marked stale and asked for when next shown.
 */
export function refreshAnswers(client: ApolloClient, operations?: string[]): Promise<void> {
  const wanted = (operation: string) => !operations || operations.includes(operation);
  for (const entry of entries.values()) if (wanted(entry.operation)) entry.at = 0;
  const pending = [...watched]
    .filter(([, shown]) => wanted(shown.operation))
    .map(([key, shown]) => load(client, key, shown.document, shown.variables));
  return Promise.all(pending).then(() => undefined);
}

const followed = new WeakSet<ApolloClient>();
/**
 * Signing in or out (or a token found expired) resets Apollo's cache: the answers held belonged to the
 * person before, so they are dropped, and what is shown is asked for again. The reset does not wait
 * for those answers (the client's reset would wait with it, and signing out with it, on a slow network).
 */
function followResets(client: ApolloClient): void {
  if (followed.has(client)) return;
  followed.add(client);
  const reset = () => {
    generation++;
    entries.clear();
    restored = undefined;
    listeners.forEach((l) => l());
    void refreshAnswers(client);
    return Promise.resolve();
  };
  client.onResetStore(reset);
  client.onClearStore(reset);
}

/**
 * Starts showing an answer: follows the client's resets, and asks the API unless what is held is fresh
 * or already being asked for. Returns the function that stops showing it.
 */
export function watchAnswer<V extends Variables>(
  client: ApolloClient,
  document: TypedDocumentNode<unknown, V>,
  variables: V,
): () => void {
  followResets(client);
  const query = document as TypedDocumentNode<unknown, Variables>;
  const operation = operationOf(query);
  const key = answerKey(operation, variables);
  watched.set(key, { document: query, operation, variables, count: (watched.get(key)?.count ?? 0) + 1 });
  const held = entries.get(key);
  if (!held?.inFlight && !(held?.at && Date.now() - held.at < FRESH_MS)) void load(client, key, query, variables);
  return () => {
    const shown = watched.get(key);
    if (shown && shown.count > 1) shown.count--;
    else watched.delete(key);
  };
}

const held = <T>(key: string): AnswerState<T> => (entries.get(key) as AnswerState<T> | undefined) ?? IDLE;

/** What is held for an answer now (the store's own object: the same one while nothing changes). */
export function heldAnswer<T, V extends Variables>(document: TypedDocumentNode<T, V>, variables: V): AnswerState<T> {
  return held(answerKey(operationOf(document), variables));
}

/**
 * A query answered from this store (null variables: nothing to ask yet): what is held at once, then the
 * API's answer when it comes. `loading` only while nothing is held.
 */
export function useStoredQuery<T, V extends Variables>(
  document: TypedDocumentNode<T, V>,
  variables: V | null,
): AnswerState<T> {
  const client = useApolloClient();
  const key = variables && answerKey(operationOf(document), variables);
  const state = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => (key ? held<T>(key) : IDLE),
  );
  useEffect(
    () => (variables ? watchAnswer(client, document, variables) : undefined),
    // The key stands for the variables.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, key],
  );
  return state;
}
