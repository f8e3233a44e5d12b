import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { csvBody, CurrentUser, ParseIdPipe, Principal } from '@app/core';
import { AttendeeImportReport } from './attendee.inputs';
import { AttendeesService } from './attendees.service';

/** CSV upload of attendees for organizers: `curl -H 'Content-Type: text/csv' --data-binary @attendees.csv`. */
@Controller('editions/:editionId/attendees')
export class AttendeesImportController {
  constructor(private readonly service: AttendeesService) {}

  @Post('import')
  @HttpCode(200)
  import(
    @CurrentUser() user: Principal,
    @Param('editionId', new ParseIdPipe('editionId')) editionId: string,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
  ): Promise<AttendeeImportReport> {
    return this.service.importCsv(user, editionId, csvBody(body, contentType));
  }
}
