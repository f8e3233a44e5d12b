import { type Page } from '@playwright/test';
import { expect, expectAccessible, newEmail, test } from './fixtures';
import { png, seedExpo, signIn } from './exhibitor-helpers';

/**
 * The exhibitor portal (/exhibitor, issue 19): booth selection under a race, the profile with its
 * preview and logo, the staff within the allotment. Seeded through the API; only the behaviour under
 * test goes through the pages.
 */

const held = (page: Page) => page.getByText(/held for you until/);

test('two exhibitors request the same booth at once: one wins, the other is told of a free booth nearby', async ({
  page,
  browser,
  stack,
}) => {
  const expo = await seedExpo(
    stack,
    'Booth Race Expo 2034',
    [
      { code: 'A12', xM: 2, yM: 2, type: 'CORNER' },
      { code: 'A14', xM: 6, yM: 2 },
      { code: 'A16', xM: 20, yM: 10 },
    ],
    { selectionOpen: true },
  );
  const helix = await expo.exhibitor({ name: 'Helix Diagnostics' }, 'Hana Helix');
  const pulse = await expo.exhibitor({ name: 'Pulse Informatics' }, 'Paul Pulse');

  const other = await browser.newContext({ baseURL: stack.baseURL, viewport: { width: 390, height: 844 } });
  try {
    const pages = [page, await other.newPage()];
    await signIn(pages[0], helix.token);
    await signIn(pages[1], pulse.token);
    for (const p of pages) {
      await p.goto(`/exhibitor/booth?edition=${expo.editionId}`);
      await expect(p.getByRole('heading', { level: 1, name: 'Booth' })).toBeVisible();
      const a12 = p
        .getByRole('group', { name: 'Floor plan of North Hall' })
        .getByRole('button', { name: 'Booth A12, 3 m × 3 m, corner, free' });
      // Keyboard: Tab to the booth and Enter picks it, as a click does.
      await a12.focus();
      await p.keyboard.press('Enter');
      await expect(a12).toHaveAttribute('aria-pressed', 'true');
    }
    await expectAccessible(pages[0]);

    // Both at the same moment.
    await Promise.all(pages.map((p) => p.getByRole('button', { name: 'Request booth A12' }).click()));
    const outcome = async (p: Page) => {
      await expect(held(p).or(p.getByRole('alert'))).toBeVisible();
      return (await held(p).count()) > 0 ? 'won' : 'lost';
    };
    const results = await Promise.all(pages.map(outcome));
    expect([...results].sort()).toEqual(['lost', 'won']);
    const winner = pages[results.indexOf('won')];
    const loser = pages[results.indexOf('lost')];
    await expect(winner.getByRole('heading', { name: 'Booth A12' })).toBeVisible();
    await expect(winner.getByText('On hold: held for you until')).toBeVisible();
    await expect(winner.getByRole('img', { name: 'Booth A12, your booth' })).toBeVisible();
    await expect(loser.getByRole('alert')).toHaveText(/Booth A12 was just taken\. A14 nearby is free\./);
    await expectAccessible(loser);

    // The loser takes the free one nearby.
    await loser.getByRole('button', { name: 'Request booth A14' }).click();
    await expect(loser.getByRole('heading', { name: 'Booth A14' })).toBeVisible();
    await expect(held(loser)).toBeVisible();
    await expectAccessible(winner);

    const admin = await stack.admin();
    const { booths } = await stack.ok<{ booths: { code: string; status: string; exhibitor: { id: string } | null }[] }>(
      `query($e: ID!) { booths(editionId: $e) { code status exhibitor { id } } }`,
      { e: expo.editionId },
      admin,
    );
    const holders = Object.fromEntries(booths.map((b) => [b.code, b.exhibitor?.id ?? null]));
    expect(new Set([holders.A12, holders.A14])).toEqual(new Set([helix.id, pulse.id]));
    expect(booths.find((b) => b.code === 'A12')!.status).toBe('ON_HOLD');
  } finally {
    await other.close();
  }
});

test('an exhibitor admin edits the profile, sees the preview, uploads a logo; a too large one is refused', async ({
  page,
  stack,
}) => {
  const expo = await seedExpo(stack, 'Profile Expo 2034', [{ code: 'B3', xM: 2, yM: 2 }]);
  const helix = await expo.exhibitor({ name: 'Helix Diagnostics', category: 'Imaging' });
  await signIn(page, helix.token);
  await page.goto(`/exhibitor?edition=${expo.editionId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Exhibitor portal' });
  await expect(nav.getByRole('link')).toHaveText(['Profile', 'Booth', 'Staff', 'Leads']);

  const preview = page.getByRole('region', { name: 'Preview' }).getByRole('article');
  await page.getByRole('textbox', { name: 'Description' }).fill('Cloud imaging archives for radiology departments.');
  await page.getByRole('textbox', { name: 'Category' }).fill('Radiology');
  await page.getByRole('textbox', { name: 'Website' }).fill('https://helix.example');
  await expect(preview).toContainText('Cloud imaging archives for radiology departments.');
  await expect(preview).toContainText('Radiology');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Profile saved' })).toBeVisible();
  const { exhibitor } = await stack.ok<{ exhibitor: { category: string; website: string } }>(
    `query($id: ID!) { exhibitor(id: $id) { category website } }`,
    { id: helix.id },
  );
  expect(exhibitor).toEqual({ category: 'Radiology', website: 'https://helix.example' });

  const logo = page.getByLabel('Logo', { exact: true });
  await logo.setInputFiles({ name: 'helix.png', mimeType: 'image/png', buffer: png(16) });
  await expect(page.getByRole('status').filter({ hasText: 'Logo uploaded' })).toBeVisible();
  const shown = page.getByRole('img', { name: 'Logo of Helix Diagnostics' });
  await expect(shown).toBeVisible();
  await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(16);
  await expect(preview.locator('img')).toBeVisible();

  await logo.setInputFiles({
    name: 'huge.png',
    mimeType: 'image/png',
    buffer: Buffer.concat([png(16), Buffer.alloc(1024 * 1024 + 1)]),
  });
  await expect(page.getByRole('alert')).toHaveText('That image is too large: a logo may have at most 1 MB.');
  await logo.setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not an image at all') });
  await expect(page.getByRole('alert')).toHaveText(/not an image we accept/);

  await page.getByRole('textbox', { name: 'New lead tag' }).fill('Hot');
  await page.getByRole('button', { name: 'Add tag' }).click();
  await expect(page.getByRole('list', { name: 'Lead tags' })).toContainText('Hot');
  await expectAccessible(page);
});

test('an exhibitor admin adds staff until the allotment refuses; organizers open any exhibitor', async ({
  page,
  stack,
}) => {
  const expo = await seedExpo(stack, 'Staff Expo 2034', []);
  const helix = await expo.exhibitor({ name: 'Helix Diagnostics' });
  await page.goto(`/exhibitor/staff?edition=${expo.editionId}`);
  await expect(page).toHaveURL(/\/login\?next=%2Fexhibitor%2Fstaff/); // signed-in only
  await signIn(page, helix.token);
  await page.goto(`/exhibitor?edition=${expo.editionId}`);
  await page.getByRole('navigation', { name: 'Exhibitor portal' }).getByRole('link', { name: 'Staff' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Staff' })).toBeVisible();
  await expect(page.getByText('1 of 2 places used')).toBeVisible();

  const ana = newEmail('ana');
  await page.getByRole('textbox', { name: 'Email' }).fill(ana);
  await page.getByRole('button', { name: 'Add staff member' }).click();
  await expect(page.getByRole('row').filter({ hasText: ana })).toContainText('Staff');
  await expect(page.getByText('2 of 2 places used')).toBeVisible();

  await page.getByRole('textbox', { name: 'Email' }).fill(newEmail('ben'));
  await page.getByRole('checkbox', { name: /^Admin/ }).check();
  await page.getByRole('button', { name: 'Add staff member' }).click();
  await expect(page.getByRole('alert')).toHaveText(/All 2 staff places are taken/);
  await expectAccessible(page);

  await page.getByRole('button', { name: `Remove ${ana}` }).click();
  await expect(page.getByText('1 of 2 places used')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: ana })).toHaveCount(0);

  // A staff member who is not an admin: Leads, and the profile read-only.
  const sam = await expo.member(helix.id, 'Sam Staff', false);
  await signIn(page, sam.token);
  await page.goto(`/exhibitor?edition=${expo.editionId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Exhibitor portal' }).getByRole('link')).toHaveText([
    'Profile',
    'Booth',
    'Leads',
  ]);
  await expect(page.getByRole('button', { name: 'Save profile' })).toHaveCount(0);
  await expect(page.getByLabel('Logo', { exact: true })).toHaveCount(0);

  // An organizer opens the exhibitor by id, and the page says so.
  await signIn(page, await stack.admin());
  await page.goto(`/exhibitor/booth?edition=${expo.editionId}&exhibitor=${helix.id}`);
  await expect(page.getByRole('note')).toHaveText(/Organizer view/);
  await expect(page.getByText('Booth selection is closed')).toBeVisible();
  await expectAccessible(page);
});
