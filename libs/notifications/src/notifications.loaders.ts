import { Injectable, OnModuleInit } from '@nestjs/common';
import { batchLoader, LoaderFactory } from '@app/core';
import DataLoader from 'dataloader';
import { NotificationRepository } from './notification.repository';

declare module '@app/core' {
  interface LoaderMap {
    /** How many people a schedule change notified, by change id. */
    changeNotifiedCount: DataLoader<string, number>;
  }
}

/** Builds the notifications lib's loaders for every request (see LoaderMap in core). */
@Injectable()
export class NotificationsLoaders implements OnModuleInit {
  constructor(
    private readonly factory: LoaderFactory,
    private readonly notifications: NotificationRepository,
  ) {}

  onModuleInit(): void {
    this.factory.register({
      changeNotifiedCount: () =>
        batchLoader(async (ids) => {
          const counts = new Map((await this.notifications.countsByChange(ids)).map((c) => [c.changeId, c.count]));
          return ids.map((id) => counts.get(id) ?? 0);
        }),
    });
  }
}
