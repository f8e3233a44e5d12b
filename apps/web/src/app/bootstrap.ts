import type { DocumentNode } from '@apollo/client';
import {
  EditionChoiceDocument,
  ProgrammeDayDocument,
  ProgrammeDaySeatsDocument,
  ProgrammeEditionDocument,
} from '../gql/graphql';
import { seedAnswer } from './answer-store';
import { markFresh } from './offline-cache';

/**
 * The programme's first answers, sent inside the page by the API (apps/api/src/web-bootstrap.ts): the
 * editions, the edition's rooms and tracks, the day and its seats. They go into the answer store
 * (answer-store.ts) before the first render, where they count as fresh for a few seconds, so the
 * programme appears with the page's scripts instead of after a chain of round trips.
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

/**
 * Takes the page's answers. False when the page has none (the service worker's copy of the page, a dev
 * server, a page other than the programme).
 */
export function applyBootstrap(): boolean {
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
    if (!BOOTSTRAP_DOCUMENTS[operationName] || !data) continue;
    seedAnswer(operationName, variables ?? {}, data);
    applied++;
  }
  // Fresh from the API: the "as of" time shown offline.
  if (applied) markFresh();
  return applied > 0;
}
