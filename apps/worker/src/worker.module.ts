import { Module } from '@nestjs/common';
import { AccountsWorkerModule } from '@app/accounts';
import { CoreModule, OutboxRelay, QueuesModule } from '@app/core';
import { BadgesWorkerModule } from '@app/badges';
import { ExhibitorsWorkerModule } from '@app/exhibitors';
import { NotificationsWorkerModule } from '@app/notifications';
import { ScanningWorkerModule } from '@app/scanning';
import { ScheduleWorkerModule } from '@app/schedule';

/** Hosts every BullMQ processor and the outbox relay. No HTTP API. */
@Module({
  imports: [CoreModule, QueuesModule, AccountsWorkerModule, NotificationsWorkerModule, BadgesWorkerModule, ExhibitorsWorkerModule, ScanningWorkerModule, ScheduleWorkerModule],
  providers: [OutboxRelay],
})
export class WorkerModule {}
