import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EditionsModule } from '@app/editions';
import { SessionsModule } from '@app/sessions';
import { NotificationsProcessor, WebhooksProcessor } from './notifications.processor';
import { ScheduleFanout } from './schedule-fanout';
import { WebhookDelivery, WebhookEndpoint } from './webhook.entity';
import { WebhookSender } from './webhook-sender';
import { WebhooksResolver } from './webhooks.resolver';
import { WebhooksService } from './webhooks.service';

export const NOTIFICATION_ENTITIES = [WebhookEndpoint, WebhookDelivery];

/** API side: webhook endpoints and the delivery log. */
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATION_ENTITIES), EditionsModule],
  providers: [WebhooksService, WebhooksResolver],
})
export class NotificationsModule {}

/** Worker side: fan-out of schedule changes and webhook deliveries. */
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATION_ENTITIES), SessionsModule],
  providers: [ScheduleFanout, WebhookSender, NotificationsProcessor, WebhooksProcessor],
})
export class NotificationsWorkerModule {}
