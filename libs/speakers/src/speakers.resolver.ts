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

  @Mutation(() => Speaker, {
    description:
      "Organizers of the speaker's edition: changes the speaker's profile. The name is required; other fields left out stay as they are, an empty string clears one",
  })
  updateSpeaker(
    @CurrentUser() user: Principal,
    @IdArg('id', { description: 'The speaker' }) id: string,
    @Args('input', { description: 'The profile' }) input: SpeakerInput,
  ): Promise<Speaker> {
    return this.service.update(user, id, input);
  }

  @Public()
  @Query(() => SpeakerConnection)
  speakers(@Args() args: SpeakersArgs): Promise<ConnectionResult<Speaker>> {
    return this.service.list(args);
  }
}
