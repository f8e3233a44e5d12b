import { Logger } from '@nestjs/common';
import { SpeakersService } from '@app/speakers';
import { QueryFailedError } from 'typeorm';
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
// The organizers' back office (back-office.e2e-spec.ts tests each of them in full).
const BACK_OFFICE = {
  updateEdition: `mutation($id: ID!) { updateEdition(id: $id, input: { name: "Taken over" }) { id } }`,
  updateRoom: `mutation($id: ID!) { updateRoom(id: $id, input: { capacity: 1 }) { id } }`,
  updateTrack: `mutation($id: ID!) { updateTrack(id: $id, colour: "#000000") { id } }`,
  updateSpeaker: `mutation($id: ID!) { updateSpeaker(id: $id, input: { name: "Renamed" }) { id } }`,
  revokeRole: `mutation($e: ID!, $m: String!) { revokeRole(editionId: $e, email: $m, role: ORGANIZER) }`,
  editionRoles: `query($e: ID!) { editionRoles(editionId: $e) { email } }`,
  deleteSession: `mutation($id: ID!) { deleteSession(id: $id) }`,
  attendees: `query($e: ID!) { attendees(editionId: $e) { totalCount } }`,
  scheduleChangeLog: `query($e: ID!) { scheduleChangeLog(editionId: $e) { totalCount } }`,
  retryWebhookDelivery: `mutation($id: ID!) { retryWebhookDelivery(id: $id) { id } }`,
};

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

  it('refuses an organizer of edition A everything in edition B, while A works', async () => {
    const organizer = await t.factory.user('Organizer of A');
    await t.ok(GRANT, { e: a, m: organizer.email, r: 'ORGANIZER' }, admin);
    const as = organizer.token;
    const bSession = await t.factory.session(b, { title: 'B keynote', startsAt: at(8, 9), endsAt: at(8, 10) });
    const bAttendee = await t.factory.attendee(b);
    const input = { title: 'Sneaked in', format: 'EDUCATION', startsAt: at(8, 12), endsAt: at(8, 13) };
    const bRoom = await t.factory.room(b);
    const bTrack = await t.factory.track(b);
    const bSpeaker = await t.factory.speaker(b);
    const bDraft = await t.factory.session(b, { title: 'B draft', startsAt: at(8, 15), endsAt: at(8, 16) }, false);
    const [bHook] = await t.db.query(
      `INSERT INTO webhook_endpoint (edition_id, url, secret, events) VALUES ($1, 'https://hooks.example/b', 'b-secret-b-secret', '{schedule.changed}') RETURNING id`,
      [b],
    );
    const [bDelivery] = await t.db.query(
      `INSERT INTO webhook_delivery (endpoint_id, event_id, event, body, state) VALUES ($1, gen_random_uuid(), 'schedule.changed', '{}', 'FAILED') RETURNING id`,
      [bHook.id],
    );

    // The control: in A the same person may do all of it.
    expect(codeOf(await t.gql(ROOM, { e: a, i: { name: 'A room', capacity: 10 } }, as))).toBeUndefined();
    const aSession = (await t.ok(SESSION, { e: a, i: input }, as)).createSession.id;
    expect(codeOf(await t.gql(MOVE, { id: aSession, p: { title: 'Renamed in A' } }, as))).toBeUndefined();
    expect(codeOf(await t.gql(GRANT, { e: a, m: 'helper@test.example', r: 'STAFF' }, as))).toBeUndefined();

    const refused = {
      createRoom: codeOf(await t.gql(ROOM, { e: b, i: { name: 'B room', capacity: 10 } }, as)),
      createSession: codeOf(await t.gql(SESSION, { e: b, i: input }, as)),
      createSpeaker: codeOf(await t.gql(SPEAKER, { e: b, i: { name: 'Someone' } }, as)),
      updateSession: codeOf(await t.gql(MOVE, { id: bSession.id, p: { title: 'Hijacked' } }, as)),
      cancelSession: codeOf(await t.gql(CANCEL, { id: bSession.id }, as)),
      grantRole: codeOf(await t.gql(GRANT, { e: b, m: organizer.email, r: 'ORGANIZER' }, as)),
      registerAttendee: codeOf(
        await t.gql(
          REGISTER,
          { e: b, i: { email: 'x@test.example', firstName: 'X', lastName: 'Y', accessLevel: 'FULL_CONFERENCE' } },
          as,
        ),
      ),
      createCheckpoint: codeOf(
        await t.gql(CHECKPOINT, { e: b, i: { name: 'B door', kind: 'ENTRANCE', allowed: ['FULL_CONFERENCE'] } }, as),
      ),
      updateEdition: codeOf(await t.gql(BACK_OFFICE.updateEdition, { id: b }, as)),
      updateRoom: codeOf(await t.gql(BACK_OFFICE.updateRoom, { id: bRoom.id }, as)),
      updateTrack: codeOf(await t.gql(BACK_OFFICE.updateTrack, { id: bTrack.id }, as)),
      updateSpeaker: codeOf(await t.gql(BACK_OFFICE.updateSpeaker, { id: bSpeaker.id }, as)),
      revokeRole: codeOf(await t.gql(BACK_OFFICE.revokeRole, { e: b, m: 'admin@test.example' }, as)),
      editionRoles: codeOf(await t.gql(BACK_OFFICE.editionRoles, { e: b }, as)),
      deleteSession: codeOf(await t.gql(BACK_OFFICE.deleteSession, { id: bDraft.id }, as)),
      attendees: codeOf(await t.gql(BACK_OFFICE.attendees, { e: b }, as)),
      scheduleChangeLog: codeOf(await t.gql(BACK_OFFICE.scheduleChangeLog, { e: b }, as)),
      retryWebhookDelivery: codeOf(await t.gql(BACK_OFFICE.retryWebhookDelivery, { id: bDelivery.id }, as)),
    };
    expect(refused).toEqual({
      createRoom: 'FORBIDDEN',
      createSession: 'FORBIDDEN',
      createSpeaker: 'FORBIDDEN',
      updateSession: 'FORBIDDEN',
      cancelSession: 'FORBIDDEN',
      grantRole: 'FORBIDDEN',
      registerAttendee: 'FORBIDDEN',
      createCheckpoint: 'FORBIDDEN',
      updateEdition: 'FORBIDDEN',
      updateRoom: 'FORBIDDEN',
      updateTrack: 'FORBIDDEN',
      updateSpeaker: 'FORBIDDEN',
      revokeRole: 'FORBIDDEN',
      editionRoles: 'FORBIDDEN',
      deleteSession: 'FORBIDDEN',
      attendees: 'FORBIDDEN',
      scheduleChangeLog: 'FORBIDDEN',
      retryWebhookDelivery: 'FORBIDDEN',
    });
    expect((await t.ok(ATTENDEE, { id: bAttendee.id }, as)).attendee).toBeNull();
    // Nothing changed in B.
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
