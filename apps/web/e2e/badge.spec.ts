import { type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { expect, expectAccessible, newEmail, PASSWORD, test } from './fixtures';
import type { Stack } from './stack';

/** My badge and my CE credits (issue 16): seeded through the API, badges rendered by the stack's worker. */

const QR = (page: Page) => page.getByRole('img', { name: 'Badge QR code' });
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** An edition running now (UTC days: yesterday to tomorrow), so that session-room scans of yesterday count. */
async function runningEdition(stack: Stack, name: string) {
  const admin = await stack.admin();
  const { createEdition } = await stack.ok<{ createEdition: { id: string } }>(
    `mutation($i: EditionInput!) { createEdition(input: $i) { id } }`,
    { i: { name, year: Number(day(0).slice(0, 4)), timezone: 'UTC', startsOn: day(-1), endsOn: day(1) } },
    admin,
  );
  return { admin, editionId: createEdition.id };
}

/** A verified account registered for the edition (no badge yet). */
async function attendee(
  stack: Stack,
  editionId: string,
  admin: string,
  first: string,
  last: string,
  accessLevel = 'FULL_CONFERENCE',
) {
  const email = newEmail(first.toLowerCase());
  await stack.ok(`mutation($i: SignUpInput!) { signUp(input: $i) { token } }`, {
    i: { email, name: `${first} ${last}`, password: PASSWORD },
  });
  const link = await stack.mailedLink(email, 'verify-email');
  await stack.ok(`mutation($t: String!) { verifyEmail(token: $t) }`, { t: new URL(link).searchParams.get('token') });
  const { registerAttendee } = await stack.ok<{ registerAttendee: { id: string } }>(
    `mutation($e: ID!, $i: AttendeeInput!) { registerAttendee(editionId: $e, input: $i) { id } }`,
    { e: editionId, i: { email, firstName: first, lastName: last, company: 'Mercy General', accessLevel } },
    admin,
  );
  const { login } = await stack.ok<{ login: { token: string } }>(
    `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
    { e: email, p: PASSWORD },
  );
  return { email, token: login.token, attendeeId: registerAttendee.id };
}

async function issueBadge(stack: Stack, admin: string, attendeeId: string): Promise<string> {
  const { issueBadge } = await stack.ok<{ issueBadge: { id: string } }>(
    `mutation($a: ID!) { issueBadge(attendeeId: $a) { id } }`,
    { a: attendeeId },
    admin,
  );
  return issueBadge.id;
}

async function activeCode(stack: Stack, admin: string, badgeId: string): Promise<string> {
  let code: string | null = null;
  await expect
    .poll(
      async () => {
        const { badge } = await stack.ok<{ badge: { status: string; code: string | null } }>(
          `query($id: ID!) { badge(id: $id) { status code } }`,
          { id: badgeId },
          admin,
        );
        code = badge.code;
        return badge.status;
      },
      { timeout: 20_000 },
    )
    .toBe('ACTIVE');
  return code!;
}

async function signIn(page: Page, token: string) {
  await page.goto('/login');
  await page.evaluate((t) => localStorage.setItem('conference.token', t), token);
}

/** The QR as the screen shows it (a screenshot of the img), decoded by jsQR. */
async function decodeShownQr(page: Page): Promise<string | undefined> {
  const png = PNG.sync.read(await QR(page).screenshot());
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)
    ?.data;
}

/** How many badges this device keeps (the page's IndexedDB store), run in the page. */
const keptBadges = () =>
  new Promise<number>((resolve) => {
    const open = indexedDB.open('conference-badge');
    open.onsuccess = () => {
      const count = open.result.transaction('badges').objectStore('badges').count();
      count.onsuccess = () => resolve(count.result);
      count.onerror = () => resolve(0);
    };
    open.onerror = () => resolve(0);
  });

test('the badge page waits for the badge, then shows a QR that decodes to the badge’s code, with name and access level', async ({
  page,
  stack,
}) => {
  const { admin, editionId } = await runningEdition(stack, 'Badge Expo');
  const me = await attendee(stack, editionId, admin, 'Ines', 'Okafor', 'SPEAKER');

  await page.goto(`/badge?edition=${editionId}`);
  await expect(page.getByRole('link', { name: 'Sign in to see your badge' })).toBeVisible();
  await expectAccessible(page);

  await signIn(page, me.token);
  await page.goto(`/badge?edition=${editionId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'My badge' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Your badge has not been issued yet' })).toBeVisible();
  await expectAccessible(page);

  const badgeId = await issueBadge(stack, admin, me.attendeeId);
  await page.reload();
  // PENDING for as long as the worker renders it (the page asks again by itself), then the QR.
  await expect(QR(page)).toBeVisible({ timeout: 20_000 });
  const code = await activeCode(stack, admin, badgeId);
  await expect(page.getByRole('heading', { level: 2, name: 'Ines Okafor' })).toBeVisible();
  await expect(page.getByText('Mercy General')).toBeVisible();
  await expect(page.getByText('Access: Speaker')).toBeVisible();
  // Large enough to scan from a phone screen: most of a 390 px wide viewport.
  const box = (await QR(page).boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(300);
  expect(await decodeShownQr(page)).toBe(code);
  await expectAccessible(page);

  await page.setViewportSize({ width: 1440, height: 900 });
  expect(await decodeShownQr(page)).toBe(code);
});

test('a badge still being generated says so, and appears without a reload once the worker is done', async ({
  page,
  stack,
}) => {
  const { admin, editionId } = await runningEdition(stack, 'Pending Expo');
  const me = await attendee(stack, editionId, admin, 'Paul', 'Pending');
  await signIn(page, me.token);
  // Hold the first answer that shows the badge PENDING, whatever the worker's speed: the page must say so, then poll.
  let held = false;
  await page.route('**/graphql', async (route) => {
    const body = route.request().postDataJSON() as { operationName?: string } | null;
    if (held || body?.operationName !== 'MyBadge') return route.continue();
    held = true;
    const response = await route.fetch();
    const json = await response.json();
    if (json.data?.myAttendee?.badge)
      json.data.myAttendee.badge = {
        ...json.data.myAttendee.badge,
        status: 'PENDING',
        code: null,
        qrSvg: null,
        pdfUrl: null,
      };
    await route.fulfill({ response, json });
  });
  const badgeId = await issueBadge(stack, admin, me.attendeeId);
  await page.goto(`/badge?edition=${editionId}`);
  await expect(page.getByRole('status').filter({ hasText: 'Your badge is being generated' })).toBeVisible();
  await expectAccessible(page);
  await expect(QR(page)).toBeVisible({ timeout: 15_000 });
  expect(await decodeShownQr(page)).toBe(await activeCode(stack, admin, badgeId));
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('the badge page is readable offline after one visit, from the copy on the device, with its "as of"', async ({
    page,
    context,
    stack,
  }) => {
    const { admin, editionId } = await runningEdition(stack, 'Offline Badge Expo');
    const me = await attendee(stack, editionId, admin, 'Olu', 'Offline');
    const code = await activeCode(stack, admin, await issueBadge(stack, admin, me.attendeeId));
    await signIn(page, me.token);
    await page.goto(`/badge?edition=${editionId}`);
    await expect(QR(page)).toBeVisible();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await expect.poll(() => page.evaluate(keptBadges)).toBe(1);

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'My badge' })).toBeVisible();
    await expect(page.getByText(/Offline: the copy kept on this device, as of/)).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Olu Offline' })).toBeVisible();
    expect(await decodeShownQr(page)).toBe(code);
    await expectAccessible(page);

    // Without ?edition= (the editions cannot be fetched offline) the newest copy of this account shows.
    await page.goto('/badge');
    await expect(QR(page)).toBeVisible();
    expect(await decodeShownQr(page)).toBe(code);
    await context.setOffline(false);

    // Signing out forgets the copy: a shared phone keeps nobody's badge.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.evaluate(keptBadges)).toBe(0);
  });
});

test('my CE credits: attended sessions with minutes and credits, the total and the certificate', async ({
  page,
  stack,
}) => {
  const { admin, editionId } = await runningEdition(stack, 'Credits Expo');
  const me = await attendee(stack, editionId, admin, 'Cora', 'Credits');
  const code = await activeCode(stack, admin, await issueBadge(stack, admin, me.attendeeId));
  const yesterday = (h: number, m = 0) => `${day(-1)}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00Z`;
  const { createRoom } = await stack.ok<{ createRoom: { id: string } }>(
    `mutation($e: ID!) { createRoom(editionId: $e, input: { name: "Room 204", capacity: 80 }) { id } }`,
    { e: editionId },
    admin,
  );
  const attend = async (
    title: string,
    from: number,
    to: number,
    ceCredits: number,
    inAt: [number, number],
    outAt: [number, number],
  ) => {
    const { createSession } = await stack.ok<{ createSession: { id: string } }>(
      `mutation($e: ID!, $i: SessionInput!) { createSession(editionId: $e, input: $i) { id } }`,
      {
        e: editionId,
        i: {
          title,
          startsAt: yesterday(from),
          endsAt: yesterday(to),
          roomId: createRoom.id,
          format: 'EDUCATION',
          ceCredits,
        },
      },
      admin,
    );
    await stack.ok(`mutation($id: ID!) { publishSession(id: $id) { id } }`, { id: createSession.id }, admin);
    const { createCheckpoint } = await stack.ok<{ createCheckpoint: { id: string } }>(
      `mutation($e: ID!, $i: CheckpointInput!) { createCheckpoint(editionId: $e, input: $i) { id } }`,
      {
        e: editionId,
        i: {
          name: title,
          kind: 'SESSION_ROOM',
          sessionId: createSession.id,
          allowed: ['FULL_CONFERENCE'],
          exitScanning: true,
          minAttendanceShare: 0.75,
        },
      },
      admin,
    );
    await stack.ok(
      `mutation($c: ID!, $s: [OfflineScanInput!]!) { syncScans(checkpointId: $c, scans: $s) { admitted } }`,
      {
        c: createCheckpoint.id,
        s: [inAt, outAt].map(([h, m], i) => ({ code, clientScanId: `${title}-${i}`, scannedAt: yesterday(h, m) })),
      },
      admin,
    );
  };
  await attend('Sepsis prediction in practice', 9, 10, 1.5, [9, 2], [10, 0]);
  await attend('Left early: coding audits', 11, 12, 1, [11, 0], [11, 20]);

  await signIn(page, me.token);
  await page.goto(`/credits?edition=${editionId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'My CE credits' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Attended sessions' });
  await expect(table).toBeVisible();
  const row = (title: string) => table.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
  await expect(row('Sepsis prediction in practice')).toContainText('58');
  await expect(row('Sepsis prediction in practice').getByRole('cell').last()).toHaveText('1.50');
  await expect(row('Left early: coding audits')).toContainText('20');
  await expect(row('Left early: coding audits').getByRole('cell').last()).toHaveText('0');
  await expect(page.getByText('1.50 CE credits earned')).toBeVisible();
  const certificate = page.getByRole('link', { name: 'Download certificate (PDF)' });
  const href = await certificate.getAttribute('href');
  const pdf = await page.request.get(href!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  await expectAccessible(page);
});
