import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { badInput, csvRows, DomainError, Principal } from '@app/core';
import { AccessService } from '@app/editions';
import { DataSource } from 'typeorm';
import { Booth, BoothType, Hall } from './exhibitor.entity';
import { BoothImportOutcome, BoothImportReport, BoothImportRow, BoothImportRowResult } from './exhibitor.inputs';
import { ExhibitorsService } from './exhibitors.service';

const HEADERS: Record<string, keyof BoothImportRow> = { code: 'code', booth: 'code', hall: 'hall', x: 'xM', xm: 'xM', y: 'yM', ym: 'yM', width: 'widthM', widthm: 'widthM', depth: 'depthM', depthm: 'depthM', type: 'type' };
const MAX_ROWS = 10_000;

/**
 * Floor-plan import (GraphQL rows or a CSV upload): idempotent on the booth code, one result per
 * row. Each row is written on its own, so an overlapping or misplaced booth is refused with the
 * reason and never costs the rows around it.
 */
@Injectable()
export class BoothImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly exhibitors: ExhibitorsService,
  ) {}

  async importCsv(user: Principal | undefined, editionId: string, csv: string): Promise<BoothImportReport> {
    await this.access.requireOrganizer(user, editionId);
    const rows = csvRows(csv, (h) => HEADERS[h.toLowerCase().replace(/[^a-z]/g, '')], ['code', 'hall'], 'The CSV needs a header row with at least code and hall columns');
    return this.import(user, editionId, rows);
  }

  async import(user: Principal | undefined, editionId: string, rows: BoothImportRow[]): Promise<BoothImportReport> {
    await this.access.requireOrganizer(user, editionId);
    if (rows.length > MAX_ROWS) throw badInput(`At most ${MAX_ROWS} booths per import`);
    const halls = new Map((await this.db.getRepository(Hall).findBy({ editionId })).map((h) => [h.name.toLowerCase(), h]));
    const existing = new Map((await this.db.getRepository(Booth).findBy({ editionId })).map((b) => [b.code.toLowerCase(), b]));
    const seen = new Map<string, number>();
    const results: BoothImportRowResult[] = [];
    for (const [index, row] of rows.entries()) {
      const result: BoothImportRowResult = { row: index + 1, code: row.code?.trim() || null, outcome: BoothImportOutcome.REFUSED, reason: null, boothId: null };
      results.push(result);
      const refuse = (reason: string) => void (result.reason = reason);
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
        refuse(`unknown hall "${row.hall ?? ''}"`);
        continue;
      }
      const [xM, yM, widthM, depthM] = [row.xM, row.yM, row.widthM, row.depthM].map((v) => Number(String(v ?? '').replace(',', '.')));
      if (![xM, yM, widthM, depthM].every((v) => Number.isFinite(v)) || String(row.xM ?? '').trim() === '' || widthM <= 0 || depthM <= 0 || xM < 0 || yM < 0) {
        refuse('x, y, width and depth must be numbers in metres (width and depth above 0)');
        continue;
      }
      const type = (row.type?.trim().toUpperCase() || BoothType.INLINE) as BoothType;
      if (!Object.values(BoothType).includes(type)) {
        refuse(`unknown booth type "${row.type}" (INLINE, CORNER, PENINSULA, ISLAND)`);
        continue;
      }
      const before = existing.get(code.toLowerCase());
      if (before && before.hallId === hall.id && before.xM === xM && before.yM === yM && before.widthM === widthM && before.depthM === depthM && before.type === type) {
        Object.assign(result, { outcome: BoothImportOutcome.UNCHANGED, boothId: before.id });
        continue;
      }
      try {
        const booth = await this.exhibitors.writeBooth(this.db.manager, { id: before?.id, editionId, code: before?.code ?? code, hallId: hall.id, xM, yM, widthM, depthM, type });
        existing.set(code.toLowerCase(), booth);
        Object.assign(result, { outcome: before ? BoothImportOutcome.UPDATED : BoothImportOutcome.CREATED, boothId: booth.id });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        refuse(error.message);
      }
    }
    const count = (outcome: BoothImportOutcome) => results.filter((r) => r.outcome === outcome).length;
    return { created: count(BoothImportOutcome.CREATED), updated: count(BoothImportOutcome.UPDATED), unchanged: count(BoothImportOutcome.UNCHANGED), refused: count(BoothImportOutcome.REFUSED), rows: results };
  }
}
