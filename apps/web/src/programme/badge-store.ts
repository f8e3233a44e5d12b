import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

/**
 * The badge kept on the device, so that /badge is readable where the show's Wi-Fi is not (it works
 * offline: the service worker serves the app, this store the badge). One copy per account and
 * edition, keyed by the token's subject: after sign-out nothing is shown, and another person signing
 * in on the same device never sees it.
 */
export interface SavedBadge {
  subject: string;
  editionId: string;
  editionName: string;
  name: string;
  company: string | null;
  accessLevel: string;
  code: string;
  qrSvg: string;
  /** When the server last confirmed this badge (ISO). */
  savedAt: string;
}

interface BadgeDb extends DBSchema {
  badges: { key: string; value: SavedBadge & { key: string } };
}

let db: Promise<IDBPDatabase<BadgeDb>> | undefined;
const open = () =>
  (db ??= openDB<BadgeDb>('conference-badge', 1, {
    upgrade(d) {
      d.createObjectStore('badges', { keyPath: 'key' });
    },
  }));
const keyOf = (subject: string, editionId: string) => `${subject}|${editionId}`;

/** The account a token belongs to (its `sub` claim), read without verifying it: only to key the device's copy. */
export function tokenSubject(token: string | null): string | null {
  const part = token?.split('.')[1];
  if (!part) return null;
  try {
    const base64 = part
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(part.length / 4) * 4, '=');
    const claims: unknown = JSON.parse(atob(base64));
    const sub = (claims as { sub?: unknown } | null)?.sub;
    return typeof sub === 'string' && sub ? sub : null;
  } catch {
    return null;
  }
}

/** Of the saved badges, the one to show: this account's, for the edition asked for, else its newest. */
export function pickSaved(all: readonly SavedBadge[], subject: string, editionId?: string): SavedBadge | undefined {
  const mine = all.filter((b) => b.subject === subject && (!editionId || b.editionId === editionId));
  return [...mine].sort((a, b) => b.savedAt.localeCompare(a.savedAt))[0];
}

export async function saveBadge(badge: SavedBadge): Promise<void> {
  try {
    await (await open()).put('badges', { ...badge, key: keyOf(badge.subject, badge.editionId) });
  } catch {
    // storage blocked (private mode): the badge shows while online only
  }
}

export async function forgetBadge(subject: string, editionId: string): Promise<void> {
  try {
    await (await open()).delete('badges', keyOf(subject, editionId));
  } catch {
    // nothing kept
  }
}

export async function savedBadge(subject: string, editionId?: string): Promise<SavedBadge | undefined> {
  try {
    return pickSaved(await (await open()).getAll('badges'), subject, editionId);
  } catch {
    return undefined;
  }
}

/** Forgets every badge kept on this device (sign-out: a shared phone or kiosk keeps nobody's badge). */
export async function forgetAllBadges(): Promise<void> {
  try {
    await (await open()).clear('badges');
  } catch {
    // nothing kept
  }
}
