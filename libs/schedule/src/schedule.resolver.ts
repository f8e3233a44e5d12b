import { Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, IdArg, Loaders, manyByKey, oneByKey, OptionalUser, Principal, RequestLoaders } from '@app/core';
import { AccessService } from '@app/editions';
import { Session, SessionsService } from '@app/sessions';
import { ScheduleEntry, SessionAttendance } from './schedule-entry.entity';
import { ScheduleService } from './schedule.service';

@Resolver(() => ScheduleEntry)
export class ScheduleResolver {
  constructor(
    private readonly service: ScheduleService,
    private readonly sessions: SessionsService,
  ) {}

  @Query(() => [ScheduleEntry], { description: "The caller's schedule in an edition, by start time" })
  mySchedule(@CurrentUser() user: Principal, @IdArg('editionId') editionId: string): Promise<ScheduleEntry[]> {
    return this.service.mine(user, editionId);
  }

  @Mutation(() => ScheduleEntry, { description: 'RESERVED while seats remain, else WAITLISTED; BOOKMARKED for sessions without seat limits' })
  addToSchedule(@CurrentUser() user: Principal, @IdArg('sessionId') sessionId: string): Promise<ScheduleEntry> {
    return this.service.add(user, sessionId);
  }

  @Mutation(() => Boolean, { description: 'False when the session was not in the schedule. A freed seat goes to the first on the waitlist.' })
  removeFromSchedule(@CurrentUser() user: Principal, @IdArg('sessionId') sessionId: string): Promise<boolean> {
    return this.service.remove(user, sessionId);
  }

  @ResolveField(() => Session)
  session(@Parent() entry: ScheduleEntry, @Loaders() loaders: RequestLoaders): Session | Promise<Session | null> {
    return entry.session ?? loaders.get<string, Session | null>('session', async (ids) => oneByKey(ids, await this.sessions.byIds(ids), (s) => s.id)).load(entry.sessionId);
  }

  @ResolveField(() => [Session], { description: 'My other entries that overlap this one in time' })
  async conflictsWith(@Parent() entry: ScheduleEntry, @Loaders() loaders: RequestLoaders): Promise<Session[]> {
    if (entry.conflicts) return entry.conflicts;
    const links = await loaders
      .get<string, { entryId: string; session: Session }[]>('entry.conflicts', async (ids) => manyByKey(ids, await this.service.conflictsOf(ids), (l) => l.entryId))
      .load(entry.id);
    return links.map((l) => l.session);
  }
}

@Resolver(() => Session)
export class SessionAttendanceResolver {
  constructor(
    private readonly service: ScheduleService,
    private readonly access: AccessService,
  ) {}

  @ResolveField(() => SessionAttendance, { nullable: true, description: "Reservations, waitlist and bookmarks: for the edition's organizers, null for others" })
  async attendance(@Parent() session: Session, @OptionalUser() user: Principal | undefined, @Loaders() loaders: RequestLoaders): Promise<SessionAttendance | null> {
    if (!user) return null;
    const organizer = await loaders.get<string, boolean>('organizerOf', (editionIds) => Promise.all(editionIds.map((id) => this.access.isOrganizer(user, id)))).load(session.editionId);
    if (!organizer) return null;
    return loaders.get<string, SessionAttendance>('session.attendance', (ids) => this.service.attendanceOf(ids)).load(session.id);
  }
}
