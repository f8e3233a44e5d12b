import { Module } from '@nestjs/common';
import { CoreModule, OutboxRelay, QueuesModule } from '@app/core';
import { NotificationsWorkerModule } from '@app/notifications';

/** Hosts every BullMQ processor and the outbox relay. No HTTP API. */
@Module({
  imports: [CoreModule, QueuesModule, NotificationsWorkerModule],
  providers: [OutboxRelay],
})
export class WorkerModule {}
