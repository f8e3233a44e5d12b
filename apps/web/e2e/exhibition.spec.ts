import { expect, expectAccessible, test } from './fixtures';
import type { Stack } from './stack';

/** The exhibition for attendees (issue 16): the directory, an exhibitor, the floor plan. Public pages: no sign-in. */

async function exhibition(stack: Stack, name: string) {
  const admin = await stack.admin();
  const { createEdition } = await stack.ok<{ createEdition: { id: string } }>(
    `mutation($i: EditionInput!) { createEdition(input: $i) { id } }`,
    { i: { name, year: 2034, timezone: 'America/Chicago', startsOn: '2034-03-01', endsOn: '2034-03-03' } },
    admin,
  );
  const e = createEdition.id;
  const hall = async (hallName: string, widthM: number, depthM: number) =>
    (
      await stack.ok<{ createHall: { id: string } }>(
        `mutation($e: ID!, $i: HallInput!) { createHall(editionId: $e, input: $i) { id } }`,
        { e, i: { name: hallName, widthM, depthM } },
        admin,
      )
    ).createHall.id;
  const exhibitor = async (input: Record<string, string>) =>
    (
      await stack.ok<{ createExhibitor: { id: string } }>(
        `mutation($e: ID!, $i: ExhibitorInput!) { createExhibitor(editionId: $e, input: $i) { id } }`,
        { e, i: input },
        admin,
      )
    ).createExhibitor.id;
  const booth = async (hallId: string, code: string, xM: number, yM: number, exhibitorId?: string) => {
    const { createBooth } = await stack.ok<{ createBooth: { id: string } }>(
      `mutation($e: ID!, $i: BoothInput!) { createBooth(editionId: $e, input: $i) { id } }`,
      { e, i: { code, hallId, xM, yM, widthM: 3, depthM: 3 } },
      admin,
    );
    if (exhibitorId)
      await stack.ok(
        `mutation($b: ID!, $x: ID!) { assignBooth(boothId: $b, exhibitorId: $x) { id } }`,
        { b: createBooth.id, x: exhibitorId },
        admin,
      );
  };
  return { editionId: e, hall, exhibitor, booth };
}

test('the directory finds exhibitors by search and category, a page at a time, and opens an exhibitor', async ({
  page,
  stack,
}) => {
  const x = await exhibition(stack, 'Directory Expo 2034');
  const north = await x.hall('North Hall', 40, 24);
  const helix = await x.exhibitor({
    name: 'Helix Diagnostics',
    description: 'Cloud imaging archives for radiology departments.',
    category: 'Imaging',
    website: 'https://helix.example',
    sponsorshipTier: 'GOLD',
  });
  await x.booth(north, 'N12', 3, 3, helix);
  await x.exhibitor({
    name: 'Pulse Informatics',
    description: 'Nurse scheduling and staffing analytics.',
    category: 'Workforce',
  });
  await x.exhibitor({
    name: 'Kestrel Security',
    description: 'Zero trust networks for hospitals.',
    category: 'Cybersecurity',
  });
  for (let i = 0; i < 25; i++)
    await x.exhibitor({
      name: `Vendor ${String(i).padStart(2, '0')}`,
      description: 'Solutions for hospitals.',
      category: 'Workforce',
    });

  await page.goto(`/exhibitors?edition=${x.editionId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Exhibitors' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '28 exhibitors' })).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(24);
  await expectAccessible(page);
  await page.getByRole('button', { name: /Show more exhibitors/ }).click();
  await expect(page.getByRole('article')).toHaveCount(28);

  await page.getByRole('searchbox', { name: 'Search exhibitors' }).fill('radiology');
  await expect(page.getByRole('status').filter({ hasText: '1 exhibitor matching “radiology”' })).toBeVisible();
  const card = page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'Helix Diagnostics' }) });
  await expect(card).toContainText('Booth N12');
  await expect(card).toContainText('North Hall');
  await page.getByRole('searchbox', { name: 'Search exhibitors' }).fill('');
  await page.getByRole('combobox', { name: 'Category' }).selectOption('Workforce');
  await expect(page.getByRole('status').filter({ hasText: '26 exhibitors in Workforce' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Helix Diagnostics' })).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Category' }).selectOption('Imaging');
  await expect(page.getByRole('article')).toHaveCount(1);

  await page.getByRole('link', { name: 'Helix Diagnostics' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Helix Diagnostics' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Where to find them' })).toContainText('Booth N12 · North Hall');
  await expect(page.getByText('Cloud imaging archives for radiology departments.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'https://helix.example' })).toHaveAttribute(
    'href',
    'https://helix.example/',
  );
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Show booth N12 on the floor plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Floor plan' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Booth N12, Helix Diagnostics' })).toBeVisible();
});

test('a click on a booth of the floor plan, or Enter on it, opens its exhibitor', async ({ page, stack }) => {
  const x = await exhibition(stack, 'Floor Expo 2034');
  const east = await x.hall('East Hall', 30, 18);
  const west = await x.hall('West Hall', 20, 12);
  const helix = await x.exhibitor({ name: 'Helix Diagnostics', description: 'Imaging archives.', category: 'Imaging' });
  const pulse = await x.exhibitor({
    name: 'Pulse Informatics',
    description: 'Staffing analytics.',
    category: 'Workforce',
  });
  const kestrel = await x.exhibitor({
    name: 'Kestrel Security',
    description: 'Zero trust.',
    category: 'Cybersecurity',
  });
  await x.booth(east, 'E1', 2, 2, helix);
  await x.booth(east, 'E2', 6, 2, pulse);
  await x.booth(east, 'E3', 10, 2);
  await x.booth(west, 'W1', 2, 2, kestrel);

  await page.goto(`/floor-plan?edition=${x.editionId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Floor plan' })).toBeVisible();
  const plan = page.getByRole('group', { name: 'Floor plan of East Hall' });
  await expect(plan.getByRole('link')).toHaveCount(2); // the free booth E3 is drawn, not a link
  await expectAccessible(page);

  await plan.getByRole('link', { name: 'Booth E2, Pulse Informatics' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pulse Informatics' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/exhibitors/${pulse}\\?edition=${x.editionId}$`));

  await page.goBack();
  await plan.getByRole('link', { name: 'Booth E1, Helix Diagnostics' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Helix Diagnostics' })).toBeVisible();

  await page.goBack();
  await page.getByRole('navigation', { name: 'Halls' }).getByRole('link', { name: 'West Hall' }).click();
  const westPlan = page.getByRole('group', { name: 'Floor plan of West Hall' });
  await westPlan.getByRole('link', { name: 'Booth W1, Kestrel Security' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kestrel Security' })).toBeVisible();
  await expectAccessible(page);
});
