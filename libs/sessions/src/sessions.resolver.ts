import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Connection,
  ConnectionResult,
  CurrentUser,
  IdArg,
  Loaders,
  OptionalUser,
  PageArgs,
  Principal,
  Public,
  TextArg,
} from '@app/core';
import { Edition, Room, Track } from '@app/editions';
import { Speaker } from '@app/speakers';
import { ScheduleChange } from './schedule-change.entity';
import { Session } from './session.entity';
import { SessionInput, SessionPatch, SessionsArgs } from './session.inputs';
import { SessionsService } from './sessions.service';

export const SessionConnection = Connection(Session);
export const ScheduleChangeConnection = Connection(ScheduleChange);

@Resolver(() => Session)
export class SessionsResolver {
  constructor(private readonly service: SessionsService) {}

  @Public()
  @Query(() => Session, { nullable: true })
  session(@OptionalUser() user: Principal | undefined, @IdArg('id') id: string): Promise<Session | null> {
    return this.service.get(user, id);
  }

  @Public()
  @Query(() => SessionConnection)
  sessions(
    @OptionalUser() user: Principal | undefined,
    @Args() args: SessionsArgs,
  ): Promise<ConnectionResult<Session>> {
    return this.service.list(user, args);
  }

  @Mutation(() => Session)
  createSession(
    @CurrentUser() user: Principal,
    @IdArg('editionId') editionId: string,
    @Args('input') input: SessionInput,
  ): Promise<Session> {
    return this.service.create(user, editionId, input);
  }

  @Mutation(() => Session)
  updateSession(
    @CurrentUser() user: Principal,
    @IdArg('id') id: string,
    @Args('patch') patch: SessionPatch,
  ): Promise<Session> {
    return this.service.update(user, id, patch);
  }

  @Mutation(() => Session)
  publishSession(@CurrentUser() user: Principal, @IdArg('id') id: string): Promise<Session> {
    return this.service.publish(user, id);
  }

  @Mutation(() => Session)
  cancelSession(
    @CurrentUser() user: Principal,
    @IdArg('id') id: string,
    @TextArg('reason', 1000) reason: string,
  ): Promise<Session> {
    return this.service.cancel(user, id, reason);
  }

  @Mutation(() => Boolean, {
    description:
      'Organizers of the edition: deletes a draft session (true). CONFLICT for a published or cancelled session (cancel it instead)',
  })
  deleteSession(
    @CurrentUser() user: Principal,
    @IdArg('id', { description: 'The draft session' }) id: string,
  ): Promise<boolean> {
    return this.service.delete(user, id);
  }

  @ResolveField(() => Edition, { description: 'The edition the session belongs to (its timezone dates the session)' })
  edition(@Parent() session: Session, @Loaders() loaders: Loaders): Promise<Edition | null> {
    return loaders.edition.load(session.editionId);
  }

  @ResolveField(() => Room, { nullable: true })
  room(@Parent() session: Session, @Loaders() loaders: Loaders): Promise<Room | null> | Room | null {
    if (session.room !== undefined || !session.roomId) return session.room ?? null;
    return loaders.room.load(session.roomId);
  }

  @ResolveField(() => Track, { nullable: true })
  track(@Parent() session: Session, @Loaders() loaders: Loaders): Promise<Track | null> | Track | null {
    if (session.track !== undefined || !session.trackId) return session.track ?? null;
    return loaders.track.load(session.trackId);
  }

  @ResolveField(() => [Speaker])
  speakers(@Parent() session: Session, @Loaders() loaders: Loaders): Promise<Speaker[]> {
    return loaders.sessionSpeakers.load(session.id);
  }
}

@Resolver(() => Speaker)
export class SpeakerSessionsResolver {
  @ResolveField(() => [Session])
  sessions(@Parent() speaker: Speaker, @Loaders() loaders: Loaders): Promise<Session[]> {
    return loaders.speakerSessions.load(speaker.id);
  }
}

@Resolver(() => ScheduleChange)
export class ScheduleChangesResolver {
  constructor(private readonly service: SessionsService) {}

  @Public()
  @Query(() => [ScheduleChange], {
    description: 'Changes to published sessions, oldest first; since: only those after this instant',
  })
  scheduleChanges(
    @IdArg('editionId') editionId: string,
    @Args('since', { type: () => Date, nullable: true }) since?: Date,
  ): Promise<ScheduleChange[]> {
    return this.service.changes(editionId, since);
  }

  @Query(() => ScheduleChangeConnection, {
    description:
      'Organizers of the edition: the log of schedule changes sent to attendees, newest first (with notifiedCount)',
  })
  scheduleChangeLog(
    @CurrentUser() user: Principal,
    @IdArg('editionId', { description: 'The edition' }) editionId: string,
    @Args() page: PageArgs,
  ): Promise<ConnectionResult<ScheduleChange>> {
    return this.service.changeLog(user, editionId, page.first, page.after);
  }

  @ResolveField(() => Session)
  session(@Parent() change: ScheduleChange, @Loaders() loaders: Loaders): Promise<Session | null> {
    return loaders.session.load(change.sessionId);
  }
}
