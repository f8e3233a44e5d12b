import { readFile } from 'node:fs/promises';
import { type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { expect, expectAccessible, newEmail, PASSWORD, test } from './fixtures';
import type { Stack } from './stack';

/** The back office's Attendees and Badges screens (issue 20), seeded through the API as the platform organizer. */

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function edition(stack: Stack, name: string) {
  const admin = await stack.admin();
  const { createEdition } = await stack.ok<{ createEdition: { id: string } }>(
    `mutation($i: EditionInput!) { createEdition(input: $i) { id } }`,
    { i: { name, year: Number(day(0).slice(0, 4)), timezone: 'UTC', startsOn: day(0), endsOn: day(2) } },
    admin,
  );
  return { admin, editionId: createEdition.id };
}

async function signIn(page: Page, token: string) {
  await page.goto('/login');
  await page.evaluate((t) => localStorage.setItem('conference.token', t), token);
}

const attendeeRows = (page: Page) => page.getByRole('table', { name: 'Attendees' }).locator('tbody tr');

test.use({ viewport: { width: 1280, height: 900 } });

test('imports a CSV, reports every row, downloads the refused rows; searches, filters, revokes a badge', async ({
  page,
  stack,
}) => {
  const { admin, editionId } = await edition(stack, 'Attendees Expo');
  await signIn(page, admin);
  await page.goto(`/admin/attendees?edition=${editionId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Attendees' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'No attendees match.' })).toBeVisible();

  const header = 'Email,First Name,Last Name,Company,Pass';
  const bad = [
    ['not-an-email', 'Bob', 'Baker, Jr.', 'Say "hi" Clinic', 'Expo only'],
    ['gold@x.example', 'Gil', 'Gold', 'Goldline', 'Platinum'],
  ];
  const csv = [
    header,
    'ann.archer@x.example,Ann,Archer,Mercy General,Full conference',
    'not-an-email,Bob,"Baker, Jr.","Say ""hi"" Clinic",Expo only',
    'cy.cole@x.example,Cy,Cole,Cole Labs,Press',
    'gold@x.example,Gil,Gold,Goldline,Platinum',
    'dee.dunn@x.example,Dee,Dunn,Mercy General,Expo-Only',
  ].join('\r\n');
  await page
    .getByLabel('Import CSV')
    .setInputFiles({ name: 'march.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

  const report = page.getByRole('table', { name: 'Import report: march.csv' });
  await expect(report.locator('tbody tr')).toHaveCount(5);
  await expect(page.getByRole('status').filter({ hasText: 'created' })).toContainText('3 created');
  await expect(page.getByRole('status').filter({ hasText: 'created' })).toContainText('2 refused');
  // Refused rows first, with the server's reasons.
  await expect(report.locator('tbody tr').nth(0)).toContainText(/2\s*not-an-email\s*Refused/);
  await expect(report.locator('tbody tr').nth(1)).toContainText(/4\s*gold@x.example\s*Refused/);
  await expect(report.locator('tbody tr').nth(1)).toContainText(/access level/i);
  await expect(attendeeRows(page)).toHaveCount(3);
  await expectAccessible(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download refused rows' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('march-refused.csv');
  const text = await readFile(await download.path(), 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(parse(text, { bom: true })).toEqual([header.split(','), ...bad]);

  // Search (debounced, any case) and filters.
  await page.getByRole('searchbox', { name: 'Search attendees' }).fill('ARCH');
  await expect(attendeeRows(page)).toHaveCount(1);
  await expect(attendeeRows(page).first()).toContainText('Archer, Ann');
  await page.getByRole('searchbox', { name: 'Search attendees' }).fill('');
  await page.getByRole('combobox', { name: 'Access level' }).selectOption('EXPO_ONLY');
  await expect(attendeeRows(page)).toHaveCount(1);
  await expect(attendeeRows(page).first()).toContainText('Dunn, Dee');
  await page.getByRole('combobox', { name: 'Access level' }).selectOption('');
  await page.getByRole('combobox', { name: 'Checked in' }).selectOption('yes');
  await expect(page.getByRole('status').filter({ hasText: 'No attendees match.' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Checked in' }).selectOption('');
  await expect(attendeeRows(page)).toHaveCount(3);

  // An active badge, revoked from the attendee's page.
  const { attendees } = await stack.ok<{ attendees: { edges: { node: { id: string } }[] } }>(
    `query($e: ID!) { attendees(editionId: $e, filter: { search: "archer" }) { edges { node { id } } } }`,
    { e: editionId },
    admin,
  );
  const archer = attendees.edges[0].node.id;
  const { issueBadge } = await stack.ok<{ issueBadge: { id: string } }>(
    `mutation($a: ID!) { issueBadge(attendeeId: $a) { id } }`,
    { a: archer },
    admin,
  );
  let code = '';
  await expect
    .poll(
      async () => {
        const { badge } = await stack.ok<{ badge: { status: string; code: string | null } }>(
          `query($id: ID!) { badge(id: $id) { status code } }`,
          { id: issueBadge.id },
          admin,
        );
        code = badge.code ?? '';
        return badge.status;
      },
      { timeout: 20_000 },
    )
    .toBe('ACTIVE');
  const { createCheckpoint } = await stack.ok<{ createCheckpoint: { id: string } }>(
    `mutation($e: ID!) { createCheckpoint(editionId: $e, input: { name: "North entrance", kind: ENTRANCE, allowed: [FULL_CONFERENCE] }) { id } }`,
    { e: editionId },
    admin,
  );
  await stack.ok(
    `mutation($i: ScanInput!) { scanBadge(input: $i) { outcome } }`,
    { i: { checkpointId: createCheckpoint.id, code } },
    admin,
  );
  await page.getByRole('link', { name: 'Archer, Ann' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ann Archer' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Badge QR code' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Scans' }).locator('tbody tr')).toHaveCount(1);
  await expect(page.getByRole('table', { name: 'Scans' })).toContainText(/North entrance\s*Admitted/);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Revoke badge' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke Ann Archer’s badge?' });
  await expect(dialog).toContainText('The doors refuse this badge from now on');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The badge is revoked.' })).toBeVisible();
  await expect(page.getByText('No current badge')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Issue badge' })).toBeVisible();

  await page.getByRole('link', { name: 'Attendees' }).first().click();
  await page.getByRole('combobox', { name: 'Badge status' }).selectOption('REVOKED');
  await expect(attendeeRows(page)).toHaveCount(1);
  await expect(attendeeRows(page).first()).toContainText('Archer, Ann');
  await page.getByRole('combobox', { name: 'Badge status' }).selectOption('');
  await page.getByRole('combobox', { name: 'Checked in' }).selectOption('yes');
  await expect(attendeeRows(page)).toHaveCount(1);
  await expect(attendeeRows(page).first()).toContainText('Archer, Ann');
});

test('pages through the list with Next and Previous', async ({ page, stack }) => {
  const { admin, editionId } = await edition(stack, 'Paging Expo');
  const rows = Array.from({ length: 30 }, (_, i) => ({
    email: `p${i}@paging.example`,
    firstName: 'Pat',
    lastName: `Page${String(i).padStart(2, '0')}`,
    accessLevel: 'FULL_CONFERENCE',
  }));
  await stack.ok(
    `mutation($e: ID!, $r: [AttendeeImportRow!]!) { importAttendees(editionId: $e, rows: $r) { created } }`,
    { e: editionId, r: rows },
    admin,
  );
  await signIn(page, admin);
  await page.goto(`/admin/attendees?edition=${editionId}`);
  await expect(page.getByRole('status').filter({ hasText: '30 attendees, 1–25 shown' })).toBeVisible();
  await expect(attendeeRows(page)).toHaveCount(25);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('status').filter({ hasText: '30 attendees, 26–30 shown' })).toBeVisible();
  await expect(attendeeRows(page).first()).toContainText('Page25, Pat');
  await page.getByRole('button', { name: 'Previous' }).click();
  await expect(attendeeRows(page).first()).toContainText('Page00, Pat');
});

test('generates badges with a live progress bar to 100 %, prints a sheet, rotates and retires a key', async ({
  page,
  stack,
}) => {
  const { admin, editionId } = await edition(stack, 'Badges Expo');
  const rows = Array.from({ length: 60 }, (_, i) => ({
    email: `b${i}@badges.example`,
    firstName: 'Bea',
    lastName: `Batch${i}`,
    accessLevel: i % 3 ? 'FULL_CONFERENCE' : 'PRESS',
  }));
  await stack.ok(
    `mutation($e: ID!, $r: [AttendeeImportRow!]!) { importAttendees(editionId: $e, rows: $r) { created } }`,
    { e: editionId, r: rows },
    admin,
  );
  await signIn(page, admin);
  await page.goto(`/admin/badges?edition=${editionId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Badges' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Badges by status' })).toContainText('60 without a badge');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Generate badges' }).click();
  const bar = page.getByRole('progressbar', { name: 'Badge generation' });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuenow', '100', { timeout: 45_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Finished' })).toContainText('60 of 60 badges printed');
  await expect(page.getByRole('list', { name: 'Badges by status' })).toContainText('60 active');
  await expectAccessible(page);

  await page.getByRole('combobox', { name: 'Access level' }).selectOption('PRESS');
  await page.getByRole('textbox', { name: 'Last names from' }).fill('A');
  await page.getByRole('textbox', { name: 'Last names to' }).fill('M');
  await page.getByRole('button', { name: 'Prepare print sheet' }).click();
  const sheet = page.getByRole('link', { name: 'Print sheet: Press, last names A–M (PDF)' });
  await expect(sheet).toHaveAttribute('href', /^\/badges\/print-sheets\/.+\.pdf\?/);

  const keys = page.getByRole('table', { name: 'Signing keys' }).locator('tbody tr');
  await expect(keys).toHaveCount(1);
  await page.getByRole('button', { name: 'Rotate signing key' }).click();
  const rotate = page.getByRole('dialog', { name: 'Rotate the signing key?' });
  await expect(rotate).toContainText('stay valid');
  await rotate.getByRole('button', { name: 'Rotate' }).click();
  await expect(keys).toHaveCount(2);
  await expect(keys.nth(0)).toContainText('Signs new badges');
  await expect(keys.nth(1)).toContainText('Rotated out');

  await keys
    .nth(1)
    .getByRole('button', { name: /^Retire key/ })
    .click();
  const retire = page.getByRole('dialog', { name: /^Retire key/ });
  await expect(retire).toContainText('becomes REVOKED at the doors');
  await retire.getByRole('button', { name: 'Retire key' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is retired' })).toBeVisible();
  await expect(keys).toHaveCount(1);
});

test('refuses someone who is not an organizer', async ({ page, stack }) => {
  const { editionId } = await edition(stack, 'Closed Expo');
  const email = newEmail('nosy');
  const { signUp } = await stack.ok<{ signUp: { token: string } }>(
    `mutation($i: SignUpInput!) { signUp(input: $i) { token } }`,
    { i: { email, name: 'Nosy Parker', password: PASSWORD } },
  );
  const answer = await stack.gql(
    `query($e: ID!) { attendees(editionId: $e) { totalCount } }`,
    { e: editionId },
    signUp.token,
  );
  expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

  await signIn(page, signUp.token);
  for (const path of ['attendees', 'badges']) {
    await page.goto(`/admin/${path}?edition=${editionId}`);
    await expect(page.getByRole('heading', { level: 1, name: /not an organizer/i })).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Generate badges' })).toHaveCount(0);
  }
  await expectAccessible(page);
});
