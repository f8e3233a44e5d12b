import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessLevel } from '@app/attendees';
import { DataSource, EntityManager } from 'typeorm';

export interface PrintSheetFilter {
  batchId?: string | null;
  accessLevel?: AccessLevel | null;
  /** Last names from this prefix (inclusive, case-insensitive)... */
  lastNameFrom?: string | null;
  /** ...up to this one (inclusive: "M" takes "Murphy"). */
  lastNameTo?: string | null;
}

/** One printed badge: the attendee's card fields, the badge's code and the edition's name. */
export interface PrintCard {
  firstName: string;
  lastName: string;
  company: string | null;
  jobTitle: string | null;
  accessLevel: string;
  code: string;
  editionName: string;
}

export interface PrintSheetRef {
  id: string;
  expiresAt: Date;
}

export type PrintSheetState = 'QUEUED' | 'READY' | 'FAILED';

/**
 * Every statement on `print_sheet`, and the read of the badges a sheet prints (active badges with
 * their attendees, joined in one query).
 */
@Injectable()
export class PrintSheetRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Waits for the edition's other print-sheet requests until the transaction ends: a repeat finds the first. */
  async lockEdition(editionId: string, manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('print-sheet:' || $1))`, [editionId]);
  }

  /** Deletes every expired sheet: a PDF holding badge codes is not kept past its link. */
  async deleteExpired(manager?: EntityManager): Promise<void> {
    await (manager ?? this.db.manager).query(`DELETE FROM print_sheet WHERE expires_at < now()`);
  }

  /** The newest sheet with this filter requested in the last `seconds` and not failed, or null. */
  async findRecent(
    editionId: string,
    filter: PrintSheetFilter,
    seconds: number,
    manager?: EntityManager,
  ): Promise<PrintSheetRef | null> {
    const [row]: PrintSheetRef[] = await (manager ?? this.db.manager).query(
      `SELECT id, expires_at AS "expiresAt" FROM print_sheet
        WHERE edition_id = $1 AND filter = $2::jsonb AND state <> 'FAILED' AND created_at > now() - make_interval(secs => $3)
        ORDER BY created_at DESC LIMIT 1`,
      [editionId, filter, seconds],
    );
    return row ?? null;
  }

  /** A QUEUED sheet that expires `minutes` from now. */
  async create(
    editionId: string,
    filter: PrintSheetFilter,
    minutes: number,
    manager?: EntityManager,
  ): Promise<PrintSheetRef> {
    const [row]: PrintSheetRef[] = await (manager ?? this.db.manager).query(
      `INSERT INTO print_sheet (edition_id, filter, expires_at) VALUES ($1, $2, now() + make_interval(mins => $3)) RETURNING id, expires_at AS "expiresAt"`,
      [editionId, filter, minutes],
    );
    return row;
  }

  /** A sheet's state and PDF while it has not expired, or null. */
  async findUnexpired(
    id: string,
  ): Promise<{ state: PrintSheetState; pdf: Buffer | null; pages: number | null } | null> {
    const [row]: { state: PrintSheetState; pdf: Buffer | null; pages: number | null }[] = await this.db.query(
      `SELECT state, pdf, pages FROM print_sheet WHERE id = $1 AND expires_at > now()`,
      [id],
    );
    return row ?? null;
  }

  /** A sheet still waiting to be rendered (QUEUED, not expired), or null. */
  async findQueued(id: string): Promise<{ editionId: string; filter: PrintSheetFilter } | null> {
    const [row]: { editionId: string; filter: PrintSheetFilter }[] = await this.db.query(
      `SELECT edition_id AS "editionId", filter FROM print_sheet WHERE id = $1 AND state = 'QUEUED' AND expires_at > now()`,
      [id],
    );
    return row ?? null;
  }

  /** Stores the rendered PDF; only a QUEUED sheet changes (a retried job does not overwrite). */
  async markReady(id: string, pdf: Buffer, pages: number): Promise<void> {
    await this.db.query(
      `UPDATE print_sheet SET state = 'READY', pdf = $2, pages = $3, ready_at = now(), error = NULL WHERE id = $1 AND state = 'QUEUED'`,
      [id, pdf, pages],
    );
  }

  /** Marks a QUEUED sheet FAILED with the reason, so its link says so. */
  async markFailed(id: string, error: string): Promise<void> {
    await this.db.query(`UPDATE print_sheet SET state = 'FAILED', error = $2 WHERE id = $1 AND state = 'QUEUED'`, [
      id,
      error,
    ]);
  }

  /** How many active badges of the edition the filter takes. */
  async countCards(editionId: string, filter: PrintSheetFilter): Promise<number> {
    const { where, params } = sheetWhere(editionId, filter);
    const [{ n }]: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM badge b JOIN attendee a ON a.id = b.attendee_id WHERE ${where}`,
      params,
    );
    return n;
  }

  /** The filter's active badges as cards, sorted by last name, first name (then id, so pages are stable); at most `limit`. */
  cards(editionId: string, filter: PrintSheetFilter, limit: number): Promise<PrintCard[]> {
    const { where, params } = sheetWhere(editionId, filter);
    return this.db.query(
      `SELECT a.first_name AS "firstName", a.last_name AS "lastName", a.company, a.job_title AS "jobTitle", a.access_level AS "accessLevel",
              b.code, e.name AS "editionName"
         FROM badge b JOIN attendee a ON a.id = b.attendee_id JOIN edition e ON e.id = b.edition_id
        WHERE ${where} ORDER BY lower(a.last_name), lower(a.first_name), a.id LIMIT $${params.length + 1}`,
      [...params, limit],
    );
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
