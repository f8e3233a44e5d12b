import { Module } from '@nestjs/common';
import { AccountsWorkerModule } from '@app/accounts';
import { CoreModule, JobWorkersModule, OutboxRelay, QueuesModule } from '@app/core';
import { BadgesWorkerModule } from '@app/badges';
import { ExhibitorsWorkerModule } from '@app/exhibitors';
import { NotificationsWorkerModule } from '@app/notifications';
import { ScanningWorkerModule } from '@app/scanning';
import { ScheduleWorkerModule } from '@app/schedule';

/** Runs every job (each lib's @OnJob handlers, JobWorkers) and the outbox relay. No HTTP API. */
@Module({
  imports: [
    CoreModule,
    QueuesModule,
    JobWorkersModule,
    AccountsWorkerModule,
    NotificationsWorkerModule,
    BadgesWorkerModule,
    ExhibitorsWorkerModule,
    ScanningWorkerModule,
    ScheduleWorkerModule,
  ],
  providers: [OutboxRelay],
})
export class WorkerModule {}
