import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Connection, ConnectionResult, CurrentUser, IdArg, Principal } from '@app/core';
import { Attendee } from './attendee.entity';
import { AttendeeImportReport, AttendeeImportRow, AttendeeInput, AttendeesArgs } from './attendee.inputs';
import { AttendeesService } from './attendees.service';

export const AttendeeConnection = Connection(Attendee);

@Resolver(() => Attendee)
export class AttendeesResolver {
  constructor(private readonly service: AttendeesService) {}

  @Mutation(() => Attendee, { description: 'Registers an attendee, or updates the registration with the same email' })
  registerAttendee(
    @CurrentUser() user: Principal,
    @IdArg('editionId') editionId: string,
    @Args('input') input: AttendeeInput,
  ): Promise<Attendee> {
    return this.service.register(user, editionId, input);
  }

  @Mutation(() => AttendeeImportReport, {
    description:
      'Creates or updates attendees by email, reporting on every row. Also: POST text/csv to /editions/:editionId/attendees/import',
  })
  importAttendees(
    @CurrentUser() user: Principal,
    @IdArg('editionId') editionId: string,
    @Args('rows', { type: () => [AttendeeImportRow] }) rows: AttendeeImportRow[],
  ): Promise<AttendeeImportReport> {
    return this.service.import(user, editionId, rows);
  }

  @Query(() => Attendee, {
    nullable: true,
    description: "The caller's registration in an edition (by the account's email)",
  })
  myAttendee(@CurrentUser() user: Principal, @IdArg('editionId') editionId: string): Promise<Attendee | null> {
    return this.service.mine(user, editionId);
  }

  @Query(() => AttendeeConnection, {
    description:
      'Organizers of the edition: its attendees by last name, first name (then id), filtered; totalCount follows the filter',
  })
  attendees(@CurrentUser() user: Principal, @Args() args: AttendeesArgs): Promise<ConnectionResult<Attendee>> {
    return this.service.list(user, args);
  }

  @Query(() => Attendee, { nullable: true, description: 'For the edition organizers and the attendee' })
  attendee(@CurrentUser() user: Principal, @IdArg('id') id: string): Promise<Attendee | null> {
    return this.service.get(user, id);
  }

  @Query(() => String, {
    description: 'Path of the personal calendar feed (text/calendar) under the API root; keep it secret',
  })
  myCalendarUrl(@CurrentUser() user: Principal, @IdArg('editionId') editionId: string): Promise<string> {
    return this.service.calendarPath(user, editionId);
  }

  @Mutation(() => String, { description: 'Replaces the personal calendar feed URL; the old one stops working' })
  rotateCalendarToken(@CurrentUser() user: Principal, @IdArg('editionId') editionId: string): Promise<string> {
    return this.service.rotateCalendarToken(user, editionId);
  }
}
