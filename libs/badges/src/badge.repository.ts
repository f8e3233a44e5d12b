import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { BadgeCard } from './badge-render';
import { Badge, CURRENT_BADGE_PREDICATE } from './badge.entity';

/**
 * A badge's columns by entity field: the one list every badge read and RETURNING uses (the PDF is
 * read only when served). A field added to the entity fails to compile here until it is listed.
 */
const BADGE_COLUMNS = {
  id: 'id',
  editionId: 'edition_id',
  attendeeId: 'attendee_id',
  version: 'version',
  status: 'status',
  batchId: 'batch_id',
  code: 'code',
  qrSvg: 'qr_svg',
  error: 'error',
  failedAt: 'failed_at',
  createdAt: 'created_at',
  activatedAt: 'activated_at',
  revokedAt: 'revoked_at',
} as const satisfies Record<Exclude<keyof Badge, 'pdf'>, string>;

const BADGE_SELECT = Object.entries(BADGE_COLUMNS)
  .map(([field, column]) => `${column} AS "${field}"`)
  .join(', ');

type BadgeFields = Pick<Badge, keyof typeof BADGE_COLUMNS>;
const asBadge = (row: BadgeFields): Badge => Object.assign(new Badge(), row);

/** A badge version on a scanner's roster. */
export interface RosterRow {
  badgeId: string;
  version: number;
  attendeeId: string;
  name: string;
  accessLevel: string;
  revoked: boolean;
}

/** A batch and the counts of its badges. */
export interface BatchProgressRow {
  id: string;
  editionId: string;
  total: number;
  createdAt: Date;
  done: number;
  failed: number;
}

/** What rendering a pending badge needs: the badge, its attendee's card fields and the edition's name. */
export interface PendingBadgeRow extends Omit<BadgeCard, 'code'> {
  id: string;
  version: number;
  editionId: string;
  /** The generateBadges batch it belongs to, if any (its progress is published as chunks finish). */
  batchId: string | null;
}

/** A badge of a batch that failed to render for good, and why. */
export interface BatchFailureRow {
  badgeId: string;
  attendeeId: string;
  reason: string;
}

/** Every SQL statement on `badge` and `badge_batch`, which the badges lib owns. */
@Injectable()
export class BadgeRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Takes the attendee's badge lock until the transaction ends: one issue or reissue per attendee at a time. */
  async lockAttendeeBadges(attendeeId: string, manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('badge:' || $1))`, [attendeeId]);
  }

  /** The attendee's current badge (at most one: the badge_current partial unique index), or null. */
  async findCurrent(attendeeId: string, manager?: EntityManager): Promise<Badge | null> {
    const [row]: BadgeFields[] = await (manager ?? this.db.manager).query(
      `SELECT ${BADGE_SELECT} FROM badge WHERE attendee_id = $1 AND ${CURRENT_BADGE_PREDICATE}`,
      [attendeeId],
    );
    return row ? asBadge(row) : null;
  }

  /** The current badges of these attendees (one at most each). */
  async findCurrentOf(attendeeIds: readonly string[]): Promise<Badge[]> {
    const rows: BadgeFields[] = await this.db.query(
      `SELECT ${BADGE_SELECT} FROM badge WHERE attendee_id = ANY($1::uuid[]) AND ${CURRENT_BADGE_PREDICATE}`,
      [attendeeIds],
    );
    return rows.map(asBadge);
  }

  /** A badge and its attendee's email (read from the attendees lib's table in the same query), or null. */
  async findWithOwnerEmail(id: string): Promise<{ badge: Badge; email: string } | null> {
    const [row]: (BadgeFields & { ownerEmail: string })[] = await this.db.query(
      `SELECT ${BADGE_SELECT}, (SELECT email FROM attendee a WHERE a.id = b.attendee_id) AS "ownerEmail" FROM badge b WHERE id = $1`,
      [id],
    );
    if (!row) return null;
    const { ownerEmail, ...badge } = row;
    return { badge: asBadge(badge), email: ownerEmail };
  }

  /** Revokes the attendee's current badge, if any: scanners refuse its code from now on. Returns it, revoked. */
  async revokeCurrent(attendeeId: string, manager?: EntityManager): Promise<Badge | null> {
    const [rows]: [BadgeFields[], number] = await (manager ?? this.db.manager).query(
      `UPDATE badge SET status = 'REVOKED', revoked_at = now() WHERE attendee_id = $1 AND ${CURRENT_BADGE_PREDICATE}
       RETURNING ${BADGE_SELECT}`,
      [attendeeId],
    );
    return rows[0] ? asBadge(rows[0]) : null;
  }

  /** A new PENDING badge, the attendee's next version; fails on badge_current when a current one exists. */
  async createNext(editionId: string, attendeeId: string, manager?: EntityManager): Promise<Badge> {
    const [row]: BadgeFields[] = await (manager ?? this.db.manager).query(
      `INSERT INTO badge (edition_id, attendee_id, version)
       VALUES ($1, $2, coalesce((SELECT max(version) FROM badge WHERE attendee_id = $2), 0) + 1)
       RETURNING ${BADGE_SELECT}`,
      [editionId, attendeeId],
    );
    return asBadge(row);
  }

  /** A new, empty batch of the edition. */
  async createBatch(editionId: string, manager?: EntityManager): Promise<string> {
    const [{ id }]: { id: string }[] = await (manager ?? this.db.manager).query(
      `INSERT INTO badge_batch (edition_id, total) VALUES ($1, 0) RETURNING id`,
      [editionId],
    );
    return id;
  }

  /**
   * A PENDING badge in the batch for every attendee of the edition without a current one (reading the
   * attendees lib's table in the same statement), in last-name order; an attendee given one meanwhile
   * is skipped (badge_current). Returns the new badges' ids.
   */
  async createForAttendeesWithout(editionId: string, batchId: string, manager?: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await (manager ?? this.db.manager).query(
      `INSERT INTO badge (edition_id, attendee_id, version, batch_id)
       SELECT a.edition_id, a.id, coalesce((SELECT max(b.version) FROM badge b WHERE b.attendee_id = a.id), 0) + 1, $2
         FROM attendee a
        WHERE a.edition_id = $1 AND NOT EXISTS (SELECT 1 FROM badge b WHERE b.attendee_id = a.id AND b.status <> 'REVOKED')
        ORDER BY lower(a.last_name), lower(a.first_name)
       ON CONFLICT (attendee_id) WHERE ${CURRENT_BADGE_PREDICATE} DO NOTHING
       RETURNING id`,
      [editionId, batchId],
    );
    return rows.map((r) => r.id);
  }

  /** Sets how many badges the batch holds. */
  async setBatchTotal(batchId: string, total: number, manager?: EntityManager): Promise<void> {
    await (manager ?? this.db.manager).query(`UPDATE badge_batch SET total = $2 WHERE id = $1`, [batchId, total]);
  }

  /** A batch with the counts of its rendered and failed badges (one query), or null. */
  async batchProgress(id: string): Promise<BatchProgressRow | null> {
    const [row]: BatchProgressRow[] = await this.db.query(
      `SELECT bb.id, bb.edition_id AS "editionId", bb.total, bb.created_at AS "createdAt",
              count(b.id) FILTER (WHERE b.activated_at IS NOT NULL)::int AS done,
              count(b.id) FILTER (WHERE b.failed_at IS NOT NULL AND b.activated_at IS NULL)::int AS failed
         FROM badge_batch bb LEFT JOIN badge b ON b.batch_id = bb.id WHERE bb.id = $1 GROUP BY bb.id`,
      [id],
    );
    return row ?? null;
  }

  /** The badges of a batch that failed to render for good (after their retries), with the error, at most `limit` (by attendee). */
  batchFailures(batchId: string, limit: number): Promise<BatchFailureRow[]> {
    return this.db.query(
      `SELECT id AS "badgeId", attendee_id AS "attendeeId", coalesce(error, 'unknown error') AS reason
         FROM badge WHERE batch_id = $1 AND failed_at IS NOT NULL AND activated_at IS NULL
        ORDER BY attendee_id LIMIT $2`,
      [batchId, limit],
    );
  }

  /** Badge versions of the edition revoked after `since` (all when null), oldest first: through the badge_revocations index. */
  async revokedSince(
    editionId: string,
    since: Date | null,
  ): Promise<{ badgeId: string; version: number; revokedAt: Date }[]> {
    return this.db.query(
      `SELECT id AS "badgeId", version, revoked_at AS "revokedAt" FROM badge
        WHERE edition_id = $1 AND revoked_at IS NOT NULL AND ($2::timestamptz IS NULL OR revoked_at > $2) ORDER BY revoked_at, id`,
      [editionId, since],
    );
  }

  /**
   * Where a scanner's next delta sync starts: the database's time, taken back past every transaction
   * still open (one that started earlier may commit a change stamped before now after a page is read)
   * and by a minute more for the API's clock (some stamps come from it). Overlap is fine, loss is not.
   */
  async changeBookmark(): Promise<Date> {
    const [{ at }]: { at: Date }[] = await this.db.query(
      `SELECT least(clock_timestamp() - interval '1 minute',
                    (SELECT min(xact_start) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid())) AS at`,
    );
    return at;
  }

  /**
   * One keyset page of an edition's badges that are or were valid (activated or revoked), by id,
   * with their attendees' name and access level (attendees read in the join, never written): through
   * badge_roster. With `since`, only badges activated or revoked, or whose attendee changed, at or
   * after it. `limit` + 1 rows are read to tell whether a next page exists.
   */
  async rosterPage(
    editionId: string,
    since: Date | null,
    afterId: string | null,
    limit: number,
  ): Promise<{ rows: RosterRow[]; hasNextPage: boolean }> {
    const rows: RosterRow[] = await this.db.query(
      `SELECT b.id AS "badgeId", b.version, b.attendee_id AS "attendeeId", a.first_name || ' ' || a.last_name AS name,
              a.access_level AS "accessLevel", b.status = 'REVOKED' AS revoked
         FROM badge b JOIN attendee a ON a.id = b.attendee_id
        WHERE b.edition_id = $1 AND b.status <> 'PENDING' ${afterId ? 'AND b.id > $4' : ''}
          ${since ? 'AND (b.activated_at >= $3 OR b.revoked_at >= $3 OR a.updated_at >= $3)' : 'AND $3::timestamptz IS NULL'}
        ORDER BY b.id LIMIT $2`,
      afterId ? [editionId, limit + 1, since, afterId] : [editionId, limit + 1, since],
    );
    return { rows: rows.slice(0, limit), hasNextPage: rows.length > limit };
  }

  /** The stored PDF of this version of the badge while it is ACTIVE, or null. */
  async activePdf(id: string, version: number): Promise<Buffer | null> {
    const [row]: { pdf: Buffer | null }[] = await this.db.query(
      `SELECT pdf FROM badge WHERE id = $1 AND version = $2 AND status = 'ACTIVE'`,
      [id, version],
    );
    return row?.pdf ?? null;
  }

  /** Of these badges, those still PENDING, with their card fields (attendee and edition read in the same query). */
  pendingForRender(badgeIds: string[]): Promise<PendingBadgeRow[]> {
    return this.db.query(
      `SELECT b.id, b.version, b.edition_id AS "editionId", b.batch_id AS "batchId", a.first_name AS "firstName", a.last_name AS "lastName", a.company,
              a.job_title AS "jobTitle", a.access_level AS "accessLevel", e.name AS "editionName"
         FROM badge b JOIN attendee a ON a.id = b.attendee_id JOIN edition e ON e.id = b.edition_id
        WHERE b.id = ANY($1::uuid[]) AND b.status = 'PENDING'`,
      [badgeIds],
    );
  }

  /** Stores rendered badges and makes them ACTIVE in one statement; a badge revoked meanwhile stays revoked. */
  async activate(rendered: { id: string; code: string; svg: string; pdf: Buffer }[]): Promise<void> {
    await this.db.query(
      `UPDATE badge b SET status = 'ACTIVE', code = v.code, qr_svg = v.svg, pdf = v.pdf, activated_at = now(), error = NULL, failed_at = NULL
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bytea[]) AS v(id, code, svg, pdf)
        WHERE b.id = v.id AND b.status = 'PENDING'`,
      [rendered.map((d) => d.id), rendered.map((d) => d.code), rendered.map((d) => d.svg), rendered.map((d) => d.pdf)],
    );
  }

  /** Records why badges failed to render (still PENDING ones only); `final` marks them failed for the batch to report. */
  async recordFailures(failed: { id: string; error: string }[], final: boolean): Promise<void> {
    await this.db.query(
      `UPDATE badge b SET error = v.error, failed_at = CASE WHEN $3 THEN now() END
         FROM unnest($1::uuid[], $2::text[]) AS v(id, error) WHERE b.id = v.id AND b.status = 'PENDING'`,
      [failed.map((f) => f.id), failed.map((f) => f.error), final],
    );
  }
}
