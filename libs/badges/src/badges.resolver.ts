import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import {
  CurrentUser,
  GqlContext,
  IdArg,
  InjectPubSub,
  Loaders,
  OptionalUser,
  Principal,
  Public,
  TextArg,
} from '@app/core';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { AccessLevel, Attendee } from '@app/attendees';
import { BadgeKeysService } from './badge-keys.service';
import { BADGE_BATCH_PROGRESS, BadgeBatchProgressEvent } from './badge-renderer';
import { Badge, BadgeBatch, BadgeBatchFailure, BadgeRevocation } from './badge.entity';
import { BadgesService } from './badges.service';
import { PrintSheetsService } from './print-sheets';
import { BadgeSigningKey } from './signing-key.entity';

@Resolver()
export class BadgeKeysResolver {
  constructor(private readonly keys: BadgeKeysService) {}

  @Public()
  @Query(() => [BadgeSigningKey], {
    description: "Public keys that verify this edition's badge codes (see the README for the code format)",
  })
  badgeVerificationKeys(@IdArg('editionId') editionId: string): Promise<BadgeSigningKey[]> {
    return this.keys.verificationKeys(editionId);
  }

  @Mutation(() => BadgeSigningKey, {
    description: 'A new key signs new badge codes; codes signed with older keys stay valid until retired',
  })
  rotateBadgeKey(@CurrentUser() user: Principal, @IdArg('editionId') editionId: string): Promise<BadgeSigningKey> {
    return this.keys.rotate(user, editionId);
  }

  @Mutation(() => Boolean, {
    description: 'Codes signed with this key stop being valid; false for the key that signs now (rotate first)',
  })
  retireBadgeKey(
    @CurrentUser() user: Principal,
    @IdArg('editionId') editionId: string,
    @TextArg('kid', 64) kid: string,
  ): Promise<boolean> {
    return this.keys.retire(user, editionId, kid);
  }
}

@Resolver(() => Badge)
export class BadgesResolver {
  constructor(
    private readonly badges: BadgesService,
    private readonly printSheets: PrintSheetsService,
  ) {}

  @Query(() => Badge, {
    nullable: true,
    description: 'For its attendee and the organizers (NOT_FOUND for anyone else)',
  })
  badge(@CurrentUser() user: Principal, @IdArg('id') id: string): Promise<Badge> {
    return this.badges.get(user, id);
  }

  @Query(() => BadgeBatch, { nullable: true })
  badgeBatch(@CurrentUser() user: Principal, @IdArg('id') id: string): Promise<BadgeBatch> {
    return this.badges.batch(user, id);
  }

  @Query(() => [BadgeRevocation], {
    description: 'Badge versions revoked since a time, for offline scanners (organizers and staff)',
  })
  badgeRevocations(
    @CurrentUser() user: Principal,
    @IdArg('editionId') editionId: string,
    @Args('since', { type: () => Date, nullable: true }) since?: Date,
  ): Promise<BadgeRevocation[]> {
    return this.badges.revocations(user, editionId, since);
  }

  @Query(() => String, {
    description:
      'A signed path, valid 15 minutes, to one PDF of active badges (a batch, an access level, a last-name range), sorted by last name, for onsite printers. The worker renders it: the path answers 202 with Retry-After until the PDF is ready.',
  })
  badgePrintSheetUrl(
    @CurrentUser() user: Principal,
    @IdArg('editionId') editionId: string,
    @IdArg('batchId', { nullable: true }) batchId?: string,
    @Args('accessLevel', { type: () => AccessLevel, nullable: true }) accessLevel?: AccessLevel,
    @TextArg('lastNameFrom', 100, { nullable: true }) lastNameFrom?: string,
    @TextArg('lastNameTo', 100, { nullable: true }) lastNameTo?: string,
  ): Promise<string> {
    return this.printSheets.request(user, editionId, { batchId, accessLevel, lastNameFrom, lastNameTo });
  }

  @Mutation(() => Badge, { description: 'Queues generation; the badge turns ACTIVE when the worker is done' })
  issueBadge(@CurrentUser() user: Principal, @IdArg('attendeeId') attendeeId: string): Promise<Badge> {
    return this.badges.issue(user, attendeeId);
  }

  @Mutation(() => Badge, { description: 'Revokes the current badge, issues version + 1' })
  reissueBadge(@CurrentUser() user: Principal, @IdArg('attendeeId') attendeeId: string): Promise<Badge> {
    return this.badges.reissue(user, attendeeId);
  }

  @Mutation(() => Badge, {
    description:
      "Revokes the attendee's current badge without issuing another: scanners refuse it from now on (REVOKED); issueBadge or generateBadges gives version + 1 later. NOT_FOUND when there is no current badge",
  })
  revokeBadge(@CurrentUser() user: Principal, @IdArg('attendeeId') attendeeId: string): Promise<Badge> {
    return this.badges.revoke(user, attendeeId);
  }

  @Mutation(() => BadgeBatch, { description: 'Every attendee without an active badge' })
  generateBadges(@CurrentUser() user: Principal, @IdArg('editionId') editionId: string): Promise<BadgeBatch> {
    return this.badges.generate(user, editionId);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Printable badge (PDF), a path under the API root; null until ACTIVE',
  })
  pdfUrl(@Parent() badge: Badge): string | null {
    return this.badges.pdfPath(badge);
  }

  @ResolveField(() => Attendee)
  attendee(@Parent() badge: Badge, @Loaders() loaders: Loaders): Promise<Attendee | null> {
    return loaders.attendee.load(badge.attendeeId);
  }
}

@Resolver(() => Attendee)
export class AttendeeBadgeResolver {
  constructor(private readonly badges: BadgesService) {}

  /** The attendee and the organizers see the badge; staff at a door or an exhibitor's lead list do not (null). */
  @ResolveField(() => Badge, {
    nullable: true,
    description: 'The current badge (not revoked); for the attendee and the organizers',
  })
  badge(
    @Parent() attendee: Attendee,
    @OptionalUser() user: Principal | undefined,
    @Loaders() loaders: Loaders,
  ): Promise<Badge | null> {
    return this.badges.badgeVisibleTo(user, attendee, loaders);
  }
}

@Resolver(() => BadgeBatch)
export class BadgeBatchResolver {
  constructor(
    private readonly badges: BadgesService,
    @InjectPubSub() private readonly pubsub: RedisPubSub,
  ) {}

  @ResolveField(() => [BadgeBatchFailure], {
    description: 'The badges that failed to render for good (after their retries), with the error (at most 1,000)',
  })
  failures(@Parent() batch: BadgeBatch): Promise<BadgeBatchFailure[]> {
    return this.badges.batchFailures(batch.id);
  }

  @Subscription(() => BadgeBatch, {
    description:
      "Organizers of the edition: the batch's progress each time the worker finishes a chunk of badges (about every 50); polling badgeBatch works too",
    filter: (event: BadgeBatchProgressEvent, args: { batchId: string }) => event.batchId === args.batchId,
    resolve: function (this: BadgeBatchResolver, event: BadgeBatchProgressEvent) {
      return this.badges.progressOf(event.batchId);
    },
  })
  async badgeBatchProgress(
    @Context() ctx: GqlContext,
    @IdArg('batchId', { description: 'The batch generateBadges returned' }) batchId: string,
  ): Promise<AsyncIterator<BadgeBatchProgressEvent>> {
    await this.badges.batch(ctx.req.user, batchId); // organizers of its edition only
    return this.pubsub.asyncIterator<BadgeBatchProgressEvent>(BADGE_BATCH_PROGRESS);
  }
}
