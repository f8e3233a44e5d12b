import { type Browser, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { badgesAfterAMoment, lumaToRgba, markerOf, readY4mLuma, writeY4m } from './fake-camera';
import { expect, expectAccessible, test } from './fixtures';
import {
  ANNUL,
  blankCameraBrowser,
  cameraBrowser,
  chooseCheckpoint,
  forge,
  openScanner,
  scannerContext,
  scanResult,
  seedDoor,
  typeCode,
  videoDir,
  waiting,
  wedge,
} from './scanner-helpers';
import { watchUploads } from './seeding';

/**
 * The door scanner at /scan (issue 18; UI.md "Scanner"): Chromium with a fake camera playing a Y4M
 * made here from real issued badges' QR codes, the real API + worker (e2e/stack.ts), the network cut
 * with context.setOffline.
 */

const ADMITTED = /^\s*Admitted\b/;
const ALREADY = /^\s*Already admitted\b/;
const REJECTED = /^\s*Rejected\b/;

/** The Offline indicator (not the verdict's "Judged offline", nor any other line that mentions it). */
const offlineSign = (page: Page) => page.getByText('Offline', { exact: true });

test('the fake camera: the first frame of a badge video decodes (jsQR) to the badge code, a blank frame to nothing', () => {
  const dir = videoDir();
  try {
    const code = `CB1.${Buffer.alloc(86, 7).toString('base64url')}`; // a well-formed code's length and alphabet
    const file = dir.path('check.y4m');
    expect(writeY4m(file, [{ code, frames: 2, marker: 5 }])).toBe(2);
    const frame = readY4mLuma(file, 0);
    expect([frame.width, frame.height, frame.fps]).toEqual([640, 480, '10:1']);
    expect(jsQR(lumaToRgba(frame.luma, 640, 480), 640, 480)?.data).toBe(code);
    expect(markerOf(frame.luma, 640)).toBe(5);

    const later = dir.path('later.y4m');
    expect(badgesAfterAMoment(later, [code], { gapSec: 1, showSec: 1 })).toBe(20);
    const blank = readY4mLuma(later, 0);
    expect(jsQR(lumaToRgba(blank.luma, 640, 480), 640, 480)).toBeNull();
    const shown = readY4mLuma(later, 10);
    expect(jsQR(lumaToRgba(shown.luma, 640, 480), 640, 480)?.data).toBe(code);
  } finally {
    dir.done();
  }
});

/** Run in the page before its scripts: keeps each new text of the Scan result region in window.__verdicts. */
function recordVerdicts() {
  const w = window as unknown as { __verdicts: string[] };
  w.__verdicts = [];
  let last = '';
  new MutationObserver(() => {
    const text = document.querySelector('[role="status"][aria-label="Scan result"]')?.textContent?.trim() ?? '';
    if (text && text !== last) w.__verdicts.push(text);
    last = text;
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

/** Whether `texts` has a match of each pattern, in this order (others between allowed). */
const inOrder = (texts: string[], patterns: RegExp[]) => {
  let i = 0;
  for (const text of texts) if (i < patterns.length && patterns[i].test(text)) i++;
  return i === patterns.length;
};

test('camera: a badge is admitted, the same badge again is already admitted, a revoked badge is rejected', async ({
  stack,
}) => {
  test.setTimeout(150_000);
  const door = await seedDoor(stack, 'Camera Door Expo');
  const ada = await door.badge('Ada', 'Camera');
  const lost = await door.badge('Luis', 'Lost');
  await door.revoke(lost);
  const dir = videoDir();
  // Nothing for 3 s, Ada's badge for 1 s, nothing, Ada's again, nothing, the revoked badge; then the
  // loop. The gaps are longer than the ~2 s in which the scanner ignores the same code.
  badgesAfterAMoment(dir.path('door.y4m'), [ada.code, ada.code, lost.code], { gapSec: 3, showSec: 1, tailSec: 3 });
  const browser = await cameraBrowser(dir.path('door.y4m'));
  try {
    const page = await (await scannerContext(browser, stack)).newPage();
    await page.addInitScript(recordVerdicts);
    await openScanner(page, door.staff, door.editionId, door.entrance.name);
    const result = scanResult(page);
    await expect(result).toHaveText(ADMITTED, { timeout: 30_000 });
    await expect(result).toContainText(ada.name);
    await expect(result).not.toContainText('offline');
    await expectAccessible(page);
    // Every verdict the page showed, in order (a verdict stays a few seconds; none may be missed).
    const shown = () => page.evaluate(() => (window as unknown as { __verdicts: string[] }).__verdicts);
    const expected = [ADMITTED, ALREADY, REJECTED];
    // On failure the verdicts seen are the received value.
    await expect
      .poll(async () => (inOrder(await shown(), expected) ? 'in order' : (await shown()).join(' | ')), {
        timeout: 60_000,
      })
      .toBe('in order');
    const verdicts = await shown();
    expect(verdicts.find((v) => ALREADY.test(v))).toContain(ada.name);
    expect(verdicts.find((v) => REJECTED.test(v))).toMatch(/revoked/i);
    await expectAccessible(page);

    const stats = await door.stats();
    expect(stats).toMatchObject({ admitted: 1, admittedToday: 1 });
    expect(stats.duplicates).toBeGreaterThanOrEqual(1);
    expect(stats.rejected).toBeGreaterThanOrEqual(1);
  } finally {
    await browser.close();
    dir.done();
  }
});

test('keyboard-wedge: a code typed with Enter anywhere on the page is checked, and so is one typed into Badge code', async ({
  stack,
}) => {
  const door = await seedDoor(stack, 'Wedge Door Expo');
  const [wes, mia] = [await door.badge('Wes', 'Wedge'), await door.badge('Mia', 'Manual')];
  const dir = videoDir();
  const browser = await blankCameraBrowser(dir);
  try {
    const page = await (await scannerContext(browser, stack)).newPage();
    await openScanner(page, door.staff, door.editionId, door.entrance.name);
    await expectAccessible(page);
    const result = scanResult(page);

    await wedge(page, wes.code);
    await expect(result).toHaveText(ADMITTED);
    await expect(result).toContainText(wes.name);
    await expectAccessible(page);
    await wedge(page, wes.code);
    await expect(result).toHaveText(ALREADY);

    await typeCode(page, mia.code);
    await expect(result).toHaveText(ADMITTED);
    await expect(result).toContainText(mia.name);
    await typeCode(page, 'hello, not a badge');
    await expect(result).toHaveText(REJECTED);
    await expectAccessible(page);
    expect(await door.stats()).toMatchObject({ admitted: 2, duplicates: 1, rejected: 1 });

    // A session room that counts exits: in, then out.
    await chooseCheckpoint(page, door.room.name);
    await wedge(page, wes.code);
    await expect(result).toHaveText(ADMITTED);
    await expect(result).not.toContainText(/exit/i);
    await wedge(page, wes.code);
    await expect(result).toHaveText(ADMITTED);
    await expect(result).toContainText(/exit/i);
    expect(await door.stats(door.room.id)).toMatchObject({ admittedToday: 1, insideNow: 0 });
  } finally {
    await browser.close();
    dir.done();
  }
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('the network cut mid-shift: offline verdicts, the queue survives a reload, one upload on reconnect', async ({
    stack,
  }) => {
    test.setTimeout(150_000);
    const door = await seedDoor(stack, 'Offline Door Expo');
    const [before, during, afterReload] = [
      await door.badge('Bea', 'Before'),
      await door.badge('Dov', 'During'),
      await door.badge('Rae', 'Reload'),
    ];
    const dir = videoDir();
    const browser = await blankCameraBrowser(dir);
    try {
      const context = await scannerContext(browser, stack, 'allow');
      const page = await context.newPage();
      const uploads = watchUploads(page, 'syncScans');
      await openScanner(page, door.staff, door.editionId, door.entrance.name);
      const result = scanResult(page);
      // Online first: the service worker installs (the app shell cached) and the dataset downloads.
      await wedge(page, before.code);
      await expect(result).toHaveText(ADMITTED);
      await expect(result).not.toContainText('offline');
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await page.waitForLoadState('networkidle');

      await context.setOffline(true);
      await expect(offlineSign(page)).toBeVisible();
      await wedge(page, during.code);
      await expect(result).toHaveText(ADMITTED);
      await expect(result).toContainText('offline');
      await expect(result).toContainText(during.name);
      await wedge(page, forge(during.code));
      await expect(result).toHaveText(REJECTED);
      await expect(result).toContainText('offline');
      await expect(waiting(page)).toHaveText(/\b2 waiting to sync/);
      await expectAccessible(page);

      // A reload with no network: the service worker opens the scanner, the queue is still there.
      await page.reload();
      await expect(offlineSign(page)).toBeVisible({ timeout: 15_000 });
      await chooseCheckpoint(page, door.entrance.name);
      await expect(waiting(page)).toHaveText(/\b2 waiting to sync/);
      await wedge(page, afterReload.code);
      await expect(result).toHaveText(ADMITTED);
      await expect(result).toContainText('offline');
      await expect(waiting(page)).toHaveText(/\b3 waiting to sync/);
      await expectAccessible(page);

      // Back online: the queue uploads by itself.
      await context.setOffline(false);
      await expect(offlineSign(page)).toBeHidden({ timeout: 20_000 });
      await expect(waiting(page)).toHaveCount(0, { timeout: 20_000 });
      const uploaded = uploads.filter((u) => Array.isArray(u.variables.scans) && u.variables.scans.length > 0);
      expect(uploaded.length).toBeGreaterThanOrEqual(1);

      // Exactly once on the server: one row per scan, the counts equal the scans made.
      const counted = async () => {
        const stats = await door.stats();
        const rows = await stack.sql<{ client_scan_id: string; n: number }>(
          `SELECT client_scan_id, count(*)::int AS n FROM scan WHERE checkpoint_id = $1 GROUP BY 1 ORDER BY 1`,
          [door.entrance.id],
        );
        return { admitted: stats.admitted, rejected: stats.rejected, duplicates: stats.duplicates, rows };
      };
      const expected = { admitted: 3, rejected: 1, duplicates: 0 };
      await expect.poll(async () => (await counted()).admitted).toBe(3);
      const settled = await counted();
      expect(settled).toMatchObject(expected);
      expect(settled.rows.reduce((n, r) => n + r.n, 0)).toBe(4); // before (online), during, forged, after the reload
      for (const row of settled.rows) expect(row.n).toBe(1);
      const devices = (await door.stats()).devices;
      expect(devices).toHaveLength(1);
      expect(devices[0]).toMatchObject({ scans: 4, admitted: 3 });

      // A second sync, then the same upload sent again: nothing changes.
      await page.getByRole('button', { name: 'Sync now' }).click();
      await page.waitForLoadState('networkidle');
      expect(await counted()).toEqual(settled);
      const retried = uploaded[uploaded.length - 1];
      const again = await stack.gql<{ syncScans: { admitted: number } }>(retried.query, retried.variables, door.staff);
      expect(again.errors).toBeUndefined();
      expect(await counted()).toEqual(settled);
      expect((await door.stats()).devices[0].queued ?? 0).toBe(0);
    } finally {
      await browser.close();
      dir.done();
    }
  });

  test('two scanners offline admit the same badge: one admission on the server, a conflict shown', async ({
    stack,
  }) => {
    test.setTimeout(150_000);
    const door = await seedDoor(stack, 'Two Doors Expo');
    const [warm, twin] = [await door.badge('Wil', 'Warm'), await door.badge('Tia', 'Twice')];
    const dir = videoDir();
    const browser = await blankCameraBrowser(dir);
    try {
      const contexts = [await scannerContext(browser, stack, 'allow'), await scannerContext(browser, stack, 'allow')];
      const pages: Page[] = [];
      for (const context of contexts) {
        const page = await context.newPage();
        await openScanner(page, door.staff, door.editionId, door.entrance.name);
        pages.push(page);
      }
      // Each online once (the dataset downloaded), the warm-up badge admitted then already admitted.
      await wedge(pages[0], warm.code);
      await expect(scanResult(pages[0])).toHaveText(ADMITTED);
      await wedge(pages[1], warm.code);
      await expect(scanResult(pages[1])).toHaveText(ALREADY);
      for (const page of pages) await page.waitForLoadState('networkidle');

      for (const context of contexts) await context.setOffline(true);
      for (const page of pages) {
        await expect(offlineSign(page)).toBeVisible();
        await wedge(page, twin.code);
        await expect(scanResult(page)).toHaveText(ADMITTED);
        await expect(scanResult(page)).toContainText('offline');
        await expect(waiting(page)).toHaveText(/\b1 waiting to sync/);
      }

      for (const [i, context] of contexts.entries()) {
        await context.setOffline(false);
        await expect(waiting(pages[i])).toHaveCount(0, { timeout: 20_000 });
      }
      const stats = await door.stats();
      expect(stats).toMatchObject({ admitted: 2, duplicates: 2 }); // warm-up + one of the twins; one of each a duplicate
      const conflicts = await stack.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM scan
          WHERE checkpoint_id = $1 AND offline_outcome = 'ADMITTED' AND outcome <> 'ADMITTED'`,
        [door.entrance.id],
      );
      expect(conflicts[0].n).toBe(1);
      const twinAdmissions = await stack.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM scan
          WHERE checkpoint_id = $1 AND attendee_id = $2 AND outcome = 'ADMITTED' AND annulled_at IS NULL`,
        [door.entrance.id, twin.attendeeId],
      );
      expect(twinAdmissions[0].n).toBe(1);
      // One of the pages says so, for the supervisor.
      await expect
        .poll(
          async () => (await pages[0].getByText(/conflict/i).count()) + (await pages[1].getByText(/conflict/i).count()),
          {
            timeout: 15_000,
          },
        )
        .toBeGreaterThan(0);
      for (const page of pages) await expectAccessible(page);
    } finally {
      await browser.close();
      dir.done();
    }
  });
});

test('annul: an admission is annulled from the scan log within 15 minutes, and refused after', async ({ stack }) => {
  const door = await seedDoor(stack, 'Annul Door Expo');
  const turn = await door.badge('Tom', 'Turnstile');
  const dir = videoDir();
  let browser: Browser | undefined;
  try {
    browser = await blankCameraBrowser(dir);
    const page = await (await scannerContext(browser, stack)).newPage();
    await openScanner(page, door.staff, door.editionId, door.entrance.name);
    const result = scanResult(page);
    await wedge(page, turn.code);
    await expect(result).toHaveText(ADMITTED);
    expect((await door.stats()).admitted).toBe(1);

    const annulButton = page.getByRole('button', { name: /Annul/ });
    await expect(annulButton).toHaveCount(1);
    await annulButton.click();
    await expect.poll(async () => (await door.stats()).admitted).toBe(0);
    // Annulled: the badge is admitted again (a turnstile that did not turn).
    await wedge(page, turn.code);
    await expect(result).toHaveText(ADMITTED);
    expect((await door.stats()).admitted).toBe(1);
    await expectAccessible(page);

    // 16 minutes later (the scan's time moved back): the API refuses to annul it.
    const [scan] = await stack.sql<{ id: string; device_id: string }>(
      `UPDATE scan SET scanned_at = scanned_at - interval '16 minutes'
        WHERE checkpoint_id = $1 AND outcome = 'ADMITTED' AND annulled_at IS NULL RETURNING id, device_id`,
      [door.entrance.id],
    );
    expect(scan.device_id).toBeTruthy();
    const refused = await stack.gql(ANNUL, { s: scan.id, d: scan.device_id }, door.staff);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WINDOW_CLOSED' });
    // The page's button, if it still offers one for the scan, is refused the same way: the admission stays.
    const stale = page.getByRole('button', { name: /Annul/ });
    if (await stale.count()) {
      await stale.first().click();
      await page.waitForLoadState('networkidle');
    }
    expect((await door.stats()).admitted).toBe(1);
  } finally {
    await browser?.close();
    dir.done();
  }
});
