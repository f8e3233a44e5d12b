import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AppConfig,
  badInput,
  checkedEmail,
  conflict,
  ConnectionResult,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  DomainError,
  ErrorCode,
  isId,
  isPgError,
  normalizeEmail,
  notFound,
  pgError,
  PgCode,
  Principal,
  PublicRevision,
  toConnection,
  unauthenticated,
  writeOutbox,
} from '@app/core';
import { AccessService, EditionsService, ExhibitorStaffPort, ExhibitorStaffRule } from '@app/editions';
import { DataSource, EntityManager } from 'typeorm';
import { BoothDraft, BoothRepository } from './booth.repository';
import {
  Booth,
  BOOTH_CODE_CONSTRAINT,
  BOOTH_INSIDE_HALL_CONSTRAINT,
  BOOTH_OVERLAP_CONSTRAINT,
  BoothChange,
  BoothStatus,
  BoothType,
  Exhibitor,
  ExhibitorLogo,
  ExhibitorMembership,
  ExhibitorStaffMember,
  Hall,
  StaffAllotment,
} from './exhibitor.entity';
import {
  BoothInput,
  ExhibitorInput,
  ExhibitorsArgs,
  HallInput,
  MAX_LEAD_TAGS,
  MAX_LEAD_TAG_LENGTH,
} from './exhibitor.inputs';
import { ExhibitorProfile, ExhibitorRepository } from './exhibitor.repository';
import { PlanBooth } from './floor-plan';
import { isLogoType, logoUnsupported, mediaTypeOf, sniffImage } from './logo';

/** The path serving an exhibitor's logo; `v` (the upload's time in ms) changes with each upload, so it may be cached long. */
export const logoUrlOf = (exhibitorId: string, updatedAt: Date) => `/logos/${exhibitorId}?v=${updatedAt.getTime()}`;

/** Staff badges an exhibitor gets without an organizer's override: two per 9 m² of booth, at least two. */
export const allotmentForArea = (areaM2: number) => Math.max(2, Math.floor(areaM2 / 9) * 2);

/** Halls, booths and their inventory, exhibitors and their staff. */
@Injectable()
export class ExhibitorsService implements ExhibitorStaffRule {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly booths: BoothRepository,
    private readonly exhibitors: ExhibitorRepository,
    private readonly editions: EditionsService,
    private readonly access: AccessService,
    private readonly revision: PublicRevision,
    private readonly config: AppConfig,
    staffPort: ExhibitorStaffPort,
  ) {
    staffPort.provide(this); // grantRole(EXHIBITOR) in the editions lib applies the same staff rule
  }

  // ---- halls and booths ----

  async createHall(user: Principal | undefined, editionId: string, input: HallInput): Promise<Hall> {
    await this.access.requireOrganizer(user, editionId);
    try {
      const hall = await this.booths.insertHall({ editionId, ...input });
      await this.revision.bump(); // Edition.halls is part of cached public answers
      return hall;
    } catch (error) {
      if (isPgError(error, PgCode.UNIQUE_VIOLATION)) throw conflict(`A hall named "${input.name}" already exists`);
      throw error;
    }
  }

  hallsOf(editionIds: readonly string[]): Promise<Hall[]> {
    return this.booths.hallsOf(editionIds);
  }

  hallsByIds(ids: readonly string[]): Promise<Hall[]> {
    return this.booths.hallsByIds(ids);
  }

  async createBooth(user: Principal | undefined, editionId: string, input: BoothInput): Promise<Booth> {
    await this.access.requireOrganizer(user, editionId);
    if (!(await this.booths.findHall(input.hallId, editionId))) throw notFound('Hall', input.hallId);
    return this.writeBooth({ editionId, ...input, type: input.type ?? BoothType.INLINE });
  }

  /**
   * Inserts or updates (by id) a booth. PostgreSQL keeps the floor sound: booths of a hall never
   * overlap, lie inside it, and have one code per edition; its refusals become clear errors here.
   */
  async writeBooth(booth: BoothDraft): Promise<Booth> {
    try {
      return await this.booths.saveBooth(booth);
    } catch (error) {
      if (isPgError(error, PgCode.EXCLUSION_VIOLATION, BOOTH_OVERLAP_CONSTRAINT)) {
        const other = await this.booths.overlapping(booth, booth.id);
        throw conflict(`Booth ${booth.code} would overlap booth ${other?.code ?? 'another booth'}`, {
          conflictingBoothId: other?.id ?? null,
        });
      }
      if (isPgError(error, PgCode.CHECK_VIOLATION, BOOTH_INSIDE_HALL_CONSTRAINT))
        throw badInput(`Booth ${booth.code} does not lie inside its hall`, { field: 'xM' });
      if (isPgError(error, PgCode.UNIQUE_VIOLATION, BOOTH_CODE_CONSTRAINT))
        throw conflict(`A booth with code ${booth.code} already exists`);
      if (pgError(error)?.code === PgCode.CHECK_VIOLATION) throw badInput('Booth position and size must be positive');
      throw error;
    }
  }

  /** Public: the floor's booths, by code. */
  listBooths(editionId: string, hallId?: string, status?: BoothStatus): Promise<Booth[]> {
    return this.booths.booths(editionId, { hallId, status });
  }

  boothsOf(exhibitorIds: readonly string[]): Promise<Booth[]> {
    return this.booths.boothsOf(exhibitorIds);
  }

  /** A hall and its booths with exhibitor names, for the floor plan. */
  async floorPlan(hallId: string): Promise<{ hall: Hall; booths: PlanBooth[] }> {
    const hall = await this.booths.findHall(hallId);
    if (!hall) throw notFound('Hall', hallId);
    return { hall, booths: await this.booths.planOf(hallId) };
  }

  // ---- booth inventory: AVAILABLE -> ON_HOLD -> ASSIGNED, release, move ----

  /**
   * Holds an available booth for an exhibitor until a time (in the future: BoothHoldArgs); a delayed
   * job releases it then if it was not assigned.
   */
  async hold(user: Principal | undefined, boothId: string, exhibitorId: string, until: Date): Promise<Booth> {
    const booth = await this.boothForOrganizer(user, boothId);
    await this.exhibitorIn(booth.editionId, exhibitorId);
    return this.change(user!, async (em) => {
      if (!(await this.booths.hold(boothId, exhibitorId, until, em))) throw await this.taken(em, boothId);
      await writeOutbox(em, 'booth.held', { boothId, holdExpiresAt: until.toISOString() });
      return boothId;
    });
  }

  /**
   * Assigns a booth that is available (or on hold for this exhibitor). One conditional UPDATE: of
   * many concurrent calls for one booth exactly one wins; the others get CONFLICT.
   */
  async assign(user: Principal | undefined, boothId: string, exhibitorId: string): Promise<Booth> {
    const booth = await this.boothForOrganizer(user, boothId);
    await this.exhibitorIn(booth.editionId, exhibitorId);
    return this.change(user!, async (em) => {
      if (await this.booths.assign(boothId, exhibitorId, em)) return boothId;
      const current = await this.booths.statusOf(boothId, em);
      if (current?.status === BoothStatus.ASSIGNED && current.exhibitorId === exhibitorId) return boothId; // already theirs
      throw await this.taken(em, boothId);
    });
  }

  async release(user: Principal | undefined, boothId: string): Promise<Booth> {
    await this.boothForOrganizer(user, boothId);
    return this.change(user!, async (em) => {
      await this.booths.release(boothId, em);
      return boothId;
    });
  }

  /**
   * Moves an exhibitor from one booth to another (available, or held for them) in one transaction.
   * Both rows are locked (in id order, so two moves never deadlock) and the source's exhibitor is
   * read again under the lock: of concurrent moves of one booth exactly one wins, the others find
   * it empty (CONFLICT) instead of handing the exhibitor a booth each.
   */
  async move(user: Principal | undefined, boothId: string, toBoothId: string): Promise<Booth> {
    const from = await this.boothForOrganizer(user, boothId);
    if (!from.exhibitorId) throw conflict(`Booth ${from.code} has no exhibitor to move`);
    if (toBoothId === boothId) throw badInput('A booth cannot move onto itself', { field: 'toBoothId' });
    return this.change(user!, async (em) => {
      const locked = await this.booths.lockForMove([boothId, toBoothId], em);
      const exhibitorId = locked.find((b) => b.id === boothId)?.exhibitorId;
      if (!exhibitorId) throw conflict(`Booth ${from.code} has no exhibitor to move`);
      if (!locked.some((b) => b.id === toBoothId && b.editionId === from.editionId)) throw notFound('Booth', toBoothId);
      if (!(await this.booths.assign(toBoothId, exhibitorId, em))) throw await this.taken(em, toBoothId);
      await this.booths.vacate(boothId, exhibitorId, em);
      return toBoothId;
    });
  }

  /**
   * An exhibitor's admin requests a booth while the organizers keep booth selection open and the
   * exhibitor has none (assigned or on hold): AVAILABLE -> ON_HOLD for it until now +
   * BOOTH_REQUEST_HOLD_HOURS, with requestedAt set; the delayed release frees it then unless an
   * organizer assigned it (assignBooth takes a booth held for the same exhibitor: the approval).
   * The exhibitor row is locked first, so one exhibitor's concurrent requests queue and it never
   * ends up holding two booths; the booth changes in one conditional UPDATE, so of concurrent
   * requests for one booth exactly one wins and the others get CONFLICT naming the nearest free
   * booth of the hall (nearestBoothId, nearestBoothCode).
   */
  async requestBooth(user: Principal | undefined, boothId: string, exhibitorId: string): Promise<Booth> {
    const exhibitor = await this.exhibitorForAdmin(user, exhibitorId);
    const booth = await this.booths.findBooth(boothId);
    if (!booth || booth.editionId !== exhibitor.editionId) throw notFound('Booth', boothId);
    const edition = await this.editions.get(exhibitor.editionId);
    if (!edition.boothSelectionOpen)
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        'Booth selection is not open for this edition; the organizers open it',
        {
          reason: 'BOOTH_SELECTION_CLOSED',
        },
      );
    const until = new Date(Date.now() + this.config.boothRequestHoldHours * 3_600_000);
    return this.change(user!, async (em) => {
      await this.exhibitors.lock(exhibitorId, exhibitor.editionId, em); // one request per exhibitor at a time
      const mine = await this.booths.boothCodeOf(exhibitorId, em);
      if (mine) throw conflict(`${exhibitor.name} already has booth ${mine}`, { boothCode: mine });
      if (!(await this.booths.request(boothId, exhibitorId, until, em))) {
        const taken = await this.taken(em, boothId);
        const nearest = await this.booths.nearestFree(boothId, em);
        throw conflict(
          `${taken.message}; ${nearest ? `booth ${nearest.code} nearby is free` : 'no other booth of this hall is free'}`,
          { ...taken.details, nearestBoothId: nearest?.id ?? null, nearestBoothCode: nearest?.code ?? null },
        );
      }
      await writeOutbox(em, 'booth.held', { boothId, holdExpiresAt: until.toISOString() });
      return boothId;
    });
  }

  /** Releases a hold that expired (the worker's delayed job). Returns false when the booth moved on. */
  releaseExpiredHold(boothId: string, holdExpiresAt: Date): Promise<boolean> {
    return this.booths.releaseExpiredHold(boothId, holdExpiresAt);
  }

  async history(user: Principal | undefined, boothId: string): Promise<BoothChange[]> {
    await this.boothForOrganizer(user, boothId);
    return this.booths.history(boothId);
  }

  // ---- exhibitors ----

  async createExhibitor(user: Principal | undefined, editionId: string, input: ExhibitorInput): Promise<Exhibitor> {
    await this.access.requireOrganizer(user, editionId);
    return this.exhibitors.insert({ editionId, ...this.profile(input) });
  }

  /**
   * Organizers and the exhibitor's admins: replaces the tags its staff may put on leads (trimmed; at
   * most MAX_LEAD_TAGS, each 1..MAX_LEAD_TAG_LENGTH characters, no two alike ignoring case).
   * Leads keep tags taken off the list; they are refused only when set again.
   */
  async setLeadTags(user: Principal | undefined, exhibitorId: string, tags: string[]): Promise<Exhibitor> {
    await this.exhibitorForAdmin(user, exhibitorId);
    const clean = tags.map((t) => t.trim());
    if (clean.length > MAX_LEAD_TAGS)
      throw badInput(`An exhibitor has at most ${MAX_LEAD_TAGS} lead tags`, { field: 'tags' });
    const bad = clean.find((t) => t.length < 1 || t.length > MAX_LEAD_TAG_LENGTH);
    if (bad !== undefined) throw badInput(`A lead tag has 1 to ${MAX_LEAD_TAG_LENGTH} characters`, { field: 'tags' });
    const seen = new Set<string>();
    for (const tag of clean) {
      if (seen.has(tag.toLowerCase())) throw badInput(`The lead tag "${tag}" is listed twice`, { field: 'tags' });
      seen.add(tag.toLowerCase());
    }
    return this.exhibitors.setLeadTags(exhibitorId, clean);
  }

  /** Organizers, and the exhibitor's own admins; anyone else gets NOT_FOUND. */
  async updateExhibitor(user: Principal | undefined, id: string, input: ExhibitorInput): Promise<Exhibitor> {
    await this.exhibitorForAdmin(user, id);
    return this.exhibitors.updateProfile(id, this.profile(input));
  }

  exhibitor(id: string): Promise<Exhibitor | null> {
    return this.exhibitors.find(id);
  }

  exhibitorsByIds(ids: readonly string[]): Promise<Exhibitor[]> {
    return this.exhibitors.byIds(ids);
  }

  /**
   * The directory: with a search, best matches first (a name match outranks a description match),
   * else by name; one statement returns the page and the number of matches.
   */
  async search(args: ExhibitorsArgs): Promise<ConnectionResult<Exhibitor>> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const after = args.after
      ? (decodeCursor(args.after, ['number', 'string', 'string']) as [number, string, string])
      : null;
    if (after && !isId(after[2])) throw badInput('Malformed cursor', { argument: 'after' });
    const { exhibitors, total } = await this.exhibitors.directory({
      editionId: args.editionId,
      search: args.search?.trim() || null,
      category: args.category ?? null,
      hallId: args.hallId ?? null,
      after,
      limit: first + 1,
    });
    // Without a row on this page the number of matches is counted on its own (a page past the end).
    return toConnection(
      exhibitors,
      first,
      (x) => [x.rank, x.name, x.id],
      total ?? (async () => (args.after ? (await this.search({ ...args, after: undefined, first: 1 })).totalCount : 0)),
    );
  }

  /** The categories an edition's exhibitors use, each once, alphabetically: the directory's filter. */
  categories(editionId: string): Promise<string[]> {
    return this.exhibitors.categories(editionId);
  }

  // ---- logos ----

  /**
   * Stores an exhibitor's logo (its admins and organizers; NOT_FOUND for anyone else). The declared
   * type must be PNG, JPEG, WebP or GIF (SVG is refused) and the bytes must be that image by their
   * magic numbers (415 otherwise); `read` takes the body, refusing one over LOGO_MAX_BYTES (413).
   * Returns the logo's URL, which changes with each upload.
   */
  async uploadLogo(
    user: Principal | undefined,
    exhibitorId: string,
    contentType: string | undefined,
    read: (limit: number) => Promise<Buffer>,
  ): Promise<{ logoUrl: string }> {
    await this.exhibitorForAdmin(user, exhibitorId);
    const declared = mediaTypeOf(contentType);
    if (declared === 'image/svg+xml') throw logoUnsupported('SVG logos are refused (an SVG can carry scripts)');
    if (!isLogoType(declared)) throw logoUnsupported(`Content-Type ${declared || '(none)'} is not accepted`);
    const bytes = await read(this.config.logoMaxBytes);
    if (sniffImage(bytes) !== declared) throw logoUnsupported(`The body is not a ${declared} image`);
    const updatedAt = await this.exhibitors.saveLogo(exhibitorId, declared, bytes);
    return { logoUrl: logoUrlOf(exhibitorId, updatedAt) };
  }

  /** Public: the stored logo, or null when the exhibitor has none. */
  logo(exhibitorId: string): Promise<ExhibitorLogo | null> {
    return this.exhibitors.logo(exhibitorId);
  }

  /** When each exhibitor's logo was stored (DataLoader batch for Exhibitor.logoUrl). */
  logoVersions(exhibitorIds: readonly string[]): Promise<Pick<ExhibitorLogo, 'exhibitorId' | 'updatedAt'>[]> {
    return this.exhibitors.logoVersions(exhibitorIds);
  }

  // ---- exhibitor staff ----

  /** The exhibitors the caller staffs (in one edition or all), with whether they are its admin. */
  async memberships(user: Principal | undefined, editionId?: string): Promise<ExhibitorMembership[]> {
    if (!user) throw unauthenticated();
    if (!user.email) return []; // an unverified account staffs nothing
    const rows = await this.exhibitors.membershipsOf(user.email, editionId ?? null);
    const exhibitors = new Map((await this.exhibitors.byIds(rows.map((r) => r.exhibitorId))).map((x) => [x.id, x]));
    return rows.flatMap((r) => {
      const exhibitor = exhibitors.get(r.exhibitorId);
      return exhibitor ? [{ exhibitor, admin: r.admin }] : [];
    });
  }

  async staff(user: Principal | undefined, exhibitorId: string): Promise<ExhibitorStaffMember[]> {
    await this.exhibitorForAdmin(user, exhibitorId);
    return this.exhibitors.staffOf(exhibitorId);
  }

  /** Adds a staff member (role EXHIBITOR for this exhibitor) within the allotment; CONFLICT when it is used up. */
  async addStaff(
    user: Principal | undefined,
    exhibitorId: string,
    email: string,
    admin: boolean,
  ): Promise<ExhibitorStaffMember[]> {
    const exhibitor = await this.exhibitorForAdmin(user, exhibitorId);
    await this.enrolStaff(exhibitor.editionId, exhibitorId, email, admin);
    return this.exhibitors.staffOf(exhibitorId);
  }

  /**
   * The one rule for joining an exhibitor's staff (addExhibitorStaff, and an organizer's
   * grantRole(EXHIBITOR) through ExhibitorStaffPort): within the allotment, and never moving a
   * person who works for another exhibitor. The exhibitor row is locked so its allotment checks
   * queue; the role is written by the editions lib in this transaction and only ever updates a
   * role of this exhibitor (one EXHIBITOR role per person and edition), so of two exhibitors adding
   * one email at once exactly one wins, with its own admin flag, and the other gets CONFLICT.
   */
  async enrolStaff(editionId: string, exhibitorId: string, email: string, admin: boolean | 'first'): Promise<void> {
    const address = checkedEmail(email);
    const alreadyElsewhere = () => conflict(`${address} is already staff of another exhibitor`);
    await this.db.transaction(async (em) => {
      const exhibitor = await this.exhibitors.lock(exhibitorId, editionId, em); // one allotment check at a time
      if (!exhibitor) throw notFound('Exhibitor', exhibitorId);
      const taken = await this.exhibitors.staffRoleOf(editionId, address, em);
      if (taken && taken.exhibitorId !== exhibitorId) throw alreadyElsewhere();
      if (!taken) {
        const allotment = await this.allotmentOf(exhibitor, em);
        if (allotment.used >= allotment.allotted)
          throw conflict(
            `All ${allotment.allotted} staff places are taken; remove someone or ask the organizers for more`,
            { allotted: allotment.allotted },
          );
      }
      // 'first': an admin only when the exhibitor has none; a person granted again keeps their flag.
      const makeAdmin =
        admin !== 'first' ? admin : taken ? taken.admin : !(await this.exhibitors.hasAdmin(exhibitorId, em));
      if (!(await this.editions.setExhibitorRole(editionId, address, exhibitorId, { admin: makeAdmin }, em)))
        throw alreadyElsewhere(); // another exhibitor enrolled this person an instant earlier
    });
  }

  async removeStaff(user: Principal | undefined, exhibitorId: string, email: string): Promise<ExhibitorStaffMember[]> {
    const exhibitor = await this.exhibitorForAdmin(user, exhibitorId);
    await this.editions.setExhibitorRole(exhibitor.editionId, normalizeEmail(email), exhibitorId, null);
    return this.exhibitors.staffOf(exhibitorId);
  }

  async allotment(user: Principal | undefined, exhibitorId: string): Promise<StaffAllotment> {
    const exhibitor = await this.exhibitorForAdmin(user, exhibitorId);
    return this.allotmentOf(exhibitor);
  }

  /** Organizers: a fixed number of staff places (null: back to the one derived from booth area). */
  async setAllotment(user: Principal | undefined, exhibitorId: string, places: number | null): Promise<StaffAllotment> {
    const exhibitor = await this.exhibitorOrNotFound(exhibitorId);
    await this.access.requireOrganizer(user, exhibitor.editionId);
    await this.exhibitors.setAllotmentOverride(exhibitorId, places);
    return this.allotmentOf({ ...exhibitor, staffAllotmentOverride: places });
  }

  // ---- helpers ----

  /** The organizers' number when they set one, else two places per 9 m² of assigned booth (at least two). */
  private async allotmentOf(exhibitor: Exhibitor, manager?: EntityManager): Promise<StaffAllotment> {
    const { assignedAreaM2, used } = await this.exhibitors.staffUsage(exhibitor.id, manager);
    const override = exhibitor.staffAllotmentOverride;
    return { allotted: override ?? allotmentForArea(assignedAreaM2), used, overridden: override !== null };
  }

  /** Runs a booth change in a transaction that names its actor for the history trigger; returns the booth. */
  private async change(user: Principal, work: (em: EntityManager) => Promise<string>): Promise<Booth> {
    const id = await this.db.transaction(async (em) => {
      await this.booths.nameActor(user.email ?? `user ${user.userId}`, em);
      return work(em);
    });
    const booth = await this.booths.findBooth(id);
    if (!booth) throw notFound('Booth', id);
    return booth;
  }

  private async taken(em: EntityManager, boothId: string): Promise<DomainError> {
    const current = await this.booths.holderOf(boothId, em);
    if (!current) return notFound('Booth', boothId);
    return conflict(
      `Booth ${current.code} is ${current.status === BoothStatus.ON_HOLD ? 'on hold' : 'assigned'}${current.exhibitorName ? ` for ${current.exhibitorName}` : ''}`,
      { status: current.status },
    );
  }

  private async boothForOrganizer(user: Principal | undefined, boothId: string): Promise<Booth> {
    if (!user) throw unauthenticated();
    const booth = await this.booths.findBooth(boothId);
    if (!booth) throw notFound('Booth', boothId);
    await this.access.requireOrganizer(user, booth.editionId);
    return booth;
  }

  private async exhibitorIn(editionId: string, exhibitorId: string): Promise<Exhibitor> {
    const exhibitor = await this.exhibitors.find(exhibitorId, editionId);
    if (!exhibitor) throw notFound('Exhibitor', exhibitorId);
    return exhibitor;
  }

  private async exhibitorOrNotFound(id: string): Promise<Exhibitor> {
    const exhibitor = await this.exhibitors.find(id);
    if (!exhibitor) throw notFound('Exhibitor', id);
    return exhibitor;
  }

  /** The exhibitor, for organizers and its own admins; NOT_FOUND for everyone else (no hint it exists). */
  private async exhibitorForAdmin(user: Principal | undefined, id: string): Promise<Exhibitor> {
    if (!user) throw unauthenticated();
    const exhibitor = await this.exhibitorOrNotFound(id);
    if (await this.access.isOrganizer(user, exhibitor.editionId)) return exhibitor;
    const role = user.email ? await this.exhibitors.staffRoleOf(exhibitor.editionId, user.email) : null;
    if (role?.exhibitorId !== id || !role.admin) throw notFound('Exhibitor', id);
    return exhibitor;
  }

  private profile(input: ExhibitorInput): ExhibitorProfile {
    return {
      name: input.name.trim(),
      description: input.description ?? null,
      website: input.website ?? null,
      category: input.category ?? null,
      sponsorshipTier: input.sponsorshipTier ?? null,
      contactEmail: input.contactEmail ?? null,
      contactPhone: input.contactPhone ?? null,
      leadExportAdminsOnly: input.leadExportAdminsOnly ?? false,
    };
  }
}
