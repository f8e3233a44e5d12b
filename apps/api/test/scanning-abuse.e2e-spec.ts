import { chicagoDay } from './factory';
import { codeOf, TestApp } from './test-app';

const SCAN = `mutation($i: ScanInput!) { scanBadge(input: $i) { outcome reason scan { scannedAt } } }`;
const SYNC = `mutation($c: ID!, $s: [OfflineScanInput!]!) { syncScans(checkpointId: $c, scans: $s) { admitted rejected results { outcome reason } } }`;
const SYNC_LEADS = `mutation($x: ID!, $s: [OfflineLeadInput!]!) { syncLeads(exhibitorId: $x, scans: $s) { ok reason } }`;
const CAPTURE = `mutation($i: LeadInput!) { captureLead(input: $i) { id contactHidden attendee { firstName lastName email company jobTitle } } }`;
const LEADS = `query($x: ID!) { leads(exhibitorId: $x) { edges { node { notes contactHidden attendee { firstName lastName email company jobTitle } } } } }`;
const CSV_URL = `query($x: ID!) { leadsCsvUrl(exhibitorId: $x) }`;

/**
 * Times decide scans (a door's hours, whether a revoked badge still counted), so the times a
 * scanner claims are not trusted: live scans use the server's clock, offline ones must be
 * plausible, and impossible dates are BAD_USER_INPUT everywhere. Lead contacts stay with the
 * exhibitor's admins when it keeps exports to them.
 */
describe('scan times and lead contacts (abuse)', () => {
  let t: TestApp;
  let admin: string;
  let editionId: string;
  let door: string;
  let staff: string;

  /** An attendee with an ACTIVE badge (rendered by the worker). */
  const badged = (input: Record<string, string> = {}) => t.factory.badgedAttendee(editionId, input);
  const scan = (code: string, scannedAt?: string) =>
    t.gql(SCAN, { i: { checkpointId: door, code, ...(scannedAt ? { scannedAt } : {}) } }, staff);

  beforeAll(async () => {
    t = await TestApp.create();
    await t.startWorker();
    admin = await t.factory.admin();
    editionId = (await t.factory.edition({ startsOn: chicagoDay(-2), endsOn: chicagoDay(2) })).id;
    await t.ok(
      `mutation($e: ID!) { grantRole(editionId: $e, email: "door@test.example", role: STAFF) }`,
      { e: editionId },
      admin,
    );
    staff = await t.factory.tokenFor('door@test.example');
    door = (
      await t.ok(
        `mutation($e: ID!) { createCheckpoint(editionId: $e, input: { name: "Main", kind: ENTRANCE, allowed: [FULL_CONFERENCE] }) { id } }`,
        { e: editionId },
        admin,
      )
    ).createCheckpoint.id;
  });
  afterAll(() => t.close());

  it('judges a live scan at the server clock: a back-dated revoked badge stays REVOKED, 1970 and 9999 are not stored', async () => {
    const lost = await badged({ firstName: 'Lost' });
    await t.ok(`mutation($a: ID!) { reissueBadge(attendeeId: $a) { id } }`, { a: lost.id }, admin);
    for (const claimed of [
      '1970-01-01T00:00:00Z',
      new Date(Date.now() - 86_400_000).toISOString(),
      '9999-12-31T23:59:59Z',
    ]) {
      expect((await scan(lost.code, claimed)).data!.scanBadge).toMatchObject({
        outcome: 'REJECTED',
        reason: 'REVOKED',
      });
    }
    const fine = await badged({ firstName: 'Fine' });
    const before = Date.now();
    const admitted = (await scan(fine.code, '1970-01-01T00:00:00Z')).data!.scanBadge;
    expect(admitted.outcome).toBe('ADMITTED');
    expect(Math.abs(Date.parse(admitted.scan.scannedAt) - before)).toBeLessThan(10_000);
    const [{ oldest, newest }] = await t.db.query(
      `SELECT min(scanned_at) AS oldest, max(scanned_at) AS newest FROM scan WHERE checkpoint_id = $1`,
      [door],
    );
    expect(Date.now() - oldest.getTime()).toBeLessThan(120_000);
    expect(newest.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('refuses dates that do not exist or are not ISO date-times, as variables and literals, on any DateTime argument', async () => {
    const fine = await badged({ firstName: 'Calendar' });
    for (const bad of [
      '2027-02-30T10:00:00Z',
      '2027-13-01T10:00:00Z',
      '2027-03-08T24:30:00Z',
      '2027-03-08',
      'yesterday',
      '1710000000000',
      '2027-03-08T10:00:00',
    ]) {
      expect([bad, codeOf(await scan(fine.code, bad))]).toEqual([bad, 'BAD_USER_INPUT']);
      expect([
        bad,
        codeOf(await t.gql(SYNC, { c: door, s: [{ code: fine.code, clientScanId: 'x', scannedAt: bad }] }, staff)),
      ]).toEqual([bad, 'BAD_USER_INPUT']);
    }
    const literal = await t.gql(
      `mutation($c: ID!, $code: String!) { scanBadge(input: { checkpointId: $c, code: $code, scannedAt: "2027-02-30T10:00:00Z" }) { outcome } }`,
      { c: door, code: fine.code },
      staff,
    );
    expect(codeOf(literal)).toBe('BAD_USER_INPUT');
    const session = await t.gql(
      `mutation($e: ID!) { createSession(editionId: $e, input: { title: "T", format: EDUCATION, startsAt: "2027-02-30T16:00:00Z", endsAt: "2027-03-02T17:00:00Z" }) { id } }`,
      { e: editionId },
      admin,
    );
    expect(codeOf(session)).toBe('BAD_USER_INPUT');
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM scan WHERE checkpoint_id = $1 AND attendee_id = $2`,
      [door, fine.id],
    );
    expect(n).toBe(0);
  });

  it("takes offline times only within the edition's days and not after the upload; a revoked badge cannot be back-dated in", async () => {
    const revoked = await badged({ firstName: 'Revoked' });
    await t.ok(`mutation($a: ID!) { reissueBadge(attendeeId: $a) { id } }`, { a: revoked.id }, admin);
    const hour = 3600_000;
    for (const [i, when] of [
      '1970-01-01T00:00:00Z',
      `${chicagoDay(-9)}T15:00:00Z`,
      new Date(Date.now() + hour).toISOString(),
      '9999-12-31T23:59:59Z',
    ].entries()) {
      const res = await t.gql(
        SYNC,
        {
          c: door,
          s: [
            { code: revoked.code, clientScanId: `early-${i}`, scannedAt: new Date(Date.now() - 60_000).toISOString() },
            { code: revoked.code, clientScanId: `bad-${i}`, scannedAt: when },
          ],
        },
        staff,
      );
      expect([when, codeOf(res), res.errors?.[0].extensions?.index]).toEqual([when, 'BAD_USER_INPUT', 1]);
    }
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM scan WHERE checkpoint_id = $1 AND attendee_id = $2`,
      [door, revoked.id],
    );
    expect(n).toBe(0); // a refused upload records nothing
    // Within the bounds (a scanner clock a minute ahead included) an upload is judged at its own times.
    const ok = (
      await t.ok(
        SYNC,
        {
          c: door,
          s: [{ code: revoked.code, clientScanId: 'now', scannedAt: new Date(Date.now() + 60_000).toISOString() }],
        },
        staff,
      )
    ).syncScans;
    expect(ok.results).toEqual([{ outcome: 'REJECTED', reason: 'REVOKED' }]);

    const exhibitor = (
      await t.ok(
        `mutation($e: ID!) { createExhibitor(editionId: $e, input: { name: "Gamma" }) { id } }`,
        { e: editionId },
        admin,
      )
    ).createExhibitor.id;
    await t.ok(
      `mutation($e: ID!, $x: ID) { grantRole(editionId: $e, email: "rep@gamma.example", role: EXHIBITOR, exhibitorId: $x) }`,
      { e: editionId, x: exhibitor },
      admin,
    );
    const leads = await t.gql(
      SYNC_LEADS,
      { x: exhibitor, s: [{ code: revoked.code, clientScanId: 'l1', scannedAt: '1970-01-01T00:00:00Z' }] },
      await t.factory.tokenFor('rep@gamma.example'),
    );
    expect(codeOf(leads)).toBe('BAD_USER_INPUT');
  });

  it('keeps lead contacts to admins when exports are: the GraphQL list hides what the CSV link refuses', async () => {
    const x = (
      await t.ok(
        `mutation($e: ID!) { createExhibitor(editionId: $e, input: { name: "Delta", leadExportAdminsOnly: true }) { id } }`,
        { e: editionId },
        admin,
      )
    ).createExhibitor.id;
    await t.ok(
      `mutation($e: ID!, $x: ID) { grantRole(editionId: $e, email: "boss@delta.example", role: EXHIBITOR, exhibitorId: $x) }`,
      { e: editionId, x },
      admin,
    );
    const boss = await t.factory.tokenFor('boss@delta.example');
    await t.ok(
      `mutation($x: ID!) { addExhibitorStaff(exhibitorId: $x, email: "helper@delta.example") { email } }`,
      { x },
      boss,
    );
    const helper = await t.factory.tokenFor('helper@delta.example');
    const p = await badged({ firstName: 'Grace', lastName: 'Hopper', company: 'Navy' });

    const captured = (await t.ok(CAPTURE, { i: { exhibitorId: x, code: p.code, notes: 'Asked about COBOL' } }, helper))
      .captureLead;
    const hidden = { firstName: 'Grace', lastName: 'Hopper', email: '', company: null, jobTitle: null };
    expect(captured).toMatchObject({ contactHidden: true, attendee: hidden });
    expect(codeOf(await t.gql(CSV_URL, { x }, helper))).toBe('FORBIDDEN');
    expect((await t.ok(LEADS, { x }, helper)).leads.edges).toEqual([
      { node: { notes: 'Asked about COBOL', contactHidden: true, attendee: hidden } },
    ]);
    const updated = (
      await t.ok(
        `mutation($id: ID!) { updateLead(id: $id, rating: 4) { attendee { email company } } }`,
        { id: captured.id },
        helper,
      )
    ).updateLead;
    expect(updated.attendee).toEqual({ email: '', company: null });

    // The admin and the organizers see the contact, in the list and the CSV.
    for (const token of [boss, admin]) {
      expect((await t.ok(LEADS, { x }, token)).leads.edges[0].node).toMatchObject({
        contactHidden: false,
        attendee: { email: p.email, company: 'Navy' },
      });
    }
    const csv = await t.http.get((await t.ok(CSV_URL, { x }, boss)).leadsCsvUrl);
    expect(csv.text).toContain(p.email);
    // Exports open to all staff again: so are the contacts.
    await t.ok(
      `mutation($id: ID!) { updateExhibitor(id: $id, input: { name: "Delta", leadExportAdminsOnly: false }) { id } }`,
      { id: x },
      admin,
    );
    expect((await t.ok(LEADS, { x }, helper)).leads.edges[0].node).toMatchObject({
      contactHidden: false,
      attendee: { email: p.email, company: 'Navy' },
    });
  });
});
