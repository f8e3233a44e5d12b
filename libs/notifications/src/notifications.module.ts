import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule } from '@app/core';
import { AttendeesModule } from '@app/attendees';
import { EditionsModule } from '@app/editions';
import { SessionsModule } from '@app/sessions';
import { MailSender } from './mail-sender';
import { Notification } from './notification.entity';
import { NotificationRepository } from './notification.repository';
import { NotificationWriter } from './notification-writer';
import { MailProcessor, NotificationsProcessor, WebhooksProcessor } from './notifications.processor';
import { NotificationsResolver, ScheduleChangeNotifiedResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';
import { PromotionNotifier } from './promotion-notifier';
import { ScheduleFanout } from './schedule-fanout';
import { UnsubscribeController } from './unsubscribe.controller';
import { WebhookDelivery, WebhookEndpoint } from './webhook.entity';
import { NotificationsLoaders } from './notifications.loaders';
import { WebhookRepository } from './webhook.repository';
import { WebhookSender } from './webhook-sender';
import { WebhooksResolver } from './webhooks.resolver';
import { WebhooksService } from './webhooks.service';

export const NOTIFICATION_ENTITIES = [WebhookEndpoint, WebhookDelivery, Notification];

/** API side: in-app notifications and their subscription, mail preference, webhook endpoints and the delivery log. */
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATION_ENTITIES), EditionsModule, AttendeesModule],
  controllers: [UnsubscribeController],
  providers: [
    NotificationRepository,
    WebhookRepository,
    WebhooksService,
    WebhooksResolver,
    NotificationsService,
    NotificationsResolver,
    ScheduleChangeNotifiedResolver,
    NotificationsLoaders,
  ],
})
export class NotificationsModule {}

/** Worker side: fan-out of schedule changes and seat promotions, mail, webhook deliveries. */
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATION_ENTITIES), SessionsModule, MailModule],
  providers: [
    NotificationRepository,
    WebhookRepository,
    ScheduleFanout,
    PromotionNotifier,
    NotificationWriter,
    MailSender,
    WebhookSender,
    NotificationsProcessor,
    WebhooksProcessor,
    MailProcessor,
  ],
})
export class NotificationsWorkerModule {}
