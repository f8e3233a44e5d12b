/**
 * The signed-in person's bearer token, kept in localStorage so a reload (or another tab) stays signed
 * in. A tiny external store: React reads it with useSyncExternalStore, Apollo's links read it directly.
 */
const KEY = 'conference.token';
type Listener = () => void;
const listeners = new Set<Listener>();

function read(): string | null {
  try {
    return globalThis.localStorage?.getItem(KEY) ?? null;
  } catch {
    return null; // storage blocked: signed out
  }
}

let current = read();

function set(token: string | null): void {
  current = token;
  try {
    if (token) localStorage.setItem(KEY, token);
    else localStorage.removeItem(KEY);
  } catch {
    // storage blocked: the token lives until the tab closes
  }
  listeners.forEach((l) => l());
}

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== KEY) return;
    current = event.newValue;
    listeners.forEach((l) => l());
  });
}

export const tokenStore = {
  get: (): string | null => current,
  set,
  clear: () => set(null),
  subscribe: (listener: Listener): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
