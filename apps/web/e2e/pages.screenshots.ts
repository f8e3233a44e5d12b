import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Page } from '@playwright/test';
import { expect, PASSWORD, test } from './fixtures';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'screenshots');
const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1440, height: 900 } } as const;

async function shoot(page: Page, name: string) {
  for (const [size, viewport] of Object.entries(SIZES)) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(OUT, `${name}-${size}.png`) });
  }
}

test('screenshots of the shell', async ({ page, stack }) => {
  const admin = await stack.admin();
  const { createEdition } = await stack.ok<{ createEdition: { id: string } }>(`mutation($i: EditionInput!) { createEdition(input: $i) { id } }`, { i: { name: 'HealthConnect 2027', year: 2027, timezone: 'America/Chicago', startsOn: '2027-03-01', endsOn: '2027-03-04' } }, admin);
  const e = createEdition.id;
  const rooms = await Promise.all(['Hall A', 'Room 201', 'Theater 3'].map(async (name) => (await stack.ok<{ createRoom: { id: string } }>(`mutation($e: ID!, $n: String!) { createRoom(editionId: $e, input: { name: $n, capacity: 200 }) { id } }`, { e, n: name }, admin)).createRoom.id));
  const { createTrack } = await stack.ok<{ createTrack: { id: string } }>(`mutation($e: ID!) { createTrack(editionId: $e, name: "Interoperability") { id } }`, { e }, admin);
  const titles = ['Opening keynote: the connected hospital', 'FHIR at scale: lessons from a national rollout', 'Panel: AI in clinical documentation', 'Workshop: building SMART on FHIR apps', 'Cybersecurity for medical devices', 'Networking breakfast'];
  const formats = ['KEYNOTE', 'EDUCATION', 'PANEL', 'EDUCATION', 'EDUCATION', 'NETWORKING'];
  for (const [i, title] of titles.entries()) {
    const hour = 14 + Math.floor(i / 3) * 2;
    const { createSession } = await stack.ok<{ createSession: { id: string } }>(`mutation($e: ID!, $i: SessionInput!) { createSession(editionId: $e, input: $i) { id } }`, { e, i: { title, format: formats[i], roomId: rooms[i % 3], trackId: i % 2 ? createTrack.id : null, startsAt: `2027-03-01T${hour}:00:00Z`, endsAt: `2027-03-01T${hour + 1}:00:00Z` } }, admin);
    await stack.ok(`mutation($id: ID!) { publishSession(id: $id) { id } }`, { id: createSession.id }, admin);
  }

  await page.goto(`/?edition=${e}`);
  await expect(page.getByRole('article')).toHaveCount(titles.length);
  await shoot(page, 'programme');
  await page.goto('/login');
  await shoot(page, 'login');
  await page.goto('/signup');
  await shoot(page, 'signup');
  const email = 'sam.shot@example.com'; // fixed: the screenshots stay the same from run to run
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Sam Shot');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Check your mail' })).toBeVisible();
  await shoot(page, 'check-your-mail');
  await page.goto(await stack.mailedLink(email, 'verify-email'));
  await shoot(page, 'verify-email');
  await page.goto('/reset-password?token=example');
  await shoot(page, 'reset-password');
});
