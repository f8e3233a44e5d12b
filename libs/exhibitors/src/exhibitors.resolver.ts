import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Connection, ConnectionResult, CurrentUser, IdArg, Loaders, Principal, Public, TextArg } from '@app/core';
import { Edition } from '@app/editions';
import { BoothImportService } from './booth-import.service';
import {
  Booth,
  BoothChange,
  BoothStatus,
  Exhibitor,
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
  StaffAllotmentArgs,
} from './exhibitor.inputs';
import { ExhibitorsService } from './exhibitors.service';
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

  @ResolveField(() => [Booth])
  booths(@Parent() exhibitor: Exhibitor, @Loaders() loaders: Loaders): Promise<Booth[]> {
    return loaders.exhibitorBooths.load(exhibitor.id);
  }
}

@Resolver(() => Edition)
export class EditionHallsResolver {
  @ResolveField(() => [Hall])
  halls(@Parent() edition: Edition, @Loaders() loaders: Loaders): Promise<Hall[]> {
    return loaders.editionHalls.load(edition.id);
  }
}
