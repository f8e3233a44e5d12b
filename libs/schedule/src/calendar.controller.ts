import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { notFound, ParseIdPipe, Public } from '@app/core';
import { Response } from 'express';
import { CalendarService, Feed } from './calendar.service';

const TOKEN_FILE = /^([A-Za-z0-9_-]{16,64})\.ics$/;

/**
 * Calendar feeds to subscribe to (webcal): personal ones behind a secret token, and the public
 * programme and tracks. ETag / If-None-Match make polling nearly free.
 */
@Public()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendars: CalendarService) {}

  @Get('editions/:editionId/programme.ics')
  async programme(
    @Param('editionId', new ParseIdPipe('editionId')) editionId: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    send(res, await this.calendars.programme(editionId), ifNoneMatch, 'public');
  }

  @Get('editions/:editionId/tracks/:file')
  async track(
    @Param('editionId', new ParseIdPipe('editionId')) editionId: string,
    @Param('file') file: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const trackId = new ParseIdPipe('trackId').transform(file.replace(/\.ics$/, ''))!;
    send(res, await this.calendars.track(editionId, trackId), ifNoneMatch, 'public');
  }

  @Get(':file')
  async personal(
    @Param('file') file: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const token = TOKEN_FILE.exec(file)?.[1];
    if (!token) throw notFound('Calendar');
    send(res, await this.calendars.personal(token), ifNoneMatch, 'private');
  }
}

function send(res: Response, feed: Feed, ifNoneMatch: string | undefined, visibility: 'public' | 'private'): void {
  res.setHeader('ETag', feed.etag);
  res.setHeader('Cache-Control', `${visibility}, max-age=300`);
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === feed.etag)) {
    res.status(304).end();
    return;
  }
  res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
  res.setHeader('Content-Disposition', 'inline; filename="calendar.ics"');
  res.status(200).send(feed.body);
}
