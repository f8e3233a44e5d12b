import { BOOTSTRAP_DOCUMENTS } from './bootstrap-documents';
import { seedAnswer } from './answer-store';
import { markFresh } from './offline-cache';

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
