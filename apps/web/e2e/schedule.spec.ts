import { type Page } from '@playwright/test';
import { expect, expectAccessible, newEmail, offlineCopy, PASSWORD, test } from './fixtures';
import type { Stack } from './stack';

/** My schedule, live notifications and offline reading (issue 16). Everything is seeded through the API. */

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const entry = (page: Page, title: string) =>
  page.getByRole('article').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
const MY_SCHEDULE = `query($e: ID!) { mySchedule(editionId: $e) { session { title } } }`;

interface World {
  editionId: string;
  admin: string;
  session(title: string, start: string, end: string, capacity?: number): Promise<string>;
}

async function edition(stack: Stack, name: string): Promise<World> {
  const admin = await stack.admin();
  const { createEdition } = await stack.ok<{ createEdition: { id: string } }>(
    `mutation($i: EditionInput!) { createEdition(input: $i) { id } }`,
    { i: { name, year: 2033, timezone: 'Europe/Berlin', startsOn: '2033-06-01', endsOn: '2033-06-02' } },
    admin,
  );
  const editionId = createEdition.id;
  const room = async (name: string) =>
    (
      await stack.ok<{ createRoom: { id: string } }>(
        `mutation($e: ID!, $n: String!) { createRoom(editionId: $e, input: { name: $n, capacity: 300 }) { id } }`,
        { e: editionId, n: name },
        admin,
      )
    ).createRoom.id;
  const rooms = [await room('Hall B'), await room('Room 12')];
  let next = 0;
  return {
    editionId,
    admin,
    async session(title, start, end, capacity) {
      const { createSession } = await stack.ok<{ createSession: { id: string } }>(
        `mutation($e: ID!, $i: SessionInput!) { createSession(editionId: $e, input: $i) { id } }`,
        {
          e: editionId,
          i: {
            title,
            startsAt: start,
            endsAt: end,
            roomId: rooms[next++ % 2],
            format: 'EDUCATION',
            ...(capacity ? { capacity } : {}),
          },
        },
        admin,
      );
      await stack.ok(`mutation($id: ID!) { publishSession(id: $id) { id } }`, { id: createSession.id }, admin);
      return createSession.id;
    },
  };
}

/** A verified account registered for the edition; returns its token. */
async function attendee(stack: Stack, world: World, who: string): Promise<{ email: string; token: string }> {
  const email = newEmail(who);
  await stack.ok(`mutation($i: SignUpInput!) { signUp(input: $i) { token } }`, {
    i: { email, name: `${who} Tester`, password: PASSWORD },
  });
  const link = await stack.mailedLink(email, 'verify-email');
  await stack.ok(`mutation($t: String!) { verifyEmail(token: $t) }`, { t: new URL(link).searchParams.get('token') });
  await stack.ok(
    `mutation($e: ID!, $i: AttendeeInput!) { registerAttendee(editionId: $e, input: $i) { id } }`,
    { e: world.editionId, i: { email, firstName: who, lastName: 'Tester', accessLevel: 'FULL_CONFERENCE' } },
    world.admin,
  );
  const { login } = await stack.ok<{ login: { token: string } }>(
    `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
    { e: email, p: PASSWORD },
  );
  return { email, token: login.token };
}

const add = (stack: Stack, token: string, sessionId: string) =>
  stack.ok(`mutation($s: ID!) { addToSchedule(sessionId: $s) { status } }`, { s: sessionId }, token);

async function signIn(page: Page, token: string) {
  await page.goto('/login');
  await page.evaluate((t) => localStorage.setItem('conference.token', t), token);
}

test('my schedule shows my entries day by day, with statuses, conflicts and the free time between them', async ({
  page,
  stack,
}) => {
  const w = await edition(stack, 'Schedule Expo 2033');
  const keynote = await w.session('Keynote: data that travels', '2033-06-01T07:00:00Z', '2033-06-01T08:00:00Z', 50);
  const clash = await w.session('Clashing workshop on consent', '2033-06-01T07:30:00Z', '2033-06-01T08:30:00Z');
  const later = await w.session('Afternoon panel on telehealth', '2033-06-01T12:00:00Z', '2033-06-01T13:00:00Z');
  const dayTwo = await w.session('Day two breakfast briefing', '2033-06-02T06:00:00Z', '2033-06-02T07:00:00Z');
  const me = await attendee(stack, w, 'planner');
  for (const id of [keynote, clash, later, dayTwo]) await add(stack, me.token, id);

  await signIn(page, me.token);
  await page.goto(`/schedule?edition=${w.editionId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'My schedule' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Wednesday 1 June' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Thursday 2 June' })).toBeVisible();
  await expect(entry(page, 'Keynote: data that travels')).toContainText('Reserved');
  await expect(entry(page, 'Keynote: data that travels')).toContainText('09:00–10:00'); // Berlin, summer time
  await expect(
    entry(page, 'Keynote: data that travels').getByText('Conflicts with Clashing workshop on consent'),
  ).toBeVisible();
  await expect(
    entry(page, 'Clashing workshop on consent').getByText('Conflicts with Keynote: data that travels'),
  ).toBeVisible();
  await expect(entry(page, 'Clashing workshop on consent')).toContainText('Bookmarked');
  await expect(entry(page, 'Afternoon panel on telehealth').getByText(/Conflicts with/)).toHaveCount(0);
  await expect(page.getByText('Free 10:30–14:00 (3 h 30 min)')).toBeVisible();
  // The calendar feed and the email switch live here too.
  await expect(page.getByRole('textbox', { name: 'Calendar link' })).toHaveValue(
    new RegExp(`^${stack.baseURL}/calendar/`),
  );
  await expect(page.getByRole('link', { name: 'Subscribe in my calendar app' })).toHaveAttribute(
    'href',
    /^webcal:\/\/127\.0\.0\.1:\d+\/calendar\//,
  );
  await expect(page.getByRole('switch', { name: 'Email me when a session in my schedule changes' })).toBeChecked();
  await expectAccessible(page);

  // Rotate the link, after a confirmation.
  const before = await page.getByRole('textbox', { name: 'Calendar link' }).inputValue();
  await page.getByRole('button', { name: 'Get a new link' }).click();
  await expect(page.getByRole('dialog', { name: 'Get a new calendar link?' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Replace the link' }).click();
  await expect(page.getByRole('textbox', { name: 'Calendar link' })).not.toHaveValue(before);
  expect((await page.request.get(before.replace(stack.baseURL, ''))).status()).toBe(404);

  await page.getByRole('switch', { name: 'Email me when a session in my schedule changes' }).uncheck();
  await expect(page.getByRole('switch', { name: 'Email me when a session in my schedule changes' })).not.toBeChecked();
  const mine = await stack.ok<{ myAttendee: { emailUpdates: boolean } }>(
    `query($e: ID!) { myAttendee(editionId: $e) { emailUpdates } }`,
    { e: w.editionId },
    me.token,
  );
  expect(mine.myAttendee.emailUpdates).toBe(false);

  // Removing one ends the conflict.
  await entry(page, 'Clashing workshop on consent').getByRole('button', { name: 'Remove from my schedule' }).click();
  await expect(entry(page, 'Clashing workshop on consent')).toHaveCount(0);
  await expect(entry(page, 'Keynote: data that travels').getByText(/Conflicts with/)).toHaveCount(0);
  const left = await stack.ok<{ mySchedule: { session: { title: string } }[] }>(
    MY_SCHEDULE,
    { e: w.editionId },
    me.token,
  );
  expect(left.mySchedule.map((e) => e.session.title)).not.toContain('Clashing workshop on consent');
});

test('an organizer’s change arrives live: a toast naming the session, the unread count on the bell, mark as read', async ({
  page,
  stack,
}) => {
  const w = await edition(stack, 'Live Expo 2033');
  const talk = await w.session('Interoperability clinic', '2033-06-01T09:00:00Z', '2033-06-01T10:00:00Z');
  const me = await attendee(stack, w, 'listener');
  await add(stack, me.token, talk);
  await signIn(page, me.token);
  await page.goto(`/schedule?edition=${w.editionId}`);
  await expect(entry(page, 'Interoperability clinic')).toContainText('11:00–12:00');
  await expect(nav(page).getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();
  // The subscription is open once the socket is: give it a moment before the organizer acts.
  await page.waitForTimeout(1000);

  await stack.ok(
    `mutation($id: ID!, $p: SessionPatch!) { updateSession(id: $id, patch: $p) { id } }`,
    { id: talk, p: { startsAt: '2033-06-01T11:00:00Z', endsAt: '2033-06-01T12:00:00Z' } },
    w.admin,
  );

  const toast = page.getByRole('status', { name: 'Schedule updates' });
  await expect(toast).toContainText('Interoperability clinic', { timeout: 20_000 });
  await expect(toast).toContainText('Moved');
  await expect(nav(page).getByRole('link', { name: 'Notifications, 1 unread' })).toBeVisible();
  // My schedule follows: the new time, and the session highlighted until I have seen the change.
  await expect(entry(page, 'Interoperability clinic')).toContainText('13:00–14:00');
  await expect(
    entry(page, 'Interoperability clinic').getByRole('button', { name: 'Mark as seen: Interoperability clinic' }),
  ).toBeVisible();
  await expectAccessible(page);

  await nav(page).getByRole('link', { name: 'Notifications, 1 unread' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const item = page.getByRole('article').filter({ hasText: 'Interoperability clinic' });
  await expect(item).toContainText('Unread');
  await expectAccessible(page);
  await item.getByRole('button', { name: /^Mark as read/ }).click();
  await expect(nav(page).getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();
  await expect(item.getByRole('button', { name: /^Mark as read/ })).toHaveCount(0);
  await page.goto(`/schedule?edition=${w.editionId}`);
  await expect(entry(page, 'Interoperability clinic')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Mark as seen/ })).toHaveCount(0);
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('my schedule stays readable offline after one visit, and a removal made offline is sent when the network returns', async ({
    page,
    context,
    stack,
  }) => {
    const w = await edition(stack, 'Offline Expo 2033');
    const stay = await w.session('Session that stays', '2033-06-01T08:00:00Z', '2033-06-01T09:00:00Z');
    const go = await w.session('Session removed offline', '2033-06-01T10:00:00Z', '2033-06-01T11:00:00Z');
    const me = await attendee(stack, w, 'traveller');
    await add(stack, me.token, stay);
    await add(stack, me.token, go);

    await signIn(page, me.token);
    await page.goto(`/schedule?edition=${w.editionId}`);
    await expect(entry(page, 'Session removed offline')).toBeVisible();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // The copy is on the device once the cache (my schedule) and the answer store (the editions) have
    // been written to IndexedDB.
    await expect
      .poll(() => offlineCopy(page))
      .toMatch(/Session removed offline[^]*Offline Expo 2033|Offline Expo 2033[^]*Session removed offline/);

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'My schedule' })).toBeVisible();
    await expect(page.getByText(/Offline\. Showing the copy as of/)).toBeVisible();
    await expect(entry(page, 'Session that stays')).toBeVisible();
    await expect(entry(page, 'Session removed offline')).toBeVisible();
    await expectAccessible(page);

    await entry(page, 'Session removed offline').getByRole('button', { name: 'Remove from my schedule' }).click();
    await expect(entry(page, 'Session removed offline')).toHaveCount(0);
    await expect(page.getByText('1 change waiting to be sent')).toBeVisible();
    const still = await stack.ok<{ mySchedule: { session: { title: string } }[] }>(
      MY_SCHEDULE,
      { e: w.editionId },
      me.token,
    );
    expect(still.mySchedule.map((e) => e.session.title)).toContain('Session removed offline');

    await context.setOffline(false);
    await expect(page.getByText(/change waiting to be sent/)).toHaveCount(0, { timeout: 20_000 });
    await expect
      .poll(async () =>
        (
          await stack.ok<{ mySchedule: { session: { title: string } }[] }>(MY_SCHEDULE, { e: w.editionId }, me.token)
        ).mySchedule.map((e) => e.session.title),
      )
      .toEqual(['Session that stays']);
    await expect(entry(page, 'Session that stays')).toBeVisible();
    await expect(page.getByText(/Offline\./)).toHaveCount(0);
  });
});
