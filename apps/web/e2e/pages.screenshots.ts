import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Page } from '@playwright/test';
import { png, seedExpo, signIn } from './exhibitor-helpers';
import { expect, PASSWORD, test } from './fixtures';
import { captureResult, openLeads, seedBooth, tableNames } from './leads-helpers';
import {
  blankCameraBrowser,
  openScanner,
  scannerContext,
  scanResult,
  seedDoor,
  videoDir,
  wedge,
} from './scanner-helpers';

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

test('screenshots of the door scanner’s verdicts (phone)', async ({ stack }) => {
  const door = await seedDoor(stack, 'HealthConnect Doors 2027');
  const [amara, lost] = [await door.badge('Amara', 'Nwosu'), await door.badge('Luis', 'Lost')];
  const ola = await door.badge('Ola', 'Offline', 'SPEAKER');
  await door.revoke(lost);
  const dir = videoDir();
  const browser = await blankCameraBrowser(dir);
  try {
    const context = await scannerContext(browser, stack);
    const page = await context.newPage();
    await openScanner(page, door.staff, door.editionId, door.entrance.name);
    await page.waitForLoadState('networkidle'); // the dataset on the device, for the offline verdict
    // The verdict clears itself after a few seconds: each is shot as soon as it shows.
    const verdict = async (code: string, text: RegExp, name: string) => {
      await wedge(page, code);
      await expect(scanResult(page)).toHaveText(text);
      await page.screenshot({ path: join(OUT, `${name}.png`) });
    };
    await verdict(amara.code, /^\s*Admitted\b/, 'scan-admitted');
    await verdict(amara.code, /^\s*Already admitted\b/, 'scan-already-admitted');
    await verdict(lost.code, /^\s*Rejected\b/, 'scan-rejected');
    await context.setOffline(true);
    await expect(page.getByText('Offline', { exact: true })).toBeVisible();
    await verdict(ola.code, /^\s*Admitted\b.*offline/is, 'scan-offline-admitted');
  } finally {
    await browser.close();
    dir.done();
  }
});

test('screenshots of the exhibitor portal: profile with its preview, booth, staff (phone)', async ({ page, stack }) => {
  const admin = await stack.admin();
  const codes = ['A101', 'A102', 'A103', 'A104', 'A105', 'A106'];
  const expo = await seedExpo(
    stack,
    'HealthConnect Portal 2027',
    [
      ...codes.map((code, i) => ({ code, xM: 2 + i * 4.5, yM: 2, widthM: 4, depthM: 4 })),
      ...codes.map((code, i) => ({ code: code.replace('A1', 'A2'), xM: 2 + i * 4.5, yM: 10, widthM: 4, depthM: 4 })),
    ],
    { selectionOpen: true, hallName: 'Exhibit Hall A', emails: (who) => `${who}.portal@example.com` },
  );
  // Fixed names and addresses: the screenshots stay the same from run to run (but the hold's expiry).
  const helix = await expo.exhibitor(
    {
      name: 'Helix Diagnostics',
      category: 'Imaging',
      sponsorshipTier: 'GOLD',
      website: 'https://helix.example',
      contactEmail: 'booth@helix.example',
      contactPhone: '+1 312 555 0142',
      description:
        'Cloud imaging archives and zero-footprint viewers for radiology departments of every size. Live demos of AI triage at the booth.',
    },
    'Hana Helix',
  );
  for (const [name, code] of [
    ['Pulse Informatics', 'A101'],
    ['Kestrel Security', 'A102'],
    ['Meridian EHR', 'A105'],
    ['Northstar Analytics', 'A203'],
  ] as const) {
    const { createExhibitor } = await stack.ok<{ createExhibitor: { id: string } }>(
      `mutation($e: ID!, $i: String!) { createExhibitor(editionId: $e, input: { name: $i }) { id } }`,
      { e: expo.editionId, i: name },
      admin,
    );
    await stack.ok(
      `mutation($b: ID!, $x: ID!) { assignBooth(boothId: $b, exhibitorId: $x) { id } }`,
      { b: expo.booths[code], x: createExhibitor.id },
      admin,
    );
  }
  await stack.ok(
    `mutation($b: ID!, $x: ID!) { requestBooth(boothId: $b, exhibitorId: $x) { id } }`,
    { b: expo.booths.A103, x: helix.id },
    helix.token,
  );
  await stack.ok(
    `mutation($x: ID!) { setLeadTags(exhibitorId: $x, tags: ["Hot", "Follow up", "Demo booked"]) { id } }`,
    {
      x: helix.id,
    },
    helix.token,
  );
  await stack.ok(
    `mutation($x: ID!) { setStaffAllotment(exhibitorId: $x, places: 6) { allotted } }`,
    { x: helix.id },
    admin,
  );
  for (const [email, isAdmin] of [
    ['noah.sales@helix.example', false],
    ['priya.lead@helix.example', true],
    ['tom.demo@helix.example', false],
  ] as const)
    await stack.ok(
      `mutation($x: ID!, $m: String!, $a: Boolean) { addExhibitorStaff(exhibitorId: $x, email: $m, admin: $a) { email } }`,
      { x: helix.id, m: email, a: isAdmin },
      helix.token,
    );
  const logo = await fetch(`${stack.baseURL}/logos/${helix.id}`, {
    method: 'POST',
    headers: { 'content-type': 'image/png', authorization: `Bearer ${helix.token}` },
    body: new Uint8Array(png(64)),
  });
  expect(logo.status).toBe(200);

  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, helix.token);
  const shot = async (name: string) => {
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  };
  await page.goto(`/exhibitor?edition=${expo.editionId}`);
  await expect(page.getByRole('img', { name: 'Logo of Helix Diagnostics' })).toBeVisible();
  await shot('exhibitor-profile');
  await page.goto(`/exhibitor/booth?edition=${expo.editionId}`);
  await expect(page.getByRole('img', { name: 'Booth A103, your booth' })).toBeVisible();
  await shot('exhibitor-booth');
  await page.goto(`/exhibitor/staff?edition=${expo.editionId}`);
  await expect(page.getByText('4 of 6 places used')).toBeVisible();
  await shot('exhibitor-staff');
});

test('screenshots of the exhibitor’s leads: a captured lead and the table (phone)', async ({ stack }) => {
  // Fixed names and addresses: the screenshots stay the same from run to run (but the capture times).
  const booth = await seedBooth(stack, 'HealthConnect Leads 2027', 'sam.booth@example.com');
  const people: [string, string, string][] = [
    ['Amara', 'Nwosu', 'St. Luke’s Health System'],
    ['Luis', 'Ortega', 'Meridian Community Hospital'],
    ['Priya', 'Raman', 'Northstar Clinics'],
    ['Tom', 'Becker', 'Lakeside Medical Center'],
  ];
  const badges = [];
  for (const [first, last, company] of people)
    badges.push(await booth.badge(first, last, company, `${first.toLowerCase()}.${last.toLowerCase()}@example.com`));
  const notes = ['Evaluating PACS replacement; demo next week', 'Budget in Q3', 'Wants pricing for 3 sites'];
  for (const [i, b] of badges.slice(1).entries())
    await stack.ok(
      `mutation($i: LeadInput!) { captureLead(input: $i) { id } }`,
      {
        i: {
          exhibitorId: booth.exhibitorId,
          code: b.code,
          notes: notes[i],
          rating: 5 - i,
          tags: [['Hot lead'], ['Send brochure'], []][i],
        },
      },
      booth.staff,
    );
  const dir = videoDir();
  const browser = await blankCameraBrowser(dir);
  try {
    const page = await (await scannerContext(browser, stack)).newPage();
    await openLeads(page, booth.staff, booth);
    await page.getByRole('textbox', { name: 'Badge code' }).fill(badges[0].code);
    await page.getByRole('button', { name: 'Capture lead' }).click();
    await expect(captureResult(page)).toHaveText('Lead captured: Amara Nwosu');
    const card = page.getByRole('article', { name: 'Amara Nwosu' });
    await card.getByRole('textbox', { name: 'Notes' }).fill('Radiology lead; asked about AI triage');
    await card.getByRole('radio', { name: 'Rating 4' }).check();
    await card.getByRole('checkbox', { name: 'Hot lead' }).check();
    await card.getByRole('button', { name: 'Save lead' }).click();
    await expect(card.getByRole('status')).toHaveText('Saved');
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUT, 'exhibitor-leads-capture.png') });
    await expect.poll(() => tableNames(page)).toHaveLength(4);
    await page.evaluate(() => document.getElementById('leads-heading')?.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(OUT, 'exhibitor-leads-table.png') });
  } finally {
    await browser.close();
    dir.done();
  }
});

test('screenshots of the back office: attendees with an import report, badges (desktop)', async ({ page, stack }) => {
  const admin = await stack.admin();
  const today = new Date().toISOString().slice(0, 10);
  const { createEdition } = await stack.ok<{ createEdition: { id: string } }>(
    `mutation($i: EditionInput!) { createEdition(input: $i) { id } }`,
    {
      i: {
        name: 'HealthConnect Live',
        year: Number(today.slice(0, 4)),
        timezone: 'UTC',
        startsOn: today,
        endsOn: today,
      },
    },
    admin,
  );
  const e = createEdition.id;
  const people = [
    ['amara.nwosu@mercy.example', 'Amara', 'Nwosu', 'Mercy General', 'Full conference'],
    ['luis.ortega@helix.example', 'Luis', 'Ortega', 'Helix Diagnostics', 'Exhibitor'],
    ['ines.okafor@stmarks.example', 'Ines', 'Okafor', 'St Mark’s Hospital', 'Speaker'],
    ['tom.baker@cohort.example', 'Tom', 'Baker', 'Cohort Health', 'Expo only'],
    ['mei.chen@press.example', 'Mei', 'Chen', 'Health IT Weekly', 'Press'],
    ['sara.lind@mercy.example', 'Sara', 'Lind', 'Mercy General', 'Full conference'],
    ['not-an-email', 'Ravi', 'Patel', 'Openbridge', 'Full conference'],
    ['jo.kim@bridgewell.example', 'Jo', 'Kim', 'Bridgewell Telehealth', 'Platinum'],
  ];
  const csv = ['Email,First name,Last name,Company,Pass', ...people.map((p) => p.join(','))].join('\n');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/login');
  await page.evaluate((t) => localStorage.setItem('conference.token', t), admin);
  await page.goto(`/admin/attendees?edition=${e}`);
  await page
    .getByLabel('Import CSV')
    .setInputFiles({ name: 'registrations.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByRole('table', { name: 'Import report: registrations.csv' }).locator('tbody tr')).toHaveCount(
    8,
  );
  await expect(page.getByRole('table', { name: 'Attendees' }).locator('tbody tr')).toHaveCount(6);
  await page.screenshot({ path: join(OUT, 'admin-attendees.png'), fullPage: true });

  await page.goto(`/admin/badges?edition=${e}`);
  await page.getByRole('button', { name: 'Generate badges' }).click();
  await expect(page.getByRole('progressbar', { name: 'Badge generation' })).toHaveAttribute('aria-valuenow', '100', {
    timeout: 45_000,
  });
  await page.getByRole('button', { name: 'Prepare print sheet' }).click();
  await expect(page.getByRole('link', { name: /^Print sheet:/ })).toBeVisible();
  await page.screenshot({ path: join(OUT, 'admin-badges.png') });
});

test('screenshots of the back office: the edition and the programme editor (desktop)', async ({ page, stack }) => {
  const admin = await stack.admin();
  const gql = <T>(query: string, variables: Record<string, unknown>) => stack.ok<T>(query, variables, admin);
  const { createEdition } = await gql<{ createEdition: { id: string } }>(
    `mutation($i: EditionInput!) { createEdition(input: $i) { id } }`,
    {
      i: {
        name: 'HealthConnect 2034',
        year: 2034,
        timezone: 'Europe/Berlin',
        startsOn: '2034-06-01',
        endsOn: '2034-06-03',
      },
    },
  );
  const e = createEdition.id;
  const rooms: Record<string, string> = {};
  for (const [name, capacity, enforce] of [
    ['Hall A', 800, false],
    ['Room 12', 120, true],
    ['Workshop lab', 40, true],
  ] as const)
    rooms[name] = (
      await gql<{ createRoom: { id: string } }>(
        `mutation($e: ID!, $i: RoomInput!) { createRoom(editionId: $e, input: $i) { id } }`,
        { e, i: { name, capacity, enforceCapacity: enforce } },
      )
    ).createRoom.id;
  const tracks: Record<string, string> = {};
  for (const [name, colour] of [
    ['Interoperability', '#0b6e4f'],
    ['Telehealth', '#7a3e9d'],
    ['Security', '#b5470f'],
  ])
    tracks[name] = (
      await gql<{ createTrack: { id: string } }>(
        `mutation($e: ID!, $n: String!, $c: String) { createTrack(editionId: $e, name: $n, colour: $c) { id } }`,
        { e, n: name, c: colour },
      )
    ).createTrack.id;
  for (const [email, role] of [
    ['programme@healthconnect.example', 'ORGANIZER'],
    ['doors@healthconnect.example', 'STAFF'],
    ['gate2@healthconnect.example', 'STAFF'],
  ])
    await gql(`mutation($e: ID!, $m: String!, $r: Role!) { grantRole(editionId: $e, email: $m, role: $r) }`, {
      e,
      m: email,
      r: role,
    });
  const speaker = async (name: string, company: string) =>
    (
      await gql<{ createSpeaker: { id: string } }>(
        `mutation($e: ID!, $i: SpeakerInput!) { createSpeaker(editionId: $e, input: $i) { id } }`,
        { e, i: { name, company } },
      )
    ).createSpeaker.id;
  const ada = await speaker('Dr. Ada Okoye', 'Mercy General');
  const lin = await speaker('Lin Park', 'Helix Diagnostics');
  // Berlin is UTC+2 in June.
  const sessions: [string, string, string, string, string, string, string[], boolean][] = [
    [
      'Opening keynote: records that follow the patient',
      'KEYNOTE',
      'Hall A',
      'Interoperability',
      '07:00',
      '08:00',
      [ada],
      true,
    ],
    [
      'FHIR in production: lessons from ten hospitals',
      'EDUCATION',
      'Room 12',
      'Interoperability',
      '08:30',
      '09:30',
      [lin],
      true,
    ],
    ['Remote monitoring at scale', 'PANEL', 'Hall A', 'Telehealth', '08:30', '09:45', [], true],
    ['Hands-on: threat modelling a patient portal', 'WORKSHOP', 'Workshop lab', 'Security', '08:00', '10:00', [], true],
    ['Consent management deep dive', 'EDUCATION', 'Room 12', 'Security', '10:00', '11:00', [], false],
    ['Telehealth reimbursement clinic', 'THEATER', 'Hall A', 'Telehealth', '11:00', '12:00', [], false],
    ['Lunch and networking', 'NETWORKING', 'Hall A', '', '12:00', '13:00', [], true],
  ];
  for (const [title, format, room, track, from, to, speakerIds, publish] of sessions) {
    const { createSession } = await gql<{ createSession: { id: string } }>(
      `mutation($e: ID!, $i: SessionInput!) { createSession(editionId: $e, input: $i) { id } }`,
      {
        e,
        i: {
          title,
          format,
          roomId: rooms[room],
          trackId: track ? tracks[track] : null,
          startsAt: `2034-06-01T${from}:00Z`,
          endsAt: `2034-06-01T${to}:00Z`,
          speakerIds,
          ceCredits: format === 'WORKSHOP' ? 2 : 1,
        },
      },
    );
    if (publish) await gql(`mutation($id: ID!) { publishSession(id: $id) { id } }`, { id: createSession.id });
  }

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/login');
  await page.evaluate((t) => localStorage.setItem('conference.token', t), admin);
  await page.goto(`/admin/edition?edition=${e}`);
  await expect(page.getByRole('table', { name: 'Roles' })).toContainText('doors@healthconnect.example');
  await page.screenshot({ path: join(OUT, 'admin-edition.png') });

  await page.goto(`/admin/programme?edition=${e}`);
  await expect(page.getByRole('heading', { name: 'Telehealth reimbursement clinic' })).toBeVisible();
  await page.getByRole('button', { name: 'Remote monitoring at scale' }).click();
  await expect(page.getByRole('complementary', { name: 'Edit: Remote monitoring at scale' })).toBeVisible();
  await page.screenshot({ path: join(OUT, 'admin-programme.png') });
});

test('screenshots of the back office: the door dashboard, the exhibition floor plan, notifications (desktop)', async ({
  page,
  stack,
}) => {
  test.setTimeout(120_000);
  const door = await seedDoor(stack, 'HealthConnect Expo 2034');
  const people = await Promise.all(
    ['Ann Archer', 'Ben Baker', 'Cy Cole', 'Dee Dunn', 'Eve Ellis', 'Fay Fox', 'Gus Gray', 'Hal Hart', 'Ida Ives'].map(
      (n) => door.badge(n.split(' ')[0], n.split(' ')[1]),
    ),
  );
  // The afternoon so far: a tablet that worked offline uploads its queue (dated over the last hour), then live scans.
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
  await stack.ok(
    `mutation($c: ID!, $s: [OfflineScanInput!]!) { syncScans(checkpointId: $c, scans: $s, deviceId: "gate-tablet-2", queued: 3) { admitted } }`,
    {
      c: door.entrance.id,
      s: [
        ...people.slice(0, 6).map((p, i) => ({
          code: p.code,
          clientScanId: `shot-${i}`,
          scannedAt: minutesAgo(55 - i * 9),
          offlineOutcome: 'ADMITTED',
        })),
        { code: people[0].code, clientScanId: 'shot-dup', scannedAt: minutesAgo(4), offlineOutcome: 'ADMITTED' },
      ],
    },
    door.staff,
  );
  await door.revoke(people[8]);
  for (const code of [people[6].code, people[7].code, people[8].code, 'CB1.torn-badge'])
    await stack.ok(
      `mutation($i: ScanInput!) { scanBadge(input: $i) { outcome } }`,
      { i: { checkpointId: door.entrance.id, code, deviceId: 'gate-tablet-1' } },
      door.staff,
    );
  await stack.ok(
    `mutation($i: ScanInput!) { scanBadge(input: $i) { outcome } }`,
    { i: { checkpointId: door.room.id, code: people[1].code, deviceId: 'room-204-phone' } },
    door.staff,
  );

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/login');
  await page.evaluate((t) => localStorage.setItem('conference.token', t), door.admin);
  await page.goto(`/admin/doors?edition=${door.editionId}`);
  const entrance = page.getByRole('region', { name: door.entrance.name });
  await expect(entrance).toContainText(/Admitted today\s*8/);
  await expect(entrance.getByRole('table', { name: 'Conflicts from offline devices' })).toBeVisible();
  await page.getByRole('heading', { name: 'Live dashboard' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUT, 'admin-doors.png') });

  // The exhibition: a hall with booths assigned, held and requested; one booth open beside the plan.
  const admin = door.admin;
  const ok = <T = Record<string, unknown>>(q: string, v: Record<string, unknown>) => stack.ok<T>(q, v, admin);
  const e = door.editionId;
  const hallId = (
    await ok<{ createHall: { id: string } }>(
      `mutation($e: ID!, $i: HallInput!) { createHall(editionId: $e, input: $i) { id } }`,
      { e, i: { name: 'North Hall', widthM: 36, depthM: 16 } },
    )
  ).createHall.id;
  const booth: Record<string, string> = {};
  const layout: [string, number, number, number, number][] = [];
  for (let i = 0; i < 6; i++) layout.push([`A${i + 1}`, 1 + i * 4, 1, 4, 3]);
  for (let i = 0; i < 6; i++) layout.push([`B${i + 1}`, 1 + i * 4, 12, 4, 3]);
  layout.push(['C1', 27, 2, 8, 6], ['C2', 27, 9, 8, 6], ['D1', 6, 6, 6, 4], ['D2', 14, 6, 6, 4]);
  for (const [code, xM, yM, widthM, depthM] of layout)
    booth[code] = (
      await ok<{ createBooth: { id: string } }>(
        `mutation($e: ID!, $i: BoothInput!) { createBooth(editionId: $e, input: $i) { id } }`,
        { e, i: { code, hallId, xM, yM, widthM, depthM, type: depthM >= 6 ? 'ISLAND' : 'INLINE' } },
      )
    ).createBooth.id;
  const exhibitor = async (name: string, tier: string) =>
    (
      await ok<{ createExhibitor: { id: string } }>(
        `mutation($e: ID!, $i: ExhibitorInput!) { createExhibitor(editionId: $e, input: $i) { id } }`,
        { e, i: { name, sponsorshipTier: tier } },
      )
    ).createExhibitor.id;
  const assign = (code: string, x: string) =>
    ok(`mutation($b: ID!, $x: ID!) { assignBooth(boothId: $b, exhibitorId: $x) { id } }`, { b: booth[code], x });
  await assign('C1', await exhibitor('Acme Imaging', 'PLATINUM'));
  await assign('A1', await exhibitor('Northwind Health', 'GOLD'));
  await assign('A2', await exhibitor('Bluebird Telehealth', 'SILVER'));
  await assign('B3', await exhibitor('Cardio Analytics', 'SILVER'));
  await ok(`mutation($b: ID!, $x: ID!, $u: DateTime!) { holdBooth(boothId: $b, exhibitorId: $x, until: $u) { id } }`, {
    b: booth.D1,
    x: await exhibitor('Lumen Records', 'GOLD'),
    u: new Date(Date.now() + 3 * 86_400_000).toISOString(),
  });
  await ok(`mutation($e: ID!) { setBoothSelection(editionId: $e, open: true) { id } }`, { e });
  await ok(`mutation($b: ID!, $x: ID!) { requestBooth(boothId: $b, exhibitorId: $x) { id } }`, {
    b: booth.B5,
    x: await exhibitor('Pulse Wearables', 'BRONZE'),
  });
  await page.goto(`/admin/exhibition?edition=${e}`);
  await page.getByRole('button', { name: 'Booth C1, assigned to Acme Imaging' }).click();
  await expect(page.getByRole('list', { name: 'Status history of booth C1' })).toBeVisible();
  await page.screenshot({ path: join(OUT, 'admin-exhibition.png') });

  // Notifications: a webhook (a public address: the API resolves and checks it when it is registered).
  await ok(`mutation($e: ID!, $i: WebhookInput!) { createWebhook(editionId: $e, input: $i) { id } }`, {
    e,
    i: { url: 'https://93.184.215.14/hooks/schedule', events: ['schedule.changed'], secret: 'shared-secret-for-hmac' },
  });
  await page.goto(`/admin/notifications?edition=${e}`);
  await expect(page.getByRole('heading', { name: 'Webhooks' })).toBeVisible();
  await expect(page.getByText('https://93.184.215.14/hooks/schedule').first()).toBeVisible();
  await page.screenshot({ path: join(OUT, 'admin-notifications.png') });
});
