import { eventually } from '@app/testing';
import { DateTime } from 'luxon';
import { codeOf, TestApp } from './test-app';

const CHECKPOINT = `mutation($e: ID!, $i: CheckpointInput!) { createCheckpoint(editionId: $e, input: $i) { id } }`;
const UPDATE = `mutation($id: ID!, $i: CheckpointPatch!) { updateCheckpoint(id: $id, input: $i) { id name allowed opensAt closesAt } }`;
const SCAN = `mutation($i: ScanInput!) { scanBadge(input: $i) { outcome rejectReason } }`;
const RECENT = `query($c: ID!, $o: ScanOutcome, $x: Boolean, $n: Int) { recentScans(checkpointId: $c, outcome: $o, conflictsOnly: $x, first: $n) { outcome rejectReason conflict deviceId scannedAt } }`;
const SERIES = `query($c: ID!, $d: String) { admissionsSeries(checkpointId: $c, day: $d) { at admitted } }`;

/** The door dashboard's API (issue 20): edit / open / close a checkpoint, recent scans, admissions per 5 minutes. */
describe('door dashboard API', () => {
  let t: TestApp;
  let admin: string;
  let editionId: string;
  let door: string;
  let code: string;
  const today = () => DateTime.now().setZone('America/Chicago').toISODate()!;

  beforeAll(async () => {
    t = await TestApp.create();
    await t.startWorker();
    admin = await t.factory.admin();
    const day = (n: number) => DateTime.now().setZone('America/Chicago').plus({ days: n }).toISODate()!;
    editionId = (await t.factory.edition({ startsOn: day(-1), endsOn: day(1) })).id;
    door = (
      await t.ok(
        CHECKPOINT,
        { e: editionId, i: { name: 'Hall A door', kind: 'ENTRANCE', allowed: ['FULL_CONFERENCE'] } },
        admin,
      )
    ).createCheckpoint.id;
    const a = await t.factory.attendee(editionId, { accessLevel: 'FULL_CONFERENCE' });
    const { id } = (await t.ok(`mutation($a: ID!) { issueBadge(attendeeId: $a) { id } }`, { a: a.id }, admin))
      .issueBadge;
    code = (
      await eventually(
        async () => (await t.ok(`query($id: ID!) { badge(id: $id) { status code } }`, { id }, admin)).badge,
        (b) => b.status === 'ACTIVE',
      )
    ).code;
  });
  afterAll(() => t.close());

  it('edits a checkpoint, closes it (scans REJECTED CLOSED at once) and opens it again', async () => {
    const renamed = (
      await t.ok(UPDATE, { id: door, i: { name: 'Main door', allowed: ['FULL_CONFERENCE', 'EXPO_ONLY'] } }, admin)
    ).updateCheckpoint;
    expect(renamed).toMatchObject({ name: 'Main door', allowed: ['FULL_CONFERENCE', 'EXPO_ONLY'], closesAt: null });
    const closed = (await t.ok(UPDATE, { id: door, i: { closesAt: new Date().toISOString() } }, admin))
      .updateCheckpoint;
    expect(closed.closesAt).not.toBeNull();
    expect((await t.ok(SCAN, { i: { checkpointId: door, code, deviceId: 'tablet-1' } }, admin)).scanBadge).toEqual({
      outcome: 'REJECTED',
      rejectReason: 'CLOSED',
    });
    await t.ok(UPDATE, { id: door, i: { closesAt: null } }, admin);
    expect((await t.ok(SCAN, { i: { checkpointId: door, code, deviceId: 'tablet-1' } }, admin)).scanBadge.outcome).toBe(
      'ADMITTED',
    );
    const bad = await t.gql(
      UPDATE,
      { id: door, i: { opensAt: '2030-01-02T00:00:00Z', closesAt: '2030-01-01T00:00:00Z' } },
      admin,
    );
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
  });

  it('lists recent scans by outcome and the admissions per 5 minutes of the day', async () => {
    await t.ok(SCAN, { i: { checkpointId: door, code: 'not-a-badge', deviceId: 'tablet-2' } }, admin);
    const failed = (await t.ok(RECENT, { c: door, o: 'REJECTED' }, admin)).recentScans;
    expect(failed.map((s: { rejectReason: string }) => s.rejectReason)).toEqual(['INVALID_CODE', 'CLOSED']);
    expect(failed[0]).toMatchObject({ deviceId: 'tablet-2', conflict: false });
    expect((await t.ok(RECENT, { c: door, n: 1 }, admin)).recentScans).toHaveLength(1);
    expect((await t.ok(RECENT, { c: door, x: true }, admin)).recentScans).toEqual([]);
    const series = (await t.ok(SERIES, { c: door }, admin)).admissionsSeries;
    expect(series).toHaveLength(1);
    expect(series[0].admitted).toBe(1);
    expect(new Date(series[0].at).getTime() % (5 * 60_000)).toBe(0);
    expect(
      (await t.ok(SERIES, { c: door, d: DateTime.fromISO(today()).minus({ days: 1 }).toISODate() }, admin))
        .admissionsSeries,
    ).toEqual([]);
  });

  it('refuses all three to anyone but the organizers (door staff included)', async () => {
    const staff = await t.factory.user('Door Staff');
    await t.ok(
      `mutation($e: ID!, $m: String!) { grantRole(editionId: $e, email: $m, role: STAFF) }`,
      { e: editionId, m: staff.email },
      admin,
    );
    for (const token of [staff.token, undefined]) {
      expect(codeOf(await t.gql(UPDATE, { id: door, i: { closesAt: null } }, token))).toMatch(
        /FORBIDDEN|UNAUTHENTICATED/,
      );
      expect(codeOf(await t.gql(RECENT, { c: door }, token))).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
      expect(codeOf(await t.gql(SERIES, { c: door }, token))).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
  });
});
