import { type Page } from '@playwright/test';
import { expect, expectAccessible, newEmail, PASSWORD, test } from './fixtures';
import type { Stack } from './stack';

/**
 * The back office's Edition and Programme screens (issue 20): an edition and a room made through the
 * UI, a room conflict named before anything is saved, a session dragged to another slot (refused when
 * the room is taken, then moved) with the attendee's live notice, and the door shut to non-organizers.
 * Everything else is seeded through the API as the platform organizer.
 */

test.use({ viewport: { width: 1440, height: 900 } });

const card = (page: Page, title: string) =>
  page.getByRole('article').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
const column = (page: Page, room: string) => page.locator(`[data-room="${room}"]`);
const SESSION = `query($id: ID!) { session(id: $id) { status startsAt room { name } } }`;

async function signIn(page: Page, token: string) {
  await page.goto('/login');
  await page.evaluate((t) => localStorage.setItem('conference.token', t), token);
}

/** An edition (Berlin, 1-2 June 2034) with rooms, and a way to add published sessions to it. */
async function edition(stack: Stack, name: string, rooms: string[]) {
  const admin = await stack.admin();
  const { createEdition } = await stack.ok<{ createEdition: { id: string } }>(
    `mutation($i: EditionInput!) { createEdition(input: $i) { id } }`,
    { i: { name, year: 2034, timezone: 'Europe/Berlin', startsOn: '2034-06-01', endsOn: '2034-06-02' } },
    admin,
  );
  const editionId = createEdition.id;
  const roomIds: Record<string, string> = {};
  for (const room of rooms)
    roomIds[room] = (
      await stack.ok<{ createRoom: { id: string } }>(
        `mutation($e: ID!, $n: String!) { createRoom(editionId: $e, input: { name: $n, capacity: 100 }) { id } }`,
        { e: editionId, n: room },
        admin,
      )
    ).createRoom.id;
  return { editionId, admin, roomIds };
}

async function publishedSession(stack: Stack, admin: string, editionId: string, i: Record<string, unknown>) {
  const { createSession } = await stack.ok<{ createSession: { id: string } }>(
    `mutation($e: ID!, $i: SessionInput!) { createSession(editionId: $e, input: $i) { id } }`,
    { e: editionId, i: { format: 'EDUCATION', ...i } },
    admin,
  );
  await stack.ok(`mutation($id: ID!) { publishSession(id: $id) { id } }`, { id: createSession.id }, admin);
  return createSession.id;
}

/** A verified account registered for the edition; returns its token. */
async function attendee(stack: Stack, admin: string, editionId: string, who: string): Promise<string> {
  const email = newEmail(who);
  await stack.ok(`mutation($i: SignUpInput!) { signUp(input: $i) { token } }`, {
    i: { email, name: `${who} Tester`, password: PASSWORD },
  });
  const link = await stack.mailedLink(email, 'verify-email');
  await stack.ok(`mutation($t: String!) { verifyEmail(token: $t) }`, { t: new URL(link).searchParams.get('token') });
  await stack.ok(
    `mutation($e: ID!, $i: AttendeeInput!) { registerAttendee(editionId: $e, input: $i) { id } }`,
    { e: editionId, i: { email, firstName: who, lastName: 'Tester', accessLevel: 'FULL_CONFERENCE' } },
    admin,
  );
  const { login } = await stack.ok<{ login: { token: string } }>(
    `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
    { e: email, p: PASSWORD },
  );
  return login.token;
}

test('an organizer creates an edition and a room, and sees a room conflict named before saving', async ({
  page,
  stack,
}) => {
  const admin = await stack.admin();
  await signIn(page, admin);
  await page.goto('/admin/edition');
  const create = page.getByRole('form', { name: 'Create an edition' });
  await create.getByLabel('Name').fill('Admin Expo 2034');
  await create.getByLabel('Year').fill('2034');
  await create.getByLabel('Timezone').fill('Europe/Berlin');
  await create.getByLabel('First day').fill('2034-05-10');
  await create.getByLabel('Last day').fill('2034-05-11');
  await create.getByLabel('Venue').fill('Messe Berlin, Berlin');
  await create.getByRole('button', { name: 'Create edition' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edition: Admin Expo 2034' })).toBeVisible();
  const editionId = new URL(page.url()).searchParams.get('edition')!;
  expect(editionId).toBeTruthy();
  // The edit form shows what was saved.
  await expect(page.getByRole('form', { name: 'Edition details' }).getByLabel('Venue')).toHaveValue(
    'Messe Berlin, Berlin',
  );
  // A rename shows at once wherever the edition is named (the edition list is asked for again).
  const details = page.getByRole('form', { name: 'Edition details' });
  await details.getByLabel('Name').fill('Admin Expo 2034 (renamed)');
  await details.getByRole('button', { name: 'Save edition' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edition: Admin Expo 2034 (renamed)' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Back office' })).toContainText('Admin Expo 2034 (renamed)');

  const addRoom = page.getByRole('form', { name: 'Add a room' });
  await addRoom.getByLabel('Room name').fill('Hall A');
  await addRoom.getByLabel('Capacity', { exact: true }).fill('200');
  await addRoom.getByLabel('Enforce capacity').check();
  await addRoom.getByRole('button', { name: 'Add room' }).click();
  await expect(page.getByRole('table', { name: 'Rooms' }).getByRole('row', { name: /Hall A 200 Yes/ })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' })).toBeVisible();
  await expectAccessible(page);

  // A published session holds the room; a second one is placed at the same time through the panel.
  const { edition } = await stack.ok<{ edition: { rooms: { id: string }[] } }>(
    `query($id: ID!) { edition(id: $id) { rooms { id } } }`,
    { id: editionId },
  );
  await publishedSession(stack, admin, editionId, {
    title: 'Opening keynote',
    roomId: edition.rooms[0].id,
    startsAt: '2034-05-10T08:00:00Z', // 10:00 in Berlin
    endsAt: '2034-05-10T09:00:00Z',
  });
  await page.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Programme' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/programme\\?edition=${editionId}`));
  await expect(page.getByRole('tab', { name: 'Wed 10 May', selected: true })).toBeVisible();
  await expect(card(page, 'Opening keynote')).toContainText('Published');

  await page.getByRole('button', { name: 'New session' }).click();
  const panel = page.getByRole('complementary', { name: 'New session' });
  await panel.getByLabel('Title').fill('Second look at records');
  await panel.getByLabel('Room').selectOption({ label: 'Hall A' });
  await panel.getByLabel('Starts at').fill('10:30');
  await panel.getByLabel('Ends at').fill('11:30');
  await expect(panel.getByRole('alert')).toContainText('Room conflict: Hall A is already booked for Opening keynote');
  await expectAccessible(page);

  // Publishing is refused by the server, which names the session; the new one stays a draft.
  await panel.getByRole('button', { name: 'Save and publish' }).click();
  const edit = page.getByRole('complementary', { name: 'Edit: Second look at records' });
  await expect(edit.getByRole('alert').filter({ hasText: 'Refused' })).toContainText('Opening keynote');
  await expect(card(page, 'Second look at records')).toContainText('Draft');
  await expect(card(page, 'Second look at records').getByRole('alert')).toContainText(
    'Not published: Room "Hall A" is already booked for "Opening keynote"',
  );
  await expect(card(page, 'Second look at records')).toContainText('Overlaps Opening keynote');
  const { sessions } = await stack.ok<{ sessions: { edges: { node: { title: string; status: string } }[] } }>(
    `query($e: ID!) { sessions(editionId: $e, first: 10) { edges { node { title status } } } }`,
    { e: editionId },
    admin,
  );
  expect(sessions.edges.map((e) => e.node)).toContainEqual({ title: 'Second look at records', status: 'DRAFT' });

  // Speakers: one added here is offered in the panel.
  await page.getByRole('link', { name: 'Speakers' }).click();
  const addSpeaker = page.getByRole('form', { name: 'Add a speaker' });
  await addSpeaker.getByLabel('Name').fill('Dr. Ada Records');
  await addSpeaker.getByLabel('Company').fill('Interop GmbH');
  await addSpeaker.getByRole('button', { name: 'Add speaker' }).click();
  await expect(page.getByRole('table', { name: 'Speakers' })).toContainText('Dr. Ada Records');
  await page.getByLabel('Search speakers').fill('Interop');
  await expect(page.getByRole('table', { name: 'Speakers' }).getByRole('row')).toHaveCount(2);
  await expectAccessible(page);
});

test('dragging a session to another slot: refused where the room is taken, moved where it is free, and the attendee is told live', async ({
  page,
  browser,
  stack,
}) => {
  const w = await edition(stack, 'Drag Expo 2034', ['Hall A', 'Room 2']);
  const talk = await publishedSession(stack, w.admin, w.editionId, {
    title: 'Data clinic',
    roomId: w.roomIds['Hall A'],
    startsAt: '2034-06-01T08:00:00Z', // 10:00-11:00 Berlin
    endsAt: '2034-06-01T09:00:00Z',
  });
  await publishedSession(stack, w.admin, w.editionId, {
    title: 'Busy afternoon',
    roomId: w.roomIds['Room 2'],
    startsAt: '2034-06-01T12:00:00Z', // 14:00-15:00 Berlin
    endsAt: '2034-06-01T13:00:00Z',
  });
  const listener = await attendee(stack, w.admin, w.editionId, 'listener');
  await stack.ok(`mutation($s: ID!) { addToSchedule(sessionId: $s) { status } }`, { s: talk }, listener);

  // The attendee watches in a browser of their own.
  const theirs = await browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
  const them = await theirs.newPage();
  await signIn(them, listener);
  await them.goto(`/schedule?edition=${w.editionId}`);
  await expect(card(them, 'Data clinic')).toContainText('10:00–11:00');

  await signIn(page, w.admin);
  await page.goto(`/admin/programme?edition=${w.editionId}`);
  await expect(card(page, 'Data clinic')).toContainText('0 reserved · 0 waitlisted · 1 bookmarked');
  await expectAccessible(page);

  // The grid starts at 08:00, 1.6 px a minute; the card is grabbed 4 px below its top.
  const at = (hh: number) => ({ x: 40, y: (hh * 60 - 480) * 1.6 + 4 });
  await card(page, 'Data clinic').dragTo(column(page, 'Room 2'), {
    sourcePosition: { x: 40, y: 4 },
    targetPosition: at(14),
  });
  await expect(card(page, 'Data clinic').getByRole('alert')).toContainText(
    'Not moved: Room "Room 2" is already booked for "Busy afternoon"',
  );
  await expect(column(page, 'Hall A').getByRole('heading', { name: 'Data clinic' })).toBeVisible();
  expect((await stack.ok<{ session: { startsAt: string } }>(SESSION, { id: talk }, w.admin)).session).toMatchObject({
    startsAt: '2034-06-01T08:00:00.000Z',
    room: { name: 'Hall A' },
  });

  await page.waitForTimeout(500); // the attendee's subscription is open by now
  await card(page, 'Data clinic').dragTo(column(page, 'Hall A'), {
    sourcePosition: { x: 40, y: 4 },
    targetPosition: at(12),
  });
  await expect(page.getByRole('status').filter({ hasText: 'Moved "Data clinic"' })).toContainText(
    'Hall A, 12:00–13:00',
  );
  await expect(card(page, 'Data clinic').getByRole('alert')).toHaveCount(0);
  expect((await stack.ok<{ session: { startsAt: string } }>(SESSION, { id: talk }, w.admin)).session).toMatchObject({
    startsAt: '2034-06-01T10:00:00.000Z',
  });

  const toast = them.getByRole('status', { name: 'Schedule updates' });
  await expect(toast).toContainText('Data clinic', { timeout: 20_000 });
  await expect(card(them, 'Data clinic')).toContainText('12:00–13:00');
  await theirs.close();
});

test('a person who is not an organizer of the edition is refused the back office', async ({ page, stack }) => {
  const w = await edition(stack, 'Closed Expo 2034', ['Hall A']);
  const visitor = await attendee(stack, w.admin, w.editionId, 'visitor');
  await signIn(page, visitor);
  for (const path of ['/admin', '/admin/edition', '/admin/programme']) {
    await page.goto(`${path}?edition=${w.editionId}`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'You are not an organizer of this edition' }),
    ).toBeVisible();
  }
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Back office' })).toHaveCount(0);
  await expectAccessible(page);
  // The API refuses them anyway.
  const answer = await stack.gql(
    `query($e: ID!) { editionRoles(editionId: $e) { email } }`,
    { e: w.editionId },
    visitor,
  );
  expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});
