import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { notFound, Public } from '@app/core';
import { Response } from 'express';
import { LeadsService } from './leads.service';

/** Lead exports behind signed, expiring links: they open in a browser or a spreadsheet without a token. */
@Public()
@Controller('leads')
export class LeadsController {
  constructor(private readonly leads: LeadsService) {}

  @Get(':file')
  async csv(
    @Param('file') file: string,
    @Query('expires') expires: string,
    @Query('sig') signature: string,
    @Res() res: Response,
  ): Promise<void> {
    const exhibitorId = /^([0-9a-f-]{36})\.csv$/i.exec(file)?.[1];
    const csv = exhibitorId ? await this.leads.csv(exhibitorId, expires ?? '', signature) : null;
    if (!csv) throw notFound('Lead export');
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="leads-${exhibitorId}.csv"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(csv);
  }
}
