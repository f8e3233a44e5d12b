import { expect, expectAccessible, test } from './fixtures';

const CREATE_EDITION = `mutation($i: EditionInput!) { createEdition(input: $i) { id } }`;

test('the programme shows the edition’s first day, as articles titled by their session', async ({ page, stack }) => {
  const admin = await stack.admin();
  const { createEdition } = await stack.ok<{ createEdition: { id: string } }>(
    CREATE_EDITION,
    {
      i: {
        name: 'Shell Expo 2032',
        year: 2032,
        timezone: 'America/Chicago',
        startsOn: '2032-03-01',
        endsOn: '2032-03-02',
      },
    },
    admin,
  );
  const editionId = createEdition.id;
  const { createRoom } = await stack.ok<{ createRoom: { id: string } }>(
    `mutation($e: ID!) { createRoom(editionId: $e, input: { name: "Hall A", capacity: 100 }) { id } }`,
    { e: editionId },
    admin,
  );
  const session = async (title: string, startsAt: string, endsAt: string) => {
    const { createSession } = await stack.ok<{ createSession: { id: string } }>(
      `mutation($e: ID!, $i: SessionInput!) { createSession(editionId: $e, input: $i) { id } }`,
      { e: editionId, i: { title, startsAt, endsAt, roomId: createRoom.id, format: 'EDUCATION' } },
      admin,
    );
    await stack.ok(`mutation($id: ID!) { publishSession(id: $id) { id } }`, { id: createSession.id }, admin);
  };
  await session('Opening keynote on interoperability', '2032-03-01T15:00:00Z', '2032-03-01T16:00:00Z');
  await session('Day two workshop', '2032-03-02T15:00:00Z', '2032-03-02T16:00:00Z');

  await page.goto(`/?edition=${editionId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Shell Expo 2032' })).toBeVisible();
  const article = page
    .getByRole('article')
    .filter({ has: page.getByRole('heading', { level: 3, name: 'Opening keynote on interoperability' }) });
  await expect(article).toBeVisible();
  await expect(article).toContainText('09:00'); // 15:00 UTC in Chicago
  await expect(article).toContainText('Hall A');
  await expect(page.getByRole('heading', { name: 'Day two workshop' })).toHaveCount(0);
  await expectAccessible(page);
});

test('every page of the shell passes axe, and the navigation carries the names UI.md gives', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['Programme', 'My schedule', 'Badge', 'Notifications', 'Sign in'])
    await expect(nav.getByRole('link', { name })).toBeVisible();
  for (const path of [
    '/',
    '/login',
    '/signup',
    '/check-your-mail?email=someone%40e2e.example',
    '/verify-email?token=abc',
    '/verify-email',
    '/forgot-password',
    '/reset-password?token=abc',
    '/schedule',
    '/badge',
    '/notifications',
    '/no-such-page',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAccessible(page);
  }
});

test('the API serves the app without shadowing its own routes', async ({ request }) => {
  const index = await request.get('/login');
  expect(index.status()).toBe(200);
  expect(index.headers()['cache-control']).toBe('no-cache');
  const html = await index.text();
  const asset = html.match(/\/assets\/[\w.-]+\.js/)![0];
  const js = await request.get(asset);
  expect(js.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect((await request.get('/sw.js')).headers()['cache-control']).toBe('no-cache');
  expect((await request.get('/manifest.webmanifest')).status()).toBe(200);
  expect((await request.get('/assets/missing-abc123.js')).status()).toBe(404);
  expect(await (await request.get('/health')).json()).toMatchObject({ status: 'ok' });
  const explorer = await request.get('/graphql', { headers: { accept: 'text/html' }, maxRedirects: 0 });
  expect([explorer.status(), explorer.headers().location]).toEqual([302, '/explorer']);
  expect(await (await request.get('/explorer')).text()).toContain('<div id="explorer">');
  expect((await request.get(`/calendar/nope.ics`)).headers()['content-type'] ?? '').not.toContain('text/html');
});
