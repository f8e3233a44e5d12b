import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { notFound, Public } from '@app/core';
import { Response } from 'express';
import { BadgesService } from './badges.service';
import { PrintSheetsService } from './print-sheets';

/** Badge PDFs behind signed links (given only to those who may see them), so they open in any browser. */
@Public()
@Controller('badges')
export class BadgesController {
  constructor(
    private readonly badges: BadgesService,
    private readonly printSheets: PrintSheetsService,
  ) {}

  /** A print sheet behind its signed, expiring link: 202 while the worker renders it, 410 once the link expired, 403 for a link not made here. */
  @Get('print-sheets/:file')
  async printSheet(
    @Param('file') file: string,
    @Query('exp') exp: unknown,
    @Query('sig') signature: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const id = /^([0-9a-f-]{36})\.pdf$/i.exec(file)?.[1] ?? '';
    const sheet = await this.printSheets.file(id, exp, signature);
    res.setHeader('Cache-Control', 'private, no-store');
    switch (sheet.kind) {
      case 'invalid':
        res.status(403).json({ message: 'This print-sheet link is not valid' });
        return;
      case 'expired':
        res.status(410).json({ message: 'This print-sheet link has expired: ask for a new one' });
        return;
      case 'failed':
        res.status(503).json({ message: 'This print sheet could not be rendered: ask for a new link' });
        return;
      case 'pending':
        res.setHeader('Retry-After', String(sheet.retryAfterSeconds));
        res.status(202).json({
          message: 'The print sheet is being rendered: try again shortly',
          retryAfterSeconds: sheet.retryAfterSeconds,
        });
        return;
      case 'ready':
        res.setHeader('Content-Type', 'application/pdf');
        res.setHeader('Content-Disposition', `inline; filename="badges-${sheet.pages}.pdf"`);
        res.send(sheet.pdf);
    }
  }

  @Get(':file')
  async badge(
    @Param('file') file: string,
    @Query('v') version: string,
    @Query('sig') signature: string,
    @Res() res: Response,
  ): Promise<void> {
    const id = /^([0-9a-f-]{36})\.pdf$/i.exec(file)?.[1];
    const pdf = id && /^\d{1,5}$/.test(version ?? '') ? await this.badges.pdf(id, version, signature) : null;
    if (!pdf) throw notFound('Badge PDF');
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="badge-${id}-v${version}.pdf"`);
    res.setHeader('Cache-Control', 'private, max-age=3600');
    res.send(pdf);
  }
}
