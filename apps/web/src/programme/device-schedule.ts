/**
 * "Add to my schedule" before signing in: the additions are kept on this device (localStorage, as
 * pretalx keeps favourites) and merged into the account at sign-in through addToSchedule, oldest
 * first (the order decides who gets the last seat). The merge's decisions are pure functions;
 * the storage and the mutation are passed in.
 */
export interface DeviceEntry {
  sessionId: string;
  editionId: string;
  /** Shown on the cards, and used to find conflicts before sign-in. */
  title: string;
  startsAt: string;
  endsAt: string;
  /** ms since the epoch */
  addedAt: number;
}

/** What the server said to one addition at sign-in. */
export type MergeOutcome =
  | { kind: 'added' }
  /** Refused for good (the session is gone or cancelled): forget it. */
  | { kind: 'refused'; code?: string }
  /** Not now (offline, or not registered for that edition yet): keep it for the next sign-in. */
  | { kind: 'later' };

/** The additions to send, oldest first, each session once. */
export function mergePlan(entries: readonly DeviceEntry[]): DeviceEntry[] {
  const first = new Map<string, DeviceEntry>();
  for (const e of [...entries].sort((a, b) => a.addedAt - b.addedAt))
    if (!first.has(e.sessionId)) first.set(e.sessionId, e);
  return [...first.values()];
}

/** How an addToSchedule error is taken: a refusal for good, or one to retry at the next sign-in. */
export function outcomeOfError(code: string | undefined): MergeOutcome {
  if (code === 'NOT_FOUND' || code === 'CONFLICT' || code === 'BAD_USER_INPUT') return { kind: 'refused', code };
  // FORBIDDEN: not registered for the edition (yet), or an unverified address; no code: the network.
  return { kind: 'later' };
}

/** What stays on the device after a merge: the additions not sent, or to retry. */
export function remainingAfterMerge(
  entries: readonly DeviceEntry[],
  outcomes: ReadonlyMap<string, MergeOutcome>,
): DeviceEntry[] {
  return mergePlan(entries).filter((e) => {
    const outcome = outcomes.get(e.sessionId);
    return !outcome || outcome.kind === 'later';
  });
}

/** Sends the plan one by one (in order: the first added gets the seat first) and answers what to keep. */
export async function mergeInto(
  entries: readonly DeviceEntry[],
  add: (sessionId: string) => Promise<MergeOutcome>,
): Promise<{ keep: DeviceEntry[]; added: DeviceEntry[]; refused: DeviceEntry[] }> {
  const outcomes = new Map<string, MergeOutcome>();
  for (const e of mergePlan(entries)) {
    let outcome: MergeOutcome;
    try {
      outcome = await add(e.sessionId);
    } catch {
      outcome = { kind: 'later' };
    }
    outcomes.set(e.sessionId, outcome);
  }
  const plan = mergePlan(entries);
  return {
    keep: remainingAfterMerge(entries, outcomes),
    added: plan.filter((e) => outcomes.get(e.sessionId)?.kind === 'added'),
    refused: plan.filter((e) => outcomes.get(e.sessionId)?.kind === 'refused'),
  };
}

// The device store: a tiny external store over localStorage (React reads it with useSyncExternalStore).
const KEY = 'conference.deviceSchedule';
type Listener = () => void;
const listeners = new Set<Listener>();
let cache: DeviceEntry[] | null = null;

function read(): DeviceEntry[] {
  if (cache) return cache;
  try {
    const parsed: unknown = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '[]');
    cache = Array.isArray(parsed) ? (parsed as DeviceEntry[]).filter((e) => e && typeof e.sessionId === 'string') : [];
  } catch {
    cache = [];
  }
  return cache;
}

function write(entries: DeviceEntry[]): void {
  cache = entries;
  try {
    if (entries.length) localStorage.setItem(KEY, JSON.stringify(entries));
    else localStorage.removeItem(KEY);
  } catch {
    // storage blocked: kept until the tab closes
  }
  listeners.forEach((l) => l());
}

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== KEY) return;
    cache = null;
    listeners.forEach((l) => l());
  });
}

export const deviceSchedule = {
  all: read,
  add(entry: Omit<DeviceEntry, 'addedAt'>): void {
    if (read().some((e) => e.sessionId === entry.sessionId)) return;
    write([...read(), { ...entry, addedAt: Date.now() }]);
  },
  remove(sessionId: string): void {
    write(read().filter((e) => e.sessionId !== sessionId));
  },
  replace: write,
  subscribe: (listener: Listener): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
