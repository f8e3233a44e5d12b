import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { attendeeJson, AttendeeJson, CHECK_IN_STATEMENT } from '@app/attendees';
import { DataSource } from 'typeorm';
import { Checkpoint, Scan, ScanOutcome } from './scan.entity';
import { CheckpointStats } from './scan.types';

/** A checkpoint's counts as one statement reads them (devices without their reported queues). */
export type CheckpointCounts = Omit<CheckpointStats, 'devices'> & {
  devices: { deviceId: string; scans: number; admitted: number; lastSeenAt: Date }[];
};

/** A checkpoint with its edition's zone and days (YYYY-MM-DD): what judging and dating scans need. */
export type DoorCheckpoint = Checkpoint & { timezone: string; startsOn: string; endsOn: string };

/** A judged scan, ready to be written. */
export interface NewScan {
  clientScanId: string;
  badgeId: string | null;
  attendeeId: string | null;
  outcome: ScanOutcome;
  reason: string | null;
  direction: string;
  scannedAt: Date;
  /** The edition's local day of scannedAt, YYYY-MM-DD. */
  day: string;
  scannedBy: string;
  deviceId: string | null;
  /** What an offline scanner showed (syncScans), or null. */
  offlineOutcome: ScanOutcome | null;
}

/** A badge and its attendee, as judging a scan reads them. */
export interface BadgeRow {
  badgeId: string;
  status: string;
  revokedAt: string | null;
  /** The code the badge was issued with (null until it is generated). */
  code: string | null;
  attendee: AttendeeJson;
}

/** An earlier admission at a checkpoint. */
export interface Admission {
  attendeeId: string;
  day: string;
  direction: string;
  scannedAt: Date;
}

/** What a door batch reads before judging: scans seen before, the badges, and who was admitted already. */
export interface DoorRead {
  earlier: Scan[];
  badges: BadgeRow[];
  admitted: Admission[];
}

/** One session-room visit of an attendee: what CE credits are computed from. */
export interface Attendance {
  sessionId: string;
  startsAt: Date;
  endsAt: Date;
  ceCredits: number;
  minShare: number;
  exitScanning: boolean;
  entered: Date;
  left: Date | null;
}

/**
 * A scan's columns by entity field: the one selection of a scan (as JSON, so that it reads the same
 * inside an aggregate and from RETURNING). A field added to the entity fails to compile here until listed.
 */
const SCAN_COLUMNS = {
  id: 'id',
  checkpointId: 'checkpoint_id',
  editionId: 'edition_id',
  clientScanId: 'client_scan_id',
  badgeId: 'badge_id',
  attendeeId: 'attendee_id',
  outcome: 'outcome',
  reason: 'reason',
  direction: 'direction',
  scannedAt: 'scanned_at',
  day: 'day',
  receivedAt: 'received_at',
  scannedBy: 'scanned_by',
  deviceId: 'device_id',
  offlineOutcome: 'offline_outcome',
  annulledAt: 'annulled_at',
} as const satisfies Record<Exclude<keyof Scan, 'rejectReason' | 'conflict'>, string>;

type ScanJson = Omit<Pick<Scan, keyof typeof SCAN_COLUMNS>, 'scannedAt' | 'receivedAt' | 'annulledAt'> & {
  scannedAt: string;
  receivedAt: string;
  annulledAt: string | null;
};

/** `json_build_object(...)` of the scan row under `alias` (JSON writes a date as YYYY-MM-DD, a timestamp as ISO 8601). */
const scanJson = (alias: string): string =>
  `json_build_object(${Object.entries(SCAN_COLUMNS)
    .map(([field, column]) => `'${field}', ${alias}.${column}`)
    .join(', ')})`;
const scanFromJson = (json: ScanJson): Scan =>
  Object.assign(new Scan(), json, {
    scannedAt: new Date(json.scannedAt),
    receivedAt: new Date(json.receivedAt),
    annulledAt: json.annulledAt ? new Date(json.annulledAt) : null,
  });

/** A badge (b) and its attendee (a) as one JSON object: the badges' and attendees' tables are read, never written. */
const BADGE_JSON = `json_build_object('badgeId', b.id, 'status', b.status, 'revokedAt', b.revoked_at, 'code', b.code, 'attendee', ${attendeeJson('a')})`;

/** Every SQL statement of scanning: checkpoint and scan (leads: LeadRepository). */
@Injectable()
export class ScanRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Inserts a checkpoint (the database checks that a SESSION_ROOM, and only it, has a session). */
  createCheckpoint(
    fields: Pick<
      Checkpoint,
      | 'editionId'
      | 'name'
      | 'kind'
      | 'sessionId'
      | 'allowed'
      | 'opensAt'
      | 'closesAt'
      | 'exitScanning'
      | 'minAttendanceShare'
    >,
  ): Promise<Checkpoint> {
    const checkpoints = this.db.getRepository(Checkpoint);
    return checkpoints.save(checkpoints.create(fields));
  }

  /** Sets the fields given on a checkpoint (the database checks the rest); the checkpoint after, or null when there is none. */
  async updateCheckpoint(
    id: string,
    fields: Partial<
      Pick<Checkpoint, 'name' | 'allowed' | 'opensAt' | 'closesAt' | 'exitScanning' | 'minAttendanceShare'>
    >,
  ): Promise<Checkpoint | null> {
    const checkpoints = this.db.getRepository(Checkpoint);
    if (Object.keys(fields).length) await checkpoints.update({ id }, fields);
    return checkpoints.findOne({ where: { id } });
  }

  /** An edition's checkpoints by name. */
  checkpointsOf(editionId: string): Promise<Checkpoint[]> {
    return this.db.getRepository(Checkpoint).find({ where: { editionId }, order: { name: 'ASC' } });
  }

  /** The checkpoint with its edition's zone and days (one statement, the edition read in the join), or null. */
  async doorCheckpoint(checkpointId: string): Promise<DoorCheckpoint | null> {
    const [row]: Omit<DoorCheckpoint, 'createdAt' | 'minAttendanceShare'>[] = await this.db.query(
      `SELECT c.id, c.edition_id AS "editionId", c.name, c.kind, c.session_id AS "sessionId", c.allowed::text[] AS allowed, c.opens_at AS "opensAt", c.closes_at AS "closesAt",
              c.exit_scanning AS "exitScanning", e.timezone,
              to_char(e.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(e.ends_on, 'YYYY-MM-DD') AS "endsOn" FROM checkpoint c JOIN edition e ON e.id = c.edition_id WHERE c.id = $1`,
      [checkpointId],
    );
    return row ? Object.assign(new Checkpoint(), row) : null;
  }

  /**
   * The door batch's one read: the scans of these client ids seen before at the checkpoint, the
   * badges (of the edition) with their attendees, and every admission of those attendees here.
   * Badges and attendees are read in the same statement, never written.
   */
  async readForJudging(
    checkpointId: string,
    editionId: string,
    clientScanIds: string[],
    badgeIds: string[],
  ): Promise<DoorRead> {
    const [read]: [
      { earlier: ScanJson[]; badges: BadgeRow[]; admitted: (Omit<Admission, 'scannedAt'> & { scannedAt: string })[] },
    ] = await this.db.query(
      `SELECT
         (SELECT coalesce(json_agg(${scanJson('s')}), '[]') FROM scan s WHERE s.checkpoint_id = $1 AND s.client_scan_id = ANY($2::text[])) AS earlier,
         (SELECT coalesce(json_agg(${BADGE_JSON}), '[]') FROM badge b JOIN attendee a ON a.id = b.attendee_id WHERE b.id = ANY($3::uuid[]) AND b.edition_id = $4) AS badges,
         (SELECT coalesce(json_agg(json_build_object('attendeeId', s.attendee_id, 'day', s.day, 'direction', s.direction, 'scannedAt', s.scanned_at)), '[]')
            FROM badge b CROSS JOIN LATERAL (
                   -- per badge, through the admissions index (OFFSET 0 keeps it a per-badge lookup): a plan that does not depend on fresh statistics
                   SELECT attendee_id, day, direction, scanned_at FROM scan WHERE checkpoint_id = $1 AND attendee_id = b.attendee_id AND outcome = 'ADMITTED' AND annulled_at IS NULL OFFSET 0) s
           WHERE b.id = ANY($3::uuid[])) AS admitted`,
      [checkpointId, clientScanIds, badgeIds, editionId],
    );
    return {
      earlier: read.earlier.map(scanFromJson),
      badges: read.badges,
      admitted: read.admitted.map((a) => ({ ...a, scannedAt: new Date(a.scannedAt) })),
    };
  }

  /** Badges of an edition with their attendees (read only). */
  async badgesOf(badgeIds: string[], editionId: string): Promise<BadgeRow[]> {
    if (!badgeIds.length) return [];
    const rows: { badge: BadgeRow }[] = await this.db.query(
      `SELECT ${BADGE_JSON} AS badge FROM badge b JOIN attendee a ON a.id = b.attendee_id WHERE b.id = ANY($1::uuid[]) AND b.edition_id = $2`,
      [badgeIds, editionId],
    );
    return rows.map((r) => r.badge);
  }

  /**
   * Writes judged scans in one statement. The unique indexes decide: a scan id seen before, or a
   * second admission of a badge at the checkpoint on a day, is skipped; only the rows written come back.
   * With `checkIn`, the entrance admissions written stamp their attendees' check-in in the same statement
   * (through the attendees lib's CHECK_IN_STATEMENT: one round trip, no transaction).
   */
  async insertScans(
    checkpoint: Pick<Checkpoint, 'id' | 'editionId'>,
    rows: NewScan[],
    checkIn: boolean,
  ): Promise<Scan[]> {
    const checkins = checkIn
      ? `, checkin AS (${CHECK_IN_STATEMENT.from(`SELECT attendee_id, scanned_at FROM ins WHERE outcome = 'ADMITTED' AND direction = 'IN'`)})`
      : '';
    const written: { scan: ScanJson }[] = await this.db.query(
      `WITH ins AS (
         INSERT INTO scan AS s (checkpoint_id, edition_id, client_scan_id, badge_id, attendee_id, outcome, reason, direction, scanned_at, day, scanned_by, device_id, offline_outcome)
         SELECT $1, $2, n.client_scan_id, n.badge_id, n.attendee_id, n.outcome, n.reason, n.direction, n.scanned_at, n.day, n.scanned_by, n.device_id, n.offline_outcome
           FROM unnest($3::text[], $4::uuid[], $5::uuid[], $6::scan_outcome[], $7::text[], $8::text[], $9::timestamptz[], $10::date[], $11::text[], $12::text[], $13::scan_outcome[])
                AS n(client_scan_id, badge_id, attendee_id, outcome, reason, direction, scanned_at, day, scanned_by, device_id, offline_outcome)
         ON CONFLICT DO NOTHING
         RETURNING s.*)${checkins}
       SELECT ${scanJson('ins')} AS scan FROM ins`,
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
        rows.map((r) => r.deviceId),
        rows.map((r) => r.offlineOutcome),
      ],
    );
    return written.map((w) => scanFromJson(w.scan));
  }

  /** Writes a scan that lost its admission race as a DUPLICATE; null when its scan id is taken (then it was written already). */
  async insertDuplicate(checkpoint: Pick<Checkpoint, 'id' | 'editionId'>, row: NewScan): Promise<Scan | null> {
    const [written]: { scan: ScanJson }[] = await this.db.query(
      `INSERT INTO scan AS s (checkpoint_id, edition_id, client_scan_id, badge_id, attendee_id, outcome, reason, direction, scanned_at, day, scanned_by, device_id, offline_outcome)
       VALUES ($1, $2, $3, $4, $5, 'DUPLICATE', NULL, $6, $7, $8, $9, $10, $11) ON CONFLICT (checkpoint_id, client_scan_id) DO NOTHING RETURNING ${scanJson('s')} AS scan`,
      [
        checkpoint.id,
        checkpoint.editionId,
        row.clientScanId,
        row.badgeId,
        row.attendeeId,
        row.direction,
        row.scannedAt,
        row.day,
        row.scannedBy,
        row.deviceId,
        row.offlineOutcome,
      ],
    );
    return written ? scanFromJson(written.scan) : null;
  }

  /** The scan of a client scan id at a checkpoint (unique), or null. */
  async findByClientScanId(checkpointId: string, clientScanId: string): Promise<Scan | null> {
    const [row]: { scan: ScanJson }[] = await this.db.query(
      `SELECT ${scanJson('s')} AS scan FROM scan s WHERE s.checkpoint_id = $1 AND s.client_scan_id = $2`,
      [checkpointId, clientScanId],
    );
    return row ? scanFromJson(row.scan) : null;
  }

  /** A scan by id, or null. */
  async findById(scanId: string): Promise<Scan | null> {
    const [row]: { scan: ScanJson }[] = await this.db.query(
      `SELECT ${scanJson('s')} AS scan FROM scan s WHERE s.id = $1`,
      [scanId],
    );
    return row ? scanFromJson(row.scan) : null;
  }

  /**
   * Annuls an admission that is still counted: the row stays (audit trail) with annulled_at, and the
   * one-admission index no longer holds it. Null when it was annulled meanwhile (or is not an admission).
   */
  async annul(scanId: string): Promise<Scan | null> {
    // An UPDATE answers [rows, affected count].
    const [[row]]: [{ scan: ScanJson }[], number] = await this.db.query(
      `UPDATE scan s SET annulled_at = now() WHERE s.id = $1 AND s.outcome = 'ADMITTED' AND s.annulled_at IS NULL RETURNING ${scanJson('s')} AS scan`,
      [scanId],
    );
    return row ? scanFromJson(row.scan) : null;
  }

  /** When the attendee was admitted at the checkpoint on that day in that direction (at most once: unique index), or null. */
  async admittedAt(checkpointId: string, attendeeId: string, day: string, direction: string): Promise<Date | null> {
    const [row]: { scanned_at: Date }[] = await this.db.query(
      `SELECT scanned_at FROM scan WHERE checkpoint_id = $1 AND attendee_id = $2 AND day = $3 AND direction = $4 AND outcome = 'ADMITTED' AND annulled_at IS NULL`,
      [checkpointId, attendeeId, day, direction],
    );
    return row?.scanned_at ?? null;
  }

  /**
   * A checkpoint's counts, in one statement (the checkpoint and its edition's zone read in the join).
   * Annulled admissions do not count. Today is the edition's local day; inside now is entries minus
   * exits today where the checkpoint scans exits (a session room with exit scanning), else today's
   * entries. Per device: its scans, its counted admissions and when the server last received one.
   */
  async checkpointStats(checkpointId: string): Promise<CheckpointCounts> {
    const [row]: {
      admitted: number;
      duplicates: number;
      rejected: number;
      unique: number;
      today: number;
      exits: number;
      quarter: number;
      exit_scanning: boolean;
      devices: { deviceId: string; scans: number; admitted: number; lastSeenAt: string }[];
    }[] = await this.db.query(
      `WITH cp AS (
         SELECT c.id, c.kind = 'SESSION_ROOM' AND c.exit_scanning AS exit_scanning, (now() AT TIME ZONE e.timezone)::date AS today
           FROM checkpoint c JOIN edition e ON e.id = c.edition_id WHERE c.id = $1)
       SELECT count(s.id) FILTER (WHERE s.outcome = 'ADMITTED' AND s.annulled_at IS NULL AND s.direction = 'IN')::int AS admitted,
              count(s.id) FILTER (WHERE s.outcome = 'DUPLICATE')::int AS duplicates,
              count(s.id) FILTER (WHERE s.outcome = 'REJECTED')::int AS rejected,
              count(DISTINCT s.attendee_id) FILTER (WHERE s.outcome = 'ADMITTED' AND s.annulled_at IS NULL)::int AS unique,
              count(s.id) FILTER (WHERE s.outcome = 'ADMITTED' AND s.annulled_at IS NULL AND s.direction = 'IN' AND s.day = cp.today)::int AS today,
              count(s.id) FILTER (WHERE s.outcome = 'ADMITTED' AND s.annulled_at IS NULL AND s.direction = 'OUT' AND s.day = cp.today)::int AS exits,
              count(s.id) FILTER (WHERE s.outcome = 'ADMITTED' AND s.annulled_at IS NULL AND s.direction = 'IN' AND s.scanned_at > now() - interval '15 minutes')::int AS quarter,
              cp.exit_scanning,
              (SELECT coalesce(json_agg(d ORDER BY d."deviceId"), '[]') FROM (
                 SELECT device_id AS "deviceId", count(*)::int AS scans,
                        count(*) FILTER (WHERE outcome = 'ADMITTED' AND annulled_at IS NULL)::int AS admitted, max(received_at) AS "lastSeenAt"
                   FROM scan WHERE checkpoint_id = cp.id AND device_id IS NOT NULL GROUP BY device_id) d) AS devices
         FROM cp LEFT JOIN scan s ON s.checkpoint_id = cp.id
        GROUP BY cp.id, cp.exit_scanning, cp.today`,
      [checkpointId],
    );
    const today = row?.today ?? 0;
    return {
      checkpointId,
      admitted: row?.admitted ?? 0,
      duplicates: row?.duplicates ?? 0,
      rejected: row?.rejected ?? 0,
      uniqueAttendees: row?.unique ?? 0,
      admittedToday: today,
      insideNow: row?.exit_scanning ? Math.max(0, today - row.exits) : today,
      lastQuarterHour: row?.quarter ?? 0,
      devices: (row?.devices ?? []).map((d) => ({ ...d, lastSeenAt: new Date(d.lastSeenAt) })),
    };
  }

  /**
   * A checkpoint's latest scans, newest first (by scan time): every outcome, one, or only the
   * conflicts (admitted offline, judged otherwise by the server).
   */
  async recentScans(
    checkpointId: string,
    outcome: ScanOutcome | null,
    conflictsOnly: boolean,
    first: number,
  ): Promise<Scan[]> {
    const rows: { scan: ScanJson }[] = await this.db.query(
      `SELECT ${scanJson('s')} AS scan FROM scan s
        WHERE s.checkpoint_id = $1 AND ($2::scan_outcome IS NULL OR s.outcome = $2::scan_outcome)
          AND (NOT $3 OR (s.offline_outcome = 'ADMITTED' AND s.outcome <> 'ADMITTED'))
        ORDER BY s.scanned_at DESC, s.id DESC LIMIT $4`,
      [checkpointId, outcome, conflictsOnly, first],
    );
    return rows.map((r) => scanFromJson(r.scan));
  }

  /** Entries admitted at a checkpoint on a local day per 5 minutes of scan time (annulled ones left out); empty intervals omitted. */
  async admissionsPerFiveMinutes(checkpointId: string, day: string): Promise<{ at: Date; admitted: number }[]> {
    // Every zone's offset is a multiple of 5 minutes: intervals binned from a UTC origin start on local 5-minute marks.
    return this.db.query(
      `SELECT date_bin('5 minutes', s.scanned_at, timestamptz '2000-01-01 00:00:00+00') AS at, count(*)::int AS admitted
         FROM scan s
        WHERE s.checkpoint_id = $1 AND s.day = $2 AND s.outcome = 'ADMITTED' AND s.annulled_at IS NULL AND s.direction = 'IN'
        GROUP BY 1 ORDER BY 1`,
      [checkpointId, day],
    );
  }

  /** People admitted at any entrance of the edition on a local day, each counted once. */
  async uniqueEntrants(editionId: string, day: string): Promise<number> {
    const [{ n }]: { n: number }[] = await this.db.query(
      `SELECT count(DISTINCT s.attendee_id)::int AS n FROM scan s JOIN checkpoint c ON c.id = s.checkpoint_id
        WHERE s.edition_id = $1 AND s.day = $2 AND s.outcome = 'ADMITTED' AND s.annulled_at IS NULL AND s.direction = 'IN' AND c.kind = 'ENTRANCE'`,
      [editionId, day],
    );
    return n;
  }

  /** An attendee's admitted session-room visits of published sessions, by session start (sessions read in the join). */
  async attendanceOf(attendeeId: string): Promise<Attendance[]> {
    const rows: {
      session_id: string;
      starts_at: Date;
      ends_at: Date;
      ce_credits: string;
      min_share: string;
      exit_scanning: boolean;
      entered: Date;
      left: Date | null;
    }[] = await this.db.query(
      `SELECT s.id AS session_id, s.starts_at, s.ends_at, s.ce_credits, c.min_attendance_share AS min_share, c.exit_scanning,
              min(sc.scanned_at) FILTER (WHERE sc.direction = 'IN') AS entered, min(sc.scanned_at) FILTER (WHERE sc.direction = 'OUT') AS left
         FROM scan sc JOIN checkpoint c ON c.id = sc.checkpoint_id JOIN session s ON s.id = c.session_id
        WHERE sc.attendee_id = $1 AND sc.outcome = 'ADMITTED' AND sc.annulled_at IS NULL AND c.kind = 'SESSION_ROOM' AND s.status = 'PUBLISHED'
        GROUP BY s.id, c.id ORDER BY s.starts_at`,
      [attendeeId],
    );
    return rows.map((r) => ({
      sessionId: r.session_id,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      ceCredits: Number(r.ce_credits),
      minShare: Number(r.min_share),
      exitScanning: r.exit_scanning,
      entered: r.entered,
      left: r.left,
    }));
  }

  /** Deletes the scans older than their edition's retention (the edition read in the join); returns how many. */
  async purgeExpired(): Promise<number> {
    const [, deleted]: [unknown, number] = await this.db.query(
      `DELETE FROM scan s USING edition e WHERE s.edition_id = e.id AND e.scan_retention_days IS NOT NULL AND s.received_at < now() - make_interval(days => e.scan_retention_days)`,
    );
    return deleted;
  }
}
