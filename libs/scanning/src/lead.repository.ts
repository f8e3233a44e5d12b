import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Lead } from './scan.entity';

/** What deciding who may see an exhibitor's leads needs: its edition, its export rule, and whether the caller is one of its admins. */
export interface LeadAccess {
  editionId: string;
  adminsOnly: boolean;
  exhibitorAdmin: boolean;
}

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
  ): Promise<Lead> {
    const [row]: { id: string }[] = await this.db.query(
      `INSERT INTO lead (exhibitor_id, attendee_id, captured_at, captured_by, contact, notes, rating)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ON CONSTRAINT lead_once DO UPDATE SET captured_at = least(lead.captured_at, EXCLUDED.captured_at),
              notes = coalesce(EXCLUDED.notes, lead.notes), rating = coalesce(EXCLUDED.rating, lead.rating), updated_at = now()
       RETURNING id`,
      [lead.exhibitorId, lead.attendeeId, lead.capturedAt, lead.capturedBy, lead.contact, notes, rating],
    );
    return this.db.getRepository(Lead).findOneByOrFail({ id: row.id });
  }

  /** One lead, or null. */
  findById(id: string): Promise<Lead | null> {
    return this.db.getRepository(Lead).findOneBy({ id });
  }

  /** Sets the notes and the rating given (undefined: unchanged) and returns the lead. */
  async update(id: string, changes: { notes?: string | null; rating?: number | null }): Promise<Lead> {
    const leads = this.db.getRepository(Lead);
    await leads.update(id, {
      ...(changes.notes !== undefined ? { notes: changes.notes } : {}),
      ...(changes.rating !== undefined ? { rating: changes.rating } : {}),
    });
    return leads.findOneByOrFail({ id });
  }

  /** A page of an exhibitor's leads, newest first, after the (capturedAt, id) cursor; `count` counts them all. */
  async page(
    exhibitorId: string,
    take: number,
    after?: [string, string],
  ): Promise<{ rows: Lead[]; count: () => Promise<number> }> {
    const page = this.db
      .getRepository(Lead)
      .createQueryBuilder('l')
      .where('l.exhibitorId = :exhibitorId', { exhibitorId });
    const count = page.clone();
    if (after) page.andWhere('(l.capturedAt, l.id) < (:at, :id)', { at: after[0], id: after[1] });
    const rows = await page.orderBy('l.capturedAt', 'DESC').addOrderBy('l.id', 'DESC').take(take).getMany();
    return { rows, count: () => count.getCount() };
  }

  /** Every lead of an exhibitor, oldest first (the CSV export). */
  allOf(exhibitorId: string): Promise<Lead[]> {
    return this.db.getRepository(Lead).find({ where: { exhibitorId }, order: { capturedAt: 'ASC', id: 'ASC' } });
  }

  /** The exhibitor's edition and export rule, and whether the email is one of its admins, or null (exhibitor and its staff read in one statement, never written). */
  async access(exhibitorId: string, email: string): Promise<LeadAccess | null> {
    const [row]: { edition_id: string; admins_only: boolean; admin: boolean }[] = await this.db.query(
      `SELECT x.edition_id, x.lead_export_admins_only AS admins_only,
              EXISTS (SELECT 1 FROM edition_role r WHERE r.edition_id = x.edition_id AND r.email = $2 AND r.role = 'EXHIBITOR' AND r.exhibitor_id = x.id AND r.exhibitor_admin) AS admin
         FROM exhibitor x WHERE x.id = $1`,
      [exhibitorId, email],
    );
    return row ? { editionId: row.edition_id, adminsOnly: row.admins_only, exhibitorAdmin: row.admin } : null;
  }
}
