import { AddressInfo } from 'node:net';
import { BADGE_BATCH_PROGRESS } from '@app/badges';
import { PUB_SUB } from '@app/core';
import { eventually } from '@app/testing';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { codeOf, TestApp } from './test-app';

/** A Chicago wall-clock time on a March 2027 day (CST, before the change to daylight time on the 14th). */
const at = (day: number, hour: number) => new Date(Date.UTC(2027, 2, day, hour + 6)).toISOString();

const UPDATE_EDITION = `mutation($id: ID!, $i: EditionPatch!) { updateEdition(id: $id, input: $i) { id name timezone startsOn endsOn venue } }`;
const CREATE_ROOM = `mutation($e: ID!, $i: RoomInput!) { createRoom(editionId: $e, input: $i) { id name } }`;
const UPDATE_ROOM = `mutation($id: ID!, $i: RoomPatch!) { updateRoom(id: $id, input: $i) { id name capacity enforceCapacity } }`;
const CREATE_TRACK = `mutation($e: ID!, $n: String!, $c: String) { createTrack(editionId: $e, name: $n, colour: $c) { id name colour } }`;
const UPDATE_TRACK = `mutation($id: ID!, $n: String, $c: String) { updateTrack(id: $id, name: $n, colour: $c) { id name colour } }`;
const UPDATE_SPEAKER = `mutation($id: ID!, $i: SpeakerInput!) { updateSpeaker(id: $id, input: $i) { id name company jobTitle bio } }`;
const GRANT = `mutation($e: ID!, $m: String!, $r: Role!, $x: ID) { grantRole(editionId: $e, email: $m, role: $r, exhibitorId: $x) }`;
const REVOKE = `mutation($e: ID!, $m: String!, $r: Role!, $x: ID) { revokeRole(editionId: $e, email: $m, role: $r, exhibitorId: $x) }`;
const ROLES = `query($e: ID!) { editionRoles(editionId: $e) { email role exhibitorId exhibitorAdmin grantedAt exhibitor { id name } } }`;
const DELETE_SESSION = `mutation($id: ID!) { deleteSession(id: $id) }`;
const SESSION = `query($id: ID!) { session(id: $id) { id status } }`;
const ATTENDEES = `query($e: ID!, $f: AttendeeFilter, $first: Int, $after: String) {
  attendees(editionId: $e, filter: $f, first: $first, after: $after) {
    totalCount
    pageInfo { endCursor hasNextPage }
    edges { node { id firstName lastName email company accessLevel checkedInAt badge { id status } schedule { id status session { id title } } } }
  }
}`;
const LOG = `query($e: ID!, $first: Int, $after: String) {
  scheduleChangeLog(editionId: $e, first: $first, after: $after) {
    totalCount pageInfo { endCursor hasNextPage } edges { node { id kind kinds summary createdAt notifiedCount session { id title } } }
  }
}`;
const RETRY = `mutation($id: ID!) { retryWebhookDelivery(id: $id) { id state attempts } }`;
const GENERATE = `mutation($e: ID!) { generateBadges(editionId: $e) { id state total done failed } }`;
const BATCH = `query($id: ID!) { badgeBatch(id: $id) { id state total done failed failures { attendeeId badgeId reason } } }`;
const AGENDA = `query Grid($e: ID!) { sessions(editionId: $e, first: 200) { totalCount edges { node { id title status } } } }`;

type AttendeeNode = { id: string; firstName: string; lastName: string; email: string; company: string | null };

describe("the organizers' back office API", () => {
  let t: TestApp;
  let admin: string;
  let e: string;
  let organizer: string;
  let stranger: string;

  beforeAll(async () => {
    t = await TestApp.create();
    admin = await t.factory.admin();
    e = (await t.factory.edition({ name: 'Back office 2027' })).id;
    await t.ok(GRANT, { e, m: 'boss@back.example', r: 'ORGANIZER' }, admin);
    organizer = await t.factory.tokenFor('boss@back.example');
    stranger = await t.factory.tokenFor('stranger@back.example');
  });
  afterAll(() => t.close());

  describe('updateEdition', () => {
    it('renames an edition and moves its days; refuses days that leave a published session out', async () => {
      const ed = (await t.factory.edition({ name: 'Movable' })).id;
      const keynote = await t.factory.session(ed, { title: 'Friday keynote', startsAt: at(12, 9), endsAt: at(12, 10) });
      await t.factory.session(ed, { title: 'A draft on Friday', startsAt: at(12, 11), endsAt: at(12, 12) }, false);

      const renamed = (await t.ok(UPDATE_EDITION, { id: ed, i: { name: '  Movable 2027 ' } }, admin)).updateEdition;
      expect(renamed).toMatchObject({
        name: 'Movable 2027',
        startsOn: '2027-03-08',
        endsOn: '2027-03-12',
        venue: null,
      });
      // The venue: set, kept by a patch that leaves it out, cleared by an empty string.
      const venue = (i: Record<string, unknown>) =>
        t.ok(UPDATE_EDITION, { id: ed, i }, admin).then((d) => d.updateEdition.venue);
      expect(await venue({ venue: ' Orange County Convention Center, Orlando ' })).toBe(
        'Orange County Convention Center, Orlando',
      );
      expect(await venue({ name: 'Movable 2027' })).toBe('Orange County Convention Center, Orlando');
      expect(await venue({ venue: '' })).toBeNull();
      expect(codeOf(await t.gql(UPDATE_EDITION, { id: ed, i: { venue: 'x'.repeat(201) } }, admin))).toBe(
        'BAD_USER_INPUT',
      );
      const created = await t.ok(
        `mutation($i: EditionInput!) { createEdition(input: $i) { venue } }`,
        {
          i: {
            name: 'With a venue',
            year: 2027,
            timezone: 'America/Chicago',
            startsOn: '2027-03-08',
            endsOn: '2027-03-09',
            venue: 'McCormick Place, Chicago',
          },
        },
        admin,
      );
      expect(created.createEdition.venue).toBe('McCormick Place, Chicago');
      // Longer is fine; a draft outside the days does not hold the change up.
      expect(
        (await t.ok(UPDATE_EDITION, { id: ed, i: { startsOn: '2027-03-07', endsOn: '2027-03-13' } }, admin))
          .updateEdition,
      ).toMatchObject({ startsOn: '2027-03-07', endsOn: '2027-03-13' });

      const shrink = await t.gql(UPDATE_EDITION, { id: ed, i: { endsOn: '2027-03-11' } }, admin);
      expect(codeOf(shrink)).toBe('CONFLICT');
      expect(shrink.errors![0].message).toContain('Friday keynote');
      expect(shrink.errors![0].extensions!.conflictingSessionId).toBe(keynote.id);
      // A timezone that moves the days away from the keynote is the same conflict.
      expect(
        codeOf(await t.gql(UPDATE_EDITION, { id: ed, i: { timezone: 'Asia/Tokyo', endsOn: '2027-03-12' } }, admin)),
      ).toBe('CONFLICT');
      const [row] = await t.db.query(`SELECT ends_on::text AS "endsOn", timezone FROM edition WHERE id = $1`, [ed]);
      expect(row).toEqual({ endsOn: '2027-03-13', timezone: 'America/Chicago' });
    });

    it('refuses bad input, strangers and unknown editions', async () => {
      expect(codeOf(await t.gql(UPDATE_EDITION, { id: e, i: { endsOn: '2027-03-01' } }, organizer))).toBe(
        'BAD_USER_INPUT',
      );
      expect(codeOf(await t.gql(UPDATE_EDITION, { id: e, i: { endsOn: '2027-02-30' } }, organizer))).toBe(
        'BAD_USER_INPUT',
      );
      expect(codeOf(await t.gql(UPDATE_EDITION, { id: e, i: { timezone: '+02:00' } }, organizer))).toBe(
        'BAD_USER_INPUT',
      );
      expect(codeOf(await t.gql(UPDATE_EDITION, { id: e, i: { endsOn: '2027-05-12' } }, organizer))).toBe(
        'BAD_USER_INPUT',
      ); // over 31 days
      expect(codeOf(await t.gql(UPDATE_EDITION, { id: e, i: { name: '   ' } }, organizer))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(UPDATE_EDITION, { id: e, i: { name: 'Mine now' } }, stranger))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(UPDATE_EDITION, { id: e, i: { name: 'Mine now' } }))).toBe('UNAUTHENTICATED');
      expect(
        codeOf(await t.gql(UPDATE_EDITION, { id: '00000000-0000-4000-8000-000000000000', i: { name: 'x' } }, admin)),
      ).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(UPDATE_EDITION, { id: 'nope', i: { name: 'x' } }, admin))).toBe('BAD_USER_INPUT');
      expect(
        (await t.ok(UPDATE_EDITION, { id: e, i: { name: 'Back office 2027' } }, organizer)).updateEdition.name,
      ).toBe('Back office 2027');
    });
  });

  describe('rooms and tracks', () => {
    it('updateRoom renames, changes seats, refuses going below reservations and duplicate names', async () => {
      const room = (
        await t.ok(CREATE_ROOM, { e, i: { name: 'Room 101', capacity: 2, enforceCapacity: true } }, organizer)
      ).createRoom;
      await t.ok(CREATE_ROOM, { e, i: { name: 'Room 102', capacity: 10 } }, organizer);
      const s = await t.factory.session(e, {
        title: 'Tiny workshop',
        roomId: room.id,
        startsAt: at(9, 9),
        endsAt: at(9, 10),
      });
      const person = await t.factory.attendee(e);
      expect(
        (await t.ok(`mutation($s: ID!) { addToSchedule(sessionId: $s) { status } }`, { s: s.id }, person.token))
          .addToSchedule.status,
      ).toBe('RESERVED');

      const below = await t.gql(UPDATE_ROOM, { id: room.id, i: { capacity: 0 } }, organizer);
      expect(codeOf(below)).toBe('BAD_USER_INPUT');
      expect(below.errors![0].extensions).toMatchObject({ seatsTaken: 1, sessionId: s.id });
      expect(codeOf(await t.gql(UPDATE_ROOM, { id: room.id, i: { name: 'Room 102' } }, organizer))).toBe('CONFLICT');
      expect(codeOf(await t.gql(UPDATE_ROOM, { id: room.id, i: { capacity: -1 } }, organizer))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(UPDATE_ROOM, { id: room.id, i: { name: 'Mine' } }, stranger))).toBe('FORBIDDEN');

      const bigger = (await t.ok(UPDATE_ROOM, { id: room.id, i: { name: 'Room 101A', capacity: 40 } }, organizer))
        .updateRoom;
      expect(bigger).toEqual({ id: room.id, name: 'Room 101A', capacity: 40, enforceCapacity: true });
      // The larger room's new seats go to the waitlist: the worker is told through the outbox.
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM outbox_message WHERE topic = 'session.seats' AND payload->>'sessionId' = $1`,
        [s.id],
      );
      expect(n).toBeGreaterThanOrEqual(1);
      // Without enforcement the room gives no seats, so any capacity goes.
      expect(
        (await t.ok(UPDATE_ROOM, { id: room.id, i: { enforceCapacity: false, capacity: 0 } }, organizer)).updateRoom,
      ).toMatchObject({ capacity: 0, enforceCapacity: false });
    });

    it('tracks take a #rrggbb colour on creation and update', async () => {
      const track = (await t.ok(CREATE_TRACK, { e, n: 'Imaging', c: '#1F6FEB' }, organizer)).createTrack;
      expect(track).toMatchObject({ name: 'Imaging', colour: '#1f6feb' });
      expect((await t.ok(CREATE_TRACK, { e, n: 'Plain' }, organizer)).createTrack.colour).toBeNull();
      expect(codeOf(await t.gql(CREATE_TRACK, { e, n: 'Red', c: 'red' }, organizer))).toBe('BAD_USER_INPUT');

      expect((await t.ok(UPDATE_TRACK, { id: track.id, c: '#00aa55' }, organizer)).updateTrack).toEqual({
        id: track.id,
        name: 'Imaging',
        colour: '#00aa55',
      });
      expect((await t.ok(UPDATE_TRACK, { id: track.id, n: 'Radiology' }, organizer)).updateTrack).toMatchObject({
        name: 'Radiology',
        colour: '#00aa55',
      });
      expect((await t.ok(UPDATE_TRACK, { id: track.id, c: null }, organizer)).updateTrack.colour).toBeNull();
      expect(codeOf(await t.gql(UPDATE_TRACK, { id: track.id, c: '#12345' }, organizer))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(UPDATE_TRACK, { id: track.id, n: 'Plain' }, organizer))).toBe('CONFLICT');
      expect(codeOf(await t.gql(UPDATE_TRACK, { id: track.id, n: ' ' }, organizer))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(UPDATE_TRACK, { id: track.id, n: 'Mine' }, stranger))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(UPDATE_TRACK, { id: '00000000-0000-4000-8000-000000000000', n: 'x' }, organizer))).toBe(
        'NOT_FOUND',
      );
    });
  });

  it('updateSpeaker changes the profile, keeps what is left out, refuses strangers and blank names', async () => {
    const speaker = await t.factory.speaker(e, { name: 'Dr Ada', email: 'ada@speakers.example', company: 'Old Co' });
    const updated = (
      await t.ok(
        UPDATE_SPEAKER,
        { id: speaker.id, i: { name: 'Dr Ada Lovelace', jobTitle: 'CMIO', company: '' } },
        organizer,
      )
    ).updateSpeaker;
    expect(updated).toEqual({ id: speaker.id, name: 'Dr Ada Lovelace', company: null, jobTitle: 'CMIO', bio: null });
    const [row] = await t.db.query(`SELECT email FROM speaker WHERE id = $1`, [speaker.id]);
    expect(row.email).toBe('ada@speakers.example'); // never shown, so an edit form cannot resend it: kept
    expect(codeOf(await t.gql(UPDATE_SPEAKER, { id: speaker.id, i: { name: '  ' } }, organizer))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await t.gql(UPDATE_SPEAKER, { id: speaker.id, i: { name: 'x'.repeat(201) } }, organizer))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await t.gql(UPDATE_SPEAKER, { id: speaker.id, i: { name: 'Hijacked' } }, stranger))).toBe(
      'FORBIDDEN',
    );
    expect(
      codeOf(await t.gql(UPDATE_SPEAKER, { id: '00000000-0000-4000-8000-000000000000', i: { name: 'x' } }, organizer)),
    ).toBe('NOT_FOUND');
  });

  it('editionRoles lists the grants; revokeRole takes them back, exhibitor staff as removeExhibitorStaff does', async () => {
    const ex1 = (
      await t.ok(
        `mutation($e: ID!) { createExhibitor(editionId: $e, input: { name: "Acme Health" }) { id } }`,
        { e },
        admin,
      )
    ).createExhibitor.id;
    const ex2 = (
      await t.ok(
        `mutation($e: ID!) { createExhibitor(editionId: $e, input: { name: "Beta Care" }) { id } }`,
        { e },
        admin,
      )
    ).createExhibitor.id;
    await t.ok(GRANT, { e, m: 'door@back.example', r: 'STAFF' }, organizer);
    await t.ok(GRANT, { e, m: 'rep@acme.example', r: 'EXHIBITOR', x: ex1 }, organizer);

    const roles = (await t.ok(ROLES, { e }, organizer)).editionRoles;
    expect(roles).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ email: 'boss@back.example', role: 'ORGANIZER', exhibitor: null }),
        expect.objectContaining({ email: 'door@back.example', role: 'STAFF', exhibitorId: null }),
        expect.objectContaining({
          email: 'rep@acme.example',
          role: 'EXHIBITOR',
          exhibitorId: ex1,
          exhibitorAdmin: true,
          exhibitor: { id: ex1, name: 'Acme Health' },
        }),
      ]),
    );

    expect(codeOf(await t.gql(REVOKE, { e, m: 'rep@acme.example', r: 'EXHIBITOR' }, organizer))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(REVOKE, { e, m: 'door@back.example', r: 'STAFF', x: ex1 }, organizer))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await t.gql(REVOKE, { e, m: 'not-an-email', r: 'STAFF' }, organizer))).toBe('BAD_USER_INPUT');
    // Another exhibitor's staff stay where they are.
    expect((await t.ok(REVOKE, { e, m: 'rep@acme.example', r: 'EXHIBITOR', x: ex2 }, organizer)).revokeRole).toBe(
      false,
    );
    expect((await t.ok(REVOKE, { e, m: 'rep@acme.example', r: 'EXHIBITOR', x: ex1 }, organizer)).revokeRole).toBe(true);
    expect((await t.ok(REVOKE, { e, m: 'Door@Back.example', r: 'STAFF' }, organizer)).revokeRole).toBe(true);
    expect((await t.ok(REVOKE, { e, m: 'door@back.example', r: 'STAFF' }, organizer)).revokeRole).toBe(false);
    const left = (await t.ok(ROLES, { e }, organizer)).editionRoles.map(
      (r: { email: string; role: string }) => `${r.role} ${r.email}`,
    );
    expect(left).toContain('ORGANIZER boss@back.example');
    expect(left).not.toContain('STAFF door@back.example');
    expect(left).not.toContain('EXHIBITOR rep@acme.example');
    expect(left).toHaveLength(roles.length - 2);
    expect(codeOf(await t.gql(ROLES, { e }, stranger))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(REVOKE, { e, m: 'boss@back.example', r: 'ORGANIZER' }, stranger))).toBe('FORBIDDEN');
  });

  it('deleteSession deletes drafts only', async () => {
    const draft = await t.factory.session(e, { title: 'Maybe', startsAt: at(10, 9), endsAt: at(10, 10) }, false);
    const published = await t.factory.session(e, { title: 'Certain', startsAt: at(10, 11), endsAt: at(10, 12) });
    const cancelled = await t.factory.session(e, { title: 'Off', startsAt: at(10, 13), endsAt: at(10, 14) });
    await t.ok(`mutation($id: ID!) { cancelSession(id: $id, reason: "ill") { id } }`, { id: cancelled.id }, admin);

    expect(codeOf(await t.gql(DELETE_SESSION, { id: draft.id }, stranger))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(DELETE_SESSION, { id: published.id }, organizer))).toBe('CONFLICT');
    expect(codeOf(await t.gql(DELETE_SESSION, { id: cancelled.id }, organizer))).toBe('CONFLICT');
    expect((await t.ok(DELETE_SESSION, { id: draft.id }, organizer)).deleteSession).toBe(true);
    expect((await t.ok(SESSION, { id: draft.id }, organizer)).session).toBeNull();
    expect(codeOf(await t.gql(DELETE_SESSION, { id: draft.id }, organizer))).toBe('NOT_FOUND');
    expect((await t.ok(SESSION, { id: published.id }, organizer)).session.status).toBe('PUBLISHED');
  });

  it("serves the organizers' programme grid from their own cached view, renewed by every change to drafts", async () => {
    const ed = (await t.factory.edition({ name: 'Cached grid' })).id;
    await t.factory.session(ed, { title: 'Public talk', startsAt: at(8, 9), endsAt: at(8, 10) });
    const titles = (res: { data?: { sessions: { edges: { node: { title: string } }[] } } }) =>
      res.data!.sessions.edges.map((x) => x.node.title).sort();

    const first = await t.gql(AGENDA, { e: ed }, admin);
    expect(first.headers['x-cache']).toBeUndefined();
    const second = await t.gql(AGENDA, { e: ed }, admin);
    expect(second.headers['x-cache']).toBe('hit'); // no GraphQL run: one indexed lookup of what the caller organizes
    expect(second.data).toEqual(first.data);

    const draft = await t.factory.session(ed, { title: 'Secret draft', startsAt: at(8, 11), endsAt: at(8, 12) }, false);
    const withDraft = await t.gql(AGENDA, { e: ed }, admin);
    expect(withDraft.headers['x-cache']).toBeUndefined();
    expect(titles(withDraft)).toEqual(['Public talk', 'Secret draft']);
    // The public, and an organizer of another edition, never see it (their own views).
    expect(titles(await t.gql(AGENDA, { e: ed }))).toEqual(['Public talk']);
    expect(titles(await t.gql(AGENDA, { e: ed }, organizer))).toEqual(['Public talk']);
    expect(titles(await t.gql(AGENDA, { e: ed }, organizer))).toEqual(['Public talk']);
    await t.ok(DELETE_SESSION, { id: draft.id }, admin);
    expect(titles(await t.gql(AGENDA, { e: ed }, admin))).toEqual(['Public talk']);
  });

  describe('attendees', () => {
    let ed: string;
    let people: { id: string; email: string }[];
    const everyone = async (filter: Record<string, unknown>, first = 4) => {
      const seen: AttendeeNode[] = [];
      let after: string | null = null;
      let total = -1;
      for (;;) {
        const page: {
          totalCount: number;
          pageInfo: { endCursor: string; hasNextPage: boolean };
          edges: { node: AttendeeNode }[];
        } = (await t.ok(ATTENDEES, { e: ed, f: filter, first, after }, organizer)).attendees;
        total = page.totalCount;
        seen.push(...page.edges.map((x) => x.node));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      return { total, names: seen.map((a) => `${a.lastName}, ${a.firstName}`), seen };
    };

    beforeAll(async () => {
      ed = (await t.factory.edition({ name: 'Attendee list' })).id;
      await t.ok(GRANT, { e: ed, m: 'boss@back.example', r: 'ORGANIZER' }, admin);
      const rows = [
        ['vera.gupta@hospital.example', 'Vera', 'Gupta', 'Quantia Labs', 'FULL_CONFERENCE'],
        ['noah.garcia@hospital.example', 'Noah', 'Garcia', 'Vitalink', 'EXPO_ONLY'],
        ['ana.garcia@clinic.example', 'Ana', 'Garcia', 'Quantia Labs', 'FULL_CONFERENCE'],
        ['li.chen@press.example', 'Li', 'Chen', 'Health Daily', 'PRESS'],
        ['sam.o@vendor.example', 'Sam', "O'Neil", null, 'EXHIBITOR'],
        ['zoe.adams@hospital.example', 'Zoë', 'Adams', 'St Mary', 'FULL_CONFERENCE'],
        ['percent@odd.example', 'Per', 'Cent_100%', 'Odd', 'STAFF'],
        ['max.mustermann@klinik.example', 'Max', 'Mustermann', 'Klinikum', 'SPEAKER'],
        ['eve.garcia@lab.example', 'Eve', 'Garcia', 'LabCorp', 'FULL_CONFERENCE'],
        ['bo.lee@hospital.example', 'Bo', 'Lee', 'Quantia Labs', 'EXPO_ONLY'],
      ];
      const imported = (
        await t.ok(
          `mutation($e: ID!, $rows: [AttendeeImportRow!]!) { importAttendees(editionId: $e, rows: $rows) { rows { email attendeeId } } }`,
          {
            e: ed,
            rows: rows.map(([email, firstName, lastName, company, accessLevel]) => ({
              email,
              firstName,
              lastName,
              company,
              accessLevel,
            })),
          },
          admin,
        )
      ).importAttendees.rows;
      people = imported.map((r: { email: string; attendeeId: string }) => ({ id: r.attendeeId, email: r.email }));
      const id = (email: string) => people.find((p) => p.email === email)!.id;
      // Checked in at a door (the scanning lib stamps this column; the door itself is scanning.e2e-spec's).
      await t.db.query(`UPDATE attendee SET checked_in_at = now() WHERE id = ANY($1)`, [
        [id('vera.gupta@hospital.example'), id('li.chen@press.example')],
      ]);
      await t.ok(`mutation($a: ID!) { issueBadge(attendeeId: $a) { id } }`, { a: id('li.chen@press.example') }, admin);
      await t.ok(
        `mutation($a: ID!) { issueBadge(attendeeId: $a) { id } }`,
        { a: id('bo.lee@hospital.example') },
        admin,
      );
      await t.db.query(`UPDATE badge SET status = 'REVOKED', revoked_at = now() WHERE attendee_id = $1`, [
        id('bo.lee@hospital.example'),
      ]);
    });

    it('pages everyone by last name, first name, then id, with the total', async () => {
      const all = await everyone({}, 3);
      expect(all.total).toBe(10);
      expect(all.names).toEqual([
        'Adams, Zoë',
        'Cent_100%, Per',
        'Chen, Li',
        'Garcia, Ana',
        'Garcia, Eve',
        'Garcia, Noah',
        'Gupta, Vera',
        'Lee, Bo',
        'Mustermann, Max',
        "O'Neil, Sam",
      ]);
      expect(new Set(all.seen.map((a) => a.id)).size).toBe(10);
    });

    it('searches names, emails and companies (any case, substrings, wildcards taken literally) and filters', async () => {
      expect((await everyone({ search: 'garc' })).names).toEqual(['Garcia, Ana', 'Garcia, Eve', 'Garcia, Noah']);
      expect((await everyone({ search: 'QUANTIA' })).names).toEqual(['Garcia, Ana', 'Gupta, Vera', 'Lee, Bo']);
      expect((await everyone({ search: 'hospital.exa' }, 2)).total).toBe(4);
      expect((await everyone({ search: 'vera.g' })).names).toEqual(['Gupta, Vera']);
      expect((await everyone({ search: 'li' })).names).toContain('Chen, Li'); // short: a scan, same rule
      expect((await everyone({ search: '100%' })).names).toEqual(['Cent_100%, Per']);
      expect((await everyone({ search: '%' })).names).toEqual(['Cent_100%, Per']);
      expect((await everyone({ search: 'zzzz' })).total).toBe(0);
      expect((await everyone({ search: 'garcia', accessLevel: 'FULL_CONFERENCE' })).names).toEqual([
        'Garcia, Ana',
        'Garcia, Eve',
      ]);
      expect((await everyone({ checkedIn: true })).names).toEqual(['Chen, Li', 'Gupta, Vera']);
      expect((await everyone({ checkedIn: false })).total).toBe(8);
      expect((await everyone({ badgeStatus: 'PENDING' })).names).toEqual(['Chen, Li']);
      expect((await everyone({ badgeStatus: 'REVOKED' })).names).toEqual(['Lee, Bo']);
      expect((await everyone({ badgeStatus: 'ACTIVE' })).total).toBe(0);
      expect((await everyone({ badgeStatus: 'NONE' })).total).toBe(8);
      expect((await everyone({ badgeStatus: 'NONE', search: 'quantia', checkedIn: false })).names).toEqual([
        'Garcia, Ana',
      ]);
    });

    it('loads badges and schedules of a page in a fixed number of statements (no N+1)', async () => {
      const s = await t.factory.session(ed, {
        title: 'Everyone goes',
        format: 'THEATER',
        startsAt: at(9, 9),
        endsAt: at(9, 10),
      });
      for (const token of await t.factory.tokensFor(people.slice(0, 6).map((p) => p.email)))
        await t.ok(`mutation($s: ID!) { addToSchedule(sessionId: $s) { id } }`, { s: s.id }, token);
      await t.gql(ATTENDEES, { e: ed, first: 1 }, organizer); // warm: the caller's account state is read at most every 5 s
      const small = await t.gql(ATTENDEES, { e: ed, first: 2 }, organizer);
      const big = await t.gql(ATTENDEES, { e: ed, first: 10 }, organizer);
      expect(big.errors).toBeUndefined();
      expect(
        big.data.attendees.edges.filter((x: { node: { schedule: unknown[] } }) => x.node.schedule.length),
      ).toHaveLength(6);
      expect(
        big.data.attendees.edges.find((x: { node: { lastName: string } }) => x.node.lastName === 'Chen').node.badge,
      ).toMatchObject({
        status: 'PENDING',
      });
      expect(big.sqlQueries).toBe(small.sqlQueries);
      expect(big.sqlQueries).toBeLessThanOrEqual(7);
      // The search path (trigram, count in the same statement) too.
      const searched = await t.gql(ATTENDEES, { e: ed, f: { search: 'hospital' }, first: 10 }, organizer);
      expect(searched.sqlQueries).toBeLessThanOrEqual(big.sqlQueries);
    });

    it('refuses strangers, organizers of other editions, bad filters and bad cursors', async () => {
      expect(codeOf(await t.gql(ATTENDEES, { e: ed }, stranger))).toBe('FORBIDDEN');
      const other = (await t.factory.edition({ name: 'Elsewhere' })).id;
      await t.ok(GRANT, { e: other, m: 'elsewhere@back.example', r: 'ORGANIZER' }, admin);
      expect(codeOf(await t.gql(ATTENDEES, { e: ed }, await t.factory.tokenFor('elsewhere@back.example')))).toBe(
        'FORBIDDEN',
      );
      expect(codeOf(await t.gql(ATTENDEES, { e: ed }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await t.gql(ATTENDEES, { e: ed, f: { accessLevel: 'VIP' } }, organizer))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(ATTENDEES, { e: ed, f: { search: 'x'.repeat(201) } }, organizer))).toBe(
        'BAD_USER_INPUT',
      );
      expect(codeOf(await t.gql(ATTENDEES, { e: ed, after: 'garbage' }, organizer))).toBe('BAD_USER_INPUT');
      const forged = Buffer.from(JSON.stringify(['a', 'b', 'not-a-uuid'])).toString('base64url');
      expect(codeOf(await t.gql(ATTENDEES, { e: ed, after: forged }, organizer))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(ATTENDEES, { e: ed, first: 500 }, organizer))).toBe('BAD_USER_INPUT');
    });
  });

  it('reports badge batch progress through badgeBatch and the badgeBatchProgress subscription until done', async () => {
    const ed = (await t.factory.edition({ name: 'Badge run' })).id;
    await t.ok(GRANT, { e: ed, m: 'boss@back.example', r: 'ORGANIZER' }, admin);
    await t.factory.attendees(ed, 60);
    await t.app.listen(0, '127.0.0.1');
    const port = (t.app.getHttpServer().address() as AddressInfo).port;

    // Strangers are refused the subscription.
    const refusedClient = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${stranger}` },
    });
    const batch = (await t.ok(GENERATE, { e: ed }, organizer)).generateBadges;
    expect(batch.total).toBe(60);
    // Errors of a subscription's setup reach graphql-ws clients as messages only (no extensions).
    const refusal = await new Promise<string | undefined>((resolve) =>
      refusedClient.subscribe(
        { query: `subscription($b: ID!) { badgeBatchProgress(batchId: $b) { id } }`, variables: { b: batch.id } },
        {
          next: (v) => resolve(v.errors?.[0]?.message),
          error: (err) => resolve((err as { message?: string }[])[0]?.message),
          complete: () => resolve(undefined),
        },
      ),
    );
    await refusedClient.dispose();
    expect(refusal).toBe('Only organizers of this edition may do this');

    const seen: { state: string; done: number; total: number }[] = [];
    const client = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${organizer}` },
    });
    client.subscribe(
      {
        query: `subscription($b: ID!) { badgeBatchProgress(batchId: $b) { id state total done failed failures { attendeeId } } }`,
        variables: { b: batch.id },
      },
      {
        next: (v) => seen.push((v.data as { badgeBatchProgress: (typeof seen)[number] }).badgeBatchProgress),
        error: () => undefined,
        complete: () => undefined,
      },
    );
    try {
      // A ping on the progress channel: its arrival says the subscription is registered; then the worker starts.
      const pubsub = t.app.get<RedisPubSub>(PUB_SUB);
      await eventually(
        async () => {
          await pubsub.publish(BADGE_BATCH_PROGRESS, { batchId: batch.id });
          await new Promise((r) => setTimeout(r, 50));
          return seen.length;
        },
        (n) => n > 0,
        { what: 'the ping on the progress channel' },
      );
      expect(seen[0]).toMatchObject({ state: 'QUEUED', total: 60, done: 0 });
      await t.ensureWorker();
      const polled = await eventually(
        async () => (await t.ok(BATCH, { id: batch.id }, organizer)).badgeBatch,
        (b) => b.state === 'COMPLETED',
        60_000,
      );
      expect(polled).toEqual({ id: batch.id, state: 'COMPLETED', total: 60, done: 60, failed: 0, failures: [] });
      // The subscription may have been registered after the first chunks; its last event is the finished batch.
      const last = await eventually(
        () => seen.at(-1),
        (b) => b?.state === 'COMPLETED',
        { timeoutMs: 15_000, what: 'the last progress event' },
      );
      expect(last).toMatchObject({ total: 60, done: 60 });
      expect(seen.map((b) => b.done)).toEqual([...seen.map((b) => b.done)].sort((x, y) => x - y));
    } finally {
      await client.dispose();
    }
    expect(codeOf(await t.gql(BATCH, { id: batch.id }, stranger))).toBe('FORBIDDEN');
  });

  it('logs the schedule changes sent, newest first, with how many people each notified', async () => {
    const ed = (await t.factory.edition({ name: 'Change log' })).id;
    await t.ok(GRANT, { e: ed, m: 'boss@back.example', r: 'ORGANIZER' }, admin);
    const s = await t.factory.session(ed, { title: 'Moving talk', startsAt: at(8, 9), endsAt: at(8, 10) });
    const fans = await t.factory.attendees(ed, 3);
    for (const fan of fans)
      await t.ok(`mutation($s: ID!) { addToSchedule(sessionId: $s) { id } }`, { s: s.id }, fan.token);
    await t.ensureWorker();
    const MOVE = `mutation($id: ID!, $p: SessionPatch!) { updateSession(id: $id, patch: $p) { id } }`;
    await t.ok(MOVE, { id: s.id, p: { startsAt: at(8, 11), endsAt: at(8, 12) } }, organizer);
    await t.ok(MOVE, { id: s.id, p: { title: 'Moved talk' } }, organizer);

    const log = await eventually(
      async () => (await t.ok(LOG, { e: ed }, organizer)).scheduleChangeLog,
      (l) => l.edges.every((x: { node: { notifiedCount: number } }) => x.node.notifiedCount === 3),
      30_000,
    );
    expect(log.totalCount).toBe(2);
    expect(log.edges.map((x: { node: { kind: string; kinds: string[] } }) => [x.node.kind, x.node.kinds])).toEqual([
      ['DETAILS_CHANGED', ['DETAILS_CHANGED']],
      ['TIME_CHANGED', ['TIME_CHANGED']],
    ]);
    expect(log.edges[0].node.session).toEqual({ id: s.id, title: 'Moved talk' });

    const first = (await t.ok(LOG, { e: ed, first: 1 }, organizer)).scheduleChangeLog;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await t.ok(LOG, { e: ed, first: 1, after: first.pageInfo.endCursor }, organizer)).scheduleChangeLog;
    expect(second.edges.map((x: { node: { id: string } }) => x.node.id)).toEqual([log.edges[1].node.id]);
    expect(second.pageInfo.hasNextPage).toBe(false);

    // The public list of changes shows no counts to others.
    const pub = (await t.ok(`query($e: ID!) { scheduleChanges(editionId: $e) { id notifiedCount } }`, { e: ed }))
      .scheduleChanges;
    expect(pub.map((c: { notifiedCount: number | null }) => c.notifiedCount)).toEqual([null, null]);
    expect(codeOf(await t.gql(LOG, { e: ed }, stranger))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(LOG, { e: ed, after: 'garbage' }, organizer))).toBe('BAD_USER_INPUT');
    const forged = Buffer.from(JSON.stringify(['not-a-uuid'])).toString('base64url');
    expect(codeOf(await t.gql(LOG, { e: ed, after: forged }, organizer))).toBe('BAD_USER_INPUT');
  });

  it('retryWebhookDelivery puts a failed delivery back in line, and only a failed one', async () => {
    const endpoint = (
      await t.db.query(
        `INSERT INTO webhook_endpoint (edition_id, url, secret, events) VALUES ($1, 'https://hooks.example/x', 's3cret-s3cret', '{schedule.changed}') RETURNING id`,
        [e],
      )
    )[0].id;
    const delivery = async (state: string) =>
      (
        await t.db.query(
          `INSERT INTO webhook_delivery (endpoint_id, event_id, event, body, state, attempts, last_error)
           VALUES ($1, gen_random_uuid(), 'schedule.changed', '{}', $2, 10, 'connect ECONNREFUSED') RETURNING id`,
          [endpoint, state],
        )
      )[0].id as string;
    const failed = await delivery('FAILED');
    expect(codeOf(await t.gql(RETRY, { id: failed }, stranger))).toBe('FORBIDDEN');
    expect((await t.ok(RETRY, { id: failed }, organizer)).retryWebhookDelivery).toMatchObject({
      id: failed,
      state: 'PENDING',
    });
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM outbox_message WHERE topic = 'webhook.retry' AND payload->>'deliveryId' = $1`,
      [failed],
    );
    expect(n).toBe(1);
    expect(codeOf(await t.gql(RETRY, { id: failed }, organizer))).toBe('CONFLICT'); // already in line
    expect(codeOf(await t.gql(RETRY, { id: await delivery('DELIVERED') }, organizer))).toBe('CONFLICT');
    expect(codeOf(await t.gql(RETRY, { id: '00000000-0000-4000-8000-000000000000' }, organizer))).toBe('NOT_FOUND');
  });
});
