import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ParseIdPipe, Public } from '@app/core';
import { Response } from 'express';
import { ProgrammeExport, ProgrammeExportService, ProgrammeFormat } from './programme-export.service';

const CONTENT_TYPES: Record<ProgrammeFormat, string> = {
  xml: 'application/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/**
 * The published programme for conference apps (Giggity, ConfClerk, c3nav / Fahrplan): frab XML and
 * c3voc JSON, public like the programme itself. ETag / If-None-Match make polling nearly free.
 */
@Public()
@Controller('editions')
export class ProgrammeExportController {
  constructor(private readonly exports: ProgrammeExportService) {}

  @Get(':editionId/schedule.xml')
  async xml(
    @Param('editionId', new ParseIdPipe('editionId')) editionId: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    send(res, 'xml', await this.exports.export(editionId, 'xml'), ifNoneMatch);
  }

  @Get(':editionId/schedule.json')
  async json(
    @Param('editionId', new ParseIdPipe('editionId')) editionId: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    send(res, 'json', await this.exports.export(editionId, 'json'), ifNoneMatch);
  }
}

function send(res: Response, format: ProgrammeFormat, doc: ProgrammeExport, ifNoneMatch: string | undefined): void {
  res.setHeader('ETag', doc.etag);
  res.setHeader('Cache-Control', 'public, max-age=300');
  // Public data without credentials: browser-based schedule viewers on other origins may read it.
  res.setHeader('Access-Control-Allow-Origin', '*');
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === doc.etag)) {
    res.status(304).end();
    return;
  }
  res.setHeader('Content-Type', CONTENT_TYPES[format]);
  res.setHeader('Content-Disposition', `inline; filename="schedule.${format}"`);
  res.status(200).send(doc.body);
}
