import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { Connection, ConnectionResult, CurrentUser, IdArg, InjectPubSub, Loaders, oneByKey, PageArgs, Principal, RequestLoaders, TextArg } from '@app/core';
import { Attendee } from '@app/attendees';
import { Session, SessionsService } from '@app/sessions';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { LeadsService } from './leads.service';
import { CreditsService } from './credits.service';
import { Checkpoint, CheckpointInput, CreditsReport, LeadSyncResult, OfflineLeadInput, CheckpointStats, Lead, LeadInput, OfflineScanInput, ScanInput, ScanResult, SyncResult, VenueStats } from './scan.entity';
import { CHECKPOINT_STATS, ScanningService } from './scanning.service';

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
    private readonly sessions: SessionsService,
    private readonly credits: CreditsService,
    @InjectPubSub() private readonly pubsub: RedisPubSub,
  ) {}

  @Mutation(() => Checkpoint)
  createCheckpoint(@CurrentUser() user: Principal, @IdArg('editionId') editionId: string, @Args('input') input: CheckpointInput): Promise<Checkpoint> {
    return this.scanning.createCheckpoint(user, editionId, input);
  }

  @Query(() => [Checkpoint], { description: 'Staff and organizers' })
  checkpoints(@CurrentUser() user: Principal, @IdArg('editionId') editionId: string): Promise<Checkpoint[]> {
    return this.scanning.list(user, editionId);
  }

  @Mutation(() => ScanResult, { description: 'ADMITTED, DUPLICATE or REJECTED with a reason: always an answer. A repeated clientScanId returns the first result.' })
  scanBadge(@CurrentUser() user: Principal, @Args('input') input: ScanInput, @Context() ctx: GqlContext): Promise<ScanResult> {
    return this.scanning.scan(user, input, deviceOf(ctx));
  }

  @Mutation(() => SyncResult, { description: "An offline scanner's upload (up to 1,000), judged at each scan's time; results in order" })
  syncScans(@CurrentUser() user: Principal, @IdArg('checkpointId') checkpointId: string, @Args('scans', { type: () => [OfflineScanInput] }) scans: OfflineScanInput[], @Context() ctx: GqlContext): Promise<SyncResult> {
    return this.scanning.sync(user, checkpointId, scans, deviceOf(ctx));
  }

  @Query(() => CheckpointStats)
  checkpointStats(@CurrentUser() user: Principal, @IdArg('checkpointId') checkpointId: string): Promise<CheckpointStats> {
    return this.scanning.stats(user, checkpointId);
  }

  @Query(() => VenueStats, { description: 'Unique people admitted at any entrance on a day (default: today in the edition timezone)' })
  venueStats(@CurrentUser() user: Principal, @IdArg('editionId') editionId: string, @TextArg('day', 10, { nullable: true }) day?: string): Promise<VenueStats> {
    return this.scanning.venue(user, editionId, day);
  }

  @Subscription(() => CheckpointStats, {
    description: "A checkpoint's statistics as scans arrive (at most four times a second)",
    filter: (stats: CheckpointStats, args: { checkpointId: string }) => stats.checkpointId === args.checkpointId,
    resolve: (stats: CheckpointStats) => stats,
  })
  async checkpointStatsChanged(@Context() ctx: GqlContext, @IdArg('checkpointId') checkpointId: string): Promise<AsyncIterator<CheckpointStats>> {
    await this.scanning.watch(ctx.req.user, checkpointId);
    return this.pubsub.asyncIterator<CheckpointStats>(CHECKPOINT_STATS);
  }

  @Mutation(() => Int, { nullable: true, description: 'Organizers: keep the scan audit trail this many days (null: keep it)' })
  setScanRetention(@CurrentUser() user: Principal, @IdArg('editionId') editionId: string, @Args('days', { type: () => Int, nullable: true }) days: number | null): Promise<number | null> {
    return this.scanning.setRetention(user, editionId, days ?? null);
  }

  @Query(() => CreditsReport, { description: 'My CE credits per attended session, the total and a certificate' })
  myCredits(@CurrentUser() user: Principal, @IdArg('editionId') editionId: string): Promise<CreditsReport> {
    return this.credits.mine(user, editionId);
  }

  @ResolveField(() => Session, { nullable: true })
  session(@Parent() checkpoint: Checkpoint, @Loaders() loaders: RequestLoaders): Promise<Session | null> | null {
    if (!checkpoint.sessionId) return null;
    return loaders.get<string, Session | null>('session', async (ids) => oneByKey(ids, await this.sessions.byIds(ids), (s) => s.id)).load(checkpoint.sessionId);
  }
}

@Resolver(() => Lead)
export class LeadsResolver {
  constructor(private readonly service: LeadsService) {}

  @Mutation(() => Lead, { description: "Exhibitor staff: a badge scanned at the booth. A rescan returns the same lead (first capture time kept) and may update notes and rating." })
  captureLead(@CurrentUser() user: Principal, @Args('input') input: LeadInput): Promise<Lead> {
    return this.service.capture(user, input);
  }

  @Mutation(() => [LeadSyncResult], { description: "An offline booth scanner's upload (up to 1,000): results in order; uploading again changes nothing" })
  syncLeads(@CurrentUser() user: Principal, @IdArg('exhibitorId') exhibitorId: string, @Args('scans', { type: () => [OfflineLeadInput] }) scans: OfflineLeadInput[]): Promise<LeadSyncResult[]> {
    return this.service.sync(user, exhibitorId, scans);
  }

  @Mutation(() => Lead)
  updateLead(
    @CurrentUser() user: Principal,
    @IdArg('id') id: string,
    @TextArg('notes', 5000, { nullable: true }) notes?: string | null, // the bound captureLead applies
    @Args('rating', { type: () => Int, nullable: true }) rating?: number | null,
  ): Promise<Lead> {
    return this.service.update(user, id, notes, rating);
  }

  @Query(() => LeadConnection, { description: "This exhibitor's leads, newest first (its staff and organizers)" })
  leads(@CurrentUser() user: Principal, @IdArg('exhibitorId') exhibitorId: string, @Args() page: PageArgs): Promise<ConnectionResult<Lead>> {
    return this.service.list(user, exhibitorId, page.first, page.after);
  }

  @Query(() => String, { description: 'A signed path (valid 15 minutes) serving the leads as CSV' })
  leadsCsvUrl(@CurrentUser() user: Principal, @IdArg('exhibitorId') exhibitorId: string): Promise<string> {
    return this.service.csvPath(user, exhibitorId);
  }

  @ResolveField(() => Attendee, { description: 'The contact the attendee shares with exhibitors, as at the first scan' })
  attendee(@Parent() lead: Lead): Attendee {
    return LeadsService.attendeeOf(lead);
  }

  @ResolveField(() => Boolean, { description: "True when the contact details (email, company, job title) are kept to this exhibitor's admins (leadExportAdminsOnly)" })
  contactHidden(@Parent() lead: Lead): boolean {
    return lead.contactHidden ?? false;
  }
}
