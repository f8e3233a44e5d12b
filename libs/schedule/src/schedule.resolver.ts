import { Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, IdArg, Loaders, OptionalUser, Principal } from '@app/core';
import { Attendee } from '@app/attendees';
import { Session } from '@app/sessions';
import { ScheduleEntry, SessionAttendance } from './schedule-entry.entity';
import { ScheduleService } from './schedule.service';

@Resolver(() => ScheduleEntry)
export class ScheduleResolver {
  constructor(private readonly service: ScheduleService) {}

  @Query(() => [ScheduleEntry], { description: "The caller's schedule in an edition, by start time" })
  mySchedule(@CurrentUser() user: Principal, @IdArg('editionId') editionId: string): Promise<ScheduleEntry[]> {
    return this.service.mine(user, editionId);
  }

  @Mutation(() => ScheduleEntry, {
    description: 'RESERVED while seats remain, else WAITLISTED; BOOKMARKED for sessions without seat limits',
  })
  addToSchedule(@CurrentUser() user: Principal, @IdArg('sessionId') sessionId: string): Promise<ScheduleEntry> {
    return this.service.add(user, sessionId);
  }

  @Mutation(() => Boolean, {
    description: 'False when the session was not in the schedule. A freed seat goes to the first on the waitlist.',
  })
  removeFromSchedule(@CurrentUser() user: Principal, @IdArg('sessionId') sessionId: string): Promise<boolean> {
    return this.service.remove(user, sessionId);
  }

  @ResolveField(() => Session)
  session(@Parent() entry: ScheduleEntry, @Loaders() loaders: Loaders): Session | Promise<Session | null> {
    return entry.session ?? loaders.session.load(entry.sessionId);
  }

  @ResolveField(() => [Session], { description: 'My other entries that overlap this one in time' })
  conflictsWith(@Parent() entry: ScheduleEntry, @Loaders() loaders: Loaders): Session[] | Promise<Session[]> {
    return entry.conflicts ?? loaders.entryConflicts.load(entry.id);
  }
}

@Resolver(() => Session)
export class SessionAttendanceResolver {
  constructor(private readonly service: ScheduleService) {}

  @ResolveField(() => SessionAttendance, {
    nullable: true,
    description: "Reservations, waitlist and bookmarks: for the edition's organizers, null for others",
  })
  attendance(
    @Parent() session: Session,
    @OptionalUser() user: Principal | undefined,
    @Loaders() loaders: Loaders,
  ): Promise<SessionAttendance | null> {
    return this.service.attendanceFor(user, session, loaders);
  }
}

@Resolver(() => Attendee)
export class AttendeeScheduleResolver {
  constructor(private readonly service: ScheduleService) {}

  @ResolveField(() => [ScheduleEntry], {
    nullable: true,
    description:
      "The attendee's schedule (published sessions, by start time): for the attendee and the edition's organizers, null for others",
  })
  schedule(
    @Parent() attendee: Attendee,
    @OptionalUser() user: Principal | undefined,
    @Loaders() loaders: Loaders,
  ): Promise<ScheduleEntry[] | null> {
    return this.service.scheduleVisibleTo(user, attendee, loaders);
  }
}
