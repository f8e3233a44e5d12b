import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { badInput, GroupCommit, notFound, Principal, PUB_SUB, TtlCache, unauthenticated } from '@app/core';
import { Attendee } from '@app/attendees';
import { AccessService, Role } from '@app/editions';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { DataSource, In } from 'typeorm';
import { BADGE_ROW, BadgeRow, BadgeVerifier, Verdict } from './badge-verifier';
import { localDay } from './local-day';
import { checkOfflineTimes } from './scan-time';
import { Checkpoint, CheckpointInput, CheckpointKind, CheckpointStats, RejectReason, Scan, ScanOutcome, ScanResult, SyncResult, VenueStats } from './scan.entity';

/** Redis pub/sub channel of checkpoint statistics (every API instance relays them to its subscribers). */
export const CHECKPOINT_STATS = 'checkpoint.stats';
const STATS_EVERY_MS = 250;
const CACHE_MS = 5000;
export const SYNC_MAX = 1000;

interface IncomingScan {
  code: string;
  clientScanId: string;
  scannedAt: Date;
}
/** A scan to judge, with who sent it; `serverId` when the server made its clientScanId (so it cannot have been seen before). */
interface JudgedScan extends IncomingScan {
  scannedBy: string;
  device: string | null;
  serverId: boolean;
}
/** A checkpoint with its edition's zone and days (YYYY-MM-DD): what judging and dating scans need. */
type CachedCheckpoint = Checkpoint & { timezone: string; startsOn: string; endsOn: string };

/** A scan row as JSON (json_build_object arguments), read back by scanFromJson. */
const SCAN_JSON = `'id', id, 'checkpointId', checkpoint_id, 'editionId', edition_id, 'clientScanId', client_scan_id, 'badgeId', badge_id, 'attendeeId', attendee_id,
  'outcome', outcome, 'reason', reason, 'direction', direction, 'scannedAt', scanned_at, 'day', to_char(day, 'YYYY-MM-DD'), 'receivedAt', received_at, 'scannedBy', scanned_by, 'device', device`;
const scanFromJson = (row: Record<string, unknown>): Scan => Object.assign(new Scan(), row, { scannedAt: new Date(row.scannedAt as string), receivedAt: new Date(row.receivedAt as string) });

const SCAN_COLUMNS = `id, checkpoint_id AS "checkpointId", edition_id AS "editionId", client_scan_id AS "clientScanId", badge_id AS "badgeId", attendee_id AS "attendeeId",
  outcome, reason, direction, scanned_at AS "scannedAt", to_char(day, 'YYYY-MM-DD') AS day, received_at AS "receivedAt", scanned_by AS "scannedBy", device`;

/**
 * Door and session-room scanning. One path judges every scan, live or uploaded from an offline
 * scanner: a live scan is a batch of one. Badges (with their issued codes, see BadgeVerifier) and
 * earlier admissions are read in one query, and the scans written in one insert whose unique
 * indexes make a retried scan return its first result and a badge be admitted once per checkpoint
 * and day, even when two scanners read it at the same instant. Every outcome is an answer, never an
 * exception.
 */
@Injectable()
export class ScanningService {
  /** Checkpoints and staff rights, a few seconds old at most: a busy door reads them once a moment, not once a scan. */
  private readonly checkpoints = new TtlCache<CachedCheckpoint>(CACHE_MS, 1000);
  private readonly staff = new TtlCache<void>(CACHE_MS);
  private readonly statsTimers = new Map<string, NodeJS.Timeout>();
  /** Live scans at one checkpoint are judged together when they arrive together: one read and one write for the lot. */
  private readonly live = new GroupCommit<{ checkpoint: CachedCheckpoint; scan: JudgedScan }, ScanResult>((_, items) =>
    this.judge(
      items[0].checkpoint,
      items.map((i) => i.scan),
    ),
  );

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly verifier: BadgeVerifier,
    @Inject(PUB_SUB) private readonly pubsub: RedisPubSub,
  ) {}

  async createCheckpoint(user: Principal | undefined, editionId: string, input: CheckpointInput): Promise<Checkpoint> {
    await this.access.requireOrganizer(user, editionId);
    if ((input.kind === CheckpointKind.SESSION_ROOM) !== !!input.sessionId) throw badInput('A SESSION_ROOM checkpoint needs a sessionId; an ENTRANCE takes none', { field: 'sessionId' });
    if (!input.allowed.length) throw badInput('allowed must name at least one access level', { field: 'allowed' });
    if (input.opensAt && input.closesAt && input.closesAt <= input.opensAt) throw badInput('closesAt must be after opensAt', { field: 'closesAt' });
    if (input.sessionId && !(await this.db.query(`SELECT 1 FROM session WHERE id = $1 AND edition_id = $2`, [input.sessionId, editionId])).length) throw notFound('Session', input.sessionId);
    const repo = this.db.getRepository(Checkpoint);
    return repo.save(repo.create({ editionId, name: input.name, kind: input.kind, sessionId: input.sessionId ?? null, allowed: [...new Set(input.allowed)], opensAt: input.opensAt ?? null, closesAt: input.closesAt ?? null, exitScanning: input.exitScanning ?? false, minAttendanceShare: input.minAttendanceShare ?? 0.75 }));
  }

  async list(user: Principal | undefined, editionId: string): Promise<Checkpoint[]> {
    await this.access.require(user, editionId, Role.STAFF);
    return this.db.getRepository(Checkpoint).find({ where: { editionId }, order: { name: 'ASC' } });
  }

  /**
   * A live scan, judged at the server's clock: a time the scanner claims is ignored, so no claimed
   * time can let a revoked badge in or open a closed door (offline uploads go through sync).
   */
  async scan(user: Principal | undefined, input: { checkpointId: string; code: string; clientScanId?: string }, device: string | null): Promise<ScanResult> {
    const checkpoint = await this.checkpointForStaff(user, input.checkpointId);
    const scan = { code: input.code, clientScanId: input.clientScanId ?? randomUUID(), scannedAt: new Date(), scannedBy: user!.email!, device, serverId: !input.clientScanId };
    return this.live.add(checkpoint.id, { checkpoint, scan });
  }

  /** An offline scanner's upload: judged at each scan's own time, results in order; uploading it again changes nothing. */
  async sync(user: Principal | undefined, checkpointId: string, scans: IncomingScan[], device: string | null): Promise<SyncResult> {
    const checkpoint = await this.checkpointForStaff(user, checkpointId);
    if (scans.length > SYNC_MAX) throw badInput(`At most ${SYNC_MAX} scans per upload`, { argument: 'scans' });
    checkOfflineTimes(scans.map((s) => s.scannedAt), checkpoint);
    const scannedBy = user!.email!;
    const results = await this.judge(
      checkpoint,
      scans.map((s) => ({ ...s, scannedBy, device, serverId: false })),
    );
    const count = (outcome: ScanOutcome) => results.filter((r) => r.outcome === outcome).length;
    return { admitted: count(ScanOutcome.ADMITTED), duplicates: count(ScanOutcome.DUPLICATE), rejected: count(ScanOutcome.REJECTED), results };
  }

  async stats(user: Principal | undefined, checkpointId: string): Promise<CheckpointStats> {
    await this.checkpointForStaff(user, checkpointId);
    return this.computeStats(checkpointId);
  }

  /** Unique people admitted at any entrance on a local day (today by default): overlapping doors count once. */
  async venue(user: Principal | undefined, editionId: string, day?: string): Promise<VenueStats> {
    await this.access.require(user, editionId, Role.STAFF);
    const [edition] = await this.db.query(`SELECT timezone FROM edition WHERE id = $1`, [editionId]);
    const date = day ?? localDay(new Date(), edition.timezone);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw badInput('day must be YYYY-MM-DD', { argument: 'day' });
    const [{ n }] = await this.db.query(
      `SELECT count(DISTINCT s.attendee_id)::int AS n FROM scan s JOIN checkpoint c ON c.id = s.checkpoint_id
        WHERE s.edition_id = $1 AND s.day = $2 AND s.outcome = 'ADMITTED' AND s.direction = 'IN' AND c.kind = 'ENTRANCE'`,
      [editionId, date],
    );
    return { day: date, uniqueAttendees: n };
  }

  /** Organizers: keep the scan audit trail this many days (null: keep it); the worker purges older scans hourly. */
  async setRetention(user: Principal | undefined, editionId: string, days: number | null): Promise<number | null> {
    await this.access.requireOrganizer(user, editionId);
    if (days !== null && !(Number.isInteger(days) && days >= 1 && days <= 3650)) throw badInput('days must be 1..3650', { argument: 'days' });
    await this.db.query(`UPDATE edition SET scan_retention_days = $2 WHERE id = $1`, [editionId, days]);
    return days;
  }

  /** For the subscription: the checkpoint, when the caller may watch it. */
  async watch(user: Principal | undefined, checkpointId: string): Promise<void> {
    await this.checkpointForStaff(user, checkpointId);
  }

  private async judge(checkpoint: CachedCheckpoint, scans: JudgedScan[]): Promise<ScanResult[]> {
    const claims = await this.verifier.claims(checkpoint.editionId, scans.map((s) => s.code));
    const badgeIds = [...new Set(claims.flatMap((c) => (typeof c === 'string' ? [] : [c.badgeId])))];
    // One read: scans seen before (a retry or a re-upload answers with its first result; ids the
    // server just made cannot have been seen), the badges with their attendees, and who was
    // admitted here already.
    const [read]: [{ earlier: Record<string, unknown>[]; badges: BadgeRow[]; admitted: { attendee_id: string; day: string; direction: string; scanned_at: string }[] }] = await this.db.query(
      `SELECT
         (SELECT coalesce(json_agg(json_build_object(${SCAN_JSON})), '[]') FROM scan WHERE checkpoint_id = $1 AND client_scan_id = ANY($2::text[])) AS earlier,
         (SELECT coalesce(json_agg(x), '[]') FROM (SELECT ${BADGE_ROW} FROM badge b JOIN attendee a ON a.id = b.attendee_id WHERE b.id = ANY($3::uuid[]) AND b.edition_id = $4) x) AS badges,
         (SELECT coalesce(json_agg(json_build_object('attendee_id', s.attendee_id, 'day', to_char(s.day, 'YYYY-MM-DD'), 'direction', s.direction, 'scanned_at', s.scanned_at)), '[]')
            FROM badge b CROSS JOIN LATERAL (
                   -- per badge, through the admissions index (OFFSET 0 keeps it a per-badge lookup): a plan that does not depend on fresh statistics
                   SELECT attendee_id, day, direction, scanned_at FROM scan WHERE checkpoint_id = $1 AND attendee_id = b.attendee_id AND outcome = 'ADMITTED' OFFSET 0) s
           WHERE b.id = ANY($3::uuid[])) AS admitted`,
      [checkpoint.id, scans.flatMap((s) => (s.serverId ? [] : [s.clientScanId])), badgeIds, checkpoint.editionId],
    );
    const known = new Map(read.earlier.map((row) => [row.clientScanId as string, scanFromJson(row)]));
    const admitted = new Map<string, Date>(read.admitted.map((r) => [`${r.attendee_id}|${r.day}|${r.direction}`, new Date(r.scanned_at)])); // attendee|day|direction -> first admission
    const verdicts = BadgeVerifier.judge(
      scans.map((s) => ({ at: s.scannedAt })),
      claims,
      read.badges,
    );
    // A scan id repeated within the upload is judged once (its first occurrence), like one seen before.
    const judged = new Set(known.keys());
    const rows: ReturnType<ScanningService['decide']>[] = [];
    for (const [i, scan] of scans.entries()) {
      if (judged.has(scan.clientScanId)) continue;
      judged.add(scan.clientScanId);
      rows.push(this.decide(checkpoint, scan, verdicts[i], localDay(scan.scannedAt, checkpoint.timezone), admitted));
    }

    // One write: the scans, and the first entrance admission stamps the attendee's check-in.
    const inserted: Scan[] = rows.length
      ? await this.db.query(
          `WITH ins AS (
             INSERT INTO scan (checkpoint_id, edition_id, client_scan_id, badge_id, attendee_id, outcome, reason, direction, scanned_at, day, scanned_by, device)
             SELECT $1, $2, s.client_scan_id, s.badge_id, s.attendee_id, s.outcome, s.reason, s.direction, s.scanned_at, s.day, s.scanned_by, s.device
               FROM unnest($3::text[], $4::uuid[], $5::uuid[], $6::scan_outcome[], $7::text[], $8::text[], $9::timestamptz[], $10::date[], $11::text[], $12::text[])
                    AS s(client_scan_id, badge_id, attendee_id, outcome, reason, direction, scanned_at, day, scanned_by, device)
             ON CONFLICT DO NOTHING
             RETURNING ${SCAN_COLUMNS}),
           checkin AS (
             UPDATE attendee a SET checked_in_at = i.at
               FROM (SELECT "attendeeId", min("scannedAt") AS at FROM ins WHERE $13 AND outcome = 'ADMITTED' AND direction = 'IN' GROUP BY 1) i
              WHERE a.id = i."attendeeId" AND (a.checked_in_at IS NULL OR a.checked_in_at > i.at))
           SELECT * FROM ins`,
          [
            checkpoint.id,
            checkpoint.editionId,
            rows.map((r) => r.clientScanId),
            rows.map((r) => r.badgeId),
            rows.map((r) => r.attendeeId),
            rows.map((r) => r.outcome),
            rows.map((r) => r.reason),
            rows.map((r) => r.direction),
            rows.map((r) => r.scannedAt),
            rows.map((r) => r.day),
            rows.map((r) => r.scannedBy),
            rows.map((r) => r.device),
            checkpoint.kind === CheckpointKind.ENTRANCE,
          ],
        )
      : [];
    for (const scan of inserted) known.set(scan.clientScanId, scan);
    // A row the insert skipped lost a race: the same scan id arrived twice at once, or another
    // scanner admitted the same badge an instant earlier (then this one is a DUPLICATE).
    for (const row of rows.filter((r) => !known.has(r.clientScanId))) {
      const [raced] = await this.db.query(
        `INSERT INTO scan (checkpoint_id, edition_id, client_scan_id, badge_id, attendee_id, outcome, reason, direction, scanned_at, day, scanned_by, device)
         VALUES ($1, $2, $3, $4, $5, 'DUPLICATE', NULL, $6, $7, $8, $9, $10) ON CONFLICT (checkpoint_id, client_scan_id) DO NOTHING RETURNING ${SCAN_COLUMNS}`,
        [checkpoint.id, checkpoint.editionId, row.clientScanId, row.badgeId, row.attendeeId, row.direction, row.scannedAt, row.day, row.scannedBy, row.device],
      );
      known.set(row.clientScanId, raced ?? (await this.db.query(`SELECT ${SCAN_COLUMNS} FROM scan WHERE checkpoint_id = $1 AND client_scan_id = $2`, [checkpoint.id, row.clientScanId]))[0]);
      // Staff are shown the winner's admission, not the time this scan thought it was first.
      if (raced && row.outcome === ScanOutcome.ADMITTED) {
        const [winner] = await this.db.query(`SELECT scanned_at FROM scan WHERE checkpoint_id = $1 AND attendee_id = $2 AND day = $3 AND direction = $4 AND outcome = 'ADMITTED'`, [checkpoint.id, row.attendeeId, row.day, row.direction]);
        if (winner) admitted.set(`${row.attendeeId}|${row.day}|${row.direction}`, new Date(winner.scanned_at));
      }
    }
    if (inserted.length) this.statsChanged(checkpoint.id);

    const attendees = new Map(verdicts.flatMap((v) => (v.ok ? [[v.badge.attendee.id, v.badge.attendee]] : v.attendee ? [[v.attendee.id, v.attendee]] : [])));
    if (checkpoint.kind === CheckpointKind.ENTRANCE) {
      for (const s of inserted) {
        const attendee = s.outcome === ScanOutcome.ADMITTED ? attendees.get(s.attendeeId!) : undefined;
        if (attendee && (!attendee.checkedInAt || attendee.checkedInAt > s.scannedAt)) attendee.checkedInAt = s.scannedAt;
      }
    }
    const missing = [...new Set([...known.values()].flatMap((s) => (s.attendeeId && !attendees.has(s.attendeeId) ? [s.attendeeId] : [])))];
    if (missing.length) for (const a of await this.db.getRepository(Attendee).findBy({ id: In(missing) })) attendees.set(a.id, a);
    return scans.map((s) => {
      const scan = known.get(s.clientScanId)!;
      return {
        outcome: scan.outcome,
        reason: scan.reason,
        attendee: scan.attendeeId ? (attendees.get(scan.attendeeId) ?? null) : null,
        attendeeId: scan.attendeeId,
        scan,
        firstAdmittedAt: scan.outcome === ScanOutcome.DUPLICATE && scan.attendeeId ? (admitted.get(`${scan.attendeeId}|${scan.day}|IN`) ?? null) : null,
      };
    });
  }

  /** One scan's outcome, in order, updating what has been admitted. */
  private decide(checkpoint: CachedCheckpoint, scan: JudgedScan, verdict: Verdict, day: string, admitted: Map<string, Date>) {
    const base = { clientScanId: scan.clientScanId, scannedAt: scan.scannedAt, day, direction: 'IN', badgeId: null as string | null, attendeeId: null as string | null, scannedBy: scan.scannedBy, device: scan.device };
    const reject = (reason: RejectReason, attendeeId: string | null = null) => ({ ...base, attendeeId, outcome: ScanOutcome.REJECTED, reason: reason as string | null });
    if (!verdict.ok) return reject(verdict.reason, verdict.attendee?.id ?? null);
    const { attendee, badgeId } = verdict.badge;
    if (!BadgeVerifier.allows(checkpoint.allowed, attendee)) return { ...reject(RejectReason.NOT_ALLOWED, attendee.id), badgeId };
    if ((checkpoint.opensAt && scan.scannedAt < checkpoint.opensAt) || (checkpoint.closesAt && scan.scannedAt > checkpoint.closesAt)) return { ...reject(RejectReason.CLOSED, attendee.id), badgeId };
    const key = (direction: string) => `${attendee.id}|${day}|${direction}`;
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

  private async computeStats(checkpointId: string): Promise<CheckpointStats> {
    const [row] = await this.db.query(
      `SELECT count(*) FILTER (WHERE outcome = 'ADMITTED' AND direction = 'IN')::int AS admitted,
              count(*) FILTER (WHERE outcome = 'DUPLICATE')::int AS duplicates,
              count(*) FILTER (WHERE outcome = 'REJECTED')::int AS rejected,
              count(DISTINCT attendee_id) FILTER (WHERE outcome = 'ADMITTED')::int AS unique
         FROM scan WHERE checkpoint_id = $1`,
      [checkpointId],
    );
    return { checkpointId, admitted: row.admitted, duplicates: row.duplicates, rejected: row.rejected, uniqueAttendees: row.unique };
  }

  /** Publishes a checkpoint's statistics at most every STATS_EVERY_MS per instance, whatever the scan rate. */
  private statsChanged(checkpointId: string): void {
    if (this.statsTimers.has(checkpointId)) return;
    const timer = setTimeout(() => {
      this.statsTimers.delete(checkpointId);
      this.computeStats(checkpointId)
        .then((stats) => this.pubsub.publish(CHECKPOINT_STATS, stats))
        .catch(() => undefined); // live statistics are best effort; checkpointStats always answers
    }, STATS_EVERY_MS);
    timer.unref();
    this.statsTimers.set(checkpointId, timer);
  }

  /** The checkpoint (cached briefly: scanning reads it thousands of times a minute) when the caller is staff or an organizer of its edition. */
  private async checkpointForStaff(user: Principal | undefined, checkpointId: string): Promise<CachedCheckpoint> {
    if (!user) throw unauthenticated();
    const checkpoint = await this.checkpoints.get(checkpointId, async () => {
      const [row] = await this.db.query(
        `SELECT c.id, c.edition_id AS "editionId", c.name, c.kind, c.session_id AS "sessionId", c.allowed::text[] AS allowed, c.opens_at AS "opensAt", c.closes_at AS "closesAt",
                c.exit_scanning AS "exitScanning", e.timezone,
                to_char(e.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(e.ends_on, 'YYYY-MM-DD') AS "endsOn" FROM checkpoint c JOIN edition e ON e.id = c.edition_id WHERE c.id = $1`,
        [checkpointId],
      );
      if (!row) throw notFound('Checkpoint', checkpointId);
      return Object.assign(new Checkpoint(), row) as CachedCheckpoint;
    });
    await this.staff.get(`${user.email}|${checkpoint.editionId}`, () => this.access.require(user, checkpoint.editionId, Role.STAFF).then(() => undefined));
    return checkpoint;
  }
}
