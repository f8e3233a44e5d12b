import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, checkUrlSignature, notFound, Principal, unauthenticated, urlSignature, writeOutbox, writeOutboxMany } from '@app/core';
import { Attendee } from '@app/attendees';
import { AccessService, Role } from '@app/editions';
import { DataSource, EntityManager } from 'typeorm';
import { Badge, BadgeBatch, BadgeRevocation, BadgeStatus, BatchState, CURRENT_BADGE_PREDICATE } from './badge.entity';

/** Badges per render job: big enough to amortize a job, small enough that a retry redoes little. */
export const RENDER_CHUNK = 50;
const BADGE_COLUMNS = `id, edition_id AS "editionId", attendee_id AS "attendeeId", version, status, batch_id AS "batchId", code, qr_svg AS "qrSvg", error, failed_at AS "failedAt", created_at AS "createdAt", activated_at AS "activatedAt", revoked_at AS "revokedAt"`;
const asBadge = (row: Record<string, unknown>): Badge => Object.assign(new Badge(), row);

/** Issuing, reissuing and revoking badges, batches, who may see them, and the signed links to their PDFs. */
@Injectable()
export class BadgesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly config: AppConfig,
  ) {}

  /** The attendee's current badge, created PENDING and queued for rendering when there is none. Idempotent. */
  async issue(user: Principal | undefined, attendeeId: string): Promise<Badge> {
    const attendee = await this.attendeeForOrganizer(user, attendeeId);
    return this.db.transaction(async (em) => {
      await em.query(`SELECT 1 FROM attendee WHERE id = $1 FOR UPDATE`, [attendeeId]); // one issue or reissue per attendee at a time
      const [current] = await em.query(`SELECT ${BADGE_COLUMNS} FROM badge WHERE attendee_id = $1 AND status <> 'REVOKED'`, [attendeeId]);
      return current ? asBadge(current) : this.create(em, attendee);
    });
  }

  /** A lost badge: the current version is revoked (scanners refuse it from now on) and version + 1 is issued. */
  async reissue(user: Principal | undefined, attendeeId: string): Promise<Badge> {
    const attendee = await this.attendeeForOrganizer(user, attendeeId);
    return this.db.transaction(async (em) => {
      await em.query(`SELECT 1 FROM attendee WHERE id = $1 FOR UPDATE`, [attendeeId]);
      await em.query(`UPDATE badge SET status = 'REVOKED', revoked_at = now() WHERE attendee_id = $1 AND status <> 'REVOKED'`, [attendeeId]);
      return this.create(em, attendee);
    });
  }

  /**
   * A badge for every attendee of the edition without a current one, as one batch rendered by the
   * worker in chunks. Running it again only picks up attendees still without a badge.
   */
  async generate(user: Principal | undefined, editionId: string): Promise<BadgeBatch> {
    await this.access.requireOrganizer(user, editionId);
    const batchId = await this.db.transaction(async (em) => {
      const [{ id }]: { id: string }[] = await em.query(`INSERT INTO badge_batch (edition_id, total) VALUES ($1, 0) RETURNING id`, [editionId]);
      const created: { id: string }[] = await em.query(
        `INSERT INTO badge (edition_id, attendee_id, version, batch_id)
         SELECT a.edition_id, a.id, coalesce((SELECT max(b.version) FROM badge b WHERE b.attendee_id = a.id), 0) + 1, $2
           FROM attendee a
          WHERE a.edition_id = $1 AND NOT EXISTS (SELECT 1 FROM badge b WHERE b.attendee_id = a.id AND b.status <> 'REVOKED')
          ORDER BY lower(a.last_name), lower(a.first_name)
         ON CONFLICT (attendee_id) WHERE ${CURRENT_BADGE_PREDICATE} DO NOTHING
         RETURNING id`,
        [editionId, id],
      );
      await em.query(`UPDATE badge_batch SET total = $2 WHERE id = $1`, [id, created.length]);
      const chunks: { badgeIds: string[] }[] = [];
      for (let i = 0; i < created.length; i += RENDER_CHUNK) chunks.push({ badgeIds: created.slice(i, i + RENDER_CHUNK).map((b) => b.id) });
      await writeOutboxMany(em, 'badges.requested', chunks);
      return id;
    });
    return this.batchById(batchId);
  }

  /** A batch's progress, for the edition's organizers. */
  async batch(user: Principal | undefined, id: string): Promise<BadgeBatch> {
    const batch = await this.batchById(id);
    await this.access.requireOrganizer(user, batch.editionId);
    return batch;
  }

  /** A badge, for its attendee and the edition's organizers; NOT_FOUND for anyone else. */
  async get(user: Principal | undefined, id: string): Promise<Badge> {
    if (!user) throw unauthenticated();
    const [row] = await this.db.query(`SELECT ${BADGE_COLUMNS}, (SELECT email FROM attendee a WHERE a.id = b.attendee_id) AS email FROM badge b WHERE id = $1`, [id]);
    if (!row || !((user.email !== null && row.email === user.email) || (await this.access.isOrganizer(user, row.editionId)))) throw notFound('Badge', id);
    delete row.email;
    return asBadge(row);
  }

  /** Current badges by attendee (DataLoader batch). */
  async currentOf(attendeeIds: readonly string[]): Promise<Badge[]> {
    const rows = await this.db.query(`SELECT ${BADGE_COLUMNS} FROM badge WHERE attendee_id = ANY($1::uuid[]) AND status <> 'REVOKED'`, [attendeeIds]);
    return rows.map(asBadge);
  }

  /** Badge versions revoked since a time (offline scanners keep this list), for organizers and staff. */
  async revocations(user: Principal | undefined, editionId: string, since?: Date): Promise<BadgeRevocation[]> {
    await this.access.require(user, editionId, Role.STAFF);
    const rows: { badge_id: string; version: number; revoked_at: Date }[] = await this.db.query(
      `SELECT id AS badge_id, version, revoked_at FROM badge WHERE edition_id = $1 AND revoked_at IS NOT NULL AND ($2::timestamptz IS NULL OR revoked_at > $2) ORDER BY revoked_at, id`,
      [editionId, since ?? null],
    );
    return rows.map((r) => ({ badgeId: r.badge_id, version: r.version, revokedAt: r.revoked_at }));
  }

  /** The PDF's path: signed, so the link works in a browser without a bearer token (only its viewers are given it). */
  pdfPath(badge: Badge): string | null {
    if (badge.status !== BadgeStatus.ACTIVE) return null;
    return `/badges/${badge.id}.pdf?v=${badge.version}&sig=${urlSignature(this.config.jwtSecret, 'badge-pdf', badge.id, String(badge.version))}`;
  }

  /** The stored PDF of an active badge, when the link's signature holds. */
  async pdf(id: string, version: string, signature: unknown): Promise<Buffer | null> {
    if (!checkUrlSignature(this.config.jwtSecret, signature, 'badge-pdf', id, version)) return null;
    const [row]: { pdf: Buffer }[] = await this.db.query(`SELECT pdf FROM badge WHERE id = $1 AND version = $2 AND status = 'ACTIVE'`, [id, Number(version)]);
    return row?.pdf ?? null;
  }

  private async create(em: EntityManager, attendee: Attendee): Promise<Badge> {
    const [row] = await em.query(
      `INSERT INTO badge (edition_id, attendee_id, version)
       VALUES ($1, $2, coalesce((SELECT max(version) FROM badge WHERE attendee_id = $2), 0) + 1)
       RETURNING ${BADGE_COLUMNS}`,
      [attendee.editionId, attendee.id],
    );
    await writeOutbox(em, 'badges.requested', { badgeIds: [row.id] });
    return asBadge(row);
  }

  private async attendeeForOrganizer(user: Principal | undefined, attendeeId: string): Promise<Attendee> {
    if (!user) throw unauthenticated();
    const attendee = await this.db.getRepository(Attendee).findOneBy({ id: attendeeId });
    if (!attendee) throw notFound('Attendee', attendeeId);
    await this.access.requireOrganizer(user, attendee.editionId);
    return attendee;
  }

  private async batchById(id: string): Promise<BadgeBatch> {
    const [row]: { id: string; edition_id: string; total: number; created_at: Date; done: number; failed: number }[] = await this.db.query(
      `SELECT bb.id, bb.edition_id, bb.total, bb.created_at,
              count(b.id) FILTER (WHERE b.activated_at IS NOT NULL)::int AS done,
              count(b.id) FILTER (WHERE b.failed_at IS NOT NULL AND b.activated_at IS NULL)::int AS failed
         FROM badge_batch bb LEFT JOIN badge b ON b.batch_id = bb.id WHERE bb.id = $1 GROUP BY bb.id`,
      [id],
    );
    if (!row) throw notFound('Badge batch', id);
    const finished = row.done + row.failed >= row.total;
    const state = finished ? (row.failed ? BatchState.FAILED : BatchState.COMPLETED) : row.done + row.failed > 0 ? BatchState.RUNNING : BatchState.QUEUED;
    return Object.assign(new BadgeBatch(), { id: row.id, editionId: row.edition_id, total: row.total, createdAt: row.created_at, done: row.done, failed: row.failed, state });
  }
}
