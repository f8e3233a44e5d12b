import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Connection, ConnectionResult, CurrentUser, IdArg, Principal, Public } from '@app/core';
import { Speaker } from './speaker.entity';
import { SpeakerInput, SpeakersArgs } from './speaker.inputs';
import { SpeakersService } from './speakers.service';

export const SpeakerConnection = Connection(Speaker);

@Resolver(() => Speaker)
export class SpeakersResolver {
  constructor(private readonly service: SpeakersService) {}

  @Mutation(() => Speaker)
  createSpeaker(
    @CurrentUser() user: Principal,
    @IdArg('editionId') editionId: string,
    @Args('input') input: SpeakerInput,
  ): Promise<Speaker> {
    return this.service.create(user, editionId, input);
  }

  @Public()
  @Query(() => SpeakerConnection)
  speakers(@Args() args: SpeakersArgs): Promise<ConnectionResult<Speaker>> {
    return this.service.list(args);
  }
}
