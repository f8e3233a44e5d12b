import { Injectable } from '@nestjs/common';
import { Args, Field, ID, Int, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { badInput, Loaders, OptionalUser, Principal } from '@app/core';
import { Attendee } from '@app/attendees';
import { AttendeeScansRepository } from './attendee-scans.repository';
import { CreditsService } from './credits.service';
import { ScanOutcome } from './scan.entity';
import { CreditsReport } from './scan.types';

/** A scan of the attendee's badge, for the organizers' attendee page. */
@ObjectType({ description: "A scan of an attendee's badge at a checkpoint (organizers)" })
export class AttendeeScan {
  @Field(() => ID) id: string;
  @Field() scannedAt: Date;
  @Field(() => ID) checkpointId: string;
  @Field() checkpointName: string;
  @Field(() => ScanOutcome) outcome: ScanOutcome;
  @Field(() => String, { nullable: true, description: 'Why a scan was REJECTED' }) reason: string | null;
  @Field({ description: 'IN, or OUT for an exit scan in a session room' }) direction: string;
  @Field(() => Date, { nullable: true, description: 'When the admission was annulled (annulScan)' })
  annulledAt: Date | null;
}

const MAX_SCANS = 200;

/** What the organizers see of an attendee's activity: their scans and their CE credits. */
@Injectable()
export class AttendeeActivityService {
  constructor(
    private readonly scans: AttendeeScansRepository,
    private readonly credits: CreditsService,
  ) {}

  /** The edition's organizers only (batched through the request's loaders); null for anyone else. */
  private async organizer(user: Principal | undefined, attendee: Attendee, loaders: Loaders): Promise<boolean> {
    return !!user && !!attendee.editionId && (await loaders.organizerOf.load(attendee.editionId));
  }

  async scansOf(
    user: Principal | undefined,
    attendee: Attendee,
    loaders: Loaders,
    first: number,
  ): Promise<AttendeeScan[] | null> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_SCANS)
      throw badInput(`first must be between 1 and ${MAX_SCANS}`);
    if (!(await this.organizer(user, attendee, loaders))) return null;
    return this.scans.latestOf(attendee.id, first);
  }

  async creditsOf(user: Principal | undefined, attendee: Attendee, loaders: Loaders): Promise<CreditsReport | null> {
    if (!(await this.organizer(user, attendee, loaders))) return null;
    return { ...(await this.credits.forAttendee(attendee.id)), certificateUrl: null };
  }
}

@Resolver(() => Attendee)
export class AttendeeActivityResolver {
  constructor(private readonly activity: AttendeeActivityService) {}

  @ResolveField(() => [AttendeeScan], {
    nullable: true,
    description:
      "The attendee's latest scans at every checkpoint, newest first: for the edition's organizers, null for others",
  })
  scans(
    @Parent() attendee: Attendee,
    @OptionalUser() user: Principal | undefined,
    @Loaders() loaders: Loaders,
    @Args('first', { type: () => Int, defaultValue: 50, description: '1..200' }) first: number,
  ): Promise<AttendeeScan[] | null> {
    return this.activity.scansOf(user, attendee, loaders, first);
  }

  @ResolveField(() => CreditsReport, {
    nullable: true,
    description:
      "The attendee's CE credits per attended session (as myCredits, without the certificate link): for the edition's organizers, null for others",
  })
  credits(
    @Parent() attendee: Attendee,
    @OptionalUser() user: Principal | undefined,
    @Loaders() loaders: Loaders,
  ): Promise<CreditsReport | null> {
    return this.activity.creditsOf(user, attendee, loaders);
  }
}
