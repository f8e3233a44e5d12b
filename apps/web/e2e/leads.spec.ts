import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { badgesAfterAMoment } from './fake-camera';
import { expect, expectAccessible, test } from './fixtures';
import { captureResult, LEADS, leadsTable, openLeads, seedBooth, tableNames, typeCode, waiting } from './leads-helpers';
import { blankCameraBrowser, cameraBrowser, scannerContext, videoDir, wedge } from './scanner-helpers';
import { watchUploads } from './seeding';

/**
 * The exhibitor's leads at /exhibitor/leads (issue 19; UI.md "Exhibitor portal"): the lead scanner
 * (the door scanner's camera and keyboard-wedge entry in "capture lead" mode, Chromium's fake camera
 * playing a Y4M of a real badge), notes, rating and tags, offline captures uploaded once, the table
 * with its filters and paging, the CSV, and one exhibitor's staff kept out of another's leads.
 */

test('camera: a badge held up to the booth scanner is captured and its contact shown at once', async ({ stack }) => {
  test.setTimeout(120_000);
  const booth = await seedBooth(stack, 'Camera Leads Expo');
  const ada = await booth.badge('Ada', 'Camera', 'St. Luke’s Health');
  const dir = videoDir();
  badgesAfterAMoment(dir.path('lead.y4m'), [ada.code], { gapSec: 2, showSec: 1 });
  const browser = await cameraBrowser(dir.path('lead.y4m'));
  try {
    const page = await (await scannerContext(browser, stack)).newPage();
    await openLeads(page, booth.staff, booth);
    await expect(captureResult(page)).toHaveText(`Lead captured: ${ada.name}`, { timeout: 30_000 });
    const card = page.getByRole('article', { name: ada.name });
    await expect(card).toContainText(ada.company);
    await expect(card).toContainText(ada.email);
    await expectAccessible(page);
    // The badge stays in the camera's loop: still one lead.
    await page.waitForTimeout(4_000);
    expect((await booth.leads()).totalCount).toBe(1);
  } finally {
    await browser.close();
    dir.done();
  }
});

test('keyboard: capture, notes, rating and a tag; a rescan opens the same lead; the table, its filters, paging and the CSV; another exhibitor sees none of it', async ({
  stack,
}) => {
  test.setTimeout(150_000);
  const booth = await seedBooth(stack, 'Wedge Leads Expo');
  const [wes, mia, kim] = [
    await booth.badge('Wes', 'Wedge', 'Pulse Informatics'),
    await booth.badge('Mia', 'Manual', 'Meridian EHR'),
    await booth.badge('Kim', 'Keyed', 'Northstar, Analytics'),
  ];
  const dir = videoDir();
  const browser = await blankCameraBrowser(dir);
  try {
    const context = await scannerContext(browser, stack);
    const page = await context.newPage();
    await openLeads(page, booth.staff, booth);
    await expect(page.getByRole('heading', { level: 1, name: 'Leads' })).toBeVisible();

    // A handheld scanner (keys and Enter, the focus on no field).
    await wedge(page, wes.code);
    await expect(captureResult(page)).toHaveText(`Lead captured: ${wes.name}`);
    const card = page.getByRole('article', { name: wes.name });
    await expect(card).toContainText('Pulse Informatics');
    await card.getByRole('textbox', { name: 'Notes' }).fill('Wants a demo of the "nurse" module, next week');
    await card.getByRole('radio', { name: 'Rating 4' }).check();
    await card.getByRole('checkbox', { name: 'Hot lead' }).check();
    await card.getByRole('button', { name: 'Save lead' }).click();
    await expect(card.getByRole('status')).toHaveText('Saved');
    await expectAccessible(page);

    // Typed into the field, then the rescan of the first badge: the same lead, its notes kept.
    await typeCode(page, mia.code);
    await expect(captureResult(page)).toHaveText(`Lead captured: ${mia.name}`);
    await wedge(page, wes.code);
    await expect(captureResult(page)).toHaveText(new RegExp(`${wes.name}$`));
    const again = page.getByRole('article', { name: wes.name });
    await expect(again.getByRole('textbox', { name: 'Notes' })).toHaveValue(
      'Wants a demo of the "nurse" module, next week',
    );
    await expect(again.getByRole('radio', { name: 'Rating 4' })).toBeChecked();
    await expect(again.getByRole('checkbox', { name: 'Hot lead' })).toBeChecked();
    await typeCode(page, kim.code);
    await expect(captureResult(page)).toHaveText(`Lead captured: ${kim.name}`);
    await typeCode(page, 'not a badge at all');
    await expect(captureResult(page)).toHaveText(/cannot be captured/);
    const server = await booth.leads();
    expect(server.totalCount).toBe(3);
    expect(server.edges.find((e) => e.node.rating === 4)?.node).toMatchObject({ tags: ['Hot lead'] });

    // The table: every lead, then filtered, sorted and paged.
    await expect.poll(() => tableNames(page)).toHaveLength(3);
    await page.getByRole('combobox', { name: 'Minimum rating' }).selectOption({ label: '4 or more' });
    await expect.poll(() => tableNames(page)).toEqual([expect.stringContaining(wes.name)]);
    await page.getByRole('combobox', { name: 'Minimum rating' }).selectOption({ label: 'Any' });
    await page.getByRole('combobox', { name: 'Tag' }).selectOption('Hot lead');
    await expect.poll(() => tableNames(page)).toEqual([expect.stringContaining(wes.name)]);
    await page.getByRole('combobox', { name: 'Tag' }).selectOption({ label: 'Any' });
    await page.getByRole('searchbox', { name: 'Search leads' }).fill('meridian');
    await expect.poll(() => tableNames(page)).toEqual([expect.stringContaining(mia.name)]);
    await page.getByRole('searchbox', { name: 'Search leads' }).fill('');
    await page.getByRole('combobox', { name: 'Captured by' }).selectOption(booth.staffEmail);
    await expect.poll(() => tableNames(page)).toHaveLength(3);
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Name' });
    await expect
      .poll(() => tableNames(page))
      .toEqual([
        expect.stringContaining(kim.name),
        expect.stringContaining(mia.name),
        expect.stringContaining(wes.name),
      ]);
    await expect(page.getByRole('img', { name: /Leads per staff member/ })).toHaveAccessibleName(
      new RegExp(`${booth.staffEmail}: 3`),
    );
    await expectAccessible(page);

    // Two rows a page (keyset paging): the third on the next page, back again.
    await page.goto(`/exhibitor/leads?edition=${booth.editionId}&exhibitor=${booth.exhibitorId}&pageSize=2`);
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Name' });
    await expect.poll(() => tableNames(page)).toHaveLength(2);
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => tableNames(page)).toEqual([expect.stringContaining(wes.name)]);
    await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled();
    await page.getByRole('button', { name: 'Previous page' }).click();
    await expect
      .poll(() => tableNames(page))
      .toEqual([expect.stringContaining(kim.name), expect.stringContaining(mia.name)]);

    // The CSV (BOM, RFC 4180) has the table's leads.
    await page.goto(`/exhibitor/leads?edition=${booth.editionId}&exhibitor=${booth.exhibitorId}`);
    await expect.poll(() => tableNames(page)).toHaveLength(3);
    const shown = await leadsTable(page)
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => Array.from(r.querySelectorAll('th, td'), (c) => (c as HTMLElement).innerText.trim())),
      );
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const file = await (await downloading).path();
    const text = readFileSync(file, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const records = parse<Record<string, string>>(text, { bom: true, columns: true, skip_empty_lines: true });
    expect(records).toHaveLength(3);
    for (const row of shown) {
      const [nameCell, company, email, rating, tags, notes, capturedBy] = row;
      const record = records.find((r) => nameCell.startsWith(`${r['First name']} ${r['Last name']}`));
      expect(record, `CSV row for ${nameCell}`).toBeDefined();
      expect(record).toMatchObject({
        Company: company,
        Email: email,
        Rating: rating,
        Tags: tags.replace(/, /g, '; '),
        Notes: notes,
        'Captured by': capturedBy,
      });
    }

    // Another exhibitor's staff: refused in the page and by the API; their own leads are empty.
    await openLeads(page, booth.other.staff, booth);
    await expect(page.getByRole('alert')).toContainText(/not found|only this exhibitor/i);
    await expect(leadsTable(page)).toHaveCount(0);
    const refused = await stack.gql(LEADS, { x: booth.exhibitorId }, booth.other.staff);
    expect(refused.errors?.[0]?.extensions?.code).toMatch(/NOT_FOUND|FORBIDDEN/);
    const csvRefused = await stack.gql(
      `query($x: ID!) { leadsCsvUrl(exhibitorId: $x) }`,
      { x: booth.exhibitorId },
      booth.other.staff,
    );
    expect(csvRefused.errors?.[0]?.extensions?.code).toMatch(/NOT_FOUND|FORBIDDEN/);
    await openLeads(page, booth.other.staff, booth, booth.other.exhibitorId);
    await expect(page.getByText('No leads match.')).toBeVisible();
    await expect(leadsTable(page).locator('tbody tr')).toHaveCount(0);
  } finally {
    await browser.close();
    dir.done();
  }
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('captures with the network gone are saved on the device, survive a reload and go up once', async ({ stack }) => {
    test.setTimeout(150_000);
    const booth = await seedBooth(stack, 'Offline Leads Expo');
    const [before, during, reloaded] = [
      await booth.badge('Bea', 'Before', 'Helix'),
      await booth.badge('Dov', 'During', 'Kestrel'),
      await booth.badge('Rae', 'Reload', 'Stratus'),
    ];
    const dir = videoDir();
    const browser = await blankCameraBrowser(dir);
    try {
      const context = await scannerContext(browser, stack, 'allow');
      const page = await context.newPage();
      const uploads = watchUploads(page, 'syncLeads');
      await openLeads(page, booth.staff, booth);
      // Online first: the service worker installs.
      await wedge(page, before.code);
      await expect(captureResult(page)).toHaveText(`Lead captured: ${before.name}`);
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await page.waitForLoadState('networkidle');

      await context.setOffline(true);
      await expect(page.getByText('Offline', { exact: true })).toBeVisible();
      await wedge(page, during.code);
      await expect(captureResult(page)).toHaveText(/^Saved on this device/);
      const card = page.getByRole('article', { name: 'Saved on this device' });
      await card.getByRole('textbox', { name: 'Notes' }).fill('Met at the coffee bar');
      await card.getByRole('radio', { name: 'Rating 5' }).check();
      await card.getByRole('button', { name: 'Save lead' }).click();
      await expect(card.getByRole('status')).toHaveText('Saved on this device');
      await expect(waiting(page)).toHaveText(/\b1 waiting to sync/);
      await expectAccessible(page);
      // A reload with no network: the service worker opens the page, the capture is still waiting.
      await page.reload();
      await expect(page.getByText('Offline', { exact: true })).toBeVisible({ timeout: 15_000 });
      await expect(waiting(page)).toHaveText(/\b1 waiting to sync/);
      await expect(page.getByRole('textbox', { name: 'Badge code' })).toBeEnabled();

      // Back online: it goes up by itself and shows in the table.
      await context.setOffline(false);
      await expect(waiting(page)).toHaveCount(0, { timeout: 20_000 });
      await expect.poll(() => tableNames(page)).toContainEqual(expect.stringContaining(during.name));
      await expect.poll(async () => (await booth.leads()).totalCount).toBe(2);
      expect((await booth.leads()).edges.find((e) => e.node.rating === 5)?.node).toMatchObject({
        notes: 'Met at the coffee bar',
      });

      // The API unreachable again (its requests cut): a capture waits through a reload, then "Sync now".
      await page.route('**/graphql', async (route) => {
        const body = route.request().postData() ?? '';
        if (/captureLead|syncLeads/.test(body)) await route.abort('internetdisconnected');
        else await route.fallback();
      });
      await wedge(page, reloaded.code);
      await expect(captureResult(page)).toHaveText(/^Saved on this device/);
      await expect(waiting(page)).toHaveText(/\b1 waiting to sync/);
      await page.reload();
      await expect(waiting(page)).toHaveText(/\b1 waiting to sync/, { timeout: 15_000 });
      await page.unroute('**/graphql');
      await page.getByRole('button', { name: 'Sync now' }).click();
      await expect(waiting(page)).toHaveCount(0, { timeout: 20_000 });
      await expect.poll(async () => (await booth.leads()).totalCount).toBe(3);

      // Once each: a second sync and the last upload sent again change nothing.
      const settled = await booth.leads();
      await page.getByRole('button', { name: 'Sync now' }).click();
      await page.waitForLoadState('networkidle');
      const sent = uploads.filter((u) => Array.isArray(u.variables.scans) && u.variables.scans.length > 0);
      expect(sent.length).toBeGreaterThanOrEqual(2);
      const again = await stack.gql(sent[sent.length - 1].query, sent[sent.length - 1].variables, booth.staff);
      expect(again.errors).toBeUndefined();
      expect(await booth.leads()).toEqual(settled);
      await expect.poll(() => tableNames(page)).toHaveLength(3);
    } finally {
      await browser.close();
      dir.done();
    }
  });
});
