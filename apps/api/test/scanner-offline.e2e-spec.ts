import { createPublicKey, randomUUID, verify } from 'node:crypto';
import { BadgeKeysService, encodeBadgeCode } from '@app/badges';
import { eventually } from '@app/testing';
import { chicagoDay } from './factory';
import { codeOf, TestApp } from './test-app';

const SCAN_FIELDS = `id scannedAt outcome reason deviceId late conflict annulledAt`;
const SCAN = `mutation($i: ScanInput!) { scanBadge(input: $i) { outcome reason scan { ${SCAN_FIELDS} } } }`;
const SYNC = `mutation($c: ID!, $s: [OfflineScanInput!]!, $d: String, $q: Int) {
  syncScans(checkpointId: $c, scans: $s, deviceId: $d, queued: $q) { admitted duplicates rejected results { outcome reason scan { ${SCAN_FIELDS} } } } }`;
const CHECKPOINT = `mutation($e: ID!, $i: CheckpointInput!) { createCheckpoint(editionId: $e, input: $i) { id } }`;
const STATS = `query($c: ID!) { checkpointStats(checkpointId: $c) {
  admitted admittedToday insideNow lastQuarterHour devices { deviceId scans admitted lastSeenAt queued } } }`;
const ANNUL = `mutation($s: ID!, $d: String!) { annulScan(scanId: $s, deviceId: $d) { ${SCAN_FIELDS} } }`;
const DATASET = `query($e: ID!, $since: String, $after: String, $first: Int) {
  scannerDataset(editionId: $e, since: $since, after: $after, first: $first) {
    bookmark keys { kid publicKey retired } revokedBadgeIds
    roster { badgeId version attendeeId name accessLevel revoked } endCursor hasNextPage } }`;

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

type Page = {
  bookmark: string;
  keys: { kid: string; publicKey: string; retired: boolean }[];
  revokedBadgeIds: string[];
  roster: { badgeId: string; version: number; attendeeId: string; name: string; revoked: boolean }[];
  endCursor: string | null;
  hasNextPage: boolean;
};

/** The offline-first door scanner's server side: devices, late and conflicting uploads, annulment, live figures, the offline dataset. */
describe('offline-first door scanner', () => {
  let t: TestApp;
  let admin: string;
  let editionId: string;
  let staff: string;
  let door: string;

  /** An attendee with an ACTIVE badge (rendered by the worker). */
  const badged = (input: Record<string, string> = {}) => t.factory.badgedAttendee(editionId, input);
  const scan = async (code: string, deviceId?: string, checkpointId = door) =>
    (await t.ok(SCAN, { i: { checkpointId, code, deviceId } }, staff)).scanBadge;
  const stats = async (c = door) => (await t.ok(STATS, { c }, staff)).checkpointStats;
  const annul = (scanId: string, deviceId: string, token = staff) => t.gql(ANNUL, { s: scanId, d: deviceId }, token);
  const newDoor = async (input: Record<string, unknown> = {}) =>
    (
      await t.ok(
        CHECKPOINT,
        {
          e: editionId,
          i: { name: `Door ${randomUUID().slice(0, 6)}`, kind: 'ENTRANCE', allowed: ['FULL_CONFERENCE'], ...input },
        },
        admin,
      )
    ).createCheckpoint.id as string;

  beforeAll(async () => {
    t = await TestApp.create();
    await t.startWorker();
    admin = await t.factory.admin();
    editionId = (await t.factory.edition({ startsOn: chicagoDay(-2), endsOn: chicagoDay(1) })).id;
    staff = (await t.factory.staff(editionId)).token;
    door = await newDoor();
  });
  afterAll(() => t.close());

  it('keeps the device of live and uploaded scans; flags late uploads and offline admissions the server judged otherwise', async () => {
    const gate = await newDoor();
    const [p, q] = [await badged(), await badged()];
    const live = await scan(p.code, 'tablet-1', gate);
    expect(live).toMatchObject({ outcome: 'ADMITTED', scan: { deviceId: 'tablet-1', late: false, conflict: false } });
    // Without deviceId the X-Device-Id header still names the device.
    const viaHeader = await t.gql(SCAN, { i: { checkpointId: gate, code: 'not a badge' } }, staff, {
      'x-device-id': 'handheld-9',
    });
    expect(viaHeader.data!.scanBadge.scan.deviceId).toBe('handheld-9');

    const upload = (
      await t.ok(
        SYNC,
        {
          c: gate,
          d: 'phone-2',
          q: 3,
          s: [
            // admitted offline 12 minutes ago, but p was admitted at the other device: a late conflict
            { code: p.code, clientScanId: 'ph2-1', scannedAt: minutesAgo(12), offlineOutcome: 'ADMITTED' },
            // admitted offline a minute ago and by the server too: neither late nor a conflict
            { code: q.code, clientScanId: 'ph2-2', scannedAt: minutesAgo(1), offlineOutcome: 'ADMITTED' },
            // a forged code the device refused offline: no conflict
            { code: 'CB1.forged', clientScanId: 'ph2-3', scannedAt: minutesAgo(11), offlineOutcome: 'REJECTED' },
          ],
        },
        staff,
      )
    ).syncScans;
    expect(upload.results.map((r: { outcome: string; scan: object }) => [r.outcome, r.scan])).toEqual([
      ['DUPLICATE', expect.objectContaining({ deviceId: 'phone-2', late: true, conflict: true })],
      ['ADMITTED', expect.objectContaining({ deviceId: 'phone-2', late: false, conflict: false })],
      ['REJECTED', expect.objectContaining({ deviceId: 'phone-2', late: true, conflict: false })],
    ]);
    const rows = await t.db.query(
      `SELECT client_scan_id, device_id, offline_outcome FROM scan WHERE checkpoint_id = $1 ORDER BY client_scan_id`,
      [gate],
    );
    expect(rows.filter((r: { client_scan_id: string }) => r.client_scan_id.startsWith('ph2-'))).toEqual([
      { client_scan_id: 'ph2-1', device_id: 'phone-2', offline_outcome: 'ADMITTED' },
      { client_scan_id: 'ph2-2', device_id: 'phone-2', offline_outcome: 'ADMITTED' },
      { client_scan_id: 'ph2-3', device_id: 'phone-2', offline_outcome: 'REJECTED' },
    ]);

    // Per-device figures, with the queue length the device reported.
    const figures = await stats(gate);
    expect(figures.devices).toEqual([
      expect.objectContaining({ deviceId: 'handheld-9', scans: 1, admitted: 0, queued: null }),
      expect.objectContaining({ deviceId: 'phone-2', scans: 3, admitted: 1, queued: 3 }),
      expect.objectContaining({ deviceId: 'tablet-1', scans: 1, admitted: 1, queued: null }),
    ]);
    for (const d of figures.devices) expect(Date.now() - Date.parse(d.lastSeenAt)).toBeLessThan(60_000);
    expect(figures).toMatchObject({ admitted: 2, admittedToday: 2, insideNow: 2, lastQuarterHour: 2 });
    // A later report of an empty queue replaces the figure.
    await t.ok(SYNC, { c: gate, d: 'phone-2', q: 0, s: [] }, staff);
    expect((await stats(gate)).devices.find((d: { deviceId: string }) => d.deviceId === 'phone-2').queued).toBe(0);
  });

  it('keeps every failed scan in the audit trail with its reason', async () => {
    const gate = await newDoor({ allowed: ['FULL_CONFERENCE'] });
    const closed = await newDoor({ closesAt: minutesAgo(60) });
    const expo = await badged({ accessLevel: 'EXPO_ONLY' });
    const lost = await badged();
    await t.ok(`mutation($a: ID!) { reissueBadge(attendeeId: $a) { id } }`, { a: lost.id }, admin);
    const key = await t.app.get(BadgeKeysService).signingKey(editionId);
    const unknown = encodeBadgeCode(editionId, { kid: key.kid, badgeId: randomUUID(), version: 1 }, key.privateKey);
    const elsewhere = (await t.factory.edition()).id;
    const otherKey = await t.app.get(BadgeKeysService).signingKey(elsewhere);
    const foreign = encodeBadgeCode(
      elsewhere,
      { kid: otherKey.kid, badgeId: randomUUID(), version: 1 },
      otherKey.privateKey,
    );
    const good = await badged();
    const cases: [string, string, string][] = [
      ['hello, not a badge', gate, 'INVALID_CODE'],
      [expo.code, gate, 'NOT_ALLOWED'],
      [lost.code, gate, 'REVOKED'],
      [unknown, gate, 'UNKNOWN_BADGE'],
      [foreign, gate, 'WRONG_EDITION'],
      [good.code, closed, 'CLOSED'],
    ];
    for (const [code, at, reason] of cases) {
      const answer = await scan(code, 'audit-1', at);
      expect([answer.outcome, answer.reason]).toEqual(['REJECTED', reason]);
      const [row] = await t.db.query(`SELECT outcome, reason, device_id, scanned_by FROM scan WHERE id = $1`, [
        answer.scan.id,
      ]);
      expect(row).toMatchObject({ outcome: 'REJECTED', reason, device_id: 'audit-1' });
      expect(row.scanned_by).toMatch(/@test\.example$/);
    }
  });

  it('annuls an admission by the same device within 15 minutes: it stops counting and the badge is admitted again', async () => {
    const gate = await newDoor();
    const [p, q] = [await badged(), await badged()];
    const first = (await scan(p.code, 'turnstile-1', gate)).scan;
    await scan(q.code, 'turnstile-1', gate);
    expect(await stats(gate)).toMatchObject({ admitted: 2, admittedToday: 2, insideNow: 2, lastQuarterHour: 2 });

    expect(codeOf(await annul(first.id, 'turnstile-2'))).toBe('FORBIDDEN'); // another device
    const other = await t.factory.user('Not staff');
    expect(codeOf(await annul(first.id, 'turnstile-1', other.token))).toBe('FORBIDDEN');
    expect(codeOf(await annul(randomUUID(), 'turnstile-1'))).toBe('NOT_FOUND');

    const res = await annul(first.id, 'turnstile-1');
    expect(res.errors).toBeUndefined();
    const annulled = res.data!.annulScan;
    expect(annulled).toMatchObject({ id: first.id, outcome: 'ADMITTED', deviceId: 'turnstile-1' });
    expect(annulled.annulledAt).not.toBeNull();
    const again = await annul(first.id, 'turnstile-1');
    expect([codeOf(again), again.errors![0].extensions!.reason]).toEqual(['CONFLICT', 'ALREADY_ANNULLED']);
    const after = await stats(gate);
    expect(after).toMatchObject({ admitted: 1, admittedToday: 1, insideNow: 1, lastQuarterHour: 1 });
    expect(after.devices).toEqual([expect.objectContaining({ deviceId: 'turnstile-1', scans: 2, admitted: 1 })]);

    // The row stays for the audit trail; a rescan is admitted again, not a duplicate.
    const [row] = await t.db.query(`SELECT outcome, annulled_at FROM scan WHERE id = $1`, [first.id]);
    expect(row.outcome).toBe('ADMITTED');
    expect(row.annulled_at).not.toBeNull();
    const rescan = await scan(p.code, 'turnstile-1', gate);
    expect(rescan.outcome).toBe('ADMITTED');
    expect(await stats(gate)).toMatchObject({ admitted: 2, admittedToday: 2 });
    const unique = await t.ok(
      `query($e: ID!) { venueStats(editionId: $e) { uniqueAttendees } }`,
      { e: editionId },
      staff,
    );
    expect(unique.venueStats.uniqueAttendees).toBeGreaterThanOrEqual(2);

    // A duplicate is not an admission; past the window nothing can be annulled.
    const dup = (await scan(p.code, 'turnstile-1', gate)).scan;
    const notAdmission = await annul(dup.id, 'turnstile-1');
    expect([codeOf(notAdmission), notAdmission.errors![0].extensions!.reason]).toEqual([
      'BAD_USER_INPUT',
      'NOT_ADMITTED',
    ]);
    await t.db.query(`UPDATE scan SET scanned_at = scanned_at - interval '16 minutes' WHERE id = $1`, [rescan.scan.id]);
    const late = await annul(rescan.scan.id, 'turnstile-1');
    expect([codeOf(late), late.errors![0].extensions!.reason]).toEqual(['BAD_USER_INPUT', 'WINDOW_CLOSED']);
    // Signed out: UNAUTHENTICATED.
    expect(codeOf(await t.gql(ANNUL, { s: rescan.scan.id, d: 'turnstile-1' }))).toBe('UNAUTHENTICATED');
  });

  it('counts inside now as entries minus exits in a session room that scans exits', async () => {
    const sessionId = (
      await t.ok(
        `mutation($e: ID!, $i: SessionInput!) { createSession(editionId: $e, input: $i) { id } }`,
        {
          e: editionId,
          i: {
            title: 'Exits',
            format: 'EDUCATION',
            startsAt: new Date(Date.now() - 3600_000).toISOString(),
            endsAt: new Date(Date.now() + 3600_000).toISOString(),
          },
        },
        admin,
      )
    ).createSession.id;
    const room = await newDoor({ kind: 'SESSION_ROOM', sessionId, exitScanning: true });
    const [p, q] = [await badged(), await badged()];
    await scan(p.code, 'room-1', room);
    await scan(q.code, 'room-1', room);
    expect((await scan(p.code, 'room-1', room)).reason).toBe('EXIT');
    expect(await stats(room)).toMatchObject({ admittedToday: 2, insideNow: 1, lastQuarterHour: 2 });
  });

  it('serves the offline dataset in keyset pages; a change made while paging comes in the next delta', async () => {
    const edition = (await t.factory.edition({ startsOn: chicagoDay(-1), endsOn: chicagoDay(1) })).id;
    const people: Awaited<ReturnType<typeof badged>>[] = [];
    for (let i = 0; i < 5; i++)
      people.push(await t.factory.badgedAttendee(edition, { firstName: `Roster${i}`, lastName: 'Person' }));
    await t.factory.staff(edition, 'Dataset staff');
    const page = async (vars: Record<string, unknown>, token = admin): Promise<Page> =>
      (await t.ok(DATASET, { e: edition, ...vars }, token)).scannerDataset;

    const first = await page({ first: 2 });
    expect(first.roster).toHaveLength(2);
    expect(first.hasNextPage).toBe(true);
    expect(first.keys).toHaveLength(1);
    expect(first.keys[0].retired).toBe(false);
    expect([...first.roster.map((r) => r.badgeId)]).toEqual([...first.roster.map((r) => r.badgeId)].sort());

    // The key and the documented message verify a code offline.
    const person = people.find((p) => p.badgeId === first.roster[0].badgeId)!;
    expect(first.roster[0]).toMatchObject({ version: 1, attendeeId: person.id, revoked: false });
    expect(first.roster[0].name).toMatch(/^Roster\d Person$/);
    const bytes = Buffer.from(person.code.slice(4), 'base64url');
    expect(bytes.subarray(0, 4).toString('base64url')).toBe(first.keys[0].kid);
    const message = Buffer.concat([
      Buffer.from('CB1'),
      Buffer.from(edition.replace(/-/g, ''), 'hex'),
      bytes.subarray(0, 22),
    ]);
    const publicKey = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: first.keys[0].publicKey },
      format: 'jwk',
    });
    expect(verify(null, message, publicKey, bytes.subarray(22))).toBe(true);

    // Between pages a badge already read is revoked (reissued).
    const changed = people.find((p) => p.badgeId === first.roster[1].badgeId)!;
    await t.ok(`mutation($a: ID!) { reissueBadge(attendeeId: $a) { id } }`, { a: changed.id }, admin);
    const seen = [...first.roster];
    let cursor = first.endCursor;
    let more = first.hasNextPage;
    while (more) {
      const next = await page({ first: 2, after: cursor });
      expect(next.bookmark).toBe(first.bookmark); // the cursor carries the sync's bookmark
      seen.push(...next.roster);
      cursor = next.endCursor;
      more = next.hasNextPage;
    }
    // Every badge read once; the reissued badge's new version may already show on a later page (the
    // worker renders it at once), and only it.
    const ids = seen.map((r) => r.badgeId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of people) expect(ids).toContain(p.badgeId);
    expect(seen.filter((r) => !people.some((p) => p.badgeId === r.badgeId)).map((r) => r.attendeeId)).toEqual(
      seen.length > people.length ? [changed.id] : [],
    );
    expect(seen.find((r) => r.badgeId === changed.badgeId)!.revoked).toBe(false); // read before the change

    // The delta from the bookmark delivers the revocation and, once rendered, the new version.
    const delta = await eventually(
      () => page({ since: first.bookmark }),
      (d) => d.roster.some((r) => r.attendeeId === changed.id && r.version === 2),
    );
    expect(delta.revokedBadgeIds).toContain(changed.badgeId);
    expect(delta.roster).toContainEqual(expect.objectContaining({ badgeId: changed.badgeId, revoked: true }));
    expect(Date.parse(delta.bookmark)).toBeGreaterThanOrEqual(Date.parse(first.bookmark));

    // Bad input is refused with a code, never a 500.
    expect(codeOf(await t.gql(DATASET, { e: edition, after: 'nonsense' }, admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(DATASET, { e: edition, since: 'yesterday-ish' }, admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(DATASET, { e: edition, first: 5001 }, admin))).toBe('BAD_USER_INPUT');
    // An attendee is refused; signed out is UNAUTHENTICATED.
    expect(codeOf(await t.gql(DATASET, { e: edition }, people[0].token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(DATASET, { e: edition }))).toBe('UNAUTHENTICATED');
  });
});
