import { randomUUID } from 'node:crypto';
import { BadgeKeysService, encodeBadgeCode } from '@app/badges';
import { Principal } from '@app/core';
import { CheckpointKind, RejectReason, ScanningModule, ScanningService, ScanOutcome } from '@app/scanning';
import { ServiceTier } from '@app/testing';
import { AccessLevel } from '@app/attendees';

/** YYYY-MM-DD, `days` from today (UTC): offline scans must fall on the edition's days and not after the upload. */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The door rules on ScanningService and a real database: admitted once, duplicates, every reject reason, offline uploads once. */
describe('ScanningService (door rules)', () => {
  let tier: ServiceTier;
  let scanning: ScanningService;
  let editionId: string;
  let staff: Principal;
  let door: string;

  /** An attendee with an ACTIVE badge signed with the edition's key; its code is what a scanner reads. */
  async function badged(edition = editionId, accessLevel = AccessLevel.FULL_CONFERENCE, status = 'ACTIVE') {
    const attendee = await tier.attendee(edition, { access_level: accessLevel });
    const badge = await tier.insert('badge', {
      edition_id: edition,
      attendee_id: attendee.id,
      version: 1,
      status,
      activated_at: new Date(),
      ...(status === 'REVOKED' ? { revoked_at: new Date(Date.now() - 60_000) } : {}),
    });
    const key = await tier.get(BadgeKeysService).signingKey(edition);
    const code = encodeBadgeCode(edition, { kid: key.kid, badgeId: badge.id, version: 1 }, key.privateKey);
    await tier.sql(`UPDATE badge SET code = $2 WHERE id = $1`, [badge.id, code]);
    return { id: attendee.id, code };
  }
  const checkpoint = async (
    input: {
      kind?: CheckpointKind;
      allowed?: AccessLevel[];
      closesAt?: Date;
      sessionId?: string;
      exitScanning?: boolean;
    } = {},
  ) =>
    (
      await scanning.createCheckpoint(await tier.organizer(editionId), editionId, {
        name: `Door ${randomUUID().slice(0, 8)}`,
        kind: CheckpointKind.ENTRANCE,
        allowed: [AccessLevel.FULL_CONFERENCE],
        ...input,
      })
    ).id;
  const scan = (code: string, clientScanId?: string, at = door) =>
    scanning.scan(staff, { checkpointId: at, code, clientScanId }, 'scanner-1');
  const checkedIn = async (attendeeId: string) =>
    (
      await tier.sql<{ checked_in_at: Date | null }>(`SELECT checked_in_at FROM attendee WHERE id = $1`, [attendeeId])
    )[0].checked_in_at;

  beforeAll(async () => {
    tier = await ServiceTier.create({ imports: [ScanningModule], queues: true });
    scanning = tier.get(ScanningService);
    editionId = (await tier.edition({ timezone: 'UTC', starts_on: day(-2), ends_on: day(2) })).id;
    staff = await tier.withRole(editionId, 'STAFF');
    door = await checkpoint();
  });
  afterAll(() => tier.close());

  it('admits a badge once a day and checks its attendee in; then DUPLICATE with the first admission; a retried scan id answers its first result', async () => {
    const p = await badged();
    const first = await scan(p.code, 'dev-1');
    expect(first).toMatchObject({
      outcome: ScanOutcome.ADMITTED,
      reason: null,
      rejectReason: null,
      attendee: { id: p.id },
    });
    expect(await checkedIn(p.id)).toEqual(first.scan.scannedAt);
    expect(first.attendee!.checkedInAt).toEqual(first.scan.scannedAt);

    const retry = await scan(p.code, 'dev-1');
    expect(retry).toMatchObject({ outcome: ScanOutcome.ADMITTED, scan: { id: first.scan.id } });
    const again = await scan(p.code);
    expect(again).toMatchObject({
      outcome: ScanOutcome.DUPLICATE,
      attendee: { id: p.id },
      firstAdmittedAt: first.scan.scannedAt,
    });
    // A duplicate does not move the check-in.
    expect(await checkedIn(p.id)).toEqual(first.scan.scannedAt);
    expect(
      await tier.sql(`SELECT outcome FROM scan WHERE checkpoint_id = $1 AND attendee_id = $2 ORDER BY scanned_at`, [
        door,
        p.id,
      ]),
    ).toEqual([{ outcome: 'ADMITTED' }, { outcome: 'DUPLICATE' }]);
  });

  it('admits exactly one of many scans of one badge arriving at once (one batch), and stamps one check-in', async () => {
    const p = await badged();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => scan(p.code, `burst-${i}`)));
    expect(results.map((r) => r.outcome).sort()).toEqual([
      ScanOutcome.ADMITTED,
      ...Array<ScanOutcome>(7).fill(ScanOutcome.DUPLICATE),
    ]);
    const admitted = results.find((r) => r.outcome === ScanOutcome.ADMITTED)!;
    expect(await checkedIn(p.id)).toEqual(admitted.scan.scannedAt);
    expect(
      results
        .filter((r) => r.outcome === ScanOutcome.DUPLICATE)
        .every((r) => r.firstAdmittedAt?.getTime() === admitted.scan.scannedAt.getTime()),
    ).toBe(true);
  });

  it('rejects with a reason (text and enum) and checks no one in: garbage, another edition, revoked, unknown, not allowed, closed', async () => {
    const expectRejected = async (code: string, reason: RejectReason, at = door) => {
      const result = await scan(code, undefined, at);
      expect([result.outcome, result.reason, result.rejectReason, result.scan.rejectReason]).toEqual([
        ScanOutcome.REJECTED,
        reason,
        reason,
        reason,
      ]);
      return result;
    };
    await expectRejected('not a badge', RejectReason.INVALID_CODE);
    await expectRejected((await badged((await tier.edition()).id)).code, RejectReason.WRONG_EDITION);
    const revoked = await badged(editionId, AccessLevel.FULL_CONFERENCE, 'REVOKED');
    expect((await expectRejected(revoked.code, RejectReason.REVOKED)).attendee?.id).toBe(revoked.id);
    const key = await tier.get(BadgeKeysService).signingKey(editionId);
    await expectRejected(
      encodeBadgeCode(editionId, { kid: key.kid, badgeId: randomUUID(), version: 1 }, key.privateKey),
      RejectReason.UNKNOWN_BADGE,
    );
    const expo = await badged(editionId, AccessLevel.EXPO_ONLY);
    await expectRejected(expo.code, RejectReason.NOT_ALLOWED);
    const closed = await badged();
    await expectRejected(
      closed.code,
      RejectReason.CLOSED,
      await checkpoint({ closesAt: new Date(Date.now() - 60_000) }),
    );
    for (const id of [revoked.id, expo.id, closed.id]) expect(await checkedIn(id)).toBeNull();
  });

  it('keeps admissions and check-ins together: when the check-in fails, the admission is not written either', async () => {
    const p = await badged();
    await tier.sql(
      `CREATE FUNCTION refuse_checkin() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'check-in refused'; END $$`,
    );
    await tier.sql(
      `CREATE TRIGGER refuse_checkin BEFORE UPDATE OF checked_in_at ON attendee FOR EACH ROW WHEN (NEW.id = '${p.id}'::uuid) EXECUTE FUNCTION refuse_checkin()`,
    );
    try {
      await expect(scan(p.code, 'atomic-1')).rejects.toThrow('check-in refused');
      expect(await tier.sql(`SELECT 1 FROM scan WHERE client_scan_id = 'atomic-1'`)).toHaveLength(0);
    } finally {
      await tier.sql(`DROP TRIGGER refuse_checkin ON attendee`);
      await tier.sql(`DROP FUNCTION refuse_checkin()`);
    }
    expect((await scan(p.code, 'atomic-2')).outcome).toBe(ScanOutcome.ADMITTED);
    expect(await checkedIn(p.id)).not.toBeNull();
  });

  it('syncs an offline upload exactly once: judged at its own times, in order, a repeated scan id judged once, a re-upload changing nothing', async () => {
    const gate = await checkpoint();
    const [p, q] = [await badged(), await badged()];
    const base = Date.now() - 3600_000;
    const at = (minutes: number) => new Date(base + minutes * 60_000);
    const scans = [
      { code: p.code, clientScanId: 'off-1', scannedAt: at(1) },
      { code: q.code, clientScanId: 'off-2', scannedAt: at(2) },
      { code: p.code, clientScanId: 'off-3', scannedAt: at(3) },
      { code: 'garbage', clientScanId: 'off-4', scannedAt: at(4) },
      { code: q.code, clientScanId: 'off-2', scannedAt: at(5) }, // the same scan id again: judged once
    ];
    const first = await scanning.sync(staff, gate, scans, 'scanner-2');
    expect(first.results.map((r) => r.outcome)).toEqual([
      ScanOutcome.ADMITTED,
      ScanOutcome.ADMITTED,
      ScanOutcome.DUPLICATE,
      ScanOutcome.REJECTED,
      ScanOutcome.ADMITTED,
    ]);
    expect(first).toMatchObject({ admitted: 3, duplicates: 1, rejected: 1 });
    expect(first.results[4].scan.id).toBe(first.results[1].scan.id);
    expect([await checkedIn(p.id), await checkedIn(q.id)]).toEqual([at(1), at(2)]);

    const again = await scanning.sync(staff, gate, scans, 'scanner-2');
    expect(again.results.map((r) => r.scan.id)).toEqual(first.results.map((r) => r.scan.id));
    expect(await tier.sql(`SELECT count(*)::int AS n FROM scan WHERE checkpoint_id = $1`, [gate])).toEqual([{ n: 4 }]);
    expect(await scanning.stats(staff, gate)).toMatchObject({
      checkpointId: gate,
      admitted: 2,
      duplicates: 1,
      rejected: 1,
      uniqueAttendees: 2,
      lastQuarterHour: 0, // scanned an hour ago
      devices: [{ deviceId: 'scanner-2', scans: 4, admitted: 2, queued: null }],
    });
  });

  it('in a session room: a second scan is the exit when exit scanning is on, then DUPLICATE; no check-in', async () => {
    const session = await tier.session(editionId);
    const room = await checkpoint({ kind: CheckpointKind.SESSION_ROOM, sessionId: session.id, exitScanning: true });
    const p = await badged();
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push(await scan(p.code, undefined, room));
    expect(outcomes.map((o) => [o.outcome, o.reason, o.rejectReason])).toEqual([
      [ScanOutcome.ADMITTED, null, null],
      [ScanOutcome.ADMITTED, 'EXIT', null],
      [ScanOutcome.DUPLICATE, null, null],
    ]);
    expect(await checkedIn(p.id)).toBeNull();
  });

  it('lets only the edition’s staff and organizers scan', async () => {
    const p = await badged();
    await expect(scanning.scan(undefined, { checkpointId: door, code: p.code }, null)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await expect(
      scanning.scan(await tier.withRole(editionId, 'ATTENDEE'), { checkpointId: door, code: p.code }, null),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(scanning.scan(staff, { checkpointId: randomUUID(), code: p.code }, null)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await checkedIn(p.id)).toBeNull();
  });
});
