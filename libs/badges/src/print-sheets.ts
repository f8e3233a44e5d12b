import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, badInput, checkUrlSignature, isId, Principal, urlSignature, writeOutbox } from '@app/core';
import { AccessLevel } from '@app/attendees';
import { AccessService } from '@app/editions';
import { DataSource } from 'typeorm';
import { renderBadgesPdf } from './badge-render';

/** Pages in one print sheet. */
export const PRINT_SHEET_MAX = 2000;
/** How long a print-sheet link (and the stored PDF behind it) lasts: the sheet holds every listed badge's code. */
export const PRINT_LINK_MINUTES = 15;
/** A request repeated this soon (same edition and filter) gets the sheet already queued or made, not another render. */
const REUSE_SECONDS = 60;
/** What the download answers while the worker renders: poll again after this many seconds. */
export const PRINT_RETRY_AFTER_SECONDS = 2;

export interface PrintSheetFilter {
  batchId?: string | null;
  accessLevel?: AccessLevel | null;
  /** Last names from this prefix (inclusive, case-insensitive)... */
  lastNameFrom?: string | null;
  /** ...up to this one (inclusive: "M" takes "Murphy"). */
  lastNameTo?: string | null;
}

/** What fetching a print-sheet link finds. */
export type PrintSheetFile =
  | { kind: 'invalid' } // not a link the server made, or altered
  | { kind: 'expired' }
  | { kind: 'pending'; retryAfterSeconds: number }
  | { kind: 'failed' }
  | { kind: 'ready'; pdf: Buffer; pages: number };

/**
 * Print sheets for onsite printers: one PDF of active badges (a batch, an access level, a last-name
 * range), sorted by last name. Asking for one stores the request and queues it (through the
 * outbox); the worker renders it (CPU work stays off the API) and stores the PDF. The link given
 * at once is signed over the sheet and its expiry: the download answers 202 with Retry-After until
 * the PDF is ready, then the PDF, and 410 once the link has expired (the PDF holds every listed
 * badge's code, so it is not kept longer than the link).
 */
@Injectable()
export class PrintSheetsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly config: AppConfig,
  ) {}

  /** Organizers: queues a sheet (or reuses one just requested) and returns its link, valid PRINT_LINK_MINUTES. */
  async request(user: Principal | undefined, editionId: string, input: PrintSheetFilter): Promise<string> {
    await this.access.requireOrganizer(user, editionId);
    if (input.batchId && !isId(input.batchId)) throw badInput('batchId is not a valid id', { argument: 'batchId' });
    const filter = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined && v !== '')) as PrintSheetFilter;
    const count = await this.count(editionId, filter);
    if (count > PRINT_SHEET_MAX) throw badInput(`${count} badges match; a sheet holds at most ${PRINT_SHEET_MAX}: narrow the last-name range`, { matching: count });
    const sheet = await this.db.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('print-sheet:' || $1))`, [editionId]); // requests of one edition one at a time: a repeat finds the first
      await em.query(`DELETE FROM print_sheet WHERE expires_at < now()`); // expired PDFs are not kept
      const [recent]: { id: string; expires_at: Date }[] = await em.query(
        `SELECT id, expires_at FROM print_sheet WHERE edition_id = $1 AND filter = $2::jsonb AND state <> 'FAILED' AND created_at > now() - make_interval(secs => $3) ORDER BY created_at DESC LIMIT 1`,
        [editionId, filter, REUSE_SECONDS],
      );
      if (recent) return recent;
      const [created]: { id: string; expires_at: Date }[] = await em.query(
        `INSERT INTO print_sheet (edition_id, filter, expires_at) VALUES ($1, $2, now() + make_interval(mins => $3)) RETURNING id, expires_at`,
        [editionId, filter, PRINT_LINK_MINUTES],
      );
      await writeOutbox(em, 'print-sheet.requested', { sheetId: created.id });
      return created;
    });
    const exp = String(Math.floor(new Date(sheet.expires_at).getTime() / 1000));
    return `/badges/print-sheets/${sheet.id}.pdf?exp=${exp}&sig=${urlSignature(this.config.jwtSecret, 'print-sheet', sheet.id, exp)}`;
  }

  /** What a link serves: the signature covers the sheet and the expiry, so neither can be changed. */
  async file(id: string, exp: unknown, signature: unknown): Promise<PrintSheetFile> {
    if (!isId(id) || typeof exp !== 'string' || !/^\d{1,12}$/.test(exp)) return { kind: 'invalid' };
    if (!checkUrlSignature(this.config.jwtSecret, signature, 'print-sheet', id, exp)) return { kind: 'invalid' };
    if (Number(exp) * 1000 < Date.now()) return { kind: 'expired' };
    const [row]: { state: string; pdf: Buffer | null; pages: number | null }[] = await this.db.query(`SELECT state, pdf, pages FROM print_sheet WHERE id = $1 AND expires_at > now()`, [id]);
    if (!row) return { kind: 'expired' };
    if (row.state === 'READY' && row.pdf) return { kind: 'ready', pdf: row.pdf, pages: row.pages ?? 0 };
    if (row.state === 'FAILED') return { kind: 'failed' };
    return { kind: 'pending', retryAfterSeconds: PRINT_RETRY_AFTER_SECONDS };
  }

  /**
   * The worker: renders a queued sheet and stores it. Does nothing for a sheet already rendered or
   * expired (a retried job); on the last failed attempt the sheet is marked FAILED so the link says so.
   */
  async render(sheetId: string, lastAttempt: boolean): Promise<void> {
    const [sheet]: { edition_id: string; filter: PrintSheetFilter }[] = await this.db.query(`SELECT edition_id, filter FROM print_sheet WHERE id = $1 AND state = 'QUEUED' AND expires_at > now()`, [sheetId]);
    if (!sheet) return;
    try {
      const { where, params } = sheetWhere(sheet.edition_id, sheet.filter);
      const cards: { firstName: string; lastName: string; company: string | null; jobTitle: string | null; accessLevel: string; code: string; editionName: string }[] = await this.db.query(
        `SELECT a.first_name AS "firstName", a.last_name AS "lastName", a.company, a.job_title AS "jobTitle", a.access_level AS "accessLevel", b.code, e.name AS "editionName"
           FROM badge b JOIN attendee a ON a.id = b.attendee_id JOIN edition e ON e.id = b.edition_id
          WHERE ${where} ORDER BY lower(a.last_name), lower(a.first_name), a.id LIMIT ${PRINT_SHEET_MAX + 1}`,
        params,
      );
      // Badges activated since the request can push the range past a sheet: say so rather than leave the last names off.
      if (cards.length > PRINT_SHEET_MAX) {
        await this.db.query(`UPDATE print_sheet SET state = 'FAILED', error = $2 WHERE id = $1 AND state = 'QUEUED'`, [sheetId, `more than ${PRINT_SHEET_MAX} badges match now: ask for a narrower last-name range`]);
        return;
      }
      const pdf = await renderBadgesPdf(cards);
      await this.db.query(`UPDATE print_sheet SET state = 'READY', pdf = $2, pages = $3, ready_at = now(), error = NULL WHERE id = $1 AND state = 'QUEUED'`, [sheetId, pdf, cards.length]);
    } catch (error) {
      if (lastAttempt) await this.db.query(`UPDATE print_sheet SET state = 'FAILED', error = $2 WHERE id = $1 AND state = 'QUEUED'`, [sheetId, error instanceof Error ? error.message : String(error)]);
      throw error;
    }
  }

  private async count(editionId: string, filter: PrintSheetFilter): Promise<number> {
    const { where, params } = sheetWhere(editionId, filter);
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM badge b JOIN attendee a ON a.id = b.attendee_id WHERE ${where}`, params);
    return n;
  }
}

/** The active badges a sheet holds (b: badge, a: attendee). */
function sheetWhere(editionId: string, filter: PrintSheetFilter): { where: string; params: unknown[] } {
  const params: unknown[] = [editionId];
  const where = [`b.edition_id = $1`, `b.status = 'ACTIVE'`];
  if (filter.batchId) where.push(`b.batch_id = $${params.push(filter.batchId)}`);
  if (filter.accessLevel) where.push(`a.access_level = $${params.push(filter.accessLevel)}`);
  if (filter.lastNameFrom) where.push(`lower(a.last_name) >= lower($${params.push(filter.lastNameFrom)})`);
  // "to M" includes every name starting with M.
  if (filter.lastNameTo) where.push(`lower(a.last_name) < (lower($${params.push(filter.lastNameTo)}) || chr(1114111))`);
  return { where: where.join(' AND '), params };
}
