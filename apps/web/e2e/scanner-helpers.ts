import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium';
import { blankVideo } from './fake-camera';
import { expect, newEmail } from './fixtures';
import { account, activeBadge, liveEdition, signIn } from './seeding';
import type { Stack } from './stack';

/** The door scanner's browser tests and screenshots: a door seeded through the API, scanners in Chromium with a fake camera. */

export const STATS = `query($c: ID!) { checkpointStats(checkpointId: $c) {
  admitted admittedToday insideNow duplicates rejected devices { deviceId scans admitted queued } } }`;
export const ANNUL = `mutation($s: ID!, $d: String!) { annulScan(scanId: $s, deviceId: $d) { id annulledAt } }`;

export interface Badge {
  name: string;
  attendeeId: string;
  badgeId: string;
  code: string;
}

export interface Door {
  admin: string;
  editionId: string;
  /** A door staffer's token (STAFF of the edition): the scanner signs in as them. */
  staff: string;
  entrance: { id: string; name: string };
  /** A session room that counts exits (a second scan of an admitted badge is an exit). */
  room: { id: string; name: string };
  /** An attendee with an issued, rendered badge. */
  badge(first: string, last: string, accessLevel?: string): Promise<Badge>;
  /** Revokes the badge (reissued as version + 1): its code is refused from now on. */
  revoke(badge: Badge): Promise<void>;
  stats(checkpointId?: string): Promise<{
    admitted: number;
    admittedToday: number;
    insideNow: number;
    duplicates: number;
    rejected: number;
    devices: { deviceId: string; scans: number; admitted: number; queued: number | null }[];
  }>;
}

/** An edition running now (UTC, yesterday to tomorrow) with an entrance and a session room, and a door staffer. */
export async function seedDoor(stack: Stack, name: string): Promise<Door> {
  const admin = await stack.admin();
  const ok = <T = Record<string, unknown>>(q: string, v: Record<string, unknown> = {}, token = admin) =>
    stack.ok<T>(q, v, token);
  const editionId = await liveEdition(stack, admin, name);
  const checkpoint = async (input: Record<string, unknown>) =>
    (
      await ok<{ createCheckpoint: { id: string } }>(
        `mutation($e: ID!, $i: CheckpointInput!) { createCheckpoint(editionId: $e, input: $i) { id } }`,
        { e: editionId, i: { allowed: ['FULL_CONFERENCE', 'SPEAKER'], ...input } },
      )
    ).createCheckpoint.id;
  const entranceName = 'Main entrance';
  const entrance = await checkpoint({ name: entranceName, kind: 'ENTRANCE' });
  const sessionId = (
    await ok<{ createSession: { id: string } }>(
      `mutation($e: ID!, $i: SessionInput!) { createSession(editionId: $e, input: $i) { id } }`,
      {
        e: editionId,
        i: {
          title: 'Sepsis prediction in practice',
          format: 'EDUCATION',
          startsAt: new Date(Date.now() - 3_600_000).toISOString(),
          endsAt: new Date(Date.now() + 3_600_000).toISOString(),
        },
      },
    )
  ).createSession.id;
  const roomName = 'Room 204';
  const room = await checkpoint({ name: roomName, kind: 'SESSION_ROOM', sessionId, exitScanning: true });

  const { email, token: staff } = await account(stack, newEmail('door-staff'), 'Dana Door');
  await ok(`mutation($e: ID!, $m: String!) { grantRole(editionId: $e, email: $m, role: STAFF) }`, {
    e: editionId,
    m: email,
  });

  return {
    admin,
    editionId,
    staff,
    entrance: { id: entrance, name: entranceName },
    room: { id: room, name: roomName },
    async badge(first, last, accessLevel = 'FULL_CONFERENCE') {
      // The worker signs and renders it: ACTIVE with its code once done.
      const issued = await activeBadge(stack, admin, editionId, {
        email: newEmail(first.toLowerCase()),
        firstName: first,
        lastName: last,
        accessLevel,
      });
      return { name: `${first} ${last}`, ...issued };
    },
    async revoke(badge) {
      await ok(`mutation($a: ID!) { reissueBadge(attendeeId: $a) { id } }`, { a: badge.attendeeId });
    },
    async stats(checkpointId = entrance) {
      return (await ok<{ checkpointStats: Awaited<ReturnType<Door['stats']>> }>(STATS, { c: checkpointId }))
        .checkpointStats;
    },
  };
}

/**
 * A forged badge: a real code's key id, badge id and version with one byte of its signature changed
 * (still a well-formed code: only the signature check can refuse it).
 */
export function forge(code: string): string {
  const bytes = Buffer.from(code.slice('CB1.'.length), 'base64url');
  bytes[bytes.length - 1] ^= 0x5a;
  return `CB1.${bytes.toString('base64url')}`;
}

/** A temporary folder for videos (a Y4M is ~0.5 MB a frame), removed by `done`. */
export function videoDir(): { path: (name: string) => string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'scanner-e2e-'));
  return { path: (name) => join(dir, name), done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Chromium with a fake camera playing `video` (one browser per video: the flag is per process). */
export function cameraBrowser(video: string): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      ...chromiumArgs,
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
}

/** Chromium whose camera sees a white wall: for the tests that scan with the keyboard. */
export async function blankCameraBrowser(dir: ReturnType<typeof videoDir>): Promise<Browser> {
  const file = dir.path('blank.y4m');
  blankVideo(file);
  return cameraBrowser(file);
}

/** A phone-sized scanner context on the stack (its own storage: its own device). */
export function scannerContext(
  browser: Browser,
  stack: Stack,
  serviceWorkers: 'allow' | 'block' = 'block',
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: stack.baseURL,
    viewport: { width: 390, height: 844 },
    serviceWorkers,
    permissions: ['camera'],
  });
}

export const checkpointBox = (page: Page) => page.getByRole('combobox', { name: 'Checkpoint' });
export const scanResult = (page: Page) => page.getByRole('status', { name: 'Scan result' });
/** The "N waiting to sync" line (any N > 0). */
export const waiting = (page: Page) => page.getByText(/\b[1-9]\d* waiting to sync\b/);

/** Signs the page in as `token`, opens the scanner for the edition and picks the checkpoint. */
export async function openScanner(page: Page, token: string, editionId: string, checkpoint: string): Promise<void> {
  // A confirmation (annul) is accepted as a person would; Playwright would dismiss it.
  page.on('dialog', (dialog) => void dialog.accept());
  await signIn(page, token);
  await page.goto(`/scan?edition=${editionId}`);
  await chooseCheckpoint(page, checkpoint);
}

export async function chooseCheckpoint(page: Page, checkpoint: string): Promise<void> {
  const box = checkpointBox(page);
  await expect(box).toBeVisible({ timeout: 15_000 });
  await expect(box.getByRole('option', { name: checkpoint })).toHaveCount(1, { timeout: 15_000 });
  await box.selectOption({ label: checkpoint });
  await expect(page.getByRole('textbox', { name: 'Badge code' })).toBeEnabled();
}

/** A handheld scanner: the code's characters and Enter, typed fast, with the focus on no field. */
export async function wedge(page: Page, code: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

/** Manual entry: the code typed into the Badge code field, then Check. */
export async function typeCode(page: Page, code: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Badge code' }).fill(code);
  await page.getByRole('button', { name: 'Check', exact: true }).click();
}
