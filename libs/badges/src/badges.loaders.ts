import { Injectable, OnModuleInit } from '@nestjs/common';
import { LoaderFactory, oneLoader } from '@app/core';
import DataLoader from 'dataloader';
import { Badge } from './badge.entity';
import { BadgesService } from './badges.service';

declare module '@app/core' {
  interface LoaderMap {
    /** An attendee's current badge (not revoked), by attendee id. */
    currentBadge: DataLoader<string, Badge | null>;
  }
}

/** Builds the badges lib's loaders for every request (see LoaderMap in core). */
@Injectable()
export class BadgesLoaders implements OnModuleInit {
  constructor(
    private readonly factory: LoaderFactory,
    private readonly badges: BadgesService,
  ) {}

  onModuleInit(): void {
    this.factory.register({
      currentBadge: () =>
        oneLoader(
          (ids) => this.badges.currentOf(ids),
          (b) => b.attendeeId,
        ),
    });
  }
}
