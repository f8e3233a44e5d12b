import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Connection, ConnectionResult, CurrentUser, IdArg, Loaders, Principal, Public, TextArg } from '@app/core';
import { Edition, EditionsService } from '@app/editions';
import { BoothImportService } from './booth-import.service';
import {
  Booth,
  BoothChange,
  BoothStatus,
  Exhibitor,
  ExhibitorMembership,
  ExhibitorStaffMember,
  Hall,
  StaffAllotment,
} from './exhibitor.entity';
import {
  BoothHoldArgs,
  BoothImportReport,
  BoothImportRow,
  BoothInput,
  ExhibitorInput,
  ExhibitorsArgs,
  HallInput,
  LeadTagsArgs,
  StaffAllotmentArgs,
} from './exhibitor.inputs';
import { ExhibitorsService, logoUrlOf } from './exhibitors.service';
import { renderFloorPlan } from './floor-plan';

const ExhibitorConnection = Connection(Exhibitor);

@Resolver(() => Booth)
export class BoothsResolver {
  constructor(
    private readonly service: ExhibitorsService,
    private readonly imports: BoothImportService,
  ) {}

  @Mutation(() => Hall)
  createHall(
    @CurrentUser() user: Principal,
    @IdArg('editionId') editionId: string,
    @Args('input') input: HallInput,
  ): Promise<Hall> {
    return this.service.createHall(user, editionId, input);
  }

  @Mutation(() => Booth, {
    description: 'Booths of a hall never overlap and lie inside it (CONFLICT / BAD_USER_INPUT)',
  })
  createBooth(
    @CurrentUser() user: Principal,
    @IdArg('editionId') editionId: string,
    @Args('input') input: BoothInput,
  ): Promise<Booth> {
    return this.service.createBooth(user, editionId, input);
  }

  @Mutation(() => BoothImportReport, {
    description: 'Floor-plan import, idempotent on booth code, with a result per row',
  })
  importBooths(
    @CurrentUser() user: Principal,
    @IdArg('editionId') editionId: string,
    @Args('rows', { type: () => [BoothImportRow] }) rows: BoothImportRow[],
  ): Promise<BoothImportReport> {
    return this.imports.import(user, editionId, rows);
  }

  @Public()
  @Query(() => [Booth])
  booths(
    @IdArg('editionId') editionId: string,
    @IdArg('hallId', { nullable: true }) hallId?: string,
    @Args('status', { type: () => BoothStatus, nullable: true }) status?: BoothStatus,
  ): Promise<Booth[]> {
    return this.service.listBooths(editionId, hallId, status);
  }

  @Public()
  @Query(() => String, {
    description: 'The hall to scale as SVG, booths coloured by status; also at /floor-plans/<hallId>.svg',
  })
  async floorPlanSvg(@IdArg('hallId') hallId: string): Promise<string> {
    const { hall, booths } = await this.service.floorPlan(hallId);
    return renderFloorPlan(hall, booths);
  }

  @Mutation(() => Booth, {
    description: 'AVAILABLE -> ON_HOLD for an exhibitor until a time (then released unless assigned)',
  })
  holdBooth(
    @CurrentUser() user: Principal,
    @IdArg('boothId') boothId: string,
    @IdArg('exhibitorId') exhibitorId: string,
    @Args() { until }: BoothHoldArgs,
  ): Promise<Booth> {
    return this.service.hold(user, boothId, exhibitorId, until);
  }

  @Mutation(() => Booth, { description: 'Exactly one of concurrent calls for a booth wins; the others get CONFLICT' })
  assignBooth(
    @CurrentUser() user: Principal,
    @IdArg('boothId') boothId: string,
    @IdArg('exhibitorId') exhibitorId: string,
  ): Promise<Booth> {
    return this.service.assign(user, boothId, exhibitorId);
  }

  @Mutation(() => Booth, {
    description:
      "An exhibitor's admin (or an organizer) requests a booth while the edition's booth selection is open (Edition.boothSelectionOpen) and the exhibitor has no booth, assigned or on hold: AVAILABLE -> ON_HOLD for it until now + BOOTH_REQUEST_HOLD_HOURS (default 48), with requestedAt set; released then unless an organizer approves it with assignBooth. Of concurrent requests for one booth exactly one wins; the others get CONFLICT naming the nearest free booth of the hall (extensions nearestBoothId, nearestBoothCode; null when none). FORBIDDEN (reason BOOTH_SELECTION_CLOSED) while selection is closed; CONFLICT when the exhibitor already has a booth",
  })
  requestBooth(
    @CurrentUser() user: Principal,
    @IdArg('boothId', { description: 'An AVAILABLE booth of the exhibitor’s edition' }) boothId: string,
    @IdArg('exhibitorId', { description: 'The exhibitor asking (the caller is one of its admins)' })
    exhibitorId: string,
  ): Promise<Booth> {
    return this.service.requestBooth(user, boothId, exhibitorId);
  }

  @Mutation(() => Booth)
  releaseBooth(@CurrentUser() user: Principal, @IdArg('boothId') boothId: string): Promise<Booth> {
    return this.service.release(user, boothId);
  }

  @Mutation(() => Booth, { description: "Moves a booth's exhibitor to another booth; returns the new booth" })
  moveBooth(
    @CurrentUser() user: Principal,
    @IdArg('boothId') boothId: string,
    @IdArg('toBoothId') toBoothId: string,
  ): Promise<Booth> {
    return this.service.move(user, boothId, toBoothId);
  }

  @Query(() => [BoothChange], { description: "Organizers: every change of a booth's status (who, when, from, to)" })
  boothHistory(@CurrentUser() user: Principal, @IdArg('boothId') boothId: string): Promise<BoothChange[]> {
    return this.service.history(user, boothId);
  }

  @ResolveField(() => Hall)
  hall(@Parent() booth: Booth, @Loaders() loaders: Loaders): Promise<Hall | null> {
    return loaders.hall.load(booth.hallId);
  }

  @ResolveField(() => Exhibitor, { nullable: true })
  exhibitor(@Parent() booth: Booth, @Loaders() loaders: Loaders): Promise<Exhibitor | null> | null {
    if (!booth.exhibitorId) return null;
    return loaders.exhibitor.load(booth.exhibitorId);
  }
}

@Resolver(() => Exhibitor)
export class ExhibitorsResolver {
  constructor(private readonly service: ExhibitorsService) {}

  @Mutation(() => Exhibitor)
  createExhibitor(
    @CurrentUser() user: Principal,
    @IdArg('editionId') editionId: string,
    @Args('input') input: ExhibitorInput,
  ): Promise<Exhibitor> {
    return this.service.createExhibitor(user, editionId, input);
  }

  @Mutation(() => Exhibitor, { description: "Organizers and the exhibitor's admins" })
  updateExhibitor(
    @CurrentUser() user: Principal,
    @IdArg('id') id: string,
    @Args('input') input: ExhibitorInput,
  ): Promise<Exhibitor> {
    return this.service.updateExhibitor(user, id, input);
  }

  @Public()
  @Query(() => ExhibitorConnection)
  exhibitors(@Args() args: ExhibitorsArgs): Promise<ConnectionResult<Exhibitor>> {
    return this.service.search(args);
  }

  @Public()
  @Query(() => [String], {
    description: "The categories of an edition's exhibitors, each once, alphabetically (the directory's filter)",
  })
  exhibitorCategories(@IdArg('editionId') editionId: string): Promise<string[]> {
    return this.service.categories(editionId);
  }

  @Public()
  @Query(() => Exhibitor, { nullable: true })
  exhibitor(@IdArg('id') id: string): Promise<Exhibitor | null> {
    return this.service.exhibitor(id);
  }

  @Query(() => [ExhibitorStaffMember], { description: "Organizers and the exhibitor's admins" })
  exhibitorStaff(
    @CurrentUser() user: Principal,
    @IdArg('exhibitorId') exhibitorId: string,
  ): Promise<ExhibitorStaffMember[]> {
    return this.service.staff(user, exhibitorId);
  }

  @Query(() => StaffAllotment)
  staffAllotment(@CurrentUser() user: Principal, @IdArg('exhibitorId') exhibitorId: string): Promise<StaffAllotment> {
    return this.service.allotment(user, exhibitorId);
  }

  @Mutation(() => [ExhibitorStaffMember], {
    description: 'Gives an email the EXHIBITOR role for this exhibitor, within the staff allotment',
  })
  addExhibitorStaff(
    @CurrentUser() user: Principal,
    @IdArg('exhibitorId') exhibitorId: string,
    @TextArg('email', 254) email: string,
    @Args('admin', { nullable: true }) admin?: boolean,
  ): Promise<ExhibitorStaffMember[]> {
    return this.service.addStaff(user, exhibitorId, email, admin ?? false);
  }

  @Mutation(() => [ExhibitorStaffMember])
  removeExhibitorStaff(
    @CurrentUser() user: Principal,
    @IdArg('exhibitorId') exhibitorId: string,
    @TextArg('email', 254) email: string,
  ): Promise<ExhibitorStaffMember[]> {
    return this.service.removeStaff(user, exhibitorId, email);
  }

  @Mutation(() => StaffAllotment, {
    description: 'Organizers: a fixed number of staff places; null returns to the one derived from booth area',
  })
  setStaffAllotment(
    @CurrentUser() user: Principal,
    @IdArg('exhibitorId') exhibitorId: string,
    @Args() { places }: StaffAllotmentArgs,
  ): Promise<StaffAllotment> {
    return this.service.setAllotment(user, exhibitorId, places ?? null);
  }

  @Mutation(() => Exhibitor, {
    description:
      "Organizers and the exhibitor's admins: replaces the tags its staff may put on leads (Exhibitor.leadTags). Leads keep a tag taken off the list until their tags are set again; BAD_USER_INPUT for more than 20 tags, an empty or over-40-character tag, or two alike ignoring case",
  })
  setLeadTags(
    @CurrentUser() user: Principal,
    @IdArg('exhibitorId', { description: 'The exhibitor' }) exhibitorId: string,
    @Args() { tags }: LeadTagsArgs,
  ): Promise<Exhibitor> {
    return this.service.setLeadTags(user, exhibitorId, tags);
  }

  @Query(() => [ExhibitorMembership], {
    description:
      'The exhibitors the signed-in person staffs (role EXHIBITOR), with whether they are its admin: the exhibitor portal starts here. Empty for an unverified account',
  })
  myExhibitors(
    @CurrentUser() user: Principal,
    @IdArg('editionId', { nullable: true, description: 'Only this edition (default: every edition)' })
    editionId?: string,
  ): Promise<ExhibitorMembership[]> {
    return this.service.memberships(user, editionId);
  }

  @ResolveField(() => [Booth])
  booths(@Parent() exhibitor: Exhibitor, @Loaders() loaders: Loaders): Promise<Booth[]> {
    return loaders.exhibitorBooths.load(exhibitor.id);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'The path serving its logo (GET /logos/<id>?v=<upload time in ms>; the v changes with each upload, so the image may be cached), or null when it has none. Uploaded with POST /logos/<id>',
  })
  async logoUrl(@Parent() exhibitor: Exhibitor, @Loaders() loaders: Loaders): Promise<string | null> {
    const logo = await loaders.exhibitorLogoVersion.load(exhibitor.id);
    return logo ? logoUrlOf(exhibitor.id, logo.updatedAt) : null;
  }
}

@Resolver(() => Edition)
export class EditionHallsResolver {
  constructor(private readonly editions: EditionsService) {}

  @Mutation(() => Edition, {
    description:
      'Organizers: opens or closes booth selection, in which exhibitors without a booth request one (requestBooth)',
  })
  setBoothSelection(
    @CurrentUser() user: Principal,
    @IdArg('editionId', { description: 'The edition' }) editionId: string,
    @Args('open', { description: 'true opens booth selection, false closes it (requests already on hold stay)' })
    open: boolean,
  ): Promise<Edition> {
    return this.editions.setBoothSelection(user, editionId, open);
  }

  @ResolveField(() => [Hall])
  halls(@Parent() edition: Edition, @Loaders() loaders: Loaders): Promise<Hall[]> {
    return loaders.editionHalls.load(edition.id);
  }
}
