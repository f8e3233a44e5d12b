import { expect, type Page } from '@playwright/test';
import { newEmail } from './fixtures';
import { account, activeBadge, liveEdition, signIn } from './seeding';
import type { Stack } from './stack';

/** The lead scanner's browser tests and screenshots: an exhibition seeded through the API, the leads page opened as a staff member. */

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

/** An edition running now with two exhibitors, each with a staff member (addExhibitorStaff); the first has lead tags. */
export async function seedBooth(stack: Stack, name: string, staffEmail?: string): Promise<Booth> {
  const admin = await stack.admin();
  const ok = <T = Record<string, unknown>>(q: string, v: Record<string, unknown> = {}, token = admin) =>
    stack.ok<T>(q, v, token);
  const editionId = await liveEdition(stack, admin, name);
  const exhibitor = async (exhibitorName: string, who: string, email?: string) => {
    const id = (
      await ok<{ createExhibitor: { id: string } }>(
        `mutation($e: ID!, $i: ExhibitorInput!) { createExhibitor(editionId: $e, input: $i) { id } }`,
        { e: editionId, i: { name: exhibitorName } },
      )
    ).createExhibitor.id;
    const person = await account(stack, email ?? newEmail(who), `${who} Staff`);
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
      const { code } = await activeBadge(stack, admin, editionId, {
        email,
        firstName,
        lastName,
        company,
        jobTitle: 'CIO',
        accessLevel: 'FULL_CONFERENCE',
      });
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
  await signIn(page, token);
  await page.goto(`/exhibitor/leads?edition=${booth.editionId}&exhibitor=${exhibitorId}`);
  await expect(page.getByRole('textbox', { name: 'Badge code' })).toBeEnabled({ timeout: 15_000 });
}

export async function typeCode(page: Page, code: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Badge code' }).fill(code);
  await page.getByRole('button', { name: 'Capture lead' }).click();
}
