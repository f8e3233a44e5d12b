import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AppConfig,
  checkUrlSignature,
  Loaders,
  notFound,
  Principal,
  unauthenticated,
  urlSignature,
  writeOutbox,
  writeOutboxMany,
} from '@app/core';
import { Attendee, AttendeesService } from '@app/attendees';
import { AccessService, Role } from '@app/editions';
import { DataSource, EntityManager } from 'typeorm';
import { Badge, BadgeBatch, BadgeRevocation, BadgeStatus, BatchState } from './badge.entity';
import { BadgeRepository, BatchFailureRow, RosterRow } from './badge.repository';

/** Badges per render job: big enough to amortize a job, small enough that a retry redoes little. */
export const RENDER_CHUNK = 50;

/** Issuing, reissuing and revoking badges, batches, who may see them, and the signed links to their PDFs. */
@Injectable()
export class BadgesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly badges: BadgeRepository,
    private readonly attendees: AttendeesService,
    private readonly access: AccessService,
    private readonly config: AppConfig,
  ) {}

  /** The attendee's current badge, created PENDING and queued for rendering when there is none. Idempotent. */
  async issue(user: Principal | undefined, attendeeId: string): Promise<Badge> {
    const attendee = await this.attendeeForOrganizer(user, attendeeId);
    return this.db.transaction(async (em) => {
      await this.badges.lockAttendeeBadges(attendeeId, em); // one issue or reissue per attendee at a time
      return (await this.badges.findCurrent(attendeeId, em)) ?? this.create(attendee, em);
    });
  }

  /** A lost badge: the current version is revoked (scanners refuse it from now on) and version + 1 is issued. */
  async reissue(user: Principal | undefined, attendeeId: string): Promise<Badge> {
    const attendee = await this.attendeeForOrganizer(user, attendeeId);
    return this.db.transaction(async (em) => {
      await this.badges.lockAttendeeBadges(attendeeId, em);
      await this.badges.revokeCurrent(attendeeId, em);
      return this.create(attendee, em);
    });
  }

  /**
   * Revokes the attendee's current badge without issuing another (a cancelled registration, a badge
   * handed on): scanners refuse it from now on and generateBadges or issueBadge gives a new version later.
   * NOT_FOUND when the attendee has no current badge.
   */
  async revoke(user: Principal | undefined, attendeeId: string): Promise<Badge> {
    await this.attendeeForOrganizer(user, attendeeId);
    const revoked = await this.db.transaction(async (em) => {
      await this.badges.lockAttendeeBadges(attendeeId, em);
      return this.badges.revokeCurrent(attendeeId, em);
    });
    if (!revoked) throw notFound('Current badge of attendee', attendeeId);
    return revoked;
  }

  /**
   * A badge for every attendee of the edition without a current one, as one batch rendered by the
   * worker in chunks. Running it again only picks up attendees still without a badge.
   */
  async generate(user: Principal | undefined, editionId: string): Promise<BadgeBatch> {
    await this.access.requireOrganizer(user, editionId);
    const batchId = await this.db.transaction(async (em) => {
      const id = await this.badges.createBatch(editionId, em);
      const created = await this.badges.createForAttendeesWithout(editionId, id, em);
      await this.badges.setBatchTotal(id, created.length, em);
      const chunks: { badgeIds: string[] }[] = [];
      for (let i = 0; i < created.length; i += RENDER_CHUNK)
        chunks.push({ badgeIds: created.slice(i, i + RENDER_CHUNK) });
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

  /** The badges of a batch that failed to render for good, with their errors (at most 1,000). */
  batchFailures(batchId: string): Promise<BatchFailureRow[]> {
    return this.badges.batchFailures(batchId, 1000);
  }

  /** A batch's progress as it is now (subscription events carry the batch id only); NOT_FOUND when gone. */
  progressOf(batchId: string): Promise<BadgeBatch> {
    return this.batchById(batchId);
  }

  /** A badge, for its attendee and the edition's organizers; NOT_FOUND for anyone else. */
  async get(user: Principal | undefined, id: string): Promise<Badge> {
    if (!user) throw unauthenticated();
    const found = await this.badges.findWithOwnerEmail(id);
    if (
      !found ||
      !(
        (user.email !== null && found.email === user.email) ||
        (await this.access.isOrganizer(user, found.badge.editionId))
      )
    )
      throw notFound('Badge', id);
    return found.badge;
  }

  /** Current badges by attendee (DataLoader batch). */
  currentOf(attendeeIds: readonly string[]): Promise<Badge[]> {
    return this.badges.findCurrentOf(attendeeIds);
  }

  /** The attendee's current badge as the caller sees it: for the attendee and the edition's organizers, null for anyone else (staff at a door, an exhibitor's lead list). Batched through the request's loaders. */
  async badgeVisibleTo(user: Principal | undefined, attendee: Attendee, loaders: Loaders): Promise<Badge | null> {
    if (!user) return null;
    const own = user.email !== null && attendee.email === user.email;
    if (!own && !(attendee.editionId && (await loaders.organizerOf.load(attendee.editionId)))) return null;
    return loaders.currentBadge.load(attendee.id);
  }

  /** Badge versions revoked since a time (offline scanners keep this list), for organizers and staff. */
  async revocations(user: Principal | undefined, editionId: string, since?: Date): Promise<BadgeRevocation[]> {
    await this.access.require(user, editionId, Role.STAFF);
    return this.badges.revokedSince(editionId, since ?? null);
  }

  /**
   * For offline scanners (the scanning lib checks the caller is the edition's staff): the bookmark a
   * sync starts from, taken before its first page is read.
   */
  scannerBookmark(): Promise<Date> {
    return this.badges.changeBookmark();
  }

  /** For offline scanners (the caller checked access): one keyset page of the edition's roster, changes since `since` only when given. */
  scannerRoster(
    editionId: string,
    since: Date | null,
    afterId: string | null,
    limit: number,
  ): Promise<{ rows: RosterRow[]; hasNextPage: boolean }> {
    return this.badges.rosterPage(editionId, since, afterId, limit);
  }

  /** The PDF's path: signed, so the link works in a browser without a bearer token (only its viewers are given it). */
  pdfPath(badge: Badge): string | null {
    if (badge.status !== BadgeStatus.ACTIVE) return null;
    return `/badges/${badge.id}.pdf?v=${badge.version}&sig=${urlSignature(this.config.jwtSecret, 'badge-pdf', badge.id, String(badge.version))}`;
  }

  /** The stored PDF of an active badge, when the link's signature holds. */
  async pdf(id: string, version: string, signature: unknown): Promise<Buffer | null> {
    if (!checkUrlSignature(this.config.jwtSecret, signature, 'badge-pdf', id, version)) return null;
    return this.badges.activePdf(id, Number(version));
  }

  /** The attendee's next badge version, PENDING, queued for rendering with the transaction. */
  private async create(attendee: Attendee, em: EntityManager): Promise<Badge> {
    const badge = await this.badges.createNext(attendee.editionId, attendee.id, em);
    await writeOutbox(em, 'badges.requested', { badgeIds: [badge.id] });
    return badge;
  }

  private async attendeeForOrganizer(user: Principal | undefined, attendeeId: string): Promise<Attendee> {
    if (!user) throw unauthenticated();
    const attendee = await this.attendees.byId(attendeeId);
    if (!attendee) throw notFound('Attendee', attendeeId);
    await this.access.requireOrganizer(user, attendee.editionId);
    return attendee;
  }

  private async batchById(id: string): Promise<BadgeBatch> {
    const row = await this.badges.batchProgress(id);
    if (!row) throw notFound('Badge batch', id);
    const finished = row.done + row.failed >= row.total;
    const state = finished
      ? row.failed
        ? BatchState.FAILED
        : BatchState.COMPLETED
      : row.done + row.failed > 0
        ? BatchState.RUNNING
        : BatchState.QUEUED;
    return Object.assign(new BadgeBatch(), row, { state });
  }
}
