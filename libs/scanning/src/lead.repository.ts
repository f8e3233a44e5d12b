import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LeadCapture, LeadOrder } from './lead.types';
import { Lead } from './scan.entity';

/** What deciding who may see an exhibitor's leads needs: its edition, its export rule, whether the caller is one of its admins, and its lead tags. */
export interface LeadAccess {
  editionId: string;
  adminsOnly: boolean;
  exhibitorAdmin: boolean;
  leadTags: string[];
}

/** Which of an exhibitor's leads a list shows. */
export interface LeadFilter {
  exhibitorId: string;
  /** Words that must each occur (case-insensitive) in the searched text. */
  words: string[];
  /** Search the contact's company and email too (false: names and notes only). */
  searchContact: boolean;
  minRating: number | null;
  tag: string | null;
  capturedBy: string | null;
}

/** Each order's sort key (every column ascending or every one descending, so one row comparison pages it) and direction. */
const ORDERS: Record<LeadOrder, { key: string[]; desc: boolean }> = {
  [LeadOrder.CAPTURED_AT_DESC]: { key: ['l.captured_at', 'l.id'], desc: true },
  [LeadOrder.CAPTURED_AT_ASC]: { key: ['l.captured_at', 'l.id'], desc: false },
  [LeadOrder.RATING_DESC]: { key: ['coalesce(l.rating, 0)::int', 'l.captured_at', 'l.id'], desc: true },
  [LeadOrder.NAME_ASC]: {
    key: [`lower(l.contact->>'lastName')`, `lower(l.contact->>'firstName')`, 'l.id'],
    desc: false,
  },
};

/** The types of an order's key values, as its cursor carries them (after the order's name). */
export const LEAD_CURSOR_SHAPES: Record<LeadOrder, ('string' | 'number')[]> = {
  [LeadOrder.CAPTURED_AT_DESC]: ['string', 'string'],
  [LeadOrder.CAPTURED_AT_ASC]: ['string', 'string'],
  [LeadOrder.RATING_DESC]: ['number', 'string', 'string'],
  [LeadOrder.NAME_ASC]: ['string', 'string', 'string'],
};

/** A lead's sort key in an order, as its cursor carries it. */
export function leadSortKey(lead: Lead, order: LeadOrder): (string | number)[] {
  switch (order) {
    case LeadOrder.RATING_DESC:
      return [lead.rating ?? 0, lead.capturedAt.toISOString(), lead.id];
    case LeadOrder.NAME_ASC:
      return [lead.contact.lastName.toLowerCase(), lead.contact.firstName.toLowerCase(), lead.id];
    default:
      return [lead.capturedAt.toISOString(), lead.id];
  }
}

/** A LIKE pattern matching the text anywhere, its wildcards taken literally. */
const containing = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Every SQL statement on the `lead` table, which scanning owns. */
@Injectable()
export class LeadRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The lead of (exhibitor, attendee), created with this contact snapshot the first time; a later
   * capture keeps the earliest capture time and the contact, and updates notes and rating when given.
   */
  async upsert(
    lead: Pick<Lead, 'exhibitorId' | 'attendeeId' | 'capturedAt' | 'capturedBy' | 'contact'>,
    notes: string | null,
    rating: number | null,
    tags: string[] | null = null,
  ): Promise<Lead> {
    const [row]: { id: string }[] = await this.db.query(
      `INSERT INTO lead (exhibitor_id, attendee_id, captured_at, captured_by, contact, notes, rating, tags)
       VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8::text[], '{}'))
       ON CONFLICT ON CONSTRAINT lead_once DO UPDATE SET captured_at = least(lead.captured_at, EXCLUDED.captured_at),
              notes = coalesce(EXCLUDED.notes, lead.notes), rating = coalesce(EXCLUDED.rating, lead.rating),
              tags = CASE WHEN $8::text[] IS NULL THEN lead.tags ELSE EXCLUDED.tags END, updated_at = now()
       RETURNING id`,
      [lead.exhibitorId, lead.attendeeId, lead.capturedAt, lead.capturedBy, lead.contact, notes, rating, tags],
    );
    return this.db.getRepository(Lead).findOneByOrFail({ id: row.id });
  }

  /** One lead, or null. */
  findById(id: string): Promise<Lead | null> {
    return this.db.getRepository(Lead).findOneBy({ id });
  }

  /** Sets the notes, rating and tags given (undefined: unchanged) and returns the lead. */
  async update(id: string, changes: { notes?: string | null; rating?: number | null; tags?: string[] }): Promise<Lead> {
    const leads = this.db.getRepository(Lead);
    const set = {
      ...(changes.notes !== undefined ? { notes: changes.notes } : {}),
      ...(changes.rating !== undefined ? { rating: changes.rating } : {}),
      ...(changes.tags !== undefined ? { tags: changes.tags } : {}),
    };
    if (Object.keys(set).length) await leads.update(id, set);
    return leads.findOneByOrFail({ id });
  }

  /**
   * A page of an exhibitor's leads matching the filter, in the order, after the cursor's sort key
   * (keyset: one row comparison over the order's key, served from lead_by_exhibitor for the capture
   * orders); `count` counts every match. One statement each.
   */
  async page(
    filter: LeadFilter,
    order: LeadOrder,
    take: number,
    after?: (string | number)[],
  ): Promise<{ rows: Lead[]; count: () => Promise<number> }> {
    const { where, params } = this.matching(filter);
    const { key, desc } = ORDERS[order];
    const keyset = after
      ? ` AND (${key.join(', ')}) ${desc ? '<' : '>'} (${after.map((_, i) => `$${params.length + i + 1}`).join(', ')})`
      : '';
    const sort = key.map((k) => `${k} ${desc ? 'DESC' : 'ASC'}`).join(', ');
    const rows: Partial<Lead>[] = await this.db.query(
      `SELECT ${this.columns('l')} FROM lead l WHERE ${where}${keyset} ORDER BY ${sort} LIMIT ${Math.floor(take)}`,
      [...params, ...(after ?? [])],
    );
    const leads = this.db.getRepository(Lead);
    return {
      rows: rows.map((r) => leads.create(r)),
      count: async () => {
        const [{ n }]: { n: number }[] = await this.db.query(
          `SELECT count(*)::int AS n FROM lead l WHERE ${where}`,
          params,
        );
        return n;
      },
    };
  }

  /** The exhibitor's leads per local day of capture in the timezone (oldest first) and per staff member (most first), and their total. */
  async figures(
    exhibitorId: string,
    timezone: string,
  ): Promise<{ perDay: { day: string; count: number }[]; perStaff: { email: string; count: number }[] }> {
    const perDay: { day: string; count: number }[] = await this.db.query(
      `SELECT to_char(captured_at AT TIME ZONE $2, 'YYYY-MM-DD') AS day, count(*)::int AS count
         FROM lead WHERE exhibitor_id = $1 GROUP BY 1 ORDER BY 1`,
      [exhibitorId, timezone],
    );
    const perStaff: { email: string; count: number }[] = await this.db.query(
      `SELECT captured_by AS email, count(*)::int AS count FROM lead WHERE exhibitor_id = $1
        GROUP BY captured_by ORDER BY count(*) DESC, captured_by`,
      [exhibitorId],
    );
    return { perDay, perStaff };
  }

  /**
   * Which exhibitors captured the attendee registered with this email in the edition, and when,
   * oldest first (reads `attendee`, the attendees lib's table, to find the person).
   */
  capturesOf(editionId: string, email: string): Promise<LeadCapture[]> {
    return this.db.query(
      `SELECT l.exhibitor_id AS "exhibitorId", l.captured_at AS "capturedAt"
         FROM attendee a JOIN lead l ON l.attendee_id = a.id
        WHERE a.edition_id = $1 AND a.email = $2 ORDER BY l.captured_at, l.exhibitor_id`,
      [editionId, email],
    );
  }

  /** The WHERE clause and its parameters of a filter (conditions left out when not asked for). */
  private matching(filter: LeadFilter): { where: string; params: unknown[] } {
    const params: unknown[] = [filter.exhibitorId];
    const where = ['l.exhibitor_id = $1'];
    if (filter.words.length) {
      const text = filter.searchContact
        ? `concat_ws(' ', l.contact->>'firstName', l.contact->>'lastName', l.contact->>'company', l.contact->>'email', l.notes)`
        : `concat_ws(' ', l.contact->>'firstName', l.contact->>'lastName', l.notes)`;
      params.push(filter.words.map(containing));
      where.push(`NOT EXISTS (SELECT 1 FROM unnest($${params.length}::text[]) w WHERE ${text} NOT ILIKE w)`);
    }
    if (filter.minRating !== null) {
      params.push(filter.minRating);
      where.push(`l.rating >= $${params.length}`);
    }
    if (filter.tag !== null) {
      params.push([filter.tag]);
      where.push(`l.tags @> $${params.length}::text[]`);
    }
    if (filter.capturedBy !== null) {
      params.push(filter.capturedBy);
      where.push(`l.captured_by = $${params.length}`);
    }
    return { where: where.join(' AND '), params };
  }

  /** The lead's columns for a hand-written SELECT, aliased to property names (read from the entity). */
  private columns(alias: string): string {
    return this.db
      .getMetadata(Lead)
      .columns.filter((c) => c.isSelect)
      .map((c) => `${alias}.${c.databaseName} AS "${c.propertyName}"`)
      .join(', ');
  }

  /** Every lead of an exhibitor, oldest first (the CSV export). */
  allOf(exhibitorId: string): Promise<Lead[]> {
    return this.db.getRepository(Lead).find({ where: { exhibitorId }, order: { capturedAt: 'ASC', id: 'ASC' } });
  }

  /** The exhibitor's edition and export rule, and whether the email is one of its admins, or null (exhibitor and its staff read in one statement, never written). */
  async access(exhibitorId: string, email: string): Promise<LeadAccess | null> {
    const [row]: { edition_id: string; admins_only: boolean; admin: boolean; lead_tags: string[] }[] =
      await this.db.query(
        `SELECT x.edition_id, x.lead_export_admins_only AS admins_only, x.lead_tags,
              EXISTS (SELECT 1 FROM edition_role r WHERE r.edition_id = x.edition_id AND r.email = $2 AND r.role = 'EXHIBITOR' AND r.exhibitor_id = x.id AND r.exhibitor_admin) AS admin
         FROM exhibitor x WHERE x.id = $1`,
        [exhibitorId, email],
      );
    return row
      ? { editionId: row.edition_id, adminsOnly: row.admins_only, exhibitorAdmin: row.admin, leadTags: row.lead_tags }
      : null;
  }
}
