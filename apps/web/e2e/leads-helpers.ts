import { expect, type Page } from '@playwright/test';
import { newEmail, PASSWORD } from './fixtures';
import type { Stack } from './stack';

/** The lead scanner's browser tests and screenshots: an exhibition seeded through the API, the leads page opened as a staff member. */

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
export const TAGS = ['Hot lead', 'Send brochure', 'Partner'];
export const LEADS = `query($x: ID!) { leads(exhibitorId: $x, first: 200) { totalCount edges { node { id notes rating tags attendee { lastName } } } } }`;

export interface Badge {
  first: string;
  last: string;
  name: string;
  email: string;
  company: string;
  code: string;
}

export interface Booth {
  editionId: string;
  exhibitorId: string;
  staffEmail: string;
  staff: string;
  other: { exhibitorId: string; staff: string };
  badge(first: string, last: string, company: string, email?: string): Promise<Badge>;
  leads(): Promise<{
    totalCount: number;
    edges: { node: { notes: string | null; rating: number | null; tags: string[] } }[];
  }>;
}

export async function account(
  stack: Stack,
  who: string,
  name: string,
  email = newEmail(who),
): Promise<{ email: string; token: string }> {
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

/** An edition running now with two exhibitors, each with a staff member (addExhibitorStaff); the first has lead tags. */
export async function seedBooth(stack: Stack, name: string, staffEmail?: string): Promise<Booth> {
  const admin = await stack.admin();
  const ok = <T = Record<string, unknown>>(q: string, v: Record<string, unknown> = {}, token = admin) =>
    stack.ok<T>(q, v, token);
  const editionId = (
    await ok<{ createEdition: { id: string } }>(`mutation($i: EditionInput!) { createEdition(input: $i) { id } }`, {
      i: { name, year: Number(day(0).slice(0, 4)), timezone: 'UTC', startsOn: day(-1), endsOn: day(1) },
    })
  ).createEdition.id;
  const exhibitor = async (exhibitorName: string, who: string, email?: string) => {
    const id = (
      await ok<{ createExhibitor: { id: string } }>(
        `mutation($e: ID!, $i: ExhibitorInput!) { createExhibitor(editionId: $e, input: $i) { id } }`,
        { e: editionId, i: { name: exhibitorName } },
      )
    ).createExhibitor.id;
    const person = await account(stack, who, `${who} Staff`, email);
    await ok(`mutation($x: ID!, $m: String!) { addExhibitorStaff(exhibitorId: $x, email: $m) { email } }`, {
      x: id,
      m: person.email,
    });
    // The role is read at each request: the token from before the grant works.
    return { id, ...person };
  };
  const first = await exhibitor(`${name} Helix`, 'helix', staffEmail);
  const second = await exhibitor(`${name} Kestrel`, 'kestrel');
  await ok(`mutation($x: ID!, $t: [String!]!) { setLeadTags(exhibitorId: $x, tags: $t) { id } }`, {
    x: first.id,
    t: TAGS,
  });
  return {
    editionId,
    exhibitorId: first.id,
    staffEmail: first.email,
    staff: first.token,
    other: { exhibitorId: second.id, staff: second.token },
    async badge(firstName, lastName, company, email = newEmail(firstName.toLowerCase())) {
      const attendeeId = (
        await ok<{ registerAttendee: { id: string } }>(
          `mutation($e: ID!, $i: AttendeeInput!) { registerAttendee(editionId: $e, input: $i) { id } }`,
          {
            e: editionId,
            i: { email, firstName, lastName, company, jobTitle: 'CIO', accessLevel: 'FULL_CONFERENCE' },
          },
        )
      ).registerAttendee.id;
      const badgeId = (
        await ok<{ issueBadge: { id: string } }>(`mutation($a: ID!) { issueBadge(attendeeId: $a) { id } }`, {
          a: attendeeId,
        })
      ).issueBadge.id;
      let code = '';
      await expect
        .poll(
          async () => {
            const { badge } = await ok<{ badge: { status: string; code: string | null } }>(
              `query($id: ID!) { badge(id: $id) { status code } }`,
              { id: badgeId },
            );
            code = badge.code ?? '';
            return badge.status;
          },
          { timeout: 20_000 },
        )
        .toBe('ACTIVE');
      return { first: firstName, last: lastName, name: `${firstName} ${lastName}`, email, company, code };
    },
    async leads() {
      return (await stack.ok<{ leads: Awaited<ReturnType<Booth['leads']>> }>(LEADS, { x: first.id }, first.token))
        .leads;
    },
  };
}

export const captureResult = (page: Page) => page.getByRole('status', { name: 'Capture result' });
export const waiting = (page: Page) => page.getByText(/\b[1-9]\d* waiting to sync\b/);
export const leadsTable = (page: Page) => page.getByRole('table', { name: 'Leads' });
/** The table's body rows' names (the row headers). */
export const tableNames = (page: Page) => leadsTable(page).locator('tbody th').allInnerTexts();

export async function openLeads(
  page: Page,
  token: string,
  booth: Booth,
  exhibitorId = booth.exhibitorId,
): Promise<void> {
  await page.goto('/login');
  await page.evaluate((t) => localStorage.setItem('conference.token', t), token);
  await page.goto(`/exhibitor/leads?edition=${booth.editionId}&exhibitor=${exhibitorId}`);
  await expect(page.getByRole('textbox', { name: 'Badge code' })).toBeEnabled({ timeout: 15_000 });
}

export async function typeCode(page: Page, code: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Badge code' }).fill(code);
  await page.getByRole('button', { name: 'Capture lead' }).click();
}
