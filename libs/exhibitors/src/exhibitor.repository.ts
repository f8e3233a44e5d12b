import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Exhibitor, ExhibitorLogo, ExhibitorStaffMember } from './exhibitor.entity';

/** An exhibitor's editable profile. */
export type ExhibitorProfile = Pick<
  Exhibitor,
  | 'name'
  | 'description'
  | 'website'
  | 'category'
  | 'sponsorshipTier'
  | 'contactEmail'
  | 'contactPhone'
  | 'leadExportAdminsOnly'
>;

/** One page of the directory: rank order, after a cursor (rank, name, id) when given. */
export interface DirectoryQuery {
  editionId: string;
  search: string | null;
  category: string | null;
  hallId: string | null;
  after: [rank: number, name: string, id: string] | null;
  limit: number;
}

/** A directory page: exhibitors with their rank, and the number of matches (undefined when the page is empty). */
export interface DirectoryPage {
  exhibitors: (Exhibitor & { rank: number })[];
  total: number | undefined;
}

/** The EXHIBITOR role a person holds in an edition: for which exhibitor, and whether as its admin. */
export interface StaffRole {
  exhibitorId: string;
  admin: boolean;
}

/**
 * Data access for exhibitors and the reads of their staff. Staff are EXHIBITOR rows of
 * `edition_role`, a table of the editions lib: this class only reads it; EditionsService writes it.
 */
@Injectable()
export class ExhibitorRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Inserts an exhibitor. */
  insert(exhibitor: ExhibitorProfile & Pick<Exhibitor, 'editionId'>): Promise<Exhibitor> {
    const exhibitors = this.db.getRepository(Exhibitor);
    return exhibitors.save(exhibitors.create(exhibitor));
  }

  /** Replaces an exhibitor's profile and returns the exhibitor as stored. */
  async updateProfile(id: string, profile: ExhibitorProfile): Promise<Exhibitor> {
    const exhibitors = this.db.getRepository(Exhibitor);
    await exhibitors.update(id, profile);
    return exhibitors.findOneByOrFail({ id });
  }

  /** Replaces the exhibitor's lead tags (already checked: MAX_LEAD_TAGS, lengths, unique) and returns the exhibitor. */
  async setLeadTags(id: string, tags: string[]): Promise<Exhibitor> {
    const exhibitors = this.db.getRepository(Exhibitor);
    await exhibitors.update(id, { leadTags: tags });
    return exhibitors.findOneByOrFail({ id });
  }

  /** Stores (or replaces) the exhibitor's logo, one row per exhibitor, and returns when it was stored. */
  async saveLogo(exhibitorId: string, contentType: string, data: Buffer): Promise<Date> {
    const [row]: { updated_at: Date }[] = await this.db.query(
      `INSERT INTO exhibitor_logo (exhibitor_id, content_type, data, updated_at) VALUES ($1, $2, $3, clock_timestamp())
       ON CONFLICT (exhibitor_id) DO UPDATE SET content_type = EXCLUDED.content_type, data = EXCLUDED.data, updated_at = EXCLUDED.updated_at
       RETURNING updated_at`,
      [exhibitorId, contentType, data],
    );
    return row.updated_at;
  }

  /** The exhibitor's logo (bytes, type, when stored), or null when it has none. */
  logo(exhibitorId: string): Promise<ExhibitorLogo | null> {
    return this.db.getRepository(ExhibitorLogo).findOneBy({ exhibitorId });
  }

  /** When each of these exhibitors' logos was stored (DataLoader batch; the bytes are not read). */
  logoVersions(exhibitorIds: readonly string[]): Promise<Pick<ExhibitorLogo, 'exhibitorId' | 'updatedAt'>[]> {
    return this.db
      .getRepository(ExhibitorLogo)
      .find({ select: { exhibitorId: true, updatedAt: true }, where: { exhibitorId: In([...exhibitorIds]) } });
  }

  /**
   * The exhibitors a person staffs (EXHIBITOR rows of `edition_role`, read only), with the admin flag,
   * in one edition or all; by edition and exhibitor name.
   */
  async membershipsOf(email: string, editionId: string | null): Promise<{ exhibitorId: string; admin: boolean }[]> {
    const rows: { exhibitor_id: string; admin: boolean }[] = await this.db.query(
      `SELECT r.exhibitor_id, r.exhibitor_admin AS admin FROM edition_role r JOIN exhibitor x ON x.id = r.exhibitor_id
        WHERE r.email = $1 AND r.role = 'EXHIBITOR' AND ($2::uuid IS NULL OR r.edition_id = $2)
        ORDER BY r.edition_id, x.name, x.id`,
      [email, editionId],
    );
    return rows.map((r) => ({ exhibitorId: r.exhibitor_id, admin: r.admin }));
  }

  /** Sets the organizers' staff allotment (null: derived from booth area again). */
  async setAllotmentOverride(id: string, places: number | null): Promise<void> {
    await this.db.getRepository(Exhibitor).update(id, { staffAllotmentOverride: places });
  }

  /** The exhibitor if it exists (in this edition when one is given), else null. */
  find(id: string, editionId?: string): Promise<Exhibitor | null> {
    return this.db.getRepository(Exhibitor).findOneBy({ id, ...(editionId ? { editionId } : {}) });
  }

  /** Exhibitors by id (DataLoader batch). */
  byIds(ids: readonly string[]): Promise<Exhibitor[]> {
    return this.db.getRepository(Exhibitor).findBy({ id: In([...ids]) });
  }

  /** The edition's exhibitor, locked until the transaction ends (its staff changes queue behind one another); null when absent. */
  async lock(id: string, editionId: string, manager: EntityManager): Promise<Exhibitor | null> {
    const [exhibitor] = await manager
      .getRepository(Exhibitor)
      .find({ where: { id, editionId }, lock: { mode: 'pessimistic_write' } });
    return exhibitor ?? null;
  }

  /**
   * A directory page in one statement: with a search, best matches first (a name match outranks a
   * description match), else by name; each row carries the number of matches. Conditions are left
   * out rather than written as "$n IS NULL OR ...", so the planner uses the text index.
   */
  async directory(q: DirectoryQuery): Promise<DirectoryPage> {
    const [rank, name, id] = q.after ?? [null, null, null];
    const rows: (Partial<Exhibitor> & { rank: number; total: number })[] = await this.db.query(
      `SELECT * FROM (
         SELECT ${this.columns('x')},
                ${q.search ? `ts_rank(x.search_document, websearch_to_tsquery('english', $2))::float8` : '0::float8'} AS rank,
                count(*) OVER ()::int AS total
           FROM exhibitor x
          WHERE x.edition_id = $1
            ${q.search ? `AND x.search_document @@ websearch_to_tsquery('english', $2)` : 'AND $2::text IS NULL'}
            ${q.category ? 'AND x.category = $3' : 'AND $3::text IS NULL'}
            ${q.hallId ? 'AND EXISTS (SELECT 1 FROM booth b WHERE b.exhibitor_id = x.id AND b.hall_id = $4)' : 'AND $4::uuid IS NULL'}
       ) m
       ${q.after ? 'WHERE m.rank < $5 OR (m.rank = $5 AND (m.name, m.id) > ($6::text, $7::uuid))' : 'WHERE $5::float8 IS NULL AND $6::text IS NULL AND $7::uuid IS NULL'}
       ORDER BY m.rank DESC, m.name, m.id
       LIMIT $8`,
      [q.editionId, q.search, q.category, q.hallId, rank, name, id, q.limit],
    );
    const exhibitors = this.db.getRepository(Exhibitor);
    // create() keeps the entity's columns only; the rank rides along for the cursor.
    return {
      exhibitors: rows.map((row) => Object.assign(exhibitors.create(row), { rank: row.rank })),
      total: rows[0]?.total,
    };
  }

  /** The categories an edition's exhibitors use, each once, alphabetically (blank ones left out). */
  async categories(editionId: string): Promise<string[]> {
    const rows: { category: string }[] = await this.db.query(
      `SELECT DISTINCT category FROM exhibitor WHERE edition_id = $1 AND category IS NOT NULL AND btrim(category) <> '' ORDER BY category`,
      [editionId],
    );
    return rows.map((r) => r.category);
  }

  // ---- staff (reads of edition_role) ----

  /** An exhibitor's staff by email. */
  async staffOf(exhibitorId: string): Promise<ExhibitorStaffMember[]> {
    const rows: { email: string; exhibitor_admin: boolean }[] = await this.db.query(
      `SELECT email, exhibitor_admin FROM edition_role WHERE role = 'EXHIBITOR' AND exhibitor_id = $1 ORDER BY email`,
      [exhibitorId],
    );
    return rows.map((r) => ({ email: r.email, admin: r.exhibitor_admin }));
  }

  /** The EXHIBITOR role a person holds in the edition (at most one: `edition_role_once`), or null. */
  async staffRoleOf(editionId: string, email: string, manager?: EntityManager): Promise<StaffRole | null> {
    const [row]: { exhibitor_id: string; exhibitor_admin: boolean }[] = await (manager ?? this.db.manager).query(
      `SELECT exhibitor_id, exhibitor_admin FROM edition_role WHERE edition_id = $1 AND email = $2 AND role = 'EXHIBITOR'`,
      [editionId, email],
    );
    return row ? { exhibitorId: row.exhibitor_id, admin: row.exhibitor_admin } : null;
  }

  /** Whether the exhibitor has at least one admin. */
  async hasAdmin(exhibitorId: string, manager?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await (manager ?? this.db.manager).query(
      `SELECT 1 FROM edition_role WHERE role = 'EXHIBITOR' AND exhibitor_id = $1 AND exhibitor_admin LIMIT 1`,
      [exhibitorId],
    );
    return rows.length > 0;
  }

  /**
   * The staff allotment's inputs in one statement: the area of the exhibitor's assigned booths (m²)
   * and how many staff it has.
   */
  async staffUsage(exhibitorId: string, manager?: EntityManager): Promise<{ assignedAreaM2: number; used: number }> {
    const [row]: { area: number; used: number }[] = await (manager ?? this.db.manager).query(
      `SELECT coalesce((SELECT sum(width_m * depth_m) FROM booth WHERE exhibitor_id = $1 AND status = 'ASSIGNED'), 0)::float AS area,
              (SELECT count(*) FROM edition_role WHERE role = 'EXHIBITOR' AND exhibitor_id = $1)::int AS used`,
      [exhibitorId],
    );
    return { assignedAreaM2: row.area, used: row.used };
  }

  /** The exhibitor's columns for a hand-written SELECT, aliased to property names: read from the entity, so none is ever left out. */
  private columns(alias: string): string {
    return this.db
      .getMetadata(Exhibitor)
      .columns.filter((c) => c.isSelect)
      .map((c) => `${alias}.${c.databaseName} AS "${c.propertyName}"`)
      .join(', ');
  }
}
