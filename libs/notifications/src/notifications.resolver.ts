import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import {
  Connection,
  ConnectionResult,
  CurrentUser,
  IdArg,
  InjectPubSub,
  Loaders,
  PageArgs,
  Principal,
  unauthenticated,
} from '@app/core';
import { ScheduleChange } from '@app/sessions';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { Notification } from './notification.entity';
import { NOTIFICATION_ADDED, NotificationAddedEvent } from './notification-events';
import { MarkReadArgs } from './notification.inputs';
import { NotificationsService } from './notifications.service';

const NotificationConnection = Connection(Notification);

interface SubscriptionContext {
  req: { user?: Principal };
}
const emailOf = (ctx: SubscriptionContext) => ctx.req.user?.email ?? undefined;

@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(
    private readonly service: NotificationsService,
    @InjectPubSub() private readonly pubsub: RedisPubSub,
  ) {}

  @Query(() => NotificationConnection, { description: "The caller's notifications, newest first" })
  notifications(
    @CurrentUser() user: Principal,
    @Args() page: PageArgs,
    @Args('unreadOnly', { type: () => Boolean, nullable: true }) unreadOnly?: boolean,
  ): Promise<ConnectionResult<Notification>> {
    return this.service.list(user, unreadOnly ?? false, page.first, page.after);
  }

  @Mutation(() => Int, { description: 'Marks my notifications read; returns how many changed' })
  markNotificationsRead(@CurrentUser() user: Principal, @Args() { ids }: MarkReadArgs): Promise<number> {
    return this.service.markRead(user, ids);
  }

  @Mutation(() => Boolean, {
    description:
      'Schedule updates by mail on or off for my registration (in-app ones always arrive); false when not registered',
  })
  setEmailUpdates(
    @CurrentUser() user: Principal,
    @IdArg('editionId') editionId: string,
    @Args('enabled') enabled: boolean,
  ): Promise<boolean> {
    return this.service.setEmailUpdates(user, editionId, enabled);
  }

  @Subscription(() => Notification, {
    description:
      'My new notifications as they are written (graphql-ws; connectionParams: { authorization: "Bearer <token>" })',
    filter: (event: NotificationAddedEvent, _args: unknown, ctx: SubscriptionContext) =>
      event.items.some((i) => i.recipientEmail === emailOf(ctx)),
    resolve: (event: NotificationAddedEvent, _args: unknown, ctx: SubscriptionContext) =>
      NotificationsService.fromEvent(event.items.find((i) => i.recipientEmail === emailOf(ctx))!.notification),
  })
  notificationAdded(@Context() ctx: SubscriptionContext): AsyncIterator<NotificationAddedEvent> {
    if (!ctx.req.user) throw unauthenticated();
    return this.pubsub.asyncIterator<NotificationAddedEvent>(NOTIFICATION_ADDED);
  }

  @ResolveField(() => ScheduleChange, { nullable: true })
  change(@Parent() notification: Notification, @Loaders() loaders: Loaders): Promise<ScheduleChange | null> | null {
    if (!notification.changeId) return null;
    return loaders.scheduleChange.load(notification.changeId);
  }
}

@Resolver(() => ScheduleChange)
export class ScheduleChangeNotifiedResolver {
  @ResolveField(() => Int, {
    nullable: true,
    description:
      "How many people the change notified so far (attendees with the session in their schedule, and its speakers): for the edition's organizers, null for others",
  })
  async notifiedCount(@Parent() change: ScheduleChange, @Loaders() loaders: Loaders): Promise<number | null> {
    if (!(await loaders.organizerOf.load(change.editionId))) return null;
    return loaders.changeNotifiedCount.load(change.id);
  }
}
