import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { notFound, Public } from '@app/core';
import { Response } from 'express';
import { CreditsService } from './credits.service';

/** CE certificates behind signed links (given only to the attendee), so they open in any browser. */
@Public()
@Controller('credits')
export class CreditsController {
  constructor(private readonly credits: CreditsService) {}

  @Get(':file')
  async certificate(@Param('file') file: string, @Query('sig') signature: string, @Res() res: Response): Promise<void> {
    const attendeeId = /^([0-9a-f-]{36})\.pdf$/i.exec(file)?.[1];
    const pdf = attendeeId ? await this.credits.certificate(attendeeId, signature) : null;
    if (!pdf) throw notFound('Certificate');
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="ce-certificate.pdf"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(pdf);
  }
}
