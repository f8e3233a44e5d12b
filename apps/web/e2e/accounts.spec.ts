import { type Page } from '@playwright/test';
import { expect, expectAccessible, newEmail, PASSWORD, storedToken, test } from './fixtures';

/** The main navigation, where Sign in / Sign out live (a page may have its own "Sign in" link). */
const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

const GRANT = `mutation($e: ID!, $m: String!) { grantRole(editionId: $e, email: $m, role: ORGANIZER) }`;
const CREATE_ROOM = `mutation($e: ID!, $n: String!) { createRoom(editionId: $e, input: { name: $n, capacity: 5 }) { id } }`;
const CREATE_EDITION = `mutation($i: EditionInput!) { createEdition(input: $i) { id } }`;

test('sign up, confirm the address through the mailed link, sign in, stay signed in across a reload, sign out', async ({
  page,
  stack,
}) => {
  const email = newEmail('newcomer');
  await page.goto('/signup');
  await expectAccessible(page);
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Nora Newcomer');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page.getByRole('heading', { name: 'Check your mail' })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await expectAccessible(page);
  const token = (await storedToken(page))!;
  expect(token).toBeTruthy();

  // Opening the mailed link changes nothing (mail scanners open links): a role granted to the address
  // does not apply yet. The button does the work.
  const link = await stack.mailedLink(email, 'verify-email');
  expect(link.startsWith(`${stack.baseURL}/verify-email?token=`)).toBe(true);
  const admin = await stack.admin();
  const edition = await stack.ok<{ createEdition: { id: string } }>(
    CREATE_EDITION,
    {
      i: {
        name: `Verify ${email}`,
        year: 2031,
        timezone: 'Europe/Berlin',
        startsOn: '2031-05-01',
        endsOn: '2031-05-02',
      },
    },
    admin,
  );
  await stack.ok(GRANT, { e: edition.createEdition.id, m: email }, admin);
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Confirm your email address' })).toBeVisible();
  await expectAccessible(page);
  expect(
    (await stack.gql(CREATE_ROOM, { e: edition.createEdition.id, n: 'Too early' }, token)).errors?.[0]?.extensions
      ?.code,
  ).toBe('FORBIDDEN');
  await page.getByRole('button', { name: 'Confirm my email address' }).click();
  await expect(page.getByRole('heading', { name: 'Address confirmed' })).toBeVisible();
  await expectAccessible(page);
  expect(
    (await stack.gql(CREATE_ROOM, { e: edition.createEdition.id, n: 'Confirmed room' }, token)).errors,
  ).toBeUndefined();
  // Single use: the same link again is refused, in words.
  await page.goto(link);
  await page.getByRole('button', { name: 'Confirm my email address' }).click();
  await expect(page.getByRole('alert')).toContainText('invalid, already used or expired');

  // Sign out, then in again with the new account; a reload keeps the person signed in.
  await nav(page).getByRole('button', { name: 'Sign out' }).click();
  await expect(nav(page).getByRole('link', { name: 'Sign in' })).toBeVisible();
  expect(await storedToken(page)).toBeNull();
  await nav(page).getByRole('link', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expectAccessible(page);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill('wrong-password-000');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(nav(page).getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page).toHaveURL(`${stack.baseURL}/`);
  await page.reload();
  await expect(nav(page).getByRole('button', { name: 'Sign out' })).toBeVisible();
  // Signed in already, the sign-in page goes on to where it was to lead.
  await page.goto(`/login?next=${encodeURIComponent('/notifications')}`);
  await expect(page).toHaveURL(`${stack.baseURL}/notifications`);
  await nav(page).getByRole('button', { name: 'Sign out' }).click();
  await expect(nav(page).getByRole('link', { name: 'Sign in' })).toBeVisible();
  await page.reload();
  await expect(nav(page).getByRole('link', { name: 'Sign in' })).toBeVisible();
});

test('reset a forgotten password through the mailed link', async ({ page, stack }) => {
  const email = newEmail('forgetful');
  const signed = await stack.ok<{ signUp: { token: string } }>(
    `mutation($i: SignUpInput!) { signUp(input: $i) { token } }`,
    { i: { email, name: 'Fay Forgetful', password: PASSWORD } },
  );
  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'a link to choose a new password is on its way' }),
  ).toBeVisible();

  const link = await stack.mailedLink(email, 'reset-password');
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await expectAccessible(page);
  // Opening the link changed nothing: the old sign-in still works.
  expect((await stack.gql(`{ me { email } }`, {}, signed.signUp.token)).errors).toBeUndefined();
  await page.getByLabel('New password').fill('password123');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('alert')).toContainText(/common/i);
  await page.getByLabel('New password').fill('harbour-lights-42');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('heading', { name: 'Password changed' })).toBeVisible();
  await expect(nav(page).getByRole('button', { name: 'Sign out' })).toBeVisible();
  // Every older sign-in ended; the new password signs in.
  expect((await stack.gql(`{ me { email } }`, {}, signed.signUp.token)).errors?.[0]?.extensions?.code).toBe(
    'UNAUTHENTICATED',
  );
  expect(
    (
      await stack.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, {
        e: email,
        p: 'harbour-lights-42',
      })
    ).errors,
  ).toBeUndefined();
});

test('an expired or ended token sends the person to sign in, then back where they were', async ({ page, stack }) => {
  const email = newEmail('returning');
  await stack.ok(`mutation($i: SignUpInput!) { signUp(input: $i) { token } }`, {
    i: { email, name: 'Rita Returning', password: PASSWORD },
  });
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('conference.token', 'not-a-valid-token'));
  await page.goto('/schedule?edition=7');
  await expect(page).toHaveURL(/\/login\?next=%2Fschedule%3Fedition%3D7$/);
  await expect(nav(page).getByRole('link', { name: 'Sign in' })).toBeVisible();
  expect(await storedToken(page)).toBeNull();
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/schedule\?edition=7$/);
  await expect(nav(page).getByRole('button', { name: 'Sign out' })).toBeVisible();
});

test('signing in or out goes on at once, while what was loaded before is asked for again', async ({ page, stack }) => {
  const email = newEmail('hurried');
  await stack.ok(`mutation($i: SignUpInput!) { signUp(input: $i) { token } }`, {
    i: { email, name: 'Hana Hurried', password: PASSWORD },
  });
  await page.goto(`/login?next=${encodeURIComponent('/notifications')}`);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  // The show's Wi-Fi: once signed in, every other request hangs until released.
  const held: { continue: () => Promise<void> }[] = [];
  let released = false;
  await page.route('**/graphql', async (route) => {
    if (released || route.request().postDataJSON()?.operationName === 'Login') return route.continue();
    held.push(route);
  });
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(nav(page).getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByText('Loading your notifications…')).toBeVisible();
  expect(held.length).toBeGreaterThan(0);
  const release = async () => {
    released = true;
    await Promise.all(held.splice(0).map((route) => route.continue()));
  };
  await release();
  await expect(page.getByText('All read.')).toBeVisible();

  // Signing out does not wait for the network either.
  released = false;
  await nav(page).getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(`${stack.baseURL}/`);
  await expect(nav(page).getByRole('link', { name: 'Sign in' })).toBeVisible();
  await release();
});
