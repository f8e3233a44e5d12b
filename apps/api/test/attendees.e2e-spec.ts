import { Logger } from '@nestjs/common';
import { codeOf, TestApp } from './test-app';

const REGISTER = `mutation($e: ID!, $i: AttendeeInput!) { registerAttendee(editionId: $e, input: $i) { id email firstName lastName company accessLevel checkedInAt } }`;
const IMPORT = `mutation($e: ID!, $rows: [AttendeeImportRow!]!) { importAttendees(editionId: $e, rows: $rows) { created updated unchanged refused rows { row email outcome reason attendeeId } } }`;
const MY_ATTENDEE = `query($e: ID!) { myAttendee(editionId: $e) { id email firstName accessLevel } }`;
const ATTENDEE = `query($id: ID!) { attendee(id: $id) { id email } }`;

describe('attendees', () => {
  let t: TestApp;
  let admin: string;
  let editionId: string;

  beforeAll(async () => {
    t = await TestApp.create();
    admin = await t.factory.admin();
    editionId = (await t.factory.edition()).id;
  });
  afterAll(() => t.close());

  it('registers an attendee (organizers only) and updates the registration with the same email', async () => {
    const input = {
      email: ' Grace.Hopper@Example.com ',
      firstName: 'Grace',
      lastName: 'Hopper',
      company: 'Navy',
      accessLevel: 'FULL_CONFERENCE',
    };
    const first = await t.ok(REGISTER, { e: editionId, i: input }, admin);
    expect(first.registerAttendee).toMatchObject({
      email: 'grace.hopper@example.com',
      firstName: 'Grace',
      company: 'Navy',
      accessLevel: 'FULL_CONFERENCE',
      checkedInAt: null,
    });
    const again = await t.ok(REGISTER, { e: editionId, i: { ...input, accessLevel: 'PRESS' } }, admin);
    expect(again.registerAttendee).toMatchObject({ id: first.registerAttendee.id, accessLevel: 'PRESS' });

    const someone = await t.factory.user();
    expect(codeOf(await t.gql(REGISTER, { e: editionId, i: input }, someone.token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(REGISTER, { e: editionId, i: input }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(REGISTER, { e: editionId, i: { ...input, email: 'not-an-email' } }, admin))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await t.gql(REGISTER, { e: editionId, i: { ...input, accessLevel: 'VIP' } }, admin))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await t.gql(REGISTER, { e: '00000000-0000-4000-8000-000000000000', i: input }, admin))).toBe(
      'NOT_FOUND',
    );
  });

  it('links a registration to the account with the same email, whether it signs up before or after', async () => {
    const early = await t.factory.user('Early Bird');
    const { id: earlyId } = await t.factory.attendee(editionId, { email: early.email });
    expect((await t.ok(MY_ATTENDEE, { e: editionId }, early.token)).myAttendee).toMatchObject({
      id: earlyId,
      email: early.email,
    });

    const email = `late-${Date.now()}@test.example`;
    const { id: lateId } = await t.factory.attendee(editionId, { email, firstName: 'Late' });
    const late = await t.factory.user('Late Comer', email.toUpperCase());
    expect((await t.ok(MY_ATTENDEE, { e: editionId }, late.token)).myAttendee).toMatchObject({
      id: lateId,
      firstName: 'Late',
    });

    // attendee(id): the attendee and the organizers, nobody else.
    expect((await t.ok(ATTENDEE, { id: lateId }, late.token)).attendee.id).toBe(lateId);
    expect((await t.ok(ATTENDEE, { id: lateId }, admin)).attendee.id).toBe(lateId);
    expect((await t.ok(ATTENDEE, { id: lateId }, early.token)).attendee).toBeNull();
    expect((await t.ok(MY_ATTENDEE, { e: editionId }, (await t.factory.user()).token)).myAttendee).toBeNull();
  });

  it('imports rows idempotently by email, reporting each row: created, updated, unchanged or refused and why', async () => {
    const rows = [
      { email: 'one@import.example', firstName: 'One', lastName: 'Row', accessLevel: 'full conference' },
      { email: 'two@import.example', firstName: 'Two', lastName: 'Row', accessLevel: 'Expo-Only', company: 'Acme' },
      { email: 'broken-at-example', firstName: 'Bad', lastName: 'Email', accessLevel: 'PRESS' },
      { email: 'three@import.example', firstName: 'Three', lastName: 'Row', accessLevel: 'Platinum' },
      { email: 'ONE@import.example', firstName: 'Again', lastName: 'Row', accessLevel: 'PRESS' },
      { email: 'four@import.example', firstName: '', lastName: 'Row', accessLevel: 'PRESS' },
    ];
    const first = (await t.ok(IMPORT, { e: editionId, rows }, admin)).importAttendees;
    expect(first).toMatchObject({ created: 2, updated: 0, unchanged: 0, refused: 4 });
    expect(first.rows.map((r: { outcome: string }) => r.outcome)).toEqual([
      'CREATED',
      'CREATED',
      'REFUSED',
      'REFUSED',
      'REFUSED',
      'REFUSED',
    ]);
    expect(first.rows[2].reason).toMatch(/not an email/);
    expect(first.rows[3].reason).toMatch(/unknown access level "Platinum"/);
    expect(first.rows[4].reason).toMatch(/duplicate row: the same email as row 1/);
    expect(first.rows[5].reason).toMatch(/name/);

    const second = (
      await t.ok(IMPORT, { e: editionId, rows: [rows[0], { ...rows[1], company: 'Acme Health' }] }, admin)
    ).importAttendees;
    expect(second).toMatchObject({ created: 0, updated: 1, unchanged: 1, refused: 0 });
    expect(second.rows.map((r: { attendeeId: string }) => r.attendeeId)).toEqual([
      first.rows[0].attendeeId,
      first.rows[1].attendeeId,
    ]);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM attendee WHERE edition_id = $1 AND email LIKE '%@import.example'`,
      [editionId],
    );
    expect(n).toBe(2);
  });

  it('takes a CSV upload over HTTP from organizers, keeping every good row of a large file with bad rows in it', async () => {
    const lines = ['Email,First Name,Last Name,Company,Job Title,Access Level'];
    for (let i = 0; i < 5000; i++)
      lines.push(
        `csv${i}@bulk.example,"First ${i}","Last, ${i}",Hospital ${i % 7},Nurse,${i % 10 === 0 ? 'EXPO_ONLY' : 'FULL_CONFERENCE'}`,
      );
    lines[1001] = 'not-an-email,Bad,Row,,,FULL_CONFERENCE';
    lines[2500] = 'csv2499@bulk.example,Bad,Level,,,GOLD';
    const csv = lines.join('\r\n');
    const upload = (token?: string, body = csv, type = 'text/csv') => {
      const req = t.http.post(`/editions/${editionId}/attendees/import`).set('Content-Type', type);
      return (token ? req.set('Authorization', `Bearer ${token}`) : req).send(body);
    };
    const res = await upload(admin);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 4998, refused: 2 });
    expect(res.body.rows[1000]).toMatchObject({ row: 1001, outcome: 'REFUSED' });
    expect(res.body.rows[2499]).toMatchObject({ row: 2500, outcome: 'REFUSED', reason: expect.stringMatching(/GOLD/) });
    const [row] = await t.db.query(
      `SELECT last_name, company, access_level FROM attendee WHERE edition_id = $1 AND email = 'csv4990@bulk.example'`,
      [editionId],
    );
    expect(row).toEqual({ last_name: 'Last, 4990', company: 'Hospital 6', access_level: 'EXPO_ONLY' });

    expect((await upload(admin)).body).toMatchObject({ created: 0, unchanged: 4998, refused: 2 });
    expect((await upload((await t.factory.user()).token)).status).toBe(403);
    expect((await upload()).status).toBe(401);
    const noEmail = await upload(admin, 'name,company\nAda,Acme');
    expect(noEmail.status).toBe(400);
    expect(noEmail.body.code).toBe('BAD_USER_INPUT');
    expect((await upload(admin, JSON.stringify({ rows: [] }), 'application/json')).status).toBe(400);
  });

  it('keeps every other row when a chunk fails in the database: only the failing row is refused, and importing again completes it', async () => {
    const e = (await t.factory.edition()).id;
    // A row that passes every check but that PostgreSQL refuses (as a new constraint or a trigger might), in the last of three chunks.
    await t.db.query(
      `CREATE FUNCTION test_poison_attendee() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.email LIKE 'poison%' THEN RAISE EXCEPTION 'poisoned row'; END IF; RETURN NEW; END $$`,
    );
    await t.db.query(
      `CREATE TRIGGER test_poison_attendee BEFORE INSERT OR UPDATE ON attendee FOR EACH ROW EXECUTE FUNCTION test_poison_attendee()`,
    );
    const warned = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const rows = Array.from({ length: 2500 }, (_, i) => ({
      email: `m${String(i).padStart(4, '0')}@chunks.example`,
      firstName: 'C',
      lastName: `Row ${i}`,
      accessLevel: 'EXPO_ONLY',
    }));
    rows.splice(1500, 0, {
      email: 'poison@chunks.example',
      firstName: 'P',
      lastName: 'Oison',
      accessLevel: 'EXPO_ONLY',
    }); // row 1501; written in email order, so in the third chunk
    let first;
    let warnings: string[] = [];
    try {
      first = (await t.ok(IMPORT, { e, rows }, admin)).importAttendees;
    } finally {
      await t.db.query(`DROP TRIGGER test_poison_attendee ON attendee`);
      await t.db.query(`DROP FUNCTION test_poison_attendee()`);
      warnings = warned.mock.calls.map((c) => String(c[0]));
      warned.mockRestore();
    }
    expect({ created: first.created, refused: first.refused }).toEqual({ created: 2500, refused: 1 });
    const refused = first.rows.filter((r: { outcome: string }) => r.outcome === 'REFUSED');
    expect(refused).toEqual([
      {
        row: 1501,
        email: 'poison@chunks.example',
        outcome: 'REFUSED',
        reason: 'could not be saved; import the row again',
        attendeeId: null,
      },
    ]);
    expect(warnings.filter((w) => /a chunk of \d+ rows failed/.test(w))).toEqual([
      expect.stringMatching(/^attendee import: a chunk of 501 rows failed/),
    ]); // one chunk fell back to rows, the others were written whole
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM attendee WHERE edition_id = $1`, [e]);
    expect(n).toBe(2500);

    const again = (await t.ok(IMPORT, { e, rows }, admin)).importAttendees;
    expect({ created: again.created, unchanged: again.unchanged, refused: again.refused }).toEqual({
      created: 1,
      unchanged: 2500,
      refused: 0,
    });
  });
});
