import { Injectable } from '@nestjs/common';
import {
  AppConfig,
  badInput,
  checkUrlSignature,
  ConnectionResult,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  DomainError,
  ErrorCode,
  forbidden,
  isId,
  notFound,
  Principal,
  toConnection,
  unauthenticated,
  urlSignature,
} from '@app/core';
import { Attendee } from '@app/attendees';
import { AccessService, EditionsService, Role } from '@app/editions';
import { BadgeVerifier } from './badge-verifier';
import { LEAD_CURSOR_SHAPES, LeadRepository, leadSortKey } from './lead.repository';
import { LeadCapture, LeadFigures, LeadOrder, LeadsArgs } from './lead.types';
import { checkOfflineTimes } from './scan-time';
import { Lead } from './scan.entity';
import { LeadInput, OfflineLeadInput } from './scan.inputs';
import { LeadSyncResult } from './scan.types';

const CSV_LINK_MINUTES = 15;
const CSV_COLUMNS = [
  'Captured at',
  'First name',
  'Last name',
  'Email',
  'Company',
  'Job title',
  'Rating',
  'Notes',
  'Captured by',
  'Tags',
];

/** A CSV field: quoted when needed (RFC 4180), and formula-looking text defused for spreadsheets. */
export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A caller let in to an exhibitor's leads: its edition, whether the caller sees contact details, and the exhibitor's lead tags. */
interface LeadCaller {
  editionId: string;
  contactsVisible: boolean;
  leadTags: string[];
}

/** Tags as given, checked against the exhibitor's list (BAD_USER_INPUT for another one); undefined/null: not given. */
function checkedTags(caller: LeadCaller, tags: string[] | null | undefined): string[] | undefined {
  if (tags === undefined || tags === null) return undefined;
  const unique = [...new Set(tags)];
  const unknown = unique.find((t) => !caller.leadTags.includes(t));
  if (unknown !== undefined)
    throw badInput(`"${unknown}" is not one of this exhibitor's lead tags`, { field: 'tags', tag: unknown });
  return unique;
}

/** Exhibitors' lead capture: a scan at the booth becomes a lead, once per attendee, with notes and a rating. */
@Injectable()
export class LeadsService {
  constructor(
    private readonly leads: LeadRepository,
    private readonly access: AccessService,
    private readonly editions: EditionsService,
    private readonly verifier: BadgeVerifier,
    private readonly config: AppConfig,
  ) {}

  /** The first scan creates the lead with a snapshot of the attendee's contact; a rescan returns it and may update notes and rating. */
  async capture(user: Principal | undefined, input: LeadInput): Promise<Lead> {
    const caller = await this.requireStaff(user, input.exhibitorId);
    const tags = checkedTags(caller, input.tags);
    const [verdict] = await this.verifier.verify(caller.editionId, [{ code: input.code, at: new Date() }]);
    if (!verdict.ok) throw badInput(`This badge cannot be captured: ${verdict.reason}`, { reason: verdict.reason });
    const lead = await this.upsert(
      input.exhibitorId,
      verdict.badge.attendee,
      user!.email!,
      new Date(),
      input.notes,
      input.rating,
      tags,
    );
    return shown(caller, [lead])[0];
  }

  /**
   * A booth scanner that was offline uploads its scans: each becomes (or finds) its lead, judged at
   * its own time, with the earliest capture time kept; uploading again changes nothing. In order.
   */
  async sync(user: Principal | undefined, exhibitorId: string, scans: OfflineLeadInput[]): Promise<LeadSyncResult[]> {
    const caller = await this.requireStaff(user, exhibitorId);
    const tags = scans.map((s) => checkedTags(caller, s.tags)); // one unknown tag refuses the upload, as a bad time does
    const edition = await this.editions.get(caller.editionId);
    checkOfflineTimes(
      scans.map((s) => s.scannedAt),
      edition,
    ); // a capture time decides whether a since-revoked badge counts: it must be plausible
    const verdicts = await this.verifier.verify(
      caller.editionId,
      scans.map((s) => ({ code: s.code, at: s.scannedAt })),
    );
    const results: LeadSyncResult[] = [];
    for (const [i, verdict] of verdicts.entries()) {
      if (!verdict.ok) results.push({ ok: false, reason: verdict.reason, lead: null });
      else
        results.push({
          ok: true,
          reason: null,
          lead: await this.upsert(
            exhibitorId,
            verdict.badge.attendee,
            user!.email!,
            scans[i].scannedAt,
            scans[i].notes,
            scans[i].rating,
            tags[i],
          ),
        });
    }
    shown(
      caller,
      results.flatMap((r) => (r.lead ? [r.lead] : [])),
    );
    return results;
  }

  private upsert(
    exhibitorId: string,
    a: Attendee,
    by: string,
    at: Date,
    notes?: string | null,
    rating?: number | null,
    tags?: string[],
  ): Promise<Lead> {
    const contact = {
      firstName: a.firstName,
      lastName: a.lastName,
      email: a.email,
      company: a.company,
      jobTitle: a.jobTitle,
      accessLevel: a.accessLevel,
    };
    return this.leads.upsert(
      { exhibitorId, attendeeId: a.id, capturedAt: at, capturedBy: by.toLowerCase(), contact },
      notes ?? null,
      rating ?? null,
      tags ?? null,
    );
  }

  async update(
    user: Principal | undefined,
    id: string,
    notes?: string | null,
    rating?: number | null,
    tags?: string[] | null,
  ): Promise<Lead> {
    const lead = await this.leads.findById(id);
    if (!lead) throw notFound('Lead', id);
    // To another exhibitor's staff, its lead answers as a missing one: never naming whose it is (that exhibitor's id).
    const caller = await this.requireStaff(user, lead.exhibitorId).catch((error: unknown) => {
      throw error instanceof DomainError && error.code === ErrorCode.NOT_FOUND ? notFound('Lead', id) : error;
    });
    return shown(caller, [await this.leads.update(id, { notes, rating, tags: checkedTags(caller, tags) })])[0];
  }

  /**
   * A page of the exhibitor's leads, filtered (search, minimum rating, tag, who captured) and sorted
   * (LeadOrder); keyset paging in that order: the cursor carries the order's name and the last row's
   * sort key, and a cursor of another order is BAD_USER_INPUT. totalCount counts every match.
   */
  async list(user: Principal | undefined, exhibitorId: string, args: LeadsArgs = {}): Promise<ConnectionResult<Lead>> {
    const caller = await this.requireStaff(user, exhibitorId);
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const order = args.orderBy ?? LeadOrder.CAPTURED_AT_DESC;
    let after: (string | number)[] | undefined;
    if (args.after) {
      const [cursorOrder, ...key] = decodeCursor(args.after, ['string', ...LEAD_CURSOR_SHAPES[order]]);
      if (cursorOrder !== order) throw badInput('This cursor belongs to another order', { argument: 'after' });
      if (!isId(String(key[key.length - 1]))) throw badInput('Malformed cursor', { argument: 'after' });
      after = key;
    }
    const { rows, count } = await this.leads.page(
      {
        exhibitorId,
        words: (args.search ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 10),
        searchContact: caller.contactsVisible,
        minRating: args.rating ?? null,
        tag: args.tag ?? null,
        capturedBy: args.capturedBy ? args.capturedBy.trim().toLowerCase() : null,
      },
      order,
      first + 1,
      after,
    );
    return toConnection(shown(caller, rows), first, (l) => [order, ...leadSortKey(l, order)], count);
  }

  /** The exhibitor's leads per edition-local day and per staff member (its staff and organizers). */
  async figures(user: Principal | undefined, exhibitorId: string): Promise<LeadFigures> {
    const caller = await this.requireStaff(user, exhibitorId);
    const edition = await this.editions.get(caller.editionId);
    const { perDay, perStaff } = await this.leads.figures(exhibitorId, edition.timezone);
    return { total: perDay.reduce((sum, d) => sum + d.count, 0), perDay, perStaff };
  }

  /**
   * For the signed-in attendee: which exhibitors captured their badge in the edition, and when;
   * nothing else of the leads. Empty for an unverified account (a stranger to its email's registration).
   */
  async capturesOf(user: Principal | undefined, editionId: string): Promise<LeadCapture[]> {
    if (!user) throw unauthenticated();
    if (!user.email) return [];
    await this.editions.get(editionId); // NOT_FOUND for an unknown edition
    return this.leads.capturesOf(editionId, user.email);
  }

  /** A signed path to the CSV, valid for a few minutes (a link to open in a browser or a spreadsheet). */
  async csvPath(user: Principal | undefined, exhibitorId: string): Promise<string> {
    const caller = await this.requireStaff(user, exhibitorId);
    if (!caller.contactsVisible) throw forbidden("Lead exports are for this exhibitor's admins");
    const expires = String(Math.floor(Date.now() / 1000) + CSV_LINK_MINUTES * 60);
    return `/leads/${exhibitorId}.csv?expires=${expires}&sig=${urlSignature(this.config.jwtSecret, 'leads-csv', exhibitorId, expires)}`;
  }

  /** The CSV, when the link is genuine and not expired; null otherwise. */
  async csv(exhibitorId: string, expires: string, signature: unknown): Promise<string | null> {
    if (!/^\d{1,12}$/.test(expires) || Number(expires) * 1000 < Date.now()) return null;
    if (!checkUrlSignature(this.config.jwtSecret, signature, 'leads-csv', exhibitorId, expires)) return null;
    const leads = await this.leads.allOf(exhibitorId);
    const lines = [CSV_COLUMNS.map(csvField).join(',')];
    for (const l of leads) {
      lines.push(
        [
          l.capturedAt.toISOString(),
          l.contact.firstName,
          l.contact.lastName,
          l.contact.email,
          l.contact.company,
          l.contact.jobTitle,
          l.rating,
          l.notes,
          l.capturedBy,
          l.tags.join('; '),
        ]
          .map(csvField)
          .join(','),
      );
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
   * Staff of this exhibitor (role EXHIBITOR with its id) and organizers. Staff of another exhibitor
   * get NOT_FOUND (as if it did not exist); anyone else FORBIDDEN.
   *
   * The one rule for who sees leads' contact details, in the CSV and in GraphQL alike: everyone on
   * the exhibitor's staff, unless it keeps exports to its admins (leadExportAdminsOnly); then its
   * admins and the organizers. Other staff still scan and see who they scanned (name, access
   * level), with the notes and ratings the team wrote.
   */
  private async requireStaff(user: Principal | undefined, exhibitorId: string): Promise<LeadCaller> {
    if (!user) throw unauthenticated();
    const exhibitor = await this.leads.access(exhibitorId, user.email ?? '');
    if (!exhibitor) throw notFound('Exhibitor', exhibitorId);
    const { roles, exhibitorIds } = await this.access.rolesIn(user, exhibitor.editionId);
    const organizer = roles.has(Role.ORGANIZER);
    if (!organizer && !exhibitorIds.includes(exhibitorId)) {
      if (roles.has(Role.EXHIBITOR)) throw notFound('Exhibitor', exhibitorId);
      throw forbidden("Only this exhibitor's staff may do this");
    }
    return {
      editionId: exhibitor.editionId,
      contactsVisible: !exhibitor.adminsOnly || exhibitor.exhibitorAdmin || organizer,
      leadTags: exhibitor.leadTags,
    };
  }
}

/** Marks the leads whose contact the caller may not see. */
function shown(caller: LeadCaller, leads: Lead[]): Lead[] {
  for (const lead of leads) lead.contactHidden = !caller.contactsVisible;
  return leads;
}
