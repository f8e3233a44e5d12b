import type { ApolloClient, DocumentNode, WatchQueryFetchPolicy } from '@apollo/client';
import {
  EditionChoiceDocument,
  ProgrammeDayDocument,
  ProgrammeDaySeatsDocument,
  ProgrammeEditionDocument,
} from '../gql/graphql';
import type { ProgrammeDayQuery, ProgrammeDayQueryVariables } from '../gql/graphql';
import { seedProgramme } from '../programme/day-store';
import { markFresh } from './offline-cache';

/**
 * The programme's first answers, sent inside the page by the API (apps/api/src/web-bootstrap.ts): the
 * editions, the edition's rooms and tracks, the day and its seats. They are written into the cache (the
 * day and its seats into the programme's own store: day-store.ts) before the first render, and a query whose answer came this
 * way does not ask again on that render, so the programme appears with the page's scripts instead of
 * after a chain of round trips.
 *
 * The API sends these queries' own texts (the build prints them to bootstrap-queries.json from this
 * list), so what it answers is exactly what the app would have asked for.
 */
export const BOOTSTRAP_DOCUMENTS: Record<string, DocumentNode> = {
  EditionChoice: EditionChoiceDocument,
  ProgrammeEdition: ProgrammeEditionDocument,
  ProgrammeDay: ProgrammeDayDocument,
  ProgrammeDaySeats: ProgrammeDaySeatsDocument,
};

/** An answer counts as the page's own for this long: the first render takes it; a later visit asks the API. */
const FRESH_MS = 10_000;

const written = new Map<string, number>();

/** One key per operation and variables (key order aside). */
function keyOf(operationName: string, variables: Record<string, unknown> = {}): string {
  const sorted = Object.keys(variables)
    .sort()
    .map((k) => [k, variables[k] ?? null]);
  return `${operationName}:${JSON.stringify(sorted)}`;
}

/**
 * Writes the page's answers into the cache. False when the page has none (the service worker's copy of
 * the page, a dev server, a page other than the programme).
 */
export function applyBootstrap(client: ApolloClient): boolean {
  const element = typeof document === 'undefined' ? null : document.getElementById('bootstrap');
  if (!element?.textContent) return false;
  let entries: { operationName: string; variables: Record<string, unknown>; data: unknown }[];
  try {
    entries = JSON.parse(element.textContent) as typeof entries;
  } catch {
    return false;
  }
  element.remove();
  let applied = 0;
  for (const { operationName, variables, data } of entries) {
    const query = BOOTSTRAP_DOCUMENTS[operationName];
    if (!query || !data) continue;
    if (seedProgramme(operationName, variables as ProgrammeDayQueryVariables, data as ProgrammeDayQuery)) {
      applied++;
      continue;
    }
    try {
      client.writeQuery({ query, variables, data: data as Record<string, unknown> });
      written.set(keyOf(operationName, variables), Date.now());
      applied++;
    } catch {
      // A build and an API out of step: the query asks the API itself.
    }
  }
  // Fresh from the API: kept on the device like any answer, for reading offline.
  if (applied) markFresh();
  return applied > 0;
}

/**
 * The fetch policy for a query the page may have answered: `cache-first` while its answer is fresh
 * from the page, else undefined (the client's default: the cache, and the API anyway).
 */
export function bootstrapPolicy(
  operationName: keyof typeof BOOTSTRAP_DOCUMENTS,
  variables?: Record<string, unknown>,
): WatchQueryFetchPolicy | undefined {
  const at = written.get(keyOf(operationName, variables));
  return at !== undefined && Date.now() - at < FRESH_MS ? 'cache-first' : undefined;
}
