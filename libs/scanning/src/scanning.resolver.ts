import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { Connection, ConnectionResult, CurrentUser, IdArg, InjectPubSub, Loaders, Principal } from '@app/core';
import { Attendee } from '@app/attendees';
import { EditionsService } from '@app/editions';
import { Session } from '@app/sessions';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { Exhibitor } from '@app/exhibitors';
import { LeadsService } from './leads.service';
import { LeadCapture, LeadFigures, LeadsArgs } from './lead.types';
import { CreditsService } from './credits.service';
import { CHECKPOINT_STATS } from './scan-stats';
import { Checkpoint, Lead, Scan } from './scan.entity';
import {
  AdmissionsSeriesArgs,
  AnnulScanArgs,
  CheckpointInput,
  CheckpointPatch,
  LeadInput,
  RecentScansArgs,
  ScanInput,
  ScannerDatasetArgs,
  ScanRetentionArgs,
  SyncLeadsArgs,
  SyncScansArgs,
  UpdateLeadArgs,
  VenueStatsArgs,
} from './scan.inputs';
import {
  AdmissionsBucket,
  CheckpointStats,
  CreditsReport,
  LeadSyncResult,
  ScannerDatasetPage,
  ScanResult,
  SyncResult,
  VenueStats,
} from './scan.types';
import { ScanningService } from './scanning.service';

const LeadConnection = Connection(Lead);

interface GqlContext {
  req: { user?: Principal; headers: Record<string, string | string[] | undefined> };
}
/** Scanners name themselves (X-Device-Id) for the audit trail. */
const deviceOf = (ctx: GqlContext) => {
  const id = ctx.req.headers?.['x-device-id'];
  return typeof id === 'string' ? id.slice(0, 100) : null;
};

@Resolver(() => Checkpoint)
export class ScanningResolver {
  constructor(
    private readonly scanning: ScanningService,
    private readonly credits: CreditsService,
    private readonly editions: EditionsService,
    @InjectPubSub() private readonly pubsub: RedisPubSub,
  ) {}

  @Mutation(() => Checkpoint)
  createCheckpoint(
    @CurrentUser() user: Principal,
    @IdArg('editionId') editionId: string,
    @Args('input') input: CheckpointInput,
  ): Promise<Checkpoint> {
    return this.scanning.createCheckpoint(user, editionId, input);
  }

  @Mutation(() => Checkpoint, {
    description:
      'Organizers: changes a checkpoint (fields left out stay as they are). Close a door with closesAt now, open it again with closesAt null (and opensAt null or past); scanners follow within seconds',
  })
  updateCheckpoint(
    @CurrentUser() user: Principal,
    @IdArg('id') id: string,
    @Args('input') input: CheckpointPatch,
  ): Promise<Checkpoint> {
    return this.scanning.updateCheckpoint(user, id, input);
  }

  @Query(() => [Scan], {
    description:
      "Organizers: a checkpoint's latest scans, newest first by scan time; outcome REJECTED lists the failed ones with their reasons, conflictsOnly the offline conflicts",
  })
  recentScans(
    @CurrentUser() user: Principal,
    @IdArg('checkpointId') checkpointId: string,
    @Args() args: RecentScansArgs,
  ): Promise<Scan[]> {
    return this.scanning.recentScans(user, checkpointId, args);
  }

  @Query(() => [AdmissionsBucket], {
    description:
      'Organizers: entries admitted at a checkpoint per 5 minutes of a local day (default today), oldest first; intervals without an admission are left out',
  })
  admissionsSeries(
    @CurrentUser() user: Principal,
    @IdArg('checkpointId') checkpointId: string,
    @Args() { day }: AdmissionsSeriesArgs,
  ): Promise<AdmissionsBucket[]> {
    return this.scanning.admissionsSeries(user, checkpointId, day);
  }

  @Query(() => [Checkpoint], { description: 'Staff and organizers' })
  checkpoints(@CurrentUser() user: Principal, @IdArg('editionId') editionId: string): Promise<Checkpoint[]> {
    return this.scanning.list(user, editionId);
  }

  @Mutation(() => ScanResult, {
    description:
      'ADMITTED, DUPLICATE or REJECTED with a reason: always an answer. A repeated clientScanId returns the first result.',
  })
  scanBadge(
    @CurrentUser() user: Principal,
    @Args('input') input: ScanInput,
    @Context() ctx: GqlContext,
  ): Promise<ScanResult> {
    return this.scanning.scan(user, input, deviceOf(ctx));
  }

  @Mutation(() => SyncResult, {
    description: "An offline scanner's upload (up to 1,000), judged at each scan's time; results in order",
  })
  syncScans(
    @CurrentUser() user: Principal,
    @IdArg('checkpointId') checkpointId: string,
    @Args() { scans, deviceId, queued }: SyncScansArgs,
    @Context() ctx: GqlContext,
  ): Promise<SyncResult> {
    return this.scanning.sync(user, checkpointId, scans, deviceId ?? deviceOf(ctx), queued);
  }

  @Mutation(() => Scan, {
    description:
      'Annuls an admission (a turnstile that did not turn): by the device that made it (deviceId), within 15 minutes of its scan time. ' +
      'It stops counting (statistics, inside now) and a later scan of the badge is admitted again; the scan stays in the audit trail with annulledAt. ' +
      'FORBIDDEN for another device (or anyone but the staff and organizers of the edition), BAD_USER_INPUT when the scan is not an admission ' +
      '(reason NOT_ADMITTED) or the 15 minutes are over (reason WINDOW_CLOSED), CONFLICT when it was annulled already',
  })
  annulScan(
    @CurrentUser() user: Principal,
    @IdArg('scanId') scanId: string,
    @Args() { deviceId }: AnnulScanArgs,
  ): Promise<Scan> {
    return this.scanning.annul(user, scanId, deviceId);
  }

  @Query(() => ScannerDatasetPage, {
    description:
      "Staff and organizers: an offline scanner's dataset for the edition (verification keys, revocations, badge roster), in keyset pages with a delta-sync bookmark",
  })
  scannerDataset(
    @CurrentUser() user: Principal,
    @IdArg('editionId') editionId: string,
    @Args() args: ScannerDatasetArgs,
  ): Promise<ScannerDatasetPage> {
    return this.scanning.dataset(user, editionId, args);
  }

  @Query(() => CheckpointStats)
  checkpointStats(
    @CurrentUser() user: Principal,
    @IdArg('checkpointId') checkpointId: string,
  ): Promise<CheckpointStats> {
    return this.scanning.stats(user, checkpointId);
  }

  @Query(() => VenueStats, {
    description: 'Unique people admitted at any entrance on a day (default: today in the edition timezone)',
  })
  venueStats(
    @CurrentUser() user: Principal,
    @IdArg('editionId') editionId: string,
    @Args() { day }: VenueStatsArgs,
  ): Promise<VenueStats> {
    return this.scanning.venue(user, editionId, day ?? undefined);
  }

  @Subscription(() => CheckpointStats, {
    description: "A checkpoint's statistics as scans arrive (at most four times a second)",
    filter: (stats: CheckpointStats, args: { checkpointId: string }) => stats.checkpointId === args.checkpointId,
    resolve: (stats: CheckpointStats) => stats,
  })
  async checkpointStatsChanged(
    @Context() ctx: GqlContext,
    @IdArg('checkpointId') checkpointId: string,
  ): Promise<AsyncIterator<CheckpointStats>> {
    await this.scanning.watch(ctx.req.user, checkpointId);
    return this.pubsub.asyncIterator<CheckpointStats>(CHECKPOINT_STATS);
  }

  @Mutation(() => Int, {
    nullable: true,
    description: 'Organizers: keep the scan audit trail this many days (null: keep it)',
  })
  setScanRetention(
    @CurrentUser() user: Principal,
    @IdArg('editionId') editionId: string,
    @Args() { days }: ScanRetentionArgs,
  ): Promise<number | null> {
    return this.editions.setScanRetention(user, editionId, days ?? null);
  }

  @Query(() => CreditsReport, { description: 'My CE credits per attended session, the total and a certificate' })
  myCredits(@CurrentUser() user: Principal, @IdArg('editionId') editionId: string): Promise<CreditsReport> {
    return this.credits.mine(user, editionId);
  }

  @ResolveField(() => Session, { nullable: true })
  session(@Parent() checkpoint: Checkpoint, @Loaders() loaders: Loaders): Promise<Session | null> | null {
    if (!checkpoint.sessionId) return null;
    return loaders.session.load(checkpoint.sessionId);
  }
}

/** A scan's computed fields. */
@Resolver(() => Scan)
export class ScanFieldsResolver {
  constructor(private readonly scanning: ScanningService) {}

  @ResolveField(() => Boolean, {
    description:
      'Uploaded more than SCAN_LATE_MINUTES (default 10) after its scannedAt: an offline scan that waited in a queue (a live scan never is)',
  })
  late(@Parent() scan: Scan): boolean {
    return this.scanning.isLate(scan);
  }
}

@Resolver(() => Lead)
export class LeadsResolver {
  constructor(private readonly service: LeadsService) {}

  @Mutation(() => Lead, {
    description:
      'Exhibitor staff: a badge scanned at the booth. A rescan returns the same lead (first capture time kept) and may update notes and rating.',
  })
  captureLead(@CurrentUser() user: Principal, @Args('input') input: LeadInput): Promise<Lead> {
    return this.service.capture(user, input);
  }

  @Mutation(() => [LeadSyncResult], {
    description: "An offline booth scanner's upload (up to 1,000): results in order; uploading again changes nothing",
  })
  syncLeads(
    @CurrentUser() user: Principal,
    @IdArg('exhibitorId') exhibitorId: string,
    @Args() { scans }: SyncLeadsArgs,
  ): Promise<LeadSyncResult[]> {
    return this.service.sync(user, exhibitorId, scans);
  }

  @Mutation(() => Lead, {
    description:
      "Its exhibitor's staff: sets the notes, rating and tags given (left out: unchanged; null clears notes or rating)",
  })
  updateLead(
    @CurrentUser() user: Principal,
    @IdArg('id') id: string,
    @Args() { notes, rating, tags }: UpdateLeadArgs,
  ): Promise<Lead> {
    return this.service.update(user, id, notes, rating, tags);
  }

  @Query(() => LeadConnection, {
    description:
      "This exhibitor's leads (its staff and organizers), filtered and sorted (default newest first); totalCount counts every match",
  })
  leads(
    @CurrentUser() user: Principal,
    @IdArg('exhibitorId') exhibitorId: string,
    @Args() args: LeadsArgs,
  ): Promise<ConnectionResult<Lead>> {
    return this.service.list(user, exhibitorId, args);
  }

  @Query(() => LeadFigures, {
    description: "This exhibitor's leads per edition-local day and per staff member (its staff and organizers)",
  })
  leadFigures(
    @CurrentUser() user: Principal,
    @IdArg('exhibitorId', { description: 'The exhibitor (the caller is on its staff or organizes)' })
    exhibitorId: string,
  ): Promise<LeadFigures> {
    return this.service.figures(user, exhibitorId);
  }

  @Query(() => [LeadCapture], {
    description:
      "The signed-in attendee's own record: which exhibitors captured their badge in the edition, and when, oldest first (none of the lead's notes, rating or tags)",
  })
  myLeadCaptures(
    @CurrentUser() user: Principal,
    @IdArg('editionId', { description: 'The edition the caller is registered for' }) editionId: string,
  ): Promise<LeadCapture[]> {
    return this.service.capturesOf(user, editionId);
  }

  @Query(() => String, { description: 'A signed path (valid 15 minutes) serving the leads as CSV' })
  leadsCsvUrl(@CurrentUser() user: Principal, @IdArg('exhibitorId') exhibitorId: string): Promise<string> {
    return this.service.csvPath(user, exhibitorId);
  }

  @ResolveField(() => Attendee, {
    description: 'The contact the attendee shares with exhibitors, as at the first scan',
  })
  attendee(@Parent() lead: Lead): Attendee {
    return LeadsService.attendeeOf(lead);
  }

  @ResolveField(() => Boolean, {
    description:
      "True when the contact details (email, company, job title) are kept to this exhibitor's admins (leadExportAdminsOnly)",
  })
  contactHidden(@Parent() lead: Lead): boolean {
    return lead.contactHidden ?? false;
  }
}

@Resolver(() => LeadCapture)
export class LeadCapturesResolver {
  @ResolveField(() => Exhibitor)
  exhibitor(@Parent() capture: LeadCapture, @Loaders() loaders: Loaders): Promise<Exhibitor | null> {
    return loaders.exhibitor.load(capture.exhibitorId);
  }
}
