import { type Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { openScanner, scannerContext, scanResult, seedDoor, wedge } from './scanner-helpers';
import type { Stack } from './stack';

/** The back office's Doors, Exhibition and Notifications screens (issue 20), seeded through the API as the platform organizer. */

async function signIn(page: Page, token: string) {
  await page.goto('/login');
  await page.evaluate((t) => localStorage.setItem('conference.token', t), token);
}

/** An edition with a hall of three booths and two exhibitors. */
async function seedExpo(stack: Stack, name: string) {
  const admin = await stack.admin();
  const ok = <T = Record<string, unknown>>(q: string, v: Record<string, unknown>) => stack.ok<T>(q, v, admin);
  const editionId = (
    await ok<{ createEdition: { id: string } }>(`mutation($i: EditionInput!) { createEdition(input: $i) { id } }`, {
      i: { name, year: 2034, timezone: 'America/Chicago', startsOn: '2034-03-01', endsOn: '2034-03-03' },
    })
  ).createEdition.id;
  const hallId = (
    await ok<{ createHall: { id: string } }>(
      `mutation($e: ID!, $i: HallInput!) { createHall(editionId: $e, input: $i) { id } }`,
      { e: editionId, i: { name: 'North Hall', widthM: 24, depthM: 12 } },
    )
  ).createHall.id;
  const booths: Record<string, string> = {};
  for (const [code, xM, yM] of [
    ['A1', 1, 1],
    ['A2', 5, 1],
    ['B1', 1, 6],
    ['B2', 5, 6],
    ['C1', 12, 2],
  ] as const)
    booths[code] = (
      await ok<{ createBooth: { id: string } }>(
        `mutation($e: ID!, $i: BoothInput!) { createBooth(editionId: $e, input: $i) { id } }`,
        {
          e: editionId,
          i: {
            code,
            hallId,
            xM,
            yM,
            widthM: 3,
            depthM: code === 'C1' ? 6 : 3,
            type: code === 'C1' ? 'ISLAND' : 'INLINE',
          },
        },
      )
    ).createBooth.id;
  const exhibitors: Record<string, string> = {};
  for (const x of ['Acme Imaging', 'Northwind Health'])
    exhibitors[x] = (
      await ok<{ createExhibitor: { id: string } }>(
        `mutation($e: ID!, $i: ExhibitorInput!) { createExhibitor(editionId: $e, input: $i) { id } }`,
        { e: editionId, i: { name: x, sponsorshipTier: 'GOLD' } },
      )
    ).createExhibitor.id;
  // Booth selection open: Northwind requests A2 (on hold for it, awaiting approval).
  await ok(`mutation($e: ID!) { setBoothSelection(editionId: $e, open: true) { id } }`, { e: editionId });
  await ok(`mutation($b: ID!, $x: ID!) { requestBooth(boothId: $b, exhibitorId: $x) { id } }`, {
    b: booths.A2,
    x: exhibitors['Northwind Health'],
  });
  return { admin, editionId, hallId, exhibitors, booths };
}

test.use({ viewport: { width: 1440, height: 900 } });

test('the door dashboard counts admissions live while a scanner admits badges; a door closes', async ({
  page,
  browser,
  stack,
}) => {
  const door = await seedDoor(stack, 'Doors Expo');
  const [ann, ben] = await Promise.all([door.badge('Ann', 'Archer'), door.badge('Ben', 'Baker')]);
  await signIn(page, door.admin);
  await page.goto(`/admin/doors?edition=${door.editionId}`);
  const entrance = page.getByRole('region', { name: door.entrance.name });
  await expect(entrance).toContainText(/Admitted today\s*0/);
  await expect(page.getByRole('region', { name: door.room.name })).toBeVisible();
  await expectAccessible(page);

  // A door volunteer's scanner (/scan in its own browser context: its own device) admits two badges,
  // sees one again and refuses a bad code; the dashboard follows.
  const scanner = await scannerContext(browser, stack);
  const gate = await scanner.newPage();
  await openScanner(gate, door.staff, door.editionId, door.entrance.name);
  const scan = async (code: string, verdict: RegExp) => {
    await wedge(gate, code);
    await expect(scanResult(gate)).toContainText(verdict);
  };
  await scan(ann.code, /^\s*Admitted/);
  await expect(entrance).toContainText(/Admitted today\s*1/, { timeout: 10_000 });
  await scan(ben.code, /^\s*Admitted/);
  await scan(ann.code, /^\s*Already admitted/);
  await scan('CB1.not-a-badge', /^\s*Rejected/);
  await scanner.close();
  await expect(entrance).toContainText(/Admitted today\s*2/, { timeout: 10_000 });
  await expect(entrance).toContainText(/Inside now\s*2/);
  await expect(entrance).toContainText(/Last 15 minutes\s*2/);
  // The scanner's device: one row, with its four scans and two admissions.
  const devices = entrance.getByRole('table', { name: /Devices at/ });
  await expect(devices.getByRole('row')).toHaveCount(2);
  // Device, last seen, scans, admitted, waiting to sync.
  await expect(devices.getByRole('row').nth(1).locator('th, td')).toHaveText([/\S/, /ago|now/, '4', '2', /.*/]);
  await expect(entrance.getByRole('table', { name: /Latest refused scans/ })).toContainText(
    'Not one of our badge codes',
    { timeout: 10_000 },
  );
  await expect(
    entrance.getByRole('img', { name: /Admissions per 5 minutes at Main entrance.*2 in all/ }),
  ).toBeVisible();

  // Close the entrance: its next scan is refused.
  await page.getByRole('button', { name: `Close ${door.entrance.name}` }).click();
  await expect(page.getByRole('button', { name: `Open ${door.entrance.name}` })).toBeVisible();
  await expect
    .poll(
      async () =>
        (
          await stack.ok<{ scanBadge: { outcome: string } }>(
            `mutation($i: ScanInput!) { scanBadge(input: $i) { outcome rejectReason } }`,
            { i: { checkpointId: door.entrance.id, code: ann.code } },
            door.staff,
          )
        ).scanBadge,
      { timeout: 10_000 },
    )
    .toMatchObject({ outcome: 'REJECTED', rejectReason: 'CLOSED' });
});

test('assigns a booth from the floor plan, approves a request; staff places; a webhook is listed', async ({
  page,
  stack,
}) => {
  const expo = await seedExpo(stack, 'Booth Expo');
  await signIn(page, expo.admin);
  await page.goto(`/admin/exhibition?edition=${expo.editionId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Exhibition' })).toBeVisible();

  // A booth opens with a click; another with the keyboard.
  await page.getByRole('button', { name: 'Booth A1, available' }).click();
  const panel = page.getByRole('region', { name: 'Booth A1' });
  await panel.getByRole('combobox', { name: 'Exhibitor' }).selectOption({ label: 'Acme Imaging' });
  await panel.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByRole('button', { name: 'Booth A1, assigned to Acme Imaging' })).toBeVisible();
  await expect(panel.getByRole('list', { name: 'Status history of booth A1' })).toContainText('Assigned');
  // Its times are the venue's (the edition is in Chicago), whatever the browser's timezone.
  const chicago = await page.evaluate(
    () =>
      new Intl.DateTimeFormat('en-GB', { timeZone: 'America/Chicago', timeZoneName: 'short' })
        .formatToParts(new Date())
        .find((p) => p.type === 'timeZoneName')!.value,
  );
  await expect(panel.getByRole('list', { name: 'Status history of booth A1' })).toContainText(chicago);
  await page.getByRole('button', { name: 'Booth B2, available' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Booth B2' })).toBeVisible();
  await expectAccessible(page);

  // The request: approved (assigned to the exhibitor that asked); booth selection closed.
  await expect(page.getByRole('switch', { name: 'Booth selection open to exhibitors' })).toBeChecked();
  await page.getByRole('button', { name: 'Approve booth A2 for Northwind Health' }).click();
  await expect(page.getByRole('button', { name: 'Booth A2, assigned to Northwind Health' })).toBeVisible();
  await expect(page.getByText('No requests waiting.')).toBeVisible();
  await page.getByRole('switch', { name: 'Booth selection open to exhibitors' }).uncheck();
  await expect(page.getByRole('switch', { name: 'Booth selection open to exhibitors' })).not.toBeChecked();

  // Booth CSV import: a report row per line, the refused one with its reason.
  const csv = 'code,hall,x,y,width,depth,type\r\nE1,North Hall,16,8,3,3,INLINE\r\nE2,South Hall,1,1,3,3,INLINE\r\n';
  await page
    .getByLabel('Import booths CSV')
    .setInputFiles({ name: 'booths.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const report = page.getByRole('table', { name: 'Import report: booths.csv' });
  await expect(report.locator('tbody tr')).toHaveCount(2);
  await expect(report.locator('tbody tr').first()).toContainText(/2\s*E2\s*Refused/);
  await expect(page.getByRole('status').filter({ hasText: 'booths.csv' })).toContainText('1 created');
  await expect(page.getByRole('button', { name: 'Booth E1, available' })).toBeVisible();

  // Staff places: set by hand.
  await page.getByRole('button', { name: 'Edit staff places of Acme Imaging' }).click();
  await page.getByRole('spinbutton', { name: 'Staff places' }).fill('7');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('row', { name: /Acme Imaging/ })).toContainText('0 of 7 (set by hand)');

  // Notifications: a webhook created is listed.
  await page.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Notifications' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Endpoint URL' }).fill('https://93.184.215.14/hooks/conference');
  await page.getByRole('button', { name: 'Create webhook' }).click();
  await expect(page.getByRole('list', { name: 'Webhooks' })).toContainText('https://93.184.215.14/hooks/conference');
  await page.getByText('Deliveries', { exact: true }).click();
  await expect(page.getByText('Nothing sent yet.')).toBeVisible();
  await expectAccessible(page);
});

test('a non-organizer is refused the back office', async ({ page, stack }) => {
  const door = await seedDoor(stack, 'Refused Expo');
  await signIn(page, door.staff);
  for (const screen of ['doors', 'exhibition', 'notifications']) {
    await page.goto(`/admin/${screen}?edition=${door.editionId}`);
    await expect(page.getByRole('heading', { name: 'You are not an organizer of this edition' })).toBeVisible();
  }
  const refused = await stack.gql(
    `query($c: ID!) { recentScans(checkpointId: $c) { id } }`,
    { c: door.entrance.id },
    door.staff,
  );
  expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});
