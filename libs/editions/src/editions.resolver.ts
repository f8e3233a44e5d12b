import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, IdArg, Loaders, Principal, Public, TextArg } from '@app/core';
import { Edition, Role, Room, Track } from './edition.entity';
import { EditionInput, EditionPatch, RoomInput, RoomPatch } from './edition.inputs';
import { EditionsService } from './editions.service';
import { RoleGrant } from './role-grant';

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

  @Mutation(() => Edition, {
    description:
      'Organizers of the edition: renames it or moves its days or timezone. CONFLICT (with conflictingSessionId) when a published session would fall outside the new days',
  })
  updateEdition(
    @CurrentUser() user: Principal,
    @IdArg('id', { description: 'The edition' }) id: string,
    @Args('input', { description: 'The fields to change' }) input: EditionPatch,
  ): Promise<Edition> {
    return this.service.update(user, id, input);
  }

  @Mutation(() => Room, {
    description:
      "Organizers of the edition: renames a room or changes its seats (BAD_USER_INPUT below a session's reservations); waitlists get any new seats",
  })
  updateRoom(
    @CurrentUser() user: Principal,
    @IdArg('id', { description: 'The room' }) id: string,
    @Args('input', { description: 'The fields to change' }) input: RoomPatch,
  ): Promise<Room> {
    return this.service.updateRoom(user, id, input);
  }

  @Mutation(() => Track, {
    description: 'Organizers of the edition: renames a track or sets its colour; arguments left out stay as they are',
  })
  updateTrack(
    @CurrentUser() user: Principal,
    @IdArg('id', { description: 'The track' }) id: string,
    @TextArg('name', 200, { nullable: true, description: 'The new name (1 to 200 characters)' }) name?: string,
    @TextArg('colour', 16, { nullable: true, description: 'The colour, #rrggbb; null clears it' })
    colour?: string | null,
  ): Promise<Track> {
    return this.service.updateTrack(user, id, name ?? undefined, colour);
  }

  @Query(() => [RoleGrant], {
    description: 'Organizers of the edition: every role granted in it (to emails), by role then email',
  })
  editionRoles(
    @CurrentUser() user: Principal,
    @IdArg('editionId', { description: 'The edition' }) editionId: string,
  ): Promise<RoleGrant[]> {
    return this.service.grants(user, editionId);
  }

  @Query(() => [Role], {
    description:
      "The signed-in person's own roles in the edition (ORGANIZER for platform organizers), in the enum's order: what the app may offer them (the server checks every call anyway)",
  })
  myRoles(
    @CurrentUser() user: Principal,
    @IdArg('editionId', { description: 'The edition' }) editionId: string,
  ): Promise<Role[]> {
    return this.service.myRoles(user, editionId);
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
    @TextArg('colour', 16, { nullable: true, description: 'The colour the programme shows the track in, #rrggbb' })
    colour?: string,
  ): Promise<Track> {
    return this.service.createTrack(user, editionId, name, colour);
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
    description:
      'Takes a role back from an email (organizers only); true when the email held it. The counterpart of grantRole.',
  })
  revokeRole(
    @CurrentUser() user: Principal,
    @IdArg('editionId') editionId: string,
    @TextArg('email', 254) email: string,
    @Args('role', { type: () => Role }) role: Role,
    @IdArg('exhibitorId', {
      nullable: true,
      description:
        'For an EXHIBITOR role (required then): the exhibitor whose staff the email leaves, as removeExhibitorStaff; a role held for another exhibitor is left alone',
    })
    exhibitorId?: string,
  ): Promise<boolean> {
    return this.service.revokeRole(user, editionId, email, role, exhibitorId);
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
