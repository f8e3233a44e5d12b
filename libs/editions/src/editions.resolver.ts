import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, IdArg, Loaders, Principal, Public, TextArg } from '@app/core';
import { Edition, Role, Room, Track } from './edition.entity';
import { EditionInput, RoomInput } from './edition.inputs';
import { EditionsService } from './editions.service';

@Resolver(() => Edition)
export class EditionsResolver {
  constructor(private readonly service: EditionsService) {}

  @Public()
  @Query(() => [Edition])
  editions(): Promise<Edition[]> {
    return this.service.list();
  }

  @Public()
  @Query(() => Edition, { nullable: true })
  edition(@IdArg('id') id: string): Promise<Edition | null> {
    return this.service.findById(id);
  }

  @Mutation(() => Edition)
  createEdition(@CurrentUser() user: Principal, @Args('input') input: EditionInput): Promise<Edition> {
    return this.service.create(user, input);
  }

  @Mutation(() => Room)
  createRoom(
    @CurrentUser() user: Principal,
    @IdArg('editionId') editionId: string,
    @Args('input') input: RoomInput,
  ): Promise<Room> {
    return this.service.createRoom(user, editionId, input);
  }

  @Mutation(() => Track)
  createTrack(
    @CurrentUser() user: Principal,
    @IdArg('editionId') editionId: string,
    @TextArg('name', 200) name: string,
  ): Promise<Track> {
    return this.service.createTrack(user, editionId, name);
  }

  @Mutation(() => Boolean)
  grantRole(
    @CurrentUser() user: Principal,
    @IdArg('editionId') editionId: string,
    @TextArg('email', 254) email: string,
    @Args('role', { type: () => Role }) role: Role,
    @IdArg('exhibitorId', { nullable: true }) exhibitorId?: string,
  ): Promise<boolean> {
    return this.service.grantRole(user, editionId, email, role, exhibitorId);
  }

  @Mutation(() => Boolean, {
    description: 'Takes a role back from an email (organizers only); true when the email held it.',
  })
  revokeRole(
    @CurrentUser() user: Principal,
    @IdArg('editionId') editionId: string,
    @TextArg('email', 254) email: string,
    @Args('role', { type: () => Role }) role: Role,
  ): Promise<boolean> {
    return this.service.revokeRole(user, editionId, email, role);
  }

  @ResolveField(() => [Room])
  rooms(@Parent() edition: Edition, @Loaders() loaders: Loaders): Promise<Room[]> {
    return loaders.editionRooms.load(edition.id);
  }

  @ResolveField(() => [Track])
  tracks(@Parent() edition: Edition, @Loaders() loaders: Loaders): Promise<Track[]> {
    return loaders.editionTracks.load(edition.id);
  }
}
