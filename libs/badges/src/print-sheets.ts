import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, badInput, checkUrlSignature, isId, Principal, urlSignature, writeOutbox } from '@app/core';
import { AccessService } from '@app/editions';
import { DataSource } from 'typeorm';
import { renderBadgesPdf } from './badge-render';
import { PrintSheetFilter, PrintSheetRepository } from './print-sheet.repository';

export type { PrintSheetFilter } from './print-sheet.repository';

/** Pages in one print sheet. */
export const PRINT_SHEET_MAX = 2000;
/** How long a print-sheet link (and the stored PDF behind it) lasts: the sheet holds every listed badge's code. */
export const PRINT_LINK_MINUTES = 15;
/** A request repeated this soon (same edition and filter) gets the sheet already queued or made, not another render. */
const REUSE_SECONDS = 60;
/** What the download answers while the worker renders: poll again after this many seconds. */
export const PRINT_RETRY_AFTER_SECONDS = 2;

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
    private readonly sheets: PrintSheetRepository,
    private readonly access: AccessService,
    private readonly config: AppConfig,
  ) {}

  /** Organizers: queues a sheet (or reuses one just requested) and returns its link, valid PRINT_LINK_MINUTES. */
  async request(user: Principal | undefined, editionId: string, input: PrintSheetFilter): Promise<string> {
    await this.access.requireOrganizer(user, editionId);
    const filter = Object.fromEntries(
      Object.entries(input).filter(([, v]) => v !== null && v !== undefined && v !== ''),
    ) as PrintSheetFilter;
    const count = await this.sheets.countCards(editionId, filter);
    if (count > PRINT_SHEET_MAX)
      throw badInput(`${count} badges match; a sheet holds at most ${PRINT_SHEET_MAX}: narrow the last-name range`, {
        matching: count,
      });
    const sheet = await this.db.transaction(async (em) => {
      await this.sheets.lockEdition(editionId, em); // requests of one edition one at a time: a repeat finds the first
      await this.sheets.deleteExpired(em);
      const recent = await this.sheets.findRecent(editionId, filter, REUSE_SECONDS, em);
      if (recent) return recent;
      const created = await this.sheets.create(editionId, filter, PRINT_LINK_MINUTES, em);
      await writeOutbox(em, 'print-sheet.requested', { sheetId: created.id });
      return created;
    });
    const exp = String(Math.floor(new Date(sheet.expiresAt).getTime() / 1000));
    return `/badges/print-sheets/${sheet.id}.pdf?exp=${exp}&sig=${urlSignature(this.config.jwtSecret, 'print-sheet', sheet.id, exp)}`;
  }

  /** What a link serves: the signature covers the sheet and the expiry, so neither can be changed. */
  async file(id: string, exp: unknown, signature: unknown): Promise<PrintSheetFile> {
    if (!isId(id) || typeof exp !== 'string' || !/^\d{1,12}$/.test(exp)) return { kind: 'invalid' };
    if (!checkUrlSignature(this.config.jwtSecret, signature, 'print-sheet', id, exp)) return { kind: 'invalid' };
    if (Number(exp) * 1000 < Date.now()) return { kind: 'expired' };
    const row = await this.sheets.findUnexpired(id);
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
    const sheet = await this.sheets.findQueued(sheetId);
    if (!sheet) return;
    try {
      const cards = await this.sheets.cards(sheet.editionId, sheet.filter, PRINT_SHEET_MAX + 1);
      // Badges activated since the request can push the range past a sheet: say so rather than leave the last names off.
      if (cards.length > PRINT_SHEET_MAX) {
        await this.sheets.markFailed(
          sheetId,
          `more than ${PRINT_SHEET_MAX} badges match now: ask for a narrower last-name range`,
        );
        return;
      }
      await this.sheets.markReady(sheetId, await renderBadgesPdf(cards), cards.length);
    } catch (error) {
      if (lastAttempt) await this.sheets.markFailed(sheetId, error instanceof Error ? error.message : String(error));
      throw error;
    }
  }
}
