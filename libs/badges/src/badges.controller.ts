import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { notFound, Public } from '@app/core';
import { Request, Response } from 'express';
import { renderBadgesPdf } from './badge-render';
import { BadgesService } from './badges.service';

/** Badge PDFs behind signed links (given only to those who may see them), so they open in any browser. */
@Public()
@Controller('badges')
export class BadgesController {
  constructor(private readonly badges: BadgesService) {}

  @Get('print.pdf')
  async printSheet(@Req() req: Request, @Res() res: Response): Promise<void> {
    const cards = await this.badges.printSheet(new URL(req.originalUrl, 'http://x').searchParams);
    if (!cards) throw notFound('Print sheet');
    const pdf = await renderBadgesPdf(cards);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="badges-${cards.length}.pdf"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(pdf);
  }

  @Get(':file')
  async badge(@Param('file') file: string, @Query('v') version: string, @Query('sig') signature: string, @Res() res: Response): Promise<void> {
    const id = /^([0-9a-f-]{36})\.pdf$/i.exec(file)?.[1];
    const pdf = id && /^\d{1,5}$/.test(version ?? '') ? await this.badges.pdf(id, version, signature) : null;
    if (!pdf) throw notFound('Badge PDF');
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="badge-${id}-v${version}.pdf"`);
    res.setHeader('Cache-Control', 'private, max-age=3600');
    res.send(pdf);
  }
}
