import { Injectable } from '@nestjs/common';
import { badInput, clip, csvRows, DomainError, pgError, Principal, rowTextProblem } from '@app/core';
import { AccessService } from '@app/editions';
import { BoothRepository } from './booth.repository';
import { BoothType } from './exhibitor.entity';
import { BoothImportOutcome, BoothImportReport, BoothImportRow, BoothImportRowResult } from './exhibitor.inputs';
import { ExhibitorsService } from './exhibitors.service';

const HEADERS: Record<string, keyof BoothImportRow> = {
  code: 'code',
  booth: 'code',
  hall: 'hall',
  x: 'xM',
  xm: 'xM',
  y: 'yM',
  ym: 'yM',
  width: 'widthM',
  widthm: 'widthM',
  depth: 'depthM',
  depthm: 'depthM',
  type: 'type',
};
const MAX_ROWS = 10_000;
/** createBooth's bounds (BoothInput): positions 0..2000 m, sizes up to 500 m. */
const MAX_POSITION_M = 2000;
const MAX_SIZE_M = 500;

/** A row's code as the report shows it: clipped, without control characters. */
const reportedCode = (code: string | null | undefined) =>
  // eslint-disable-next-line no-control-regex -- control characters are what is stripped
  (typeof code === 'string' ? clip(code.replace(/[\u0000-\u001F]/g, '').trim(), 40) : '') || null;
const compareCodes = (a: string | null | undefined, b: string | null | undefined) => {
  const [x, y] = [a?.trim().toLowerCase() ?? '', b?.trim().toLowerCase() ?? ''];
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * Floor-plan import (GraphQL rows or a CSV upload): idempotent on the booth code, one result per
 * row. Each row is written on its own, so an overlapping or misplaced booth is refused with the
 * reason and never costs the rows around it.
 */
@Injectable()
export class BoothImportService {
  constructor(
    private readonly booths: BoothRepository,
    private readonly access: AccessService,
    private readonly exhibitors: ExhibitorsService,
  ) {}

  async importCsv(user: Principal | undefined, editionId: string, csv: string): Promise<BoothImportReport> {
    await this.access.requireOrganizer(user, editionId);
    const rows = csvRows(
      csv,
      (h) => HEADERS[h.toLowerCase().replace(/[^a-z]/g, '')],
      ['code', 'hall'],
      'The CSV needs a header row with at least code and hall columns',
    );
    return this.import(user, editionId, rows);
  }

  async import(user: Principal | undefined, editionId: string, rows: BoothImportRow[]): Promise<BoothImportReport> {
    await this.access.requireOrganizer(user, editionId);
    if (rows.length > MAX_ROWS) throw badInput(`At most ${MAX_ROWS} booths per import`);
    const halls = new Map((await this.booths.hallsOf([editionId])).map((h) => [h.name.toLowerCase(), h]));
    const existing = new Map((await this.booths.booths(editionId)).map((b) => [b.code.toLowerCase(), b]));
    const seen = new Map<string, number>();
    const results: BoothImportRowResult[] = rows.map((row, index) => ({
      row: index + 1,
      code: reportedCode(row.code),
      outcome: BoothImportOutcome.REFUSED,
      reason: null,
      boothId: null,
    }));
    // Written in code order whatever the file's order: concurrent imports of one floor plan take
    // their locks in the same order. Each result keeps its row number.
    const order = rows.map((_, index) => index).sort((a, b) => compareCodes(rows[a].code, rows[b].code) || a - b);
    for (const index of order) {
      const row = rows[index];
      const result = results[index];
      const refuse = (reason: string) => void (result.reason = reason);
      // A control character (PostgreSQL refuses U+0000) or a huge cell refuses this row, before any SQL.
      const textProblem = rowTextProblem(row, 200);
      if (textProblem) {
        refuse(textProblem);
        continue;
      }
      const code = row.code?.trim();
      if (!code || code.length > 20) {
        refuse('code is missing or longer than 20 characters');
        continue;
      }
      if (seen.has(code.toLowerCase())) {
        refuse(`duplicate row: the same code as row ${seen.get(code.toLowerCase())}`);
        continue;
      }
      seen.set(code.toLowerCase(), index + 1);
      const hall = halls.get(row.hall?.trim().toLowerCase() ?? '');
      if (!hall) {
        refuse(`unknown hall "${clip(row.hall ?? '')}"`);
        continue;
      }
      const [xM, yM, widthM, depthM] = [row.xM, row.yM, row.widthM, row.depthM].map((v) =>
        Number(String(v ?? '').replace(',', '.')),
      );
      if (
        ![xM, yM, widthM, depthM].every((v) => Number.isFinite(v)) ||
        String(row.xM ?? '').trim() === '' ||
        widthM <= 0 ||
        depthM <= 0 ||
        xM < 0 ||
        yM < 0
      ) {
        refuse('x, y, width and depth must be numbers in metres (width and depth above 0)');
        continue;
      }
      // The bounds of createBooth (and within the numeric(8,2) columns): 1e20 or 1e308 refuses its row, not the import.
      if (xM > MAX_POSITION_M || yM > MAX_POSITION_M || widthM > MAX_SIZE_M || depthM > MAX_SIZE_M) {
        refuse(`x and y are at most ${MAX_POSITION_M} m, width and depth at most ${MAX_SIZE_M} m`);
        continue;
      }
      const type = (row.type?.trim().toUpperCase() || BoothType.INLINE) as BoothType;
      if (!Object.values(BoothType).includes(type)) {
        refuse(`unknown booth type "${clip(row.type)}" (INLINE, CORNER, PENINSULA, ISLAND)`);
        continue;
      }
      const before = existing.get(code.toLowerCase());
      if (
        before &&
        before.hallId === hall.id &&
        before.xM === xM &&
        before.yM === yM &&
        before.widthM === widthM &&
        before.depthM === depthM &&
        before.type === type
      ) {
        Object.assign(result, { outcome: BoothImportOutcome.UNCHANGED, boothId: before.id });
        continue;
      }
      try {
        const booth = await this.exhibitors.writeBooth({
          id: before?.id,
          editionId,
          code: before?.code ?? code,
          hallId: hall.id,
          xM,
          yM,
          widthM,
          depthM,
          type,
        });
        existing.set(code.toLowerCase(), booth);
        Object.assign(result, {
          outcome: before ? BoothImportOutcome.UPDATED : BoothImportOutcome.CREATED,
          boothId: booth.id,
        });
      } catch (error) {
        // A row the checks above let through and PostgreSQL still refuses is that row's problem only.
        if (error instanceof DomainError) refuse(error.message);
        else if (pgError(error)) refuse('could not be saved: a value is out of range or invalid');
        else throw error;
      }
    }
    const count = (outcome: BoothImportOutcome) => results.filter((r) => r.outcome === outcome).length;
    return {
      created: count(BoothImportOutcome.CREATED),
      updated: count(BoothImportOutcome.UPDATED),
      unchanged: count(BoothImportOutcome.UNCHANGED),
      refused: count(BoothImportOutcome.REFUSED),
      rows: results,
    };
  }
}
