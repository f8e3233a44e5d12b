import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Connection, ConnectionResult, CurrentUser, IdArg, Loaders, manyByKey, oneByKey, OptionalUser, Principal, Public, RequestLoaders, TextArg } from '@app/core';
import { Edition, EditionsService, Room, Track } from '@app/editions';
import { Speaker } from '@app/speakers';
import { ScheduleChange } from './schedule-change.entity';
import { Session } from './session.entity';
import { SessionInput, SessionPatch, SessionsArgs } from './session.inputs';
import { SessionsService } from './sessions.service';

export const SessionConnection = Connection(Session);

@Resolver(() => Session)
export class SessionsResolver {
  constructor(
    private readonly service: SessionsService,
    private readonly editions: EditionsService,
  ) {}

  @Public()
  @Query(() => Session, { nullable: true })
  session(@OptionalUser() user: Principal | undefined, @IdArg('id') id: string): Promise<Session | null> {
    return this.service.get(user, id);
  }

  @Public()
  @Query(() => SessionConnection)
  sessions(@OptionalUser() user: Principal | undefined, @Args() args: SessionsArgs): Promise<ConnectionResult<Session>> {
    return this.service.list(user, args);
  }

  @Mutation(() => Session)
  createSession(@CurrentUser() user: Principal, @IdArg('editionId') editionId: string, @Args('input') input: SessionInput): Promise<Session> {
    return this.service.create(user, editionId, input);
  }

  @Mutation(() => Session)
  updateSession(@CurrentUser() user: Principal, @IdArg('id') id: string, @Args('patch') patch: SessionPatch): Promise<Session> {
    return this.service.update(user, id, patch);
  }

  @Mutation(() => Session)
  publishSession(@CurrentUser() user: Principal, @IdArg('id') id: string): Promise<Session> {
    return this.service.publish(user, id);
  }

  @Mutation(() => Session)
  cancelSession(@CurrentUser() user: Principal, @IdArg('id') id: string, @TextArg('reason', 1000) reason: string): Promise<Session> {
    return this.service.cancel(user, id, reason);
  }

  @ResolveField(() => Edition, { description: 'The edition the session belongs to (its timezone dates the session)' })
  edition(@Parent() session: Session, @Loaders() loaders: RequestLoaders): Promise<Edition> {
    return loaders.get<string, Edition | null>('edition', async (ids) => oneByKey(ids, await this.editions.byIds(ids), (e) => e.id)).load(session.editionId) as Promise<Edition>;
  }

  @ResolveField(() => Room, { nullable: true })
  room(@Parent() session: Session, @Loaders() loaders: RequestLoaders): Promise<Room | null> | Room | null {
    if (session.room !== undefined || !session.roomId) return session.room ?? null;
    return loaders.get<string, Room | null>('room', async (ids) => oneByKey(ids, await this.editions.roomsByIds(ids), (r) => r.id)).load(session.roomId);
  }

  @ResolveField(() => Track, { nullable: true })
  track(@Parent() session: Session, @Loaders() loaders: RequestLoaders): Promise<Track | null> | Track | null {
    if (session.track !== undefined || !session.trackId) return session.track ?? null;
    return loaders.get<string, Track | null>('track', async (ids) => oneByKey(ids, await this.editions.tracksByIds(ids), (t) => t.id)).load(session.trackId);
  }

  @ResolveField(() => [Speaker])
  async speakers(@Parent() session: Session, @Loaders() loaders: RequestLoaders): Promise<Speaker[]> {
    const links = await loaders
      .get<string, { sessionId: string; speaker: Speaker }[]>('session.speakers', async (ids) => manyByKey(ids, await this.service.speakersOf(ids), (l) => l.sessionId))
      .load(session.id);
    return links.map((l) => l.speaker);
  }
}

@Resolver(() => Speaker)
export class SpeakerSessionsResolver {
  constructor(private readonly service: SessionsService) {}

  @ResolveField(() => [Session])
  async sessions(@Parent() speaker: Speaker, @Loaders() loaders: RequestLoaders): Promise<Session[]> {
    const links = await loaders
      .get<string, { speakerId: string; session: Session }[]>('speaker.sessions', async (ids) => manyByKey(ids, await this.service.sessionsOfSpeakers(ids), (l) => l.speakerId))
      .load(speaker.id);
    return links.map((l) => l.session);
  }
}

@Resolver(() => ScheduleChange)
export class ScheduleChangesResolver {
  constructor(private readonly service: SessionsService) {}

  @Public()
  @Query(() => [ScheduleChange], { description: 'Changes to published sessions, oldest first; since: only those after this instant' })
  scheduleChanges(@IdArg('editionId') editionId: string, @Args('since', { type: () => Date, nullable: true }) since?: Date): Promise<ScheduleChange[]> {
    return this.service.changes(editionId, since);
  }

  @ResolveField(() => Session)
  session(@Parent() change: ScheduleChange, @Loaders() loaders: RequestLoaders): Promise<Session | null> {
    return loaders.get<string, Session | null>('session', async (ids) => oneByKey(ids, await this.service.byIds(ids), (s) => s.id)).load(change.sessionId);
  }
}
