import { type Browser, type Page } from '@playwright/test';
import { expect, expectAccessible, newEmail, offlineCopy, PASSWORD, test } from './fixtures';
import { ADMIN, type Stack } from './stack';

/** The programme (public) and building a schedule from its cards. Each test seeds an edition of its own. */

let seq = 0;
async function seedEdition(stack: Stack) {
  const admin = await stack.admin();
  const tag = `${Date.now().toString(36)}${seq++}`;
  const { createEdition } = await stack.ok<{ createEdition: { id: string } }>(
    `mutation($i: EditionInput!) { createEdition(input: $i) { id } }`,
    {
      i: {
        name: `Programme ${tag}`,
        year: 2027,
        timezone: 'America/Chicago',
        startsOn: '2027-03-01',
        endsOn: '2027-03-02',
      },
    },
    admin,
  );
  const e = createEdition.id;
  const room = async (name: string, capacity = 100) =>
    (
      await stack.ok<{ createRoom: { id: string } }>(
        `mutation($e: ID!, $n: String!, $c: Int!) { createRoom(editionId: $e, input: { name: $n, capacity: $c }) { id } }`,
        { e, n: name, c: capacity },
        admin,
      )
    ).createRoom.id;
  const rooms = { hall: await room('Hall A'), r201: await room('Room 201') };
  const { createTrack } = await stack.ok<{ createTrack: { id: string } }>(
    `mutation($e: ID!) { createTrack(editionId: $e, name: "Cybersecurity") { id } }`,
    { e },
    admin,
  );
  const { createSpeaker } = await stack.ok<{ createSpeaker: { id: string } }>(
    `mutation($e: ID!) { createSpeaker(editionId: $e, input: { name: "Ana Ruiz", company: "Mercy Health", jobTitle: "CISO" }) { id } }`,
    { e },
    admin,
  );
  const session = async (title: string, input: Record<string, unknown>) => {
    const { createSession } = await stack.ok<{ createSession: { id: string } }>(
      `mutation($e: ID!, $i: SessionInput!) { createSession(editionId: $e, input: $i) { id } }`,
      { e, i: { title: `${title} ${tag}`, format: 'EDUCATION', ...input } },
      admin,
    );
    await stack.ok(`mutation($id: ID!) { publishSession(id: $id) { id } }`, { id: createSession.id }, admin);
    return { id: createSession.id, title: `${title} ${tag}` };
  };
  // Chicago is UTC-6 in early March 2027.
  const s = {
    keynote: await session('Opening keynote', {
      format: 'KEYNOTE',
      roomId: rooms.hall,
      startsAt: '2027-03-01T15:00:00Z',
      endsAt: '2027-03-01T16:00:00Z',
    }),
    ransomware: await session('Ransomware response', {
      abstract: 'Lessons from three hospital incidents.',
      roomId: rooms.r201,
      trackId: createTrack.id,
      speakerIds: [createSpeaker.id],
      ceCredits: 1.5,
      capacity: 5,
      startsAt: '2027-03-01T15:30:00Z',
      endsAt: '2027-03-01T16:30:00Z',
    }),
    workshop: await session('FHIR workshop', {
      format: 'WORKSHOP',
      roomId: rooms.r201,
      capacity: 1,
      startsAt: '2027-03-01T18:00:00Z',
      endsAt: '2027-03-01T19:00:00Z',
    }),
    dayTwo: await session('Closing panel', {
      format: 'PANEL',
      roomId: rooms.hall,
      startsAt: '2027-03-02T20:00:00Z',
      endsAt: '2027-03-02T21:00:00Z',
    }),
  };
  return { e, tag, s, admin };
}

/** A verified account registered for the edition. */
async function attendee(stack: Stack, editionId: string, who: string) {
  const email = newEmail(who);
  await stack.ok(`mutation($i: SignUpInput!) { signUp(input: $i) { token } }`, {
    i: { email, name: who, password: PASSWORD },
  });
  const link = await stack.mailedLink(email, 'verify-email');
  await stack.ok(`mutation($t: String!) { verifyEmail(token: $t) }`, { t: new URL(link).searchParams.get('token') });
  await stack.ok(
    `mutation($e: ID!, $i: AttendeeInput!) { registerAttendee(editionId: $e, input: $i) { id } }`,
    { e: editionId, i: { email, firstName: who, lastName: 'Tester', accessLevel: 'FULL_CONFERENCE' } },
    await stack.admin(),
  );
  return email;
}

async function signIn(page: Page, email: string, next: string, password = PASSWORD) {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sign out' })).toBeVisible();
  // Signed in as soon as the token is kept; on to `next` once the device's additions are merged.
  await expect(page).toHaveURL((url) => url.pathname + url.search === next);
}

const card = (page: Page, title: string) => page.getByRole('article', { name: title });

test.describe('browsing', () => {
  test.use({ timezoneId: 'Europe/Berlin' });

  test('anonymously: day tabs, the timezone switch, filters, search, the session page', async ({ page, stack }) => {
    const { e, s } = await seedEdition(stack);
    // The page comes with the programme's first answers (the API puts them in it): no round trip before the day shows.
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql'))
        asked.push((r.postDataJSON() as { operationName?: string }).operationName ?? '?');
    });
    await page.goto(`/?edition=${e}`);
    const tabs = page.getByRole('tablist', { name: 'Days' });
    await expect(tabs.getByRole('tab')).toHaveCount(2);
    await expect(tabs.getByRole('tab', { selected: true })).toHaveText('Mon 1 Mar');
    const panelId = await tabs.getByRole('tab', { selected: true }).getAttribute('aria-controls');
    await expect(page.locator(`#${panelId}`)).toHaveAttribute('role', 'tabpanel');
    await expect(page.getByRole('article')).toHaveCount(3);
    await expect(card(page, s.ransomware.title)).toContainText('5 seats left');
    expect(asked).toEqual([]);
    // Times in the edition's timezone: 15:00Z is 09:00 in Chicago.
    await expect(card(page, s.keynote.title)).toContainText('09:00–10:00');
    await expect(card(page, s.keynote.title)).toContainText('Hall A');
    await expect(card(page, s.ransomware.title)).toContainText('Cybersecurity');
    await expect(card(page, s.ransomware.title)).toContainText('5 seats left');
    await expectAccessible(page);

    await tabs.getByRole('tab', { name: 'Tue 2 Mar' }).click();
    await expect(page.getByRole('article')).toHaveCount(1);
    await expect(card(page, s.dayTwo.title)).toBeVisible();
    await tabs.getByRole('tab', { name: 'Tue 2 Mar' }).press('ArrowLeft');
    await expect(tabs.getByRole('tab', { name: 'Mon 1 Mar' })).toBeFocused();
    await expect(page.getByRole('article')).toHaveCount(3);

    // The device's timezone (Berlin), remembered across a reload: Tuesday 14:00 in Chicago is 21:00 in Berlin.
    await page.getByRole('checkbox', { name: /Show times in my timezone/ }).check();
    await expect(card(page, s.keynote.title)).toContainText('16:00–17:00');
    await page.reload();
    await expect(page.getByRole('checkbox', { name: /Show times in my timezone/ })).toBeChecked();
    await tabs.getByRole('tab', { name: 'Tue 2 Mar' }).click();
    await expect(card(page, s.dayTwo.title)).toContainText('21:00–22:00');
    await page.getByRole('checkbox', { name: /Show times in my timezone/ }).uncheck();
    await tabs.getByRole('tab', { name: 'Mon 1 Mar' }).click();

    // Filters (on the day shown) and search (the API's full-text search, from the abstract too).
    await page.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'Keynote' });
    await expect(page.getByRole('article')).toHaveCount(1);
    await page.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'All' });
    await page.getByRole('combobox', { name: 'Track' }).selectOption({ label: 'Cybersecurity' });
    await expect(page.getByRole('article')).toHaveCount(1);
    await page.getByRole('combobox', { name: 'Track' }).selectOption({ label: 'All' });
    await page.getByRole('combobox', { name: 'Room' }).selectOption({ label: 'Room 201' });
    await expect(page.getByRole('article')).toHaveCount(2);
    await page.getByRole('combobox', { name: 'Room' }).selectOption({ label: 'All' });
    await page.getByRole('searchbox', { name: 'Search sessions' }).fill('incidents');
    await expect(page.getByRole('article')).toHaveCount(1);
    await expect(card(page, s.ransomware.title)).toBeVisible();
    await expectAccessible(page);

    await card(page, s.ransomware.title).getByRole('link', { name: s.ransomware.title }).click();
    await expect(page).toHaveURL(new RegExp(`/sessions/${s.ransomware.id}`));
    await expect(page.getByRole('heading', { level: 1, name: s.ransomware.title })).toBeVisible();
    await expect(page.getByText('Lessons from three hospital incidents.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Ana Ruiz' })).toBeVisible();
    await expect(page.getByText('CISO, Mercy Health')).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: 'Room 201' })).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: '1.5' })).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: '5 seats left' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add to my schedule' })).toBeVisible();
    await expectAccessible(page);
  });

  test('the wide grid: a column per room, every session of the day in it', async ({ page, stack }) => {
    const { e, s } = await seedEdition(stack);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`/?edition=${e}`);
    const grid = page.getByRole('region', { name: 'Sessions by room' });
    await expect(grid.getByRole('article')).toHaveCount(3);
    await expect(grid.getByText('Hall A', { exact: true })).toBeVisible();
    await expect(grid.getByText('Room 201', { exact: true })).toBeVisible();
    // Overlapping sessions in different rooms sit side by side.
    const a = (await card(page, s.keynote.title).boundingBox())!;
    const b = (await card(page, s.ransomware.title).boundingBox())!;
    expect(b.x).toBeGreaterThan(a.x + a.width - 1);
    expect(Math.abs(a.y - b.y)).toBeLessThan(a.height);
    await expectAccessible(page);
  });
});

test('added before sign-in, merged into the account at sign-in', async ({ page, stack }) => {
  const { e, s } = await seedEdition(stack);
  const email = await attendee(stack, e, 'merger');
  await page.goto(`/?edition=${e}`);
  await card(page, s.ransomware.title).getByRole('button', { name: 'Add to my schedule' }).click();
  await card(page, s.keynote.title).getByRole('button', { name: 'Add to my schedule' }).click();
  await expect(card(page, s.ransomware.title)).toContainText('Saved on this device');
  await expect(card(page, s.ransomware.title).getByRole('button', { name: 'Remove from my schedule' })).toBeVisible();
  // Overlapping additions are flagged on the device too.
  await expect(card(page, s.keynote.title)).toContainText(`Conflicts with ${s.ransomware.title}`);
  await expectAccessible(page);

  await signIn(page, email, `/?edition=${e}`);
  await expect(card(page, s.ransomware.title)).toContainText('Reserved');
  await expect(card(page, s.keynote.title)).toContainText('Bookmarked');
  await expect(card(page, s.ransomware.title)).toContainText('4 seats left');
  expect(await page.evaluate(() => localStorage.getItem('conference.deviceSchedule'))).toBeNull();
  const { mySchedule } = await stack.ok<{ mySchedule: { status: string }[] }>(
    `query($e: ID!) { mySchedule(editionId: $e) { status } }`,
    { e },
    (await page.evaluate(() => localStorage.getItem('conference.token')))!,
  );
  expect(mySchedule.map((x) => x.status).sort()).toEqual(['BOOKMARKED', 'RESERVED']);
});

async function signedInPage(browser: Browser, baseURL: string, email: string, next: string) {
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, email, next);
  return { context, page };
}

test('the last seat: reserved by one, waitlisted for the other, who is promoted when the first leaves', async ({
  browser,
  stack,
}) => {
  const { e, s } = await seedEdition(stack);
  const [alice, bob] = [await attendee(stack, e, 'alice'), await attendee(stack, e, 'bob')];
  const a = await signedInPage(browser, stack.baseURL, alice, `/?edition=${e}`);
  const b = await signedInPage(browser, stack.baseURL, bob, `/?edition=${e}`);
  try {
    await expect(card(a.page, s.workshop.title)).toContainText('1 seat left');
    await card(a.page, s.workshop.title).getByRole('button', { name: 'Add to my schedule' }).click();
    await expect(card(a.page, s.workshop.title)).toContainText('Reserved');
    await expect(card(a.page, s.workshop.title)).toContainText('Full: waitlist open');

    await b.page.reload();
    await expect(card(b.page, s.workshop.title)).toContainText('Full: waitlist open');
    await card(b.page, s.workshop.title).getByRole('button', { name: 'Add to my schedule' }).click();
    await expect(card(b.page, s.workshop.title)).toContainText('Waitlisted #1');
    await expectAccessible(b.page);

    await card(a.page, s.workshop.title).getByRole('button', { name: 'Remove from my schedule' }).click();
    await expect(card(a.page, s.workshop.title).getByRole('button', { name: 'Add to my schedule' })).toBeVisible();
    await b.page.reload();
    await expect(card(b.page, s.workshop.title)).toContainText('Reserved');
    await b.page.goto(`/sessions/${s.workshop.id}`);
    await expect(b.page.getByText('Reserved', { exact: true })).toBeVisible();
    await expect(b.page.getByRole('button', { name: 'Remove from my schedule' })).toBeVisible();
  } finally {
    await a.context.close();
    await b.context.close();
  }
});

test('a conflict is shown before and after adding', async ({ page, stack }) => {
  const { e, s } = await seedEdition(stack);
  const email = await attendee(stack, e, 'clash');
  await signIn(page, email, `/?edition=${e}`);
  await card(page, s.keynote.title).getByRole('button', { name: 'Add to my schedule' }).click();
  await expect(card(page, s.keynote.title)).toContainText('Bookmarked');
  // Before adding: the card says what it would clash with.
  await expect(card(page, s.ransomware.title)).toContainText(`Conflicts with ${s.keynote.title}`);
  await expect(card(page, s.workshop.title)).not.toContainText('Conflicts with');
  await card(page, s.ransomware.title).getByRole('button', { name: 'Add to my schedule' }).click();
  await expect(card(page, s.ransomware.title)).toContainText('Reserved');
  // After: both entries name each other (the server's conflictsWith).
  await expect(card(page, s.ransomware.title)).toContainText(`Conflicts with ${s.keynote.title}`);
  await expect(card(page, s.keynote.title)).toContainText(`Conflicts with ${s.ransomware.title}`);
  await expectAccessible(page);
  await page.goto(`/sessions/${s.keynote.id}`);
  await expect(page.getByText(`Conflicts with ${s.ransomware.title}`)).toBeVisible();
  await expectAccessible(page);
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('the programme stays readable offline after one visit: the last copy, seats included, with its time', async ({
    page,
    context,
    stack,
  }) => {
    const { e, s } = await seedEdition(stack);
    await page.goto(`/?edition=${e}`);
    await expect(card(page, s.ransomware.title)).toContainText('5 seats left');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // The copy is on the device once the programme's answers have been written to IndexedDB.
    await expect.poll(() => offlineCopy(page)).toContain(s.workshop.title);

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByText(/Offline\. Showing the copy as of/)).toBeVisible();
    await expect(card(page, s.keynote.title)).toBeVisible();
    await expect(card(page, s.ransomware.title)).toContainText('5 seats left');
    await expect(card(page, s.workshop.title)).toContainText('1 seat left');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expectAccessible(page);

    // Back online, the day is asked for again: a seat taken meanwhile shows.
    const email = await attendee(stack, e, 'returning');
    const { login } = await stack.ok<{ login: { token: string } }>(
      `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
      { e: email, p: PASSWORD },
    );
    await stack.ok(`mutation($id: ID!) { addToSchedule(sessionId: $id) { id } }`, { id: s.workshop.id }, login.token);
    await context.setOffline(false);
    await page.getByRole('tab', { name: /Tue/ }).click();
    await page.getByRole('tab', { name: /Mon/ }).click();
    await expect(card(page, s.workshop.title)).toContainText('Full: waitlist open');
  });
});

test('an organizer’s draft sessions leave the device at sign-out', async ({ page, stack }) => {
  const { e, s, tag, admin } = await seedEdition(stack);
  const { edition } = await stack.ok<{ edition: { rooms: { id: string }[] } }>(
    `query($id: ID!) { edition(id: $id) { rooms { id } } }`,
    { id: e },
  );
  const draft = `Draft plenary ${tag}`;
  await stack.ok(
    `mutation($e: ID!, $i: SessionInput!) { createSession(editionId: $e, input: $i) { id } }`,
    {
      e,
      i: {
        title: draft,
        format: 'KEYNOTE',
        roomId: edition.rooms[0].id,
        startsAt: '2027-03-02T15:00:00Z',
        endsAt: '2027-03-02T16:00:00Z',
      },
    },
    admin,
  );
  const tuesday = (p: Page) => p.getByRole('tab', { name: 'Tue 2 Mar' });

  // Signed in, the programme is asked for with the organizer's token: drafts included, and kept.
  await signIn(page, ADMIN.email, `/?edition=${e}`, ADMIN.password);
  await tuesday(page).click();
  await expect(card(page, draft)).toContainText('Draft: only organizers see it');
  await expect(card(page, s.dayTwo.title)).toBeVisible();
  await expect(card(page, s.dayTwo.title)).not.toContainText('Draft');
  await expectAccessible(page);
  await expect.poll(() => offlineCopy(page)).toContain(draft);
  // Back on Monday: Tuesday's answer is held but no longer shown when the organizer signs out.
  await page.getByRole('tab', { name: 'Mon 1 Mar' }).click();
  await expect(card(page, s.keynote.title)).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect.poll(() => offlineCopy(page)).not.toContain(draft);
  await page.goto(`/?edition=${e}`);
  await tuesday(page).click();
  await expect(card(page, s.dayTwo.title)).toBeVisible();
  await expect(card(page, draft)).toHaveCount(0);
  expect(await offlineCopy(page)).not.toContain(draft);
});
