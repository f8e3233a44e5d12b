import { Injectable, OnModuleInit } from '@nestjs/common';
import { LoaderFactory, oneLoader } from '@app/core';
import DataLoader from 'dataloader';
import { Attendee } from './attendee.entity';
import { AttendeesService } from './attendees.service';

declare module '@app/core' {
  interface LoaderMap {
    /** An attendee by id. */
    attendee: DataLoader<string, Attendee | null>;
  }
}

/** Builds the attendees lib's loaders for every request (see LoaderMap in core). */
@Injectable()
export class AttendeesLoaders implements OnModuleInit {
  constructor(
    private readonly factory: LoaderFactory,
    private readonly attendees: AttendeesService,
  ) {}

  onModuleInit(): void {
    this.factory.register({
      attendee: () =>
        oneLoader(
          (ids) => this.attendees.byIds(ids),
          (a) => a.id,
        ),
    });
  }
}
