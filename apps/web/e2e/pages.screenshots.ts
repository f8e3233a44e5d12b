import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Page } from '@playwright/test';
import { expect, PASSWORD, test } from './fixtures';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'screenshots');
const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1440, height: 900 } } as const;

async function shoot(page: Page, name: string) {
  // Every page names itself in one h1: shoot once it is on screen (a page still loading shot blank before).
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  for (const [size, viewport] of Object.entries(SIZES)) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(OUT, `${name}-${size}.png`) });
  }
}

test('screenshots of the shell', async ({ page, stack }) => {
  const admin = await stack.admin();
  const { createEdition } = await stack.ok<{ createEdition: { id: string } }>(
    `mutation($i: EditionInput!) { createEdition(input: $i) { id } }`,
    {
      i: {
        name: 'HealthConnect 2027',
        year: 2027,
        timezone: 'America/Chicago',
        startsOn: '2027-03-01',
        endsOn: '2027-03-04',
      },
    },
    admin,
  );
  const e = createEdition.id;
  const rooms = await Promise.all(
    ['Hall A', 'Room 201', 'Theater 3'].map(
      async (name) =>
        (
          await stack.ok<{ createRoom: { id: string } }>(
            `mutation($e: ID!, $n: String!) { createRoom(editionId: $e, input: { name: $n, capacity: 200 }) { id } }`,
            { e, n: name },
            admin,
          )
        ).createRoom.id,
    ),
  );
  const { createTrack } = await stack.ok<{ createTrack: { id: string } }>(
    `mutation($e: ID!) { createTrack(editionId: $e, name: "Interoperability") { id } }`,
    { e },
    admin,
  );
  const titles = [
    'Opening keynote: the connected hospital',
    'FHIR at scale: lessons from a national rollout',
    'Panel: AI in clinical documentation',
    'Workshop: building SMART on FHIR apps',
    'Cybersecurity for medical devices',
    'Networking breakfast',
  ];
  const formats = ['KEYNOTE', 'EDUCATION', 'PANEL', 'EDUCATION', 'EDUCATION', 'NETWORKING'];
  for (const [i, title] of titles.entries()) {
    const hour = 14 + Math.floor(i / 3) * 2;
    const { createSession } = await stack.ok<{ createSession: { id: string } }>(
      `mutation($e: ID!, $i: SessionInput!) { createSession(editionId: $e, input: $i) { id } }`,
      {
        e,
        i: {
          title,
          format: formats[i],
          roomId: rooms[i % 3],
          trackId: i % 2 ? createTrack.id : null,
          startsAt: `2027-03-01T${hour}:00:00Z`,
          endsAt: `2027-03-01T${hour + 1}:00:00Z`,
        },
      },
      admin,
    );
    await stack.ok(`mutation($id: ID!) { publishSession(id: $id) { id } }`, { id: createSession.id }, admin);
  }

  await page.goto(`/?edition=${e}`);
  await expect(page.getByRole('article')).toHaveCount(titles.length);
  await shoot(page, 'programme');
  await page.getByRole('link', { name: titles[1] }).click();
  await expect(page.getByRole('heading', { level: 1, name: titles[1] })).toBeVisible();
  await shoot(page, 'session');
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

test('screenshots of my badge, the exhibitor directory and the floor plan', async ({ page, stack }) => {
  const admin = await stack.admin();
  const { createEdition } = await stack.ok<{ createEdition: { id: string } }>(
    `mutation($i: EditionInput!) { createEdition(input: $i) { id } }`,
    {
      i: {
        name: 'HealthConnect Expo 2027',
        year: 2027,
        timezone: 'America/Chicago',
        startsOn: '2027-03-01',
        endsOn: '2027-03-04',
      },
    },
    admin,
  );
  const e = createEdition.id;

  // My badge: a fixed account (the QR's signed code still changes from run to run).
  const email = 'amara.badge@example.com';
  await stack.ok(`mutation($i: SignUpInput!) { signUp(input: $i) { token } }`, {
    i: { email, name: 'Amara Nwosu', password: PASSWORD },
  });
  await stack.ok(`mutation($t: String!) { verifyEmail(token: $t) }`, {
    t: new URL(await stack.mailedLink(email, 'verify-email')).searchParams.get('token'),
  });
  const { registerAttendee } = await stack.ok<{ registerAttendee: { id: string } }>(
    `mutation($e: ID!, $i: AttendeeInput!) { registerAttendee(editionId: $e, input: $i) { id } }`,
    {
      e,
      i: {
        email,
        firstName: 'Amara',
        lastName: 'Nwosu',
        company: 'St. Luke’s Health System',
        accessLevel: 'FULL_CONFERENCE',
      },
    },
    admin,
  );
  await stack.ok(`mutation($a: ID!) { issueBadge(attendeeId: $a) { id } }`, { a: registerAttendee.id }, admin);
  const { login } = await stack.ok<{ login: { token: string } }>(
    `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
    { e: email, p: PASSWORD },
  );
  await page.goto('/login');
  await page.evaluate((t) => localStorage.setItem('conference.token', t), login.token);
  await page.goto(`/badge?edition=${e}`);
  await expect(page.getByRole('img', { name: 'Badge QR code' })).toBeVisible({ timeout: 20_000 });
  await shoot(page, 'badge');
  await page.evaluate(() => localStorage.removeItem('conference.token'));

  // The exhibition: two halls, a dozen exhibitors in rows of booths.
  const hall = async (name: string, widthM: number, depthM: number) =>
    (
      await stack.ok<{ createHall: { id: string } }>(
        `mutation($e: ID!, $i: HallInput!) { createHall(editionId: $e, input: $i) { id } }`,
        { e, i: { name, widthM, depthM } },
        admin,
      )
    ).createHall.id;
  const main = await hall('Exhibit Hall A', 42, 24);
  await hall('Exhibit Hall B', 30, 20);
  const exhibitors: [string, string, string, string | null][] = [
    [
      'Helix Diagnostics',
      'Imaging',
      'Cloud imaging archives and zero-footprint viewers for radiology departments of every size.',
      'PLATINUM',
    ],
    [
      'Pulse Informatics',
      'Workforce',
      'Nurse scheduling, float-pool management and staffing analytics that predict gaps a week ahead.',
      'GOLD',
    ],
    [
      'Kestrel Security',
      'Cybersecurity',
      'Zero-trust networks for hospitals: medical-device segmentation and 24/7 threat monitoring.',
      null,
    ],
    ['Meridian EHR', 'EHR & Clinical Systems', 'A modern EHR for community hospitals with FHIR APIs built in.', 'GOLD'],
    [
      'Bridgewell Telehealth',
      'Telehealth',
      'Virtual visits, remote patient monitoring and hospital-at-home programmes.',
      null,
    ],
    [
      'Northstar Analytics',
      'AI & Analytics',
      'Sepsis and readmission prediction models, validated in your own data.',
      'SILVER',
    ],
    ['Caduceus Devices', 'Medical Devices', 'Connected infusion pumps and device integration for the ICU.', null],
    ['Ledgerline RCM', 'Revenue Cycle', 'Denial prevention and coding audits with a human in the loop.', null],
    [
      'Openbridge Interop',
      'Interoperability',
      'An integration engine and terminology services for HL7 v2, FHIR and CDA.',
      'SILVER',
    ],
    [
      'Kindred Engage',
      'Patient Engagement',
      'Patient portals, digital front doors and reminders that reduce no-shows.',
      null,
    ],
    [
      'Stratus Health Cloud',
      'Cloud & Infrastructure',
      'HIPAA-ready hosting, backup and disaster recovery for clinical systems.',
      null,
    ],
    [
      'Cohort Population Health',
      'Population Health',
      'Care-gap closure and registries for value-based contracts.',
      null,
    ],
  ];
  let n = 0;
  for (const [name, category, description, tier] of exhibitors) {
    const { createExhibitor } = await stack.ok<{ createExhibitor: { id: string } }>(
      `mutation($e: ID!, $i: ExhibitorInput!) { createExhibitor(editionId: $e, input: $i) { id } }`,
      {
        e,
        i: {
          name,
          category,
          description,
          sponsorshipTier: tier,
          website: `https://${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
        },
      },
      admin,
    );
    const row = Math.floor(n / 6);
    const col = n % 6;
    const big = tier === 'PLATINUM';
    const { createBooth } = await stack.ok<{ createBooth: { id: string } }>(
      `mutation($e: ID!, $i: BoothInput!) { createBooth(editionId: $e, input: $i) { id } }`,
      {
        e,
        i: {
          code: `A${100 + n + 1}`,
          hallId: main,
          xM: 3 + col * 6,
          yM: 3 + row * 9,
          widthM: big ? 6 : 4,
          depthM: big ? 6 : 4,
        },
      },
      admin,
    );
    await stack.ok(
      `mutation($b: ID!, $x: ID!) { assignBooth(boothId: $b, exhibitorId: $x) { id } }`,
      { b: createBooth.id, x: createExhibitor.id },
      admin,
    );
    n++;
  }
  for (let i = 0; i < 6; i++)
    await stack.ok(
      `mutation($e: ID!, $i: BoothInput!) { createBooth(editionId: $e, input: $i) { id } }`,
      { e, i: { code: `A${200 + i + 1}`, hallId: main, xM: 3 + i * 6, yM: 19, widthM: 3, depthM: 3 } },
      admin,
    );

  await page.goto(`/exhibitors?edition=${e}`);
  await expect(page.getByRole('article')).toHaveCount(exhibitors.length);
  await shoot(page, 'exhibitors');
  await page.getByRole('link', { name: 'Helix Diagnostics' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Helix Diagnostics' })).toBeVisible();
  await shoot(page, 'exhibitor');
  await page.goto(`/floor-plan?edition=${e}`);
  await expect(page.getByRole('link', { name: /^Booth A101/ })).toBeVisible();
  await shoot(page, 'floor-plan');
});

test('screenshots of my schedule and my notifications', async ({ page, stack }) => {
  const admin = await stack.admin();
  const ok = <T = Record<string, unknown>>(q: string, v: Record<string, unknown>, token = admin) =>
    stack.ok<T>(q, v, token);
  const e = (
    await ok<{ createEdition: { id: string } }>(`mutation($i: EditionInput!) { createEdition(input: $i) { id } }`, {
      i: {
        name: 'HealthConnect Schedule 2027',
        year: 2027,
        timezone: 'America/Chicago',
        startsOn: '2027-03-01',
        endsOn: '2027-03-02',
      },
    })
  ).createEdition.id;
  const room = async (name: string, capacity: number) =>
    (
      await ok<{ createRoom: { id: string } }>(
        `mutation($e: ID!, $n: String!, $c: Int!) { createRoom(editionId: $e, input: { name: $n, capacity: $c }) { id } }`,
        { e, n: name, c: capacity },
      )
    ).createRoom.id;
  const [hall, lab, theater] = [await room('Hall A', 500), await room('Lab 4', 30), await room('Theater 3', 120)];
  const track = (
    await ok<{ createTrack: { id: string } }>(
      `mutation($e: ID!) { createTrack(editionId: $e, name: "Interoperability") { id } }`,
      { e },
    )
  ).createTrack.id;
  const session = async (title: string, roomId: string, startsAt: string, endsAt: string, capacity?: number) => {
    const id = (
      await ok<{ createSession: { id: string } }>(
        `mutation($e: ID!, $i: SessionInput!) { createSession(editionId: $e, input: $i) { id } }`,
        {
          e,
          i: {
            title,
            roomId,
            startsAt,
            endsAt,
            format: 'EDUCATION',
            trackId: track,
            ...(capacity ? { capacity } : {}),
          },
        },
      )
    ).createSession.id;
    await ok(`mutation($id: ID!) { publishSession(id: $id) { id } }`, { id });
    return id;
  };
  const ids = [
    await session('Opening keynote: the connected hospital', hall, '2027-03-01T15:00:00Z', '2027-03-01T16:00:00Z'),
    await session('Workshop: building SMART on FHIR apps', lab, '2027-03-01T15:30:00Z', '2027-03-01T17:00:00Z', 1),
    await session(
      'FHIR at scale: lessons from a national rollout',
      theater,
      '2027-03-01T19:00:00Z',
      '2027-03-01T20:00:00Z',
    ),
    await session('Cybersecurity for medical devices', theater, '2027-03-02T14:00:00Z', '2027-03-02T15:00:00Z'),
  ];
  const full = await session(
    'Hands-on: HL7 v2 to FHIR mapping',
    lab,
    '2027-03-02T16:00:00Z',
    '2027-03-02T17:30:00Z',
    1,
  );
  // Fixed names: the screenshots stay the same from run to run.
  const person = async (email: string, first: string) => {
    await stack.ok(`mutation($i: SignUpInput!) { signUp(input: $i) { token } }`, {
      i: { email, name: `${first} Shot`, password: PASSWORD },
    });
    await stack.ok(`mutation($t: String!) { verifyEmail(token: $t) }`, {
      t: new URL(await stack.mailedLink(email, 'verify-email')).searchParams.get('token'),
    });
    await ok(`mutation($e: ID!, $i: AttendeeInput!) { registerAttendee(editionId: $e, input: $i) { id } }`, {
      e,
      i: { email, firstName: first, lastName: 'Shot', accessLevel: 'FULL_CONFERENCE' },
    });
    return (
      await stack.ok<{ login: { token: string } }>(
        `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
        { e: email, p: PASSWORD },
      )
    ).login.token;
  };
  const other = await person('olga.shot@example.com', 'Olga');
  await ok(`mutation($s: ID!) { addToSchedule(sessionId: $s) { status } }`, { s: full }, other);
  const token = await person('sam.schedule@example.com', 'Sam');
  for (const s of [...ids, full])
    await ok(`mutation($s: ID!) { addToSchedule(sessionId: $s) { status } }`, { s }, token);
  await ok(`mutation($id: ID!, $p: SessionPatch!) { updateSession(id: $id, patch: $p) { id } }`, {
    id: ids[2],
    p: { startsAt: '2027-03-01T19:30:00Z', endsAt: '2027-03-01T20:30:00Z' },
  });

  await page.goto('/login');
  await page.evaluate((t) => localStorage.setItem('conference.token', t), token);
  await page.goto(`/schedule?edition=${e}`);
  await expect(page.getByRole('button', { name: /^Mark as seen/ })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('link', { name: 'Notifications, 1 unread' })).toBeVisible();
  await shoot(page, 'my-schedule');
  await page.goto('/notifications');
  await expect(page.getByRole('article')).toHaveCount(1);
  await shoot(page, 'notifications');
});
