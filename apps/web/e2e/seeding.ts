import { type Page, type Request } from '@playwright/test';
import { expect, PASSWORD } from './fixtures';
import type { Stack } from './stack';

/**
 * Seeding shared by the door scanner's, the lead scanner's and the exhibitor portal's helpers
 * (scanner-helpers.ts, leads-helpers.ts, exhibitor-helpers.ts): through the API, as the platform's
 * organizer unless a token is given.
 */

/** A UTC date `offset` days from today (YYYY-MM-DD). */
export const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** An edition running now (UTC, yesterday to tomorrow): its id. */
export async function liveEdition(stack: Stack, admin: string, name: string): Promise<string> {
  return (
    await stack.ok<{ createEdition: { id: string } }>(
      `mutation($i: EditionInput!) { createEdition(input: $i) { id } }`,
      { i: { name, year: Number(day(0).slice(0, 4)), timezone: 'UTC', startsOn: day(-1), endsOn: day(1) } },
      admin,
    )
  ).createEdition.id;
}

/**
 * A verified account: signed up, its mailed link followed, signed in. Roles and staff places granted
 * later count at once (they are read at each request, not from the token).
 */
export async function account(stack: Stack, email: string, name: string): Promise<{ email: string; token: string }> {
  await stack.ok(`mutation($i: SignUpInput!) { signUp(input: $i) { token } }`, {
    i: { email, name, password: PASSWORD },
  });
  await stack.ok(`mutation($t: String!) { verifyEmail(token: $t) }`, {
    t: new URL(await stack.mailedLink(email, 'verify-email')).searchParams.get('token'),
  });
  const { login } = await stack.ok<{ login: { token: string } }>(
    `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
    { e: email, p: PASSWORD },
  );
  return { email, token: login.token };
}

/** An attendee registered (AttendeeInput) and a badge issued; waits until the worker has signed and rendered it (ACTIVE with its code). */
export async function activeBadge(
  stack: Stack,
  admin: string,
  editionId: string,
  attendee: Record<string, unknown>,
): Promise<{ attendeeId: string; badgeId: string; code: string }> {
  const attendeeId = (
    await stack.ok<{ registerAttendee: { id: string } }>(
      `mutation($e: ID!, $i: AttendeeInput!) { registerAttendee(editionId: $e, input: $i) { id } }`,
      { e: editionId, i: attendee },
      admin,
    )
  ).registerAttendee.id;
  const badgeId = (
    await stack.ok<{ issueBadge: { id: string } }>(
      `mutation($a: ID!) { issueBadge(attendeeId: $a) { id } }`,
      { a: attendeeId },
      admin,
    )
  ).issueBadge.id;
  let code: string | null = null;
  await expect
    .poll(
      async () => {
        const { badge } = await stack.ok<{ badge: { status: string; code: string | null } }>(
          `query($id: ID!) { badge(id: $id) { status code } }`,
          { id: badgeId },
          admin,
        );
        code = badge.code;
        return badge.status;
      },
      { timeout: 20_000 },
    )
    .toBe('ACTIVE');
  return { attendeeId, badgeId, code: code ?? '' };
}

/** Signs the page in with a token (as a reload after sign-in would find it). */
export async function signIn(page: Page, token: string): Promise<void> {
  await page.goto('/login');
  await page.evaluate((t) => localStorage.setItem('conference.token', t), token);
}

/** The offline uploads (`mutation`: syncScans, syncLeads) a page sends: their GraphQL bodies. */
export function watchUploads(page: Page, mutation: string): { query: string; variables: Record<string, unknown> }[] {
  const bodies: { query: string; variables: Record<string, unknown> }[] = [];
  page.on('request', (request: Request) => {
    if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
    const body = request.postDataJSON() as { query?: string; variables?: Record<string, unknown> } | null;
    if (body?.query?.includes(mutation)) bodies.push({ query: body.query, variables: body.variables ?? {} });
  });
  return bodies;
}
