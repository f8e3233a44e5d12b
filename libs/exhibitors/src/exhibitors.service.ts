import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { badInput, checkedEmail, conflict, ConnectionResult, decodeCursor, DEFAULT_PAGE_SIZE, isId, isPgError, normalizeEmail, notFound, pgError, PgCode, Principal, PublicRevision, toConnection, unauthenticated, writeOutbox } from '@app/core';
import { AccessService, ExhibitorStaffPort, ExhibitorStaffRule } from '@app/editions';
import { DataSource, EntityManager, In } from 'typeorm';
import { Booth, BOOTH_CODE_CONSTRAINT, BOOTH_INSIDE_HALL_CONSTRAINT, BOOTH_OVERLAP_CONSTRAINT, BoothChange, BoothStatus, BoothType, Exhibitor, ExhibitorStaffMember, Hall, StaffAllotment } from './exhibitor.entity';
import { BoothInput, ExhibitorInput, ExhibitorsArgs, HallInput } from './exhibitor.inputs';

/** Staff badges an exhibitor gets without an organizer's override: two per 9 m² of booth, at least two. */
export const allotmentForArea = (areaM2: number) => Math.max(2, Math.floor(areaM2 / 9) * 2);

/** Halls, booths and their inventory, exhibitors and their staff. */
@Injectable()
export class ExhibitorsService implements ExhibitorStaffRule {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly revision: PublicRevision,
    staffPort: ExhibitorStaffPort,
  ) {
    staffPort.provide(this); // grantRole(EXHIBITOR) in the editions lib applies the same staff rule
  }

  // ---- halls and booths ----

  async createHall(user: Principal | undefined, editionId: string, input: HallInput): Promise<Hall> {
    await this.access.requireOrganizer(user, editionId);
    try {
      const hall = await this.db.getRepository(Hall).save(this.db.getRepository(Hall).create({ editionId, ...input }));
      await this.revision.bump(); // Edition.halls is part of cached public answers
      return hall;
    } catch (error) {
      if (isPgError(error, PgCode.UNIQUE_VIOLATION)) throw conflict(`A hall named "${input.name}" already exists`);
      throw error;
    }
  }

  hallsOf(editionIds: readonly string[]): Promise<Hall[]> {
    return this.db.getRepository(Hall).find({ where: { editionId: In([...editionIds]) }, order: { name: 'ASC' } });
  }

  hallsByIds(ids: readonly string[]): Promise<Hall[]> {
    return this.db.getRepository(Hall).findBy({ id: In([...ids]) });
  }

  async createBooth(user: Principal | undefined, editionId: string, input: BoothInput): Promise<Booth> {
    await this.access.requireOrganizer(user, editionId);
    const hall = await this.db.getRepository(Hall).findOneBy({ id: input.hallId, editionId });
    if (!hall) throw notFound('Hall', input.hallId);
    return this.writeBooth(this.db.manager, { editionId, ...input, type: input.type ?? BoothType.INLINE });
  }

  /** Inserts or updates (by code) a booth, turning constraint violations into clear errors. */
  async writeBooth(em: EntityManager, booth: Omit<BoothInput, 'type'> & { editionId: string; type: BoothType; id?: string }): Promise<Booth> {
    try {
      const repo = em.getRepository(Booth);
      const saved = await repo.save(repo.create(booth));
      return repo.findOneByOrFail({ id: saved.id });
    } catch (error) {
      const info = pgError(error);
      if (isPgError(error, PgCode.EXCLUSION_VIOLATION, BOOTH_OVERLAP_CONSTRAINT)) {
        const [other] = await this.db.query(
          `SELECT id, code FROM booth WHERE hall_id = $1 AND numrange(x_m, x_m + width_m) && numrange($2::numeric, $2::numeric + $4::numeric) AND numrange(y_m, y_m + depth_m) && numrange($3::numeric, $3::numeric + $5::numeric) AND id IS DISTINCT FROM $6::uuid LIMIT 1`,
          [booth.hallId, booth.xM, booth.yM, booth.widthM, booth.depthM, booth.id ?? null],
        );
        throw conflict(`Booth ${booth.code} would overlap booth ${other?.code ?? 'another booth'}`, { conflictingBoothId: other?.id ?? null });
      }
      if (isPgError(error, PgCode.CHECK_VIOLATION, BOOTH_INSIDE_HALL_CONSTRAINT)) throw badInput(`Booth ${booth.code} does not lie inside its hall`, { field: 'xM' });
      if (isPgError(error, PgCode.UNIQUE_VIOLATION, BOOTH_CODE_CONSTRAINT)) throw conflict(`A booth with code ${booth.code} already exists`);
      if (info?.code === PgCode.CHECK_VIOLATION) throw badInput('Booth position and size must be positive');
      throw error;
    }
  }

  /** Public: the floor's booths, by code. */
  async booths(editionId: string, hallId?: string, status?: BoothStatus): Promise<Booth[]> {
    return this.db.getRepository(Booth).find({ where: { editionId, ...(hallId ? { hallId } : {}), ...(status ? { status } : {}) }, order: { code: 'ASC' } });
  }

  boothsOf(exhibitorIds: readonly string[]): Promise<Booth[]> {
    return this.db.getRepository(Booth).find({ where: { exhibitorId: In([...exhibitorIds]) }, order: { code: 'ASC' } });
  }

  /** A hall and its booths with exhibitor names, for the floor plan. */
  async floorPlan(hallId: string): Promise<{ hall: Hall; booths: { code: string; xM: number; yM: number; widthM: number; depthM: number; status: string; exhibitor: string | null }[] }> {
    const hall = await this.db.getRepository(Hall).findOneBy({ id: hallId });
    if (!hall) throw notFound('Hall', hallId);
    const rows: { code: string; x_m: string; y_m: string; width_m: string; depth_m: string; status: string; exhibitor: string | null }[] = await this.db.query(
      `SELECT b.code, b.x_m, b.y_m, b.width_m, b.depth_m, b.status, x.name AS exhibitor FROM booth b LEFT JOIN exhibitor x ON x.id = b.exhibitor_id WHERE b.hall_id = $1 ORDER BY b.code`,
      [hallId],
    );
    return { hall, booths: rows.map((r) => ({ code: r.code, xM: Number(r.x_m), yM: Number(r.y_m), widthM: Number(r.width_m), depthM: Number(r.depth_m), status: r.status, exhibitor: r.exhibitor })) };
  }

  // ---- booth inventory: AVAILABLE -> ON_HOLD -> ASSIGNED, release, move ----

  /** Holds an available booth for an exhibitor until a time; a delayed job releases it then if it was not assigned. */
  async hold(user: Principal | undefined, boothId: string, exhibitorId: string, until: Date): Promise<Booth> {
    const booth = await this.boothForOrganizer(user, boothId);
    await this.exhibitorIn(booth.editionId, exhibitorId);
    if (!(until.getTime() > Date.now())) throw badInput('A hold must end in the future', { field: 'until' });
    return this.change(user!, async (em) => {
      const [[row]] = await em.query(
        `UPDATE booth SET status = 'ON_HOLD', exhibitor_id = $2, hold_expires_at = $3, updated_at = now()
          WHERE id = $1 AND (status = 'AVAILABLE' OR (status = 'ON_HOLD' AND exhibitor_id = $2)) RETURNING id`,
        [boothId, exhibitorId, until],
      );
      if (!row) throw await this.taken(em, boothId);
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
      const [[row]] = await em.query(
        `UPDATE booth SET status = 'ASSIGNED', exhibitor_id = $2, hold_expires_at = NULL, updated_at = now()
          WHERE id = $1 AND (status = 'AVAILABLE' OR (status = 'ON_HOLD' AND exhibitor_id = $2)) RETURNING id`,
        [boothId, exhibitorId],
      );
      if (row) return boothId;
      const [current] = await em.query(`SELECT status, exhibitor_id FROM booth WHERE id = $1`, [boothId]);
      if (current.status === BoothStatus.ASSIGNED && current.exhibitor_id === exhibitorId) return boothId; // already theirs
      throw await this.taken(em, boothId);
    });
  }

  async release(user: Principal | undefined, boothId: string): Promise<Booth> {
    await this.boothForOrganizer(user, boothId);
    return this.change(user!, async (em) => {
      await em.query(`UPDATE booth SET status = 'AVAILABLE', exhibitor_id = NULL, hold_expires_at = NULL, updated_at = now() WHERE id = $1 AND status <> 'AVAILABLE'`, [boothId]);
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
      const locked: { id: string; edition_id: string; exhibitor_id: string | null }[] = await em.query(`SELECT id, edition_id, exhibitor_id FROM booth WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [[boothId, toBoothId]]);
      const exhibitorId = locked.find((b) => b.id === boothId)?.exhibitor_id;
      if (!exhibitorId) throw conflict(`Booth ${from.code} has no exhibitor to move`);
      if (!locked.some((b) => b.id === toBoothId && b.edition_id === from.editionId)) throw notFound('Booth', toBoothId);
      const [[moved]] = await em.query(
        `UPDATE booth SET status = 'ASSIGNED', exhibitor_id = $2, hold_expires_at = NULL, updated_at = now()
          WHERE id = $1 AND edition_id = $3 AND (status = 'AVAILABLE' OR (status = 'ON_HOLD' AND exhibitor_id = $2)) RETURNING id`,
        [toBoothId, exhibitorId, from.editionId],
      );
      if (!moved) throw await this.taken(em, toBoothId);
      await em.query(`UPDATE booth SET status = 'AVAILABLE', exhibitor_id = NULL, hold_expires_at = NULL, updated_at = now() WHERE id = $1 AND exhibitor_id = $2`, [boothId, exhibitorId]);
      return toBoothId;
    });
  }

  /** Releases a hold that expired (the worker's delayed job). Returns false when the booth moved on. */
  async releaseExpiredHold(boothId: string, holdExpiresAt: Date): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.db.query(
      `UPDATE booth SET status = 'AVAILABLE', exhibitor_id = NULL, hold_expires_at = NULL, updated_at = now()
        WHERE id = $1 AND status = 'ON_HOLD' AND hold_expires_at = $2 AND hold_expires_at <= now()`,
      [boothId, holdExpiresAt],
    );
    return affected > 0;
  }

  async history(user: Principal | undefined, boothId: string): Promise<BoothChange[]> {
    await this.boothForOrganizer(user, boothId);
    return this.db.getRepository(BoothChange).find({ where: { boothId }, order: { at: 'ASC', id: 'ASC' } });
  }

  // ---- exhibitors ----

  async createExhibitor(user: Principal | undefined, editionId: string, input: ExhibitorInput): Promise<Exhibitor> {
    await this.access.requireOrganizer(user, editionId);
    const repo = this.db.getRepository(Exhibitor);
    return repo.save(repo.create({ editionId, ...this.profile(input) }));
  }

  /** Organizers, and the exhibitor's own admins; anyone else gets NOT_FOUND. */
  async updateExhibitor(user: Principal | undefined, id: string, input: ExhibitorInput): Promise<Exhibitor> {
    await this.exhibitorForAdmin(user, id);
    await this.db.getRepository(Exhibitor).update(id, this.profile(input));
    return this.db.getRepository(Exhibitor).findOneByOrFail({ id });
  }

  async exhibitor(id: string): Promise<Exhibitor | null> {
    return this.db.getRepository(Exhibitor).findOneBy({ id });
  }

  exhibitorsByIds(ids: readonly string[]): Promise<Exhibitor[]> {
    return this.db.getRepository(Exhibitor).findBy({ id: In([...ids]) });
  }

  /**
   * The directory: with a search, best matches first (a name match outranks a description match),
   * else by name; one statement returns the page and the number of matches.
   */
  async search(args: ExhibitorsArgs): Promise<ConnectionResult<Exhibitor>> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const search = args.search?.trim() || null;
    const [rank, name, id] = args.after ? decodeCursor(args.after, ['number', 'string', 'string']) : [null, null, null];
    if (id !== null && !isId(id)) throw badInput('Malformed cursor', { argument: 'after' });
    if (args.hallId && !isId(args.hallId)) throw badInput('hallId is not a valid id', { argument: 'hallId' });
    // Conditions are left out rather than written as "$n IS NULL OR ...": the planner then uses the text index.
    const rows: (Record<string, unknown> & { rank: number; total: number })[] = await this.db.query(
      `SELECT * FROM (
         SELECT x.id, x.edition_id AS "editionId", x.name, x.description, x.website, x.category, x.sponsorship_tier AS "sponsorshipTier",
                x.contact_email AS "contactEmail", x.contact_phone AS "contactPhone", x.lead_export_admins_only AS "leadExportAdminsOnly",
                x.staff_allotment_override AS "staffAllotmentOverride", x.created_at AS "createdAt", x.updated_at AS "updatedAt",
                ${search ? `ts_rank(x.search_document, websearch_to_tsquery('english', $2))::float8` : '0::float8'} AS rank,
                count(*) OVER ()::int AS total
           FROM exhibitor x
          WHERE x.edition_id = $1
            ${search ? `AND x.search_document @@ websearch_to_tsquery('english', $2)` : 'AND $2::text IS NULL'}
            ${args.category ? 'AND x.category = $3' : 'AND $3::text IS NULL'}
            ${args.hallId ? 'AND EXISTS (SELECT 1 FROM booth b WHERE b.exhibitor_id = x.id AND b.hall_id = $4)' : 'AND $4::uuid IS NULL'}
       ) m
       ${args.after ? 'WHERE m.rank < $5 OR (m.rank = $5 AND (m.name, m.id) > ($6::text, $7::uuid))' : 'WHERE $5::float8 IS NULL AND $6::text IS NULL AND $7::uuid IS NULL'}
       ORDER BY m.rank DESC, m.name, m.id
       LIMIT $8`,
      [args.editionId, search, args.category ?? null, args.hallId ?? null, rank, name, id, first + 1],
    );
    // Without a row on this page the number of matches is counted on its own (a page past the end).
    const total = rows[0]?.total;
    const page = rows.map(({ rank: r, total: _, ...x }) => Object.assign(new Exhibitor(), x, { rank: r }) as Exhibitor & { rank: number });
    return toConnection(page, first, (x) => [x.rank, x.name, x.id], total ?? (async () => (args.after ? (await this.search({ ...args, after: undefined, first: 1 })).totalCount : 0)));
  }

  /** The categories an edition's exhibitors use, each once, alphabetically: the directory's filter. */
  async categories(editionId: string): Promise<string[]> {
    const rows: { category: string }[] = await this.db.query(
      `SELECT DISTINCT category FROM exhibitor WHERE edition_id = $1 AND category IS NOT NULL AND btrim(category) <> '' ORDER BY category`,
      [editionId],
    );
    return rows.map((r) => r.category);
  }

  // ---- exhibitor staff ----

  async staff(user: Principal | undefined, exhibitorId: string): Promise<ExhibitorStaffMember[]> {
    await this.exhibitorForAdmin(user, exhibitorId);
    const rows: { email: string; exhibitor_admin: boolean }[] = await this.db.query(
      `SELECT email, exhibitor_admin FROM edition_role WHERE role = 'EXHIBITOR' AND exhibitor_id = $1 ORDER BY email`,
      [exhibitorId],
    );
    return rows.map((r) => ({ email: r.email, admin: r.exhibitor_admin }));
  }

  /** Adds a staff member (role EXHIBITOR for this exhibitor) within the allotment; CONFLICT when it is used up. */
  async addStaff(user: Principal | undefined, exhibitorId: string, email: string, admin: boolean): Promise<ExhibitorStaffMember[]> {
    const exhibitor = await this.exhibitorForAdmin(user, exhibitorId);
    await this.enrolStaff(exhibitor.editionId, exhibitorId, email, admin);
    return this.staff(user, exhibitorId);
  }

  /**
   * The one rule for joining an exhibitor's staff (addExhibitorStaff, and an organizer's
   * grantRole(EXHIBITOR) through ExhibitorStaffPort): within the allotment, and never moving a
   * person who works for another exhibitor. The exhibitor row is locked so its allotment checks
   * queue; the upsert only ever updates a role of this exhibitor (edition_role_once allows one
   * EXHIBITOR role per person and edition), so of two exhibitors adding one email at once exactly
   * one wins, with its own admin flag, and the other gets CONFLICT.
   */
  async enrolStaff(editionId: string, exhibitorId: string, email: string, admin: boolean | 'first'): Promise<void> {
    const address = checkedEmail(email);
    const alreadyElsewhere = () => conflict(`${address} is already staff of another exhibitor`);
    await this.db.transaction(async (em) => {
      const [exhibitor] = await em.getRepository(Exhibitor).find({ where: { id: exhibitorId, editionId }, lock: { mode: 'pessimistic_write' } }); // one allotment check at a time
      if (!exhibitor) throw notFound('Exhibitor', exhibitorId);
      const [taken]: { exhibitor_id: string; exhibitor_admin: boolean }[] = await em.query(`SELECT exhibitor_id, exhibitor_admin FROM edition_role WHERE edition_id = $1 AND email = $2 AND role = 'EXHIBITOR'`, [editionId, address]);
      if (taken && taken.exhibitor_id !== exhibitorId) throw alreadyElsewhere();
      if (!taken) {
        const allotment = await this.allotmentIn(em, exhibitor);
        if (allotment.used >= allotment.allotted) throw conflict(`All ${allotment.allotted} staff places are taken; remove someone or ask the organizers for more`, { allotted: allotment.allotted });
      }
      // 'first': an admin only when the exhibitor has none; a person granted again keeps their flag.
      const makeAdmin = admin !== 'first' ? admin : taken ? taken.exhibitor_admin : !(await em.query(`SELECT 1 FROM edition_role WHERE role = 'EXHIBITOR' AND exhibitor_id = $1 AND exhibitor_admin LIMIT 1`, [exhibitorId])).length;
      const [row] = await em.query(
        `INSERT INTO edition_role (edition_id, email, role, exhibitor_id, exhibitor_admin) VALUES ($1, $2, 'EXHIBITOR', $3, $4)
         ON CONFLICT ON CONSTRAINT edition_role_once DO UPDATE SET exhibitor_admin = EXCLUDED.exhibitor_admin WHERE edition_role.exhibitor_id = EXCLUDED.exhibitor_id
         RETURNING id`,
        [editionId, address, exhibitorId, makeAdmin],
      );
      if (!row) throw alreadyElsewhere(); // another exhibitor enrolled this person an instant earlier
    });
  }

  async removeStaff(user: Principal | undefined, exhibitorId: string, email: string): Promise<ExhibitorStaffMember[]> {
    await this.exhibitorForAdmin(user, exhibitorId);
    await this.db.query(`DELETE FROM edition_role WHERE role = 'EXHIBITOR' AND exhibitor_id = $1 AND email = $2`, [exhibitorId, normalizeEmail(email)]);
    return this.staff(user, exhibitorId);
  }

  async allotment(user: Principal | undefined, exhibitorId: string): Promise<StaffAllotment> {
    const exhibitor = await this.exhibitorForAdmin(user, exhibitorId);
    return this.allotmentIn(this.db.manager, exhibitor);
  }

  /** Organizers: a fixed number of staff places (null: back to the one derived from booth area). */
  async setAllotment(user: Principal | undefined, exhibitorId: string, places: number | null): Promise<StaffAllotment> {
    const exhibitor = await this.exhibitorOrNotFound(exhibitorId);
    await this.access.requireOrganizer(user, exhibitor.editionId);
    if (places !== null && (!Number.isInteger(places) || places < 0 || places > 500)) throw badInput('places must be 0..500', { field: 'places' });
    await this.db.query(`UPDATE exhibitor SET staff_allotment_override = $2 WHERE id = $1`, [exhibitorId, places]);
    return this.allotmentIn(this.db.manager, { ...exhibitor, staffAllotmentOverride: places });
  }

  // ---- helpers ----

  private async allotmentIn(em: EntityManager, exhibitor: Exhibitor): Promise<StaffAllotment> {
    const [{ area, used }] = await em.query(
      `SELECT coalesce((SELECT sum(width_m * depth_m) FROM booth WHERE exhibitor_id = $1 AND status = 'ASSIGNED'), 0)::float AS area,
              (SELECT count(*) FROM edition_role WHERE role = 'EXHIBITOR' AND exhibitor_id = $1)::int AS used`,
      [exhibitor.id],
    );
    const overridden = exhibitor.staffAllotmentOverride !== null;
    return { allotted: overridden ? exhibitor.staffAllotmentOverride! : allotmentForArea(area), used, overridden };
  }

  /** Runs a booth change in a transaction that names its actor for the history trigger; returns the booth. */
  private async change(user: Principal, work: (em: EntityManager) => Promise<string>): Promise<Booth> {
    const id = await this.db.transaction(async (em) => {
      await em.query(`SELECT set_config('app.actor', $1, true)`, [user.email ?? `user ${user.userId}`]);
      return work(em);
    });
    return this.db.getRepository(Booth).findOneByOrFail({ id });
  }

  private async taken(em: EntityManager, boothId: string): Promise<Error> {
    const [current] = await em.query(`SELECT b.code, b.status, x.name FROM booth b LEFT JOIN exhibitor x ON x.id = b.exhibitor_id WHERE b.id = $1`, [boothId]);
    return conflict(`Booth ${current.code} is ${current.status === 'ON_HOLD' ? 'on hold' : 'assigned'}${current.name ? ` for ${current.name}` : ''}`, { status: current.status });
  }

  private async boothForOrganizer(user: Principal | undefined, boothId: string): Promise<Booth> {
    if (!user) throw unauthenticated();
    const booth = await this.db.getRepository(Booth).findOneBy({ id: boothId });
    if (!booth) throw notFound('Booth', boothId);
    await this.access.requireOrganizer(user, booth.editionId);
    return booth;
  }

  private async exhibitorIn(editionId: string, exhibitorId: string): Promise<Exhibitor> {
    const exhibitor = await this.db.getRepository(Exhibitor).findOneBy({ id: exhibitorId, editionId });
    if (!exhibitor) throw notFound('Exhibitor', exhibitorId);
    return exhibitor;
  }

  private async exhibitorOrNotFound(id: string): Promise<Exhibitor> {
    const exhibitor = await this.db.getRepository(Exhibitor).findOneBy({ id });
    if (!exhibitor) throw notFound('Exhibitor', id);
    return exhibitor;
  }

  /** The exhibitor, for organizers and its own admins; NOT_FOUND for everyone else (no hint it exists). */
  private async exhibitorForAdmin(user: Principal | undefined, id: string): Promise<Exhibitor> {
    if (!user) throw unauthenticated();
    const exhibitor = await this.exhibitorOrNotFound(id);
    if (await this.access.isOrganizer(user, exhibitor.editionId)) return exhibitor;
    const [admin] = await this.db.query(`SELECT 1 FROM edition_role WHERE edition_id = $1 AND email = $2 AND role = 'EXHIBITOR' AND exhibitor_id = $3 AND exhibitor_admin`, [
      exhibitor.editionId,
      user.email ?? '',
      id,
    ]);
    if (!admin) throw notFound('Exhibitor', id);
    return exhibitor;
  }

  private profile(input: ExhibitorInput): Partial<Exhibitor> {
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
