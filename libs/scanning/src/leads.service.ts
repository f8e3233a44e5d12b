import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, badInput, checkUrlSignature, ConnectionResult, decodeCursor, DEFAULT_PAGE_SIZE, DomainError, ErrorCode, forbidden, notFound, Principal, toConnection, unauthenticated, urlSignature } from '@app/core';
import { Attendee } from '@app/attendees';
import { AccessService, Role } from '@app/editions';
import { DataSource } from 'typeorm';
import { BadgeVerifier } from './badge-verifier';
import { checkOfflineTimes } from './scan-time';
import { Lead, LeadInput, LeadSyncResult, OfflineLeadInput } from './scan.entity';

const CSV_LINK_MINUTES = 15;
const CSV_COLUMNS = ['Captured at', 'First name', 'Last name', 'Email', 'Company', 'Job title', 'Rating', 'Notes', 'Captured by'];

/** A CSV field: quoted when needed (RFC 4180), and formula-looking text defused for spreadsheets. */
export function csvField(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Exhibitors' lead capture: a scan at the booth becomes a lead, once per attendee, with notes and a rating. */
@Injectable()
export class LeadsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly verifier: BadgeVerifier,
    private readonly config: AppConfig,
  ) {}

  /** The first scan creates the lead with a snapshot of the attendee's contact; a rescan returns it and may update notes and rating. */
  async capture(user: Principal | undefined, input: LeadInput): Promise<Lead> {
    const editionId = await this.requireStaff(user, input.exhibitorId);
    const [verdict] = await this.verifier.verify(editionId, [{ code: input.code, at: new Date() }]);
    if (!verdict.ok) throw badInput(`This badge cannot be captured: ${verdict.reason}`, { reason: verdict.reason });
    const lead = await this.upsert(input.exhibitorId, verdict.badge.attendee, user!.email!, new Date(), input.notes, input.rating);
    return this.shown(user, input.exhibitorId, editionId, [lead]).then(() => lead);
  }

  /**
   * A booth scanner that was offline uploads its scans: each becomes (or finds) its lead, judged at
   * its own time, with the earliest capture time kept; uploading again changes nothing. In order.
   */
  async sync(user: Principal | undefined, exhibitorId: string, scans: OfflineLeadInput[]): Promise<LeadSyncResult[]> {
    const editionId = await this.requireStaff(user, exhibitorId);
    if (scans.length > 1000) throw badInput('At most 1,000 scans per upload', { argument: 'scans' });
    const [edition] = await this.db.query(`SELECT timezone, to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn" FROM edition WHERE id = $1`, [editionId]);
    checkOfflineTimes(scans.map((s) => s.scannedAt), edition); // a capture time decides whether a since-revoked badge counts: it must be plausible
    const verdicts = await this.verifier.verify(editionId, scans.map((s) => ({ code: s.code, at: s.scannedAt })));
    const results: LeadSyncResult[] = [];
    for (const [i, verdict] of verdicts.entries()) {
      if (!verdict.ok) results.push({ ok: false, reason: verdict.reason, lead: null });
      else results.push({ ok: true, reason: null, lead: await this.upsert(exhibitorId, verdict.badge.attendee, user!.email!, scans[i].scannedAt, scans[i].notes, scans[i].rating) });
    }
    await this.shown(user, exhibitorId, editionId, results.flatMap((r) => (r.lead ? [r.lead] : [])));
    return results;
  }

  private async upsert(exhibitorId: string, a: Attendee, by: string, at: Date, notes?: string | null, rating?: number | null): Promise<Lead> {
    const [row] = await this.db.query(
      `INSERT INTO lead (exhibitor_id, attendee_id, captured_at, captured_by, contact, notes, rating)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ON CONSTRAINT lead_once DO UPDATE SET captured_at = least(lead.captured_at, EXCLUDED.captured_at),
              notes = coalesce(EXCLUDED.notes, lead.notes), rating = coalesce(EXCLUDED.rating, lead.rating), updated_at = now()
       RETURNING id`,
      [exhibitorId, a.id, at, by.toLowerCase(), { firstName: a.firstName, lastName: a.lastName, email: a.email, company: a.company, jobTitle: a.jobTitle, accessLevel: a.accessLevel }, notes ?? null, rating ?? null],
    );
    return this.db.getRepository(Lead).findOneByOrFail({ id: row.id });
  }

  async update(user: Principal | undefined, id: string, notes?: string | null, rating?: number | null): Promise<Lead> {
    const lead = await this.db.getRepository(Lead).findOneBy({ id });
    if (!lead) throw notFound('Lead', id);
    // To another exhibitor's staff, its lead answers as a missing one: never naming whose it is (that exhibitor's id).
    const editionId = await this.requireStaff(user, lead.exhibitorId).catch((error: unknown) => {
      throw error instanceof DomainError && error.code === ErrorCode.NOT_FOUND ? notFound('Lead', id) : error;
    });
    if (rating !== undefined && rating !== null && !(Number.isInteger(rating) && rating >= 1 && rating <= 5)) throw badInput('rating must be 1..5', { field: 'rating' });
    await this.db.getRepository(Lead).update(id, { ...(notes !== undefined ? { notes } : {}), ...(rating !== undefined ? { rating } : {}) });
    const updated = await this.db.getRepository(Lead).findOneByOrFail({ id });
    return this.shown(user, updated.exhibitorId, editionId, [updated]).then(() => updated);
  }

  async list(user: Principal | undefined, exhibitorId: string, first = DEFAULT_PAGE_SIZE, after?: string): Promise<ConnectionResult<Lead>> {
    const editionId = await this.requireStaff(user, exhibitorId);
    const page = this.db.getRepository(Lead).createQueryBuilder('l').where('l.exhibitorId = :exhibitorId', { exhibitorId });
    const count = page.clone();
    if (after) {
      const [at, id] = decodeCursor(after, ['string', 'string']);
      page.andWhere('(l.capturedAt, l.id) < (:at, :id)', { at, id });
    }
    const rows = await page.orderBy('l.capturedAt', 'DESC').addOrderBy('l.id', 'DESC').take(first + 1).getMany();
    await this.shown(user, exhibitorId, editionId, rows);
    return toConnection(rows, first, (l) => [l.capturedAt.toISOString(), l.id], () => count.getCount());
  }

  /** A signed path to the CSV, valid for a few minutes (a link to open in a browser or a spreadsheet). */
  async csvPath(user: Principal | undefined, exhibitorId: string): Promise<string> {
    const editionId = await this.requireStaff(user, exhibitorId);
    if (!(await this.contactsVisible(user, exhibitorId, editionId))) throw forbidden("Lead exports are for this exhibitor's admins");
    const expires = String(Math.floor(Date.now() / 1000) + CSV_LINK_MINUTES * 60);
    return `/leads/${exhibitorId}.csv?expires=${expires}&sig=${urlSignature(this.config.jwtSecret, 'leads-csv', exhibitorId, expires)}`;
  }

  /** The CSV, when the link is genuine and not expired; null otherwise. */
  async csv(exhibitorId: string, expires: string, signature: unknown): Promise<string | null> {
    if (!/^\d{1,12}$/.test(expires) || Number(expires) * 1000 < Date.now()) return null;
    if (!checkUrlSignature(this.config.jwtSecret, signature, 'leads-csv', exhibitorId, expires)) return null;
    const leads = await this.db.getRepository(Lead).find({ where: { exhibitorId }, order: { capturedAt: 'ASC', id: 'ASC' } });
    const lines = [CSV_COLUMNS.map(csvField).join(',')];
    for (const l of leads) {
      lines.push([l.capturedAt.toISOString(), l.contact.firstName, l.contact.lastName, l.contact.email, l.contact.company, l.contact.jobTitle, l.rating, l.notes, l.capturedBy].map(csvField).join(','));
    }
    // A BOM so spreadsheet programs read UTF-8; CRLF line ends (RFC 4180).
    return '\uFEFF' + lines.join('\r\n') + '\r\n';
  }

  /**
   * The lead's attendee as the exhibitor sees it: the contact snapshot taken at the first scan.
   * When the contact is hidden from the caller (contactHidden) only the name and access level
   * remain: email is empty (the field is non-null), company and job title null.
   */
  static attendeeOf(lead: Lead): Attendee {
    const contact = lead.contactHidden ? { ...lead.contact, email: '', company: null, jobTitle: null } : lead.contact;
    return Object.assign(new Attendee(), { id: lead.attendeeId, ...contact, checkedInAt: null });
  }

  /**
   * The one rule for who sees leads' contact details, in the CSV and in GraphQL alike: everyone on
   * the exhibitor's staff, unless it keeps exports to its admins (leadExportAdminsOnly); then its
   * admins and the organizers. Other staff still scan and see who they scanned (name, access
   * level), with the notes and ratings the team wrote.
   */
  private async contactsVisible(user: Principal | undefined, exhibitorId: string, editionId: string): Promise<boolean> {
    const [limits] = await this.db.query(
      `SELECT x.lead_export_admins_only AS admins_only, EXISTS (SELECT 1 FROM edition_role r WHERE r.edition_id = x.edition_id AND r.email = $2 AND r.role = 'EXHIBITOR' AND r.exhibitor_id = x.id AND r.exhibitor_admin) AS admin
         FROM exhibitor x WHERE x.id = $1`,
      [exhibitorId, user!.email ?? ''],
    );
    return !limits.admins_only || limits.admin || (await this.access.isOrganizer(user, editionId));
  }

  /** Marks the leads the caller may see the contact of (one check for the lot). */
  private async shown(user: Principal | undefined, exhibitorId: string, editionId: string, leads: Lead[]): Promise<void> {
    if (!leads.length) return;
    const hidden = !(await this.contactsVisible(user, exhibitorId, editionId));
    for (const lead of leads) lead.contactHidden = hidden;
  }

  /**
   * Staff of this exhibitor (role EXHIBITOR with its id) and organizers. Staff of another exhibitor
   * get NOT_FOUND (as if it did not exist); anyone else FORBIDDEN. Returns the edition.
   */
  private async requireStaff(user: Principal | undefined, exhibitorId: string): Promise<string> {
    if (!user) throw unauthenticated();
    const [exhibitor] = await this.db.query(`SELECT edition_id FROM exhibitor WHERE id = $1`, [exhibitorId]);
    if (!exhibitor) throw notFound('Exhibitor', exhibitorId);
    const { roles, exhibitorIds } = await this.access.rolesIn(user, exhibitor.edition_id);
    if (roles.has(Role.ORGANIZER) || exhibitorIds.includes(exhibitorId)) return exhibitor.edition_id;
    if (roles.has(Role.EXHIBITOR)) throw notFound('Exhibitor', exhibitorId);
    throw forbidden("Only this exhibitor's staff may do this");
  }
}
