import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { badInput, CurrentUser, ParseIdPipe, Principal } from '@app/core';
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
    if (typeof body !== 'string' || !/^text\/(csv|plain)/.test(contentType ?? '')) throw badInput('Send the CSV file as the request body with Content-Type: text/csv');
    return this.service.importCsv(user, editionId, body);
  }
}
