import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig, badInput, conflict, forbidden, isId, notFound, Principal, unauthenticated } from '@app/core';
import { Attendee, AttendeesService } from '@app/attendees';
import { AccessService, EditionsService, Role } from '@app/editions';
import { BadgeKeysService, BadgesService } from '@app/badges';
import { SessionsService } from '@app/sessions';
import { BadgeVerifier, Verdict } from './badge-verifier';
import { CheckpointCache } from './checkpoint-cache';
import { DeviceReports } from './device-reports';
import { DoorBatches, JudgedScan } from './door-batch';
import { localDay } from './local-day';
import { checkOfflineTimes } from './scan-time';
import { CheckpointStatsFeed } from './scan-stats';
import {
  ANNUL_WINDOW_MINUTES,
  Checkpoint,
  CheckpointKind,
  RejectReason,
  rejectReasonOf,
  Scan,
  ScanOutcome,
} from './scan.entity';
import { CheckpointInput, CheckpointPatch, DATASET_PAGE } from './scan.inputs';
import { DoorCheckpoint, NewScan, ScanRepository } from './scan.repository';
import { CheckpointStats, ScannerDatasetPage, ScanResult, SyncResult, VenueStats } from './scan.types';

interface IncomingScan {
  code: string;
  clientScanId: string;
  scannedAt: Date;
  offlineOutcome?: ScanOutcome | null;
}

/** A dataset cursor: the sync's bookmark and the last badge id read, base64url. */
const encodeCursor = (bookmark: string, badgeId: string) => Buffer.from(`${bookmark}|${badgeId}`).toString('base64url');
function decodeCursor(after: string): { bookmark: Date; afterId: string } {
  const [bookmark, afterId] = Buffer.from(after, 'base64url').toString().split('|');
  const at = new Date(bookmark ?? '');
  if (!isId(afterId) || Number.isNaN(at.getTime()))
    throw badInput('after is not a cursor of scannerDataset', { argument: 'after' });
  return { bookmark: at, afterId };
}

/** attendee|day|direction: the key of an admission (one per checkpoint). */
const admissionKey = (attendeeId: string | null, day: string, direction: string) => `${attendeeId}|${day}|${direction}`;

/**
 * Door and session-room scanning. One path judges every scan, live or uploaded from an offline
 * scanner: a live scan is a batch of one (live scans arriving together are judged together, see
 * DoorBatches). Badges and earlier admissions are read in one query, and the scans written in one
 * insert whose unique indexes make a retried scan return its first result and a badge be admitted
 * once per checkpoint and day, even when two scanners read it at the same instant. The first
 * entrance admission checks the attendee in, in the same transaction. Every outcome is an answer,
 * never an exception.
 */
@Injectable()
export class ScanningService {
  private readonly live = new DoorBatches((checkpoint, scans) => this.judge(checkpoint, scans));

  constructor(
    private readonly scans: ScanRepository,
    private readonly checkpoints: CheckpointCache,
    private readonly statsFeed: CheckpointStatsFeed,
    private readonly verifier: BadgeVerifier,
    private readonly access: AccessService,
    private readonly attendees: AttendeesService,
    private readonly editions: EditionsService,
    private readonly sessions: SessionsService,
    private readonly badges: BadgesService,
    private readonly badgeKeys: BadgeKeysService,
    private readonly deviceReports: DeviceReports,
    private readonly config: AppConfig,
  ) {}

  async createCheckpoint(user: Principal | undefined, editionId: string, input: CheckpointInput): Promise<Checkpoint> {
    await this.access.requireOrganizer(user, editionId);
    if ((input.kind === CheckpointKind.SESSION_ROOM) !== !!input.sessionId)
      throw badInput('A SESSION_ROOM checkpoint needs a sessionId; an ENTRANCE takes none', { field: 'sessionId' });
    if (input.opensAt && input.closesAt && input.closesAt <= input.opensAt)
      throw badInput('closesAt must be after opensAt', { field: 'closesAt' });
    if (input.sessionId && !(await this.sessions.byIds([input.sessionId])).some((s) => s.editionId === editionId))
      throw notFound('Session', input.sessionId);
    return this.scans.createCheckpoint({
      editionId,
      name: input.name,
      kind: input.kind,
      sessionId: input.sessionId ?? null,
      allowed: [...new Set(input.allowed)],
      opensAt: input.opensAt ?? null,
      closesAt: input.closesAt ?? null,
      exitScanning: input.exitScanning ?? false,
      minAttendanceShare: input.minAttendanceShare ?? 0.75,
    });
  }

  /**
   * Organizers: changes a checkpoint's name, access levels, opening times (null clears one: closesAt
   * now closes the door, null opens it again), exit scanning or attendance share. Scanners see the
   * change within the checkpoint cache's few seconds.
   */
  async updateCheckpoint(user: Principal | undefined, id: string, patch: CheckpointPatch): Promise<Checkpoint> {
    if (!user) throw unauthenticated();
    const current = await this.checkpoints.get(id);
    await this.access.requireOrganizer(user, current.editionId);
    const fields: Parameters<ScanRepository['updateCheckpoint']>[1] = {};
    if (patch.name !== undefined && patch.name !== null) fields.name = patch.name;
    if (patch.allowed) fields.allowed = [...new Set(patch.allowed)];
    if (patch.opensAt !== undefined) fields.opensAt = patch.opensAt;
    if (patch.closesAt !== undefined) fields.closesAt = patch.closesAt;
    if (patch.exitScanning !== undefined && patch.exitScanning !== null) fields.exitScanning = patch.exitScanning;
    if (patch.minAttendanceShare !== undefined && patch.minAttendanceShare !== null)
      fields.minAttendanceShare = patch.minAttendanceShare;
    const opensAt = fields.opensAt !== undefined ? fields.opensAt : current.opensAt;
    const closesAt = fields.closesAt !== undefined ? fields.closesAt : current.closesAt;
    if (opensAt && closesAt && closesAt <= opensAt)
      throw badInput('closesAt must be after opensAt', { field: 'closesAt' });
    const updated = await this.scans.updateCheckpoint(id, fields);
    this.checkpoints.forget(id);
    if (!updated) throw notFound('Checkpoint', id);
    return updated;
  }

  /** Organizers: a checkpoint's latest scans, newest first (failed ones, conflicts, or all). */
  async recentScans(
    user: Principal | undefined,
    checkpointId: string,
    args: { outcome?: ScanOutcome | null; conflictsOnly?: boolean | null; first?: number | null },
  ): Promise<Scan[]> {
    if (!user) throw unauthenticated();
    const checkpoint = await this.checkpoints.get(checkpointId);
    await this.access.requireOrganizer(user, checkpoint.editionId);
    return this.scans.recentScans(checkpointId, args.outcome ?? null, args.conflictsOnly ?? false, args.first ?? 20);
  }

  /** Organizers: entries admitted per 5 minutes of a local day (default today), empty intervals left out. */
  async admissionsSeries(
    user: Principal | undefined,
    checkpointId: string,
    day?: string | null,
  ): Promise<{ at: Date; admitted: number }[]> {
    if (!user) throw unauthenticated();
    const checkpoint = await this.checkpoints.get(checkpointId);
    await this.access.requireOrganizer(user, checkpoint.editionId);
    return this.scans.admissionsPerFiveMinutes(checkpointId, day ?? localDay(new Date(), checkpoint.timezone));
  }

  async list(user: Principal | undefined, editionId: string): Promise<Checkpoint[]> {
    await this.access.require(user, editionId, Role.STAFF);
    return this.scans.checkpointsOf(editionId);
  }

  /**
   * A live scan, judged at the server's clock: a time the scanner claims is ignored, so no claimed
   * time can let a revoked badge in or open a closed door (offline uploads go through sync).
   */
  async scan(
    user: Principal | undefined,
    input: { checkpointId: string; code: string; clientScanId?: string; deviceId?: string },
    device: string | null,
  ): Promise<ScanResult> {
    const checkpoint = await this.checkpointForStaff(user, input.checkpointId);
    const scan = {
      code: input.code,
      clientScanId: input.clientScanId ?? randomUUID(),
      scannedAt: new Date(),
      scannedBy: user!.email!,
      deviceId: input.deviceId ?? device,
      offlineOutcome: null,
      serverId: !input.clientScanId,
    };
    return this.live.add(checkpoint, scan);
  }

  /**
   * An offline scanner's upload: judged at each scan's own time, results in order; uploading it again
   * changes nothing. The device's reported queue length (`queued`) is kept for the statistics.
   */
  async sync(
    user: Principal | undefined,
    checkpointId: string,
    scans: IncomingScan[],
    device: string | null,
    queued?: number,
  ): Promise<SyncResult> {
    const checkpoint = await this.checkpointForStaff(user, checkpointId);
    checkOfflineTimes(
      scans.map((s) => s.scannedAt),
      checkpoint,
    );
    const scannedBy = user!.email!;
    if (device && queued !== undefined && queued !== null) {
      await this.deviceReports.report(checkpoint.id, device, queued);
      this.statsFeed.changed(checkpoint.id);
    }
    const results = await this.judge(
      checkpoint,
      scans.map((s) => ({
        code: s.code,
        clientScanId: s.clientScanId,
        scannedAt: s.scannedAt,
        offlineOutcome: s.offlineOutcome ?? null,
        scannedBy,
        deviceId: device,
        serverId: false,
      })),
    );
    const count = (outcome: ScanOutcome) => results.filter((r) => r.outcome === outcome).length;
    return {
      admitted: count(ScanOutcome.ADMITTED),
      duplicates: count(ScanOutcome.DUPLICATE),
      rejected: count(ScanOutcome.REJECTED),
      results,
    };
  }

  async stats(user: Principal | undefined, checkpointId: string): Promise<CheckpointStats> {
    await this.checkpointForStaff(user, checkpointId);
    return this.statsFeed.read(checkpointId);
  }

  /**
   * Annuls an admission (a turnstile that did not turn): only the device that made it, within
   * ANNUL_WINDOW_MINUTES of its scan time by the server's clock, and once. The row stays for the
   * audit trail; the admission stops counting, so the badge is admitted again at its next scan.
   */
  async annul(user: Principal | undefined, scanId: string, deviceId: string): Promise<Scan> {
    if (!user) throw unauthenticated();
    const scan = await this.scans.findById(scanId);
    if (!scan) throw notFound('Scan', scanId);
    const checkpoint = await this.checkpoints.get(scan.checkpointId);
    await this.checkpoints.requireStaff(user, checkpoint.editionId);
    if (scan.outcome !== ScanOutcome.ADMITTED)
      throw badInput(`Only an admission can be annulled; this scan is ${scan.outcome}`, {
        argument: 'scanId',
        reason: 'NOT_ADMITTED',
      });
    if (!scan.deviceId || scan.deviceId !== deviceId)
      throw forbidden('Only the device that made the admission may annul it');
    if (scan.annulledAt) throw conflict('This admission was annulled already', { reason: 'ALREADY_ANNULLED' });
    if (Date.now() - scan.scannedAt.getTime() > ANNUL_WINDOW_MINUTES * 60_000)
      throw badInput(`An admission can be annulled within ${ANNUL_WINDOW_MINUTES} minutes of its scan`, {
        argument: 'scanId',
        reason: 'WINDOW_CLOSED',
      });
    const annulled = await this.scans.annul(scan.id);
    if (!annulled) throw conflict('This admission was annulled already', { reason: 'ALREADY_ANNULLED' });
    this.statsFeed.changed(scan.checkpointId);
    return annulled;
  }

  /** Whether a scan reached the server more than SCAN_LATE_MINUTES after it was made (only offline uploads can). */
  isLate(scan: Scan): boolean {
    return scan.receivedAt.getTime() - scan.scannedAt.getTime() > this.config.scanLateMinutes * 60_000;
  }

  /**
   * One page of an offline scanner's dataset for the edition (its staff and organizers, as for
   * scanning): every verification key, and a keyset page of the badge roster by id. The first page
   * takes the bookmark (before reading anything) and the cursor carries it to the next pages.
   */
  async dataset(
    user: Principal | undefined,
    editionId: string,
    args: { since?: string; after?: string; first?: number },
  ): Promise<ScannerDatasetPage> {
    if (!user) throw unauthenticated();
    await this.checkpoints.requireStaff(user, editionId);
    let since: Date | null = null;
    if (args.since) {
      since = new Date(args.since);
      if (Number.isNaN(since.getTime()))
        throw badInput('since is not a bookmark of scannerDataset', { argument: 'since' });
    }
    const cursor = args.after ? decodeCursor(args.after) : null;
    const bookmark = (cursor?.bookmark ?? (await this.badges.scannerBookmark())).toISOString();
    const [keys, page] = await Promise.all([
      this.badgeKeys.scannerKeys(editionId),
      this.badges.scannerRoster(editionId, since, cursor?.afterId ?? null, args.first ?? DATASET_PAGE),
    ]);
    const roster = page.rows.map((r) => ({ ...r, accessLevel: r.accessLevel as Attendee['accessLevel'] }));
    const last = roster.at(-1);
    return {
      bookmark,
      keys,
      revokedBadgeIds: roster.filter((r) => r.revoked).map((r) => r.badgeId),
      roster,
      endCursor: last ? encodeCursor(bookmark, last.badgeId) : null,
      hasNextPage: page.hasNextPage,
    };
  }

  /** Unique people admitted at any entrance on a local day (today by default): overlapping doors count once. */
  async venue(user: Principal | undefined, editionId: string, day?: string): Promise<VenueStats> {
    await this.access.require(user, editionId, Role.STAFF);
    const date = day ?? localDay(new Date(), (await this.editions.get(editionId)).timezone);
    return { day: date, uniqueAttendees: await this.scans.uniqueEntrants(editionId, date) };
  }

  /** For the subscription: the checkpoint, when the caller may watch it. */
  async watch(user: Principal | undefined, checkpointId: string): Promise<void> {
    await this.checkpointForStaff(user, checkpointId);
  }

  private async judge(checkpoint: DoorCheckpoint, scans: JudgedScan[]): Promise<ScanResult[]> {
    const claims = await this.verifier.claims(
      checkpoint.editionId,
      scans.map((s) => s.code),
    );
    const badgeIds = [...new Set(claims.flatMap((c) => (typeof c === 'string' ? [] : [c.badgeId])))];
    // One read: scans seen before (a retry or a re-upload answers with its first result; ids the
    // server just made cannot have been seen), the badges with their attendees, and who was
    // admitted here already.
    const read = await this.scans.readForJudging(
      checkpoint.id,
      checkpoint.editionId,
      scans.flatMap((s) => (s.serverId ? [] : [s.clientScanId])),
      badgeIds,
    );
    const known = new Map(read.earlier.map((scan) => [scan.clientScanId, scan]));
    const admitted = new Map(read.admitted.map((a) => [admissionKey(a.attendeeId, a.day, a.direction), a.scannedAt])); // -> first admission
    const verdicts = BadgeVerifier.judge(
      scans.map((s) => ({ at: s.scannedAt })),
      claims,
      read.badges,
    );
    const attendees = new Map(
      verdicts.flatMap((v) =>
        v.ok ? [[v.badge.attendee.id, v.badge.attendee]] : v.attendee ? [[v.attendee.id, v.attendee]] : [],
      ),
    );
    /** An entrance admission checks its attendee in, unless they were checked in earlier already (a check-in only moves earlier). */
    const checksIn = (s: Pick<NewScan, 'outcome' | 'direction' | 'attendeeId' | 'scannedAt'>) => {
      if (checkpoint.kind !== CheckpointKind.ENTRANCE || s.outcome !== ScanOutcome.ADMITTED || s.direction !== 'IN')
        return false;
      const before = attendees.get(s.attendeeId!)?.checkedInAt;
      return !before || before > s.scannedAt;
    };
    // A scan id repeated within the upload is judged once (its first occurrence), like one seen before.
    const judged = new Set(known.keys());
    const rows: NewScan[] = [];
    for (const [i, scan] of scans.entries()) {
      if (judged.has(scan.clientScanId)) continue;
      judged.add(scan.clientScanId);
      rows.push(this.decide(checkpoint, scan, verdicts[i], localDay(scan.scannedAt, checkpoint.timezone), admitted));
    }

    const inserted = rows.length ? await this.scans.insertScans(checkpoint, rows, rows.some(checksIn)) : [];
    for (const scan of inserted) known.set(scan.clientScanId, scan);
    // A row the insert skipped lost a race: the same scan id arrived twice at once, or another
    // scanner admitted the same badge an instant earlier (then this one is a DUPLICATE).
    for (const row of rows.filter((r) => !known.has(r.clientScanId))) {
      const raced = await this.scans.insertDuplicate(checkpoint, row);
      known.set(row.clientScanId, raced ?? (await this.scans.findByClientScanId(checkpoint.id, row.clientScanId))!);
      // Staff are shown the winner's admission, not the time this scan thought it was first.
      if (raced && row.outcome === ScanOutcome.ADMITTED) {
        const winner = await this.scans.admittedAt(checkpoint.id, row.attendeeId!, row.day, row.direction);
        if (winner) admitted.set(admissionKey(row.attendeeId, row.day, row.direction), winner);
      }
    }
    if (inserted.length) this.statsFeed.changed(checkpoint.id);

    for (const s of inserted) if (checksIn(s)) attendees.get(s.attendeeId!)!.checkedInAt = s.scannedAt; // as written
    const missing = [
      ...new Set(
        [...known.values()].flatMap((s) => (s.attendeeId && !attendees.has(s.attendeeId) ? [s.attendeeId] : [])),
      ),
    ];
    if (missing.length) for (const a of await this.attendees.byIds(missing)) attendees.set(a.id, a);
    return scans.map((s) => result(known.get(s.clientScanId)!, attendees, admitted));
  }

  /** One scan's outcome, in order, updating what has been admitted. */
  private decide(
    checkpoint: DoorCheckpoint,
    scan: JudgedScan,
    verdict: Verdict,
    day: string,
    admitted: Map<string, Date>,
  ): NewScan {
    const base = {
      clientScanId: scan.clientScanId,
      scannedAt: scan.scannedAt,
      day,
      direction: 'IN',
      badgeId: null as string | null,
      attendeeId: null as string | null,
      scannedBy: scan.scannedBy,
      deviceId: scan.deviceId,
      offlineOutcome: scan.offlineOutcome,
    };
    const reject = (reason: RejectReason, attendeeId: string | null = null) => ({
      ...base,
      attendeeId,
      outcome: ScanOutcome.REJECTED,
      reason: reason as string | null,
    });
    if (!verdict.ok) return reject(verdict.reason, verdict.attendee?.id ?? null);
    const { attendee, badgeId } = verdict.badge;
    if (!BadgeVerifier.allows(checkpoint.allowed, attendee))
      return { ...reject(RejectReason.NOT_ALLOWED, attendee.id), badgeId };
    if (
      (checkpoint.opensAt && scan.scannedAt < checkpoint.opensAt) ||
      (checkpoint.closesAt && scan.scannedAt > checkpoint.closesAt)
    )
      return { ...reject(RejectReason.CLOSED, attendee.id), badgeId };
    const key = (direction: string) => admissionKey(attendee.id, day, direction);
    const row = { ...base, badgeId, attendeeId: attendee.id };
    if (!admitted.has(key('IN'))) {
      admitted.set(key('IN'), scan.scannedAt);
      return { ...row, outcome: ScanOutcome.ADMITTED, reason: null };
    }
    if (checkpoint.kind === CheckpointKind.SESSION_ROOM && checkpoint.exitScanning && !admitted.has(key('OUT'))) {
      admitted.set(key('OUT'), scan.scannedAt);
      return { ...row, direction: 'OUT', outcome: ScanOutcome.ADMITTED, reason: 'EXIT' };
    }
    return { ...row, outcome: ScanOutcome.DUPLICATE, reason: null };
  }

  /** The checkpoint when the caller is staff or an organizer of its edition. */
  private async checkpointForStaff(user: Principal | undefined, checkpointId: string): Promise<DoorCheckpoint> {
    if (!user) throw unauthenticated();
    const checkpoint = await this.checkpoints.get(checkpointId);
    await this.checkpoints.requireStaff(user, checkpoint.editionId);
    return checkpoint;
  }
}

/** A scan's answer; a DUPLICATE says when its badge was first admitted here that day. */
function result(scan: Scan, attendees: Map<string, Attendee>, admitted: Map<string, Date>): ScanResult {
  return {
    outcome: scan.outcome,
    reason: scan.reason,
    rejectReason: rejectReasonOf(scan.outcome, scan.reason),
    attendee: scan.attendeeId ? (attendees.get(scan.attendeeId) ?? null) : null,
    attendeeId: scan.attendeeId,
    scan,
    firstAdmittedAt:
      scan.outcome === ScanOutcome.DUPLICATE && scan.attendeeId
        ? (admitted.get(admissionKey(scan.attendeeId, scan.day, 'IN')) ?? null)
        : null,
  };
}
