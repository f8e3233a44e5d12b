import { readdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { SpeakersService } from '@app/speakers';
import { Kind, parse } from 'graphql';
import { createClient } from 'graphql-ws';
import { QueryFailedError } from 'typeorm';
import WebSocket from 'ws';
import { codeOf, TestApp } from './test-app';

const at = (day: number, hour: number) => new Date(Date.UTC(2027, 2, day, hour + 6)).toISOString();
const GRANT = `mutation($e: ID!, $m: String!, $r: Role!) { grantRole(editionId: $e, email: $m, role: $r) }`;
const ROOM = `mutation($e: ID!, $i: RoomInput!) { createRoom(editionId: $e, input: $i) { id } }`;
const SESSION = `mutation($e: ID!, $i: SessionInput!) { createSession(editionId: $e, input: $i) { id } }`;
const MOVE = `mutation($id: ID!, $p: SessionPatch!) { updateSession(id: $id, patch: $p) { id } }`;
const CANCEL = `mutation($id: ID!) { cancelSession(id: $id, reason: "no") { id } }`;
const REGISTER = `mutation($e: ID!, $i: AttendeeInput!) { registerAttendee(editionId: $e, input: $i) { id } }`;
const ATTENDEE = `query($id: ID!) { attendee(id: $id) { id email } }`;
const CHECKPOINT = `mutation($e: ID!, $i: CheckpointInput!) { createCheckpoint(editionId: $e, input: $i) { id } }`;
const CHECKPOINTS = `query($e: ID!) { checkpoints(editionId: $e) { id } }`;
const SCAN = `mutation($i: ScanInput!) { scanBadge(input: $i) { outcome } }`;
const SPEAKER = `mutation($e: ID!, $i: SpeakerInput!) { createSpeaker(editionId: $e, input: $i) { id } }`;
const HALL = `mutation($e: ID!, $i: HallInput!) { createHall(editionId: $e, input: $i) { id } }`;
const BOOTH = `mutation($e: ID!, $i: BoothInput!) { createBooth(editionId: $e, input: $i) { id } }`;
const EXHIBITOR = `mutation($e: ID!, $n: String!) { createExhibitor(editionId: $e, input: { name: $n }) { id } }`;
const ASSIGN = `mutation($b: ID!, $x: ID!) { assignBooth(boothId: $b, exhibitorId: $x) { id } }`;
const GENERATE = `mutation($e: ID!) { generateBadges(editionId: $e) { id } }`;
const KEYS = `query($e: ID!) { badgeVerificationKeys(editionId: $e) { kid } }`;

/** What edition B holds for the refusals to aim at. */
interface InB {
  edition: string;
  session: string;
  draft: string;
  room: string;
  track: string;
  speaker: string;
  attendee: string;
  unbadged: string;
  hall: string;
  booth: string;
  freeBooth: string;
  exhibitor: string;
  checkpoint: string;
  batch: string;
  kid: string;
  webhook: string;
  delivery: string;
}
const sessionInput = { title: 'Sneaked in', format: 'EDUCATION', startsAt: at(8, 12), endsAt: at(8, 13) };

/**
 * Every operation an organizer of edition A tries in edition B: each is refused (FORBIDDEN), and the
 * back office's operations must all be here (or in NOT_ORGANIZER_ONLY), which the guard test below checks.
 * Each document's root field is the key; the variables aim at B's records. back-office.e2e-spec.ts and
 * the specs of each area test the operations themselves in full.
 */
const REFUSALS: Record<string, [document: string, variables: (b: InB, me: string) => Record<string, unknown>]> = {
  // Programme and edition
  createEdition: [
    `mutation { createEdition(input: { name: "Mine", year: 2028, timezone: "UTC", startsOn: "2028-01-10", endsOn: "2028-01-11" }) { id } }`,
    () => ({}),
  ], // platform organizers only: an organizer of an edition is no platform organizer
  updateEdition: [
    `mutation($id: ID!) { updateEdition(id: $id, input: { name: "Taken over" }) { id } }`,
    (b) => ({ id: b.edition }),
  ],
  setBoothSelection: [
    `mutation($e: ID!) { setBoothSelection(editionId: $e, open: true) { id } }`,
    (b) => ({ e: b.edition }),
  ],
  createRoom: [ROOM, (b) => ({ e: b.edition, i: { name: 'B room', capacity: 10 } })],
  updateRoom: [`mutation($id: ID!) { updateRoom(id: $id, input: { capacity: 1 }) { id } }`, (b) => ({ id: b.room })],
  createTrack: [
    `mutation($e: ID!) { createTrack(editionId: $e, name: "Sneaked track") { id } }`,
    (b) => ({ e: b.edition }),
  ],
  updateTrack: [`mutation($id: ID!) { updateTrack(id: $id, colour: "#000000") { id } }`, (b) => ({ id: b.track })],
  createSpeaker: [SPEAKER, (b) => ({ e: b.edition, i: { name: 'Someone' } })],
  updateSpeaker: [
    `mutation($id: ID!) { updateSpeaker(id: $id, input: { name: "Renamed" }) { id } }`,
    (b) => ({ id: b.speaker }),
  ],
  createSession: [SESSION, (b) => ({ e: b.edition, i: sessionInput })],
  updateSession: [MOVE, (b) => ({ id: b.session, p: { title: 'Hijacked' } })],
  publishSession: [`mutation($id: ID!) { publishSession(id: $id) { id } }`, (b) => ({ id: b.draft })],
  cancelSession: [CANCEL, (b) => ({ id: b.session })],
  deleteSession: [`mutation($id: ID!) { deleteSession(id: $id) }`, (b) => ({ id: b.draft })],
  scheduleChangeLog: [`query($e: ID!) { scheduleChangeLog(editionId: $e) { totalCount } }`, (b) => ({ e: b.edition })],
  // Roles
  grantRole: [GRANT, (b, me) => ({ e: b.edition, m: me, r: 'ORGANIZER' })],
  revokeRole: [
    `mutation($e: ID!, $m: String!) { revokeRole(editionId: $e, email: $m, role: ORGANIZER) }`,
    (b) => ({ e: b.edition, m: 'admin@test.example' }),
  ],
  editionRoles: [`query($e: ID!) { editionRoles(editionId: $e) { email } }`, (b) => ({ e: b.edition })],
  // Attendees and badges
  registerAttendee: [
    REGISTER,
    (b) => ({
      e: b.edition,
      i: { email: 'x@test.example', firstName: 'X', lastName: 'Y', accessLevel: 'FULL_CONFERENCE' },
    }),
  ],
  attendees: [`query($e: ID!) { attendees(editionId: $e) { totalCount } }`, (b) => ({ e: b.edition })],
  issueBadge: [`mutation($a: ID!) { issueBadge(attendeeId: $a) { id } }`, (b) => ({ a: b.unbadged })],
  reissueBadge: [`mutation($a: ID!) { reissueBadge(attendeeId: $a) { id } }`, (b) => ({ a: b.attendee })],
  revokeBadge: [`mutation($a: ID!) { revokeBadge(attendeeId: $a) { id } }`, (b) => ({ a: b.attendee })],
  generateBadges: [GENERATE, (b) => ({ e: b.edition })],
  badgeBatch: [`query($id: ID!) { badgeBatch(id: $id) { id total } }`, (b) => ({ id: b.batch })],
  badgePrintSheetUrl: [`query($e: ID!) { badgePrintSheetUrl(editionId: $e) }`, (b) => ({ e: b.edition })],
  rotateBadgeKey: [`mutation($e: ID!) { rotateBadgeKey(editionId: $e) { kid } }`, (b) => ({ e: b.edition })],
  retireBadgeKey: [
    `mutation($e: ID!, $k: String!) { retireBadgeKey(editionId: $e, kid: $k) }`,
    (b) => ({ e: b.edition, k: b.kid }),
  ],
  // Doors
  createCheckpoint: [
    CHECKPOINT,
    (b) => ({ e: b.edition, i: { name: 'B door', kind: 'ENTRANCE', allowed: ['FULL_CONFERENCE'] } }),
  ],
  updateCheckpoint: [
    `mutation($id: ID!) { updateCheckpoint(id: $id, input: { name: "Hijacked door", closesAt: null }) { id } }`,
    (b) => ({ id: b.checkpoint }),
  ],
  admissionsSeries: [
    `query($c: ID!) { admissionsSeries(checkpointId: $c) { admitted } }`,
    (b) => ({ c: b.checkpoint }),
  ],
  recentScans: [`query($c: ID!) { recentScans(checkpointId: $c) { id } }`, (b) => ({ c: b.checkpoint })],
  // Exhibition
  createHall: [HALL, (b) => ({ e: b.edition, i: { name: 'Sneaked hall', widthM: 10, depthM: 10 } })],
  importBooths: [
    `mutation($e: ID!, $rows: [BoothImportRow!]!) { importBooths(editionId: $e, rows: $rows) { refused } }`,
    (b) => ({
      e: b.edition,
      rows: [{ code: 'Z9', hall: 'B hall', xM: '30', yM: '30', widthM: '3', depthM: '3' }],
    }),
  ],
  holdBooth: [
    `mutation($b: ID!, $x: ID!, $u: DateTime!) { holdBooth(boothId: $b, exhibitorId: $x, until: $u) { id } }`,
    (b) => ({ b: b.freeBooth, x: b.exhibitor, u: at(9, 9) }),
  ],
  assignBooth: [ASSIGN, (b) => ({ b: b.freeBooth, x: b.exhibitor })],
  moveBooth: [
    `mutation($b: ID!, $to: ID!) { moveBooth(boothId: $b, toBoothId: $to) { id } }`,
    (b) => ({ b: b.booth, to: b.freeBooth }),
  ],
  releaseBooth: [`mutation($b: ID!) { releaseBooth(boothId: $b) { id } }`, (b) => ({ b: b.booth })],
  boothHistory: [`query($b: ID!) { boothHistory(boothId: $b) { at } }`, (b) => ({ b: b.booth })],
  staffAllotment: [`query($x: ID!) { staffAllotment(exhibitorId: $x) { allotted } }`, (b) => ({ x: b.exhibitor })],
  setStaffAllotment: [
    `mutation($x: ID!) { setStaffAllotment(exhibitorId: $x, places: 99) { allotted } }`,
    (b) => ({ x: b.exhibitor }),
  ],
  // Notifications
  createWebhook: [
    `mutation($e: ID!) { createWebhook(editionId: $e, input: { url: "https://hooks.example/mine", secret: "mine-mine-mine-mine", events: ["schedule.changed"] }) { id } }`,
    (b) => ({ e: b.edition }),
  ],
  deleteWebhook: [`mutation($id: ID!) { deleteWebhook(id: $id) }`, (b) => ({ id: b.webhook })],
  webhooks: [`query($e: ID!) { webhooks(editionId: $e) { id } }`, (b) => ({ e: b.edition })],
  webhookDeliveries: [`query($w: ID!) { webhookDeliveries(webhookId: $w) { id } }`, (b) => ({ w: b.webhook })],
  retryWebhookDelivery: [`mutation($id: ID!) { retryWebhookDelivery(id: $id) { id } }`, (b) => ({ id: b.delivery })],
};

/**
 * Rows refused with NOT_FOUND rather than FORBIDDEN, and why: the server hides that the record exists.
 * staffAllotment is the exhibitor portal's read too (organizers and the exhibitor's admins): to anyone
 * else it answers as if the exhibitor did not exist (ExhibitorsService.exhibitorForAdmin).
 */
const HIDDEN: Record<string, 'NOT_FOUND'> = { staffAllotment: 'NOT_FOUND' };

/** Subscriptions an organizer of A tries on B's records: refused when subscribing (graphql-ws gives messages, no codes). */
const SUBSCRIPTION_REFUSALS: Record<string, [document: string, variables: (b: InB) => Record<string, unknown>]> = {
  badgeBatchProgress: [`subscription($id: ID!) { badgeBatchProgress(batchId: $id) { id } }`, (b) => ({ id: b.batch })],
  checkpointStatsChanged: [
    `subscription($c: ID!) { checkpointStatsChanged(checkpointId: $c) { admitted } }`,
    (b) => ({ c: b.checkpoint }),
  ],
};

/** Root fields of the back office (apps/web/src/admin) that are not for organizers only, and why they need no row above. */
const NOT_ORGANIZER_ONLY: Record<string, string> = {
  edition: 'public read (the edition page of the public site)',
  sessions: 'public read: published sessions only for anyone but its organizers',
  speakers: 'public read (the speakers page)',
  booths: 'public read (the floor plan)',
  exhibitors: 'public read (the exhibitor directory)',
  checkpoints: "staff read: 'refuses staff of edition A at the doors of edition B' below",
  checkpointStats: 'staff read (door staff see their door; scanning.e2e-spec.ts)',
  venueStats: 'staff read (scanning.e2e-spec.ts)',
  badgeVerificationKeys: 'public keys for offline scanners (badge-keys.e2e-spec.ts)',
  attendee: 'the attendee themselves and the organizers: null for anyone else (asserted in the first test)',
};

/** The root fields of every graphql(`...`) document in the back office's sources. */
function backOfficeRootFields(): Map<string, string> {
  const dir = join(__dirname, '../../web/src/admin');
  const fields = new Map<string, string>();
  for (const file of readdirSync(dir).filter((f) => /\.tsx?$/.test(f))) {
    const source = readFileSync(join(dir, file), 'utf8');
    for (const [, document] of source.matchAll(/\bgraphql\(\s*`([^`]*)`/g)) {
      for (const definition of parse(document).definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        for (const selection of definition.selectionSet.selections)
          if (selection.kind === Kind.FIELD && !selection.name.value.startsWith('__'))
            fields.set(selection.name.value, `${definition.operation} in ${file}`);
      }
    }
  }
  return fields;
}

/** The root fields a document selects. */
function rootFieldsOf(document: string): string[] {
  return parse(document).definitions.flatMap((d) =>
    d.kind === Kind.OPERATION_DEFINITION
      ? d.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []))
      : [],
  );
}

describe('roles stay in their edition; unexpected errors are masked', () => {
  let t: TestApp;
  let admin: string;
  let a: string;
  let b: string;

  beforeAll(async () => {
    t = await TestApp.create();
    admin = await t.factory.admin();
    [a, b] = [(await t.factory.edition({ name: 'Edition A' })).id, (await t.factory.edition({ name: 'Edition B' })).id];
  });
  afterAll(() => t.close());

  /** Every row of edition B (and of the records hanging off its rows), to compare before and after the refusals. */
  async function everythingIn(edition: string): Promise<Record<string, unknown[]>> {
    const tables: { table_name: string }[] = await t.db.query(
      `SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'edition_id' ORDER BY table_name`,
    );
    const rows: Record<string, unknown[]> = {};
    const read = async (name: string, sql: string) =>
      (rows[name] = (await t.db.query(`SELECT to_jsonb(x) AS row FROM (${sql}) x ORDER BY x::text`, [edition])).map(
        (r: { row: unknown }) => r.row,
      ));
    await read('edition', `SELECT * FROM edition WHERE id = $1`);
    for (const { table_name } of tables) await read(table_name, `SELECT * FROM "${table_name}" WHERE edition_id = $1`);
    await read('scan', `SELECT s.* FROM scan s JOIN checkpoint c ON c.id = s.checkpoint_id WHERE c.edition_id = $1`);
    await read('badge', `SELECT g.* FROM badge g JOIN attendee p ON p.id = g.attendee_id WHERE p.edition_id = $1`);
    await read(
      'booth_change',
      `SELECT h.* FROM booth_change h JOIN booth o ON o.id = h.booth_id WHERE o.edition_id = $1`,
    );
    await read(
      'webhook_delivery',
      `SELECT d.* FROM webhook_delivery d JOIN webhook_endpoint w ON w.id = d.endpoint_id WHERE w.edition_id = $1`,
    );
    return rows;
  }

  it('refuses an organizer of edition A everything in edition B, while A works', async () => {
    const organizer = await t.factory.user('Organizer of A');
    await t.ok(GRANT, { e: a, m: organizer.email, r: 'ORGANIZER' }, admin);
    const as = organizer.token;
    const bSession = await t.factory.session(b, { title: 'B keynote', startsAt: at(8, 9), endsAt: at(8, 10) });
    const bAttendee = await t.factory.attendee(b);
    const bDraft = await t.factory.session(b, { title: 'B draft', startsAt: at(8, 15), endsAt: at(8, 16) }, false);
    const hall = (await t.ok(HALL, { e: b, i: { name: 'B hall', widthM: 60, depthM: 40 } }, admin)).createHall.id;
    const booth = async (code: string, xM: number): Promise<string> =>
      (await t.ok(BOOTH, { e: b, i: { code, hallId: hall, xM, yM: 1, widthM: 3, depthM: 3 } }, admin)).createBooth.id;
    const [bBooth, bFreeBooth] = [await booth('B1', 1), await booth('B2', 10)];
    const bExhibitor = (await t.ok(EXHIBITOR, { e: b, n: 'B Medical' }, admin)).createExhibitor.id;
    await t.ok(ASSIGN, { b: bBooth, x: bExhibitor }, admin); // so that releaseBooth and moveBooth could act on it
    const bDoor = (
      await t.ok(
        CHECKPOINT,
        { e: b, i: { name: 'B main door', kind: 'ENTRANCE', allowed: ['FULL_CONFERENCE'] } },
        admin,
      )
    ).createCheckpoint.id;
    await t.ok(SCAN, { i: { checkpointId: bDoor, code: 'garbage' } }, admin); // a REJECTED scan for recentScans
    const bBatch = (await t.ok(GENERATE, { e: b }, admin)).generateBadges.id; // bAttendee's badge
    const bUnbadged = await t.factory.attendee(b); // issueBadge would create this one's badge
    const [bKey] = (await t.ok(KEYS, { e: b })).badgeVerificationKeys as { kid: string }[];
    const [bHook] = await t.db.query(
      `INSERT INTO webhook_endpoint (edition_id, url, secret, events) VALUES ($1, 'https://hooks.example/b', 'b-secret-b-secret', '{schedule.changed}') RETURNING id`,
      [b],
    );
    const [bDelivery] = await t.db.query(
      `INSERT INTO webhook_delivery (endpoint_id, event_id, event, body, state) VALUES ($1, gen_random_uuid(), 'schedule.changed', '{}', 'FAILED') RETURNING id`,
      [bHook.id],
    );
    const inB: InB = {
      edition: b,
      session: bSession.id,
      draft: bDraft.id,
      room: (await t.factory.room(b)).id,
      track: (await t.factory.track(b)).id,
      speaker: (await t.factory.speaker(b)).id,
      attendee: bAttendee.id,
      unbadged: bUnbadged.id,
      hall,
      booth: bBooth,
      freeBooth: bFreeBooth,
      exhibitor: bExhibitor,
      checkpoint: bDoor,
      batch: bBatch,
      kid: bKey?.kid ?? 'no-key-yet',
      webhook: bHook.id,
      delivery: bDelivery.id,
    };

    // The control: in A the same person may do all of it.
    expect(codeOf(await t.gql(ROOM, { e: a, i: { name: 'A room', capacity: 10 } }, as))).toBeUndefined();
    const aSession = (await t.ok(SESSION, { e: a, i: sessionInput }, as)).createSession.id;
    expect(codeOf(await t.gql(MOVE, { id: aSession, p: { title: 'Renamed in A' } }, as))).toBeUndefined();
    expect(codeOf(await t.gql(GRANT, { e: a, m: 'helper@test.example', r: 'STAFF' }, as))).toBeUndefined();

    const before = await everythingIn(b);
    const editions = await t.db.query(`SELECT id FROM edition ORDER BY id`);
    const refused: Record<string, string | undefined> = {};
    for (const [operation, [document, variables]] of Object.entries(REFUSALS))
      refused[operation] = codeOf(await t.gql(document, variables(inB, organizer.email), as));
    expect(refused).toEqual(
      Object.fromEntries(Object.keys(REFUSALS).map((operation) => [operation, HIDDEN[operation] ?? 'FORBIDDEN'])),
    );
    expect((await t.ok(ATTENDEE, { id: bAttendee.id }, as)).attendee).toBeNull();

    // Subscriptions are refused when subscribing.
    await t.app.listen(0, '127.0.0.1');
    const port = (t.app.getHttpServer() as Server).address() as AddressInfo;
    const client = createClient({
      url: `ws://127.0.0.1:${port.port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${as}` },
    });
    const subscribed: Record<string, string | undefined> = {};
    try {
      for (const [operation, [query, variables]] of Object.entries(SUBSCRIPTION_REFUSALS))
        subscribed[operation] = await new Promise<string | undefined>((resolve) =>
          client.subscribe(
            { query, variables: variables(inB) },
            {
              next: (v) => resolve(v.errors?.[0]?.message ?? 'an event'),
              error: (err) => resolve((err as { message?: string }[])[0]?.message ?? String(err)),
              complete: () => resolve('completed without a refusal'),
            },
          ),
        );
    } finally {
      await client.dispose();
    }
    expect(subscribed).toEqual({
      badgeBatchProgress: 'Only organizers of this edition may do this',
      checkpointStatsChanged: 'Needs one of the roles ORGANIZER, STAFF in this edition',
    });

    // Nothing changed in B.
    expect(await everythingIn(b)).toEqual(before);
    expect(await t.db.query(`SELECT id FROM edition ORDER BY id`)).toEqual(editions);
    const [row] = await t.db.query(`SELECT title, status FROM session WHERE id = $1`, [bSession.id]);
    expect(row).toEqual({ title: 'B keynote', status: 'PUBLISHED' });
    const [draftLeft] = await t.db.query(`SELECT status FROM session WHERE id = $1`, [bDraft.id]);
    expect(draftLeft).toEqual({ status: 'DRAFT' });
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM edition_role WHERE edition_id = $1 AND email = lower($2)`,
      [b, organizer.email],
    );
    expect(n).toBe(0);
  });

  it('refuses a back office operation only when it has a row above: every organizer-only root field of apps/web/src/admin is in REFUSALS', () => {
    const used = backOfficeRootFields();
    expect(used.size).toBeGreaterThan(50); // the documents were found and parsed
    const covered = new Set([
      ...Object.keys(REFUSALS),
      ...Object.keys(SUBSCRIPTION_REFUSALS),
      ...Object.keys(NOT_ORGANIZER_ONLY),
    ]);
    const uncovered = [...used].filter(([field]) => !covered.has(field)).map(([field, where]) => `${field} (${where})`);
    expect(uncovered).toEqual([]);
    // Each row tries the operation it is named after, and no operation is both refused and exempt.
    for (const [name, [document]] of [...Object.entries(REFUSALS), ...Object.entries(SUBSCRIPTION_REFUSALS)])
      expect([name, rootFieldsOf(document)]).toEqual([name, [name]]);
    expect(Object.keys(NOT_ORGANIZER_ONLY).filter((field) => field in REFUSALS)).toEqual([]);
  });

  it('refuses staff of edition A at the doors of edition B', async () => {
    const staffer = await t.factory.user('Staff of A');
    await t.ok(GRANT, { e: a, m: staffer.email, r: 'STAFF' }, admin);
    const bDoor = (
      await t.ok(CHECKPOINT, { e: b, i: { name: 'B door', kind: 'ENTRANCE', allowed: ['FULL_CONFERENCE'] } }, admin)
    ).createCheckpoint.id;
    const aDoor = (
      await t.ok(CHECKPOINT, { e: a, i: { name: 'A door', kind: 'ENTRANCE', allowed: ['FULL_CONFERENCE'] } }, admin)
    ).createCheckpoint.id;
    expect((await t.ok(CHECKPOINTS, { e: a }, staffer.token)).checkpoints.map((c: { id: string }) => c.id)).toEqual([
      aDoor,
    ]); // the control
    expect((await t.ok(SCAN, { i: { checkpointId: aDoor, code: 'garbage' } }, staffer.token)).scanBadge.outcome).toBe(
      'REJECTED',
    );
    expect(codeOf(await t.gql(CHECKPOINTS, { e: b }, staffer.token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(SCAN, { i: { checkpointId: bDoor, code: 'garbage' } }, staffer.token))).toBe('FORBIDDEN');
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM scan WHERE checkpoint_id = $1`, [bDoor]);
    expect(n).toBe(0);
  });

  it('answers an unexpected failure as INTERNAL_SERVER_ERROR with no stack, SQL or data, logs it once, and keeps serving', async () => {
    const speakers = t.app.get(SpeakersService);
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const sql = `SELECT password_hash FROM "user" WHERE email = $1`;
    const failures = [
      new QueryFailedError(
        sql,
        ['leaked@example.com'],
        Object.assign(new Error('column "password_hash" is ambiguous'), { code: '42702' }),
      ),
      new TypeError("Cannot read properties of undefined (reading 'secretField')"),
      new Error('ENOENT: no such file or directory, open /srv/conference/.local/badge-key-secret'),
    ];
    try {
      for (const failure of failures) {
        const create = jest.spyOn(speakers, 'create').mockRejectedValueOnce(failure);
        logged.mockClear();
        const res = await t.http
          .post('/graphql')
          .set('Authorization', `Bearer ${admin}`)
          .send({ query: SPEAKER, variables: { e: a, i: { name: 'Boom' } } });
        expect(create).toHaveBeenCalledTimes(1);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
          data: null,
          errors: [
            {
              message: 'Internal server error',
              locations: expect.any(Array),
              path: ['createSpeaker'],
              extensions: { code: 'INTERNAL_SERVER_ERROR' },
            },
          ],
        });
        for (const secret of [
          'password_hash',
          'SELECT',
          'leaked@example.com',
          'secretField',
          'ENOENT',
          '/srv/conference',
          'stacktrace',
          '    at ',
        ])
          expect(res.text).not.toContain(secret);
        expect(logged.mock.calls.filter((c) => String(c[1]).includes('Unexpected error'))).toHaveLength(1);
        create.mockRestore();
      }
    } finally {
      logged.mockRestore();
    }
    // The same call works once the fault is gone.
    expect((await t.ok(SPEAKER, { e: a, i: { name: 'Fine again' } }, admin)).createSpeaker.id).toBeTruthy();
  });
});
