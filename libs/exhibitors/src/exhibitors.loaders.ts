import { Injectable, OnModuleInit } from '@nestjs/common';
import { LoaderFactory, manyLoader, oneLoader } from '@app/core';
import DataLoader from 'dataloader';
import { Booth, Exhibitor, ExhibitorLogo, Hall } from './exhibitor.entity';
import { ExhibitorsService } from './exhibitors.service';

declare module '@app/core' {
  interface LoaderMap {
    /** A hall by id. */
    hall: DataLoader<string, Hall | null>;
    /** An exhibitor by id. */
    exhibitor: DataLoader<string, Exhibitor | null>;
    /** The booths assigned to an exhibitor, by exhibitor id. */
    exhibitorBooths: DataLoader<string, Booth[]>;
    /** When an exhibitor's logo was stored (null: no logo), by exhibitor id. */
    exhibitorLogoVersion: DataLoader<string, Pick<ExhibitorLogo, 'exhibitorId' | 'updatedAt'> | null>;
    /** The halls of an edition, by edition id. */
    editionHalls: DataLoader<string, Hall[]>;
  }
}

/** Builds the exhibitors lib's loaders for every request (see LoaderMap in core). */
@Injectable()
export class ExhibitorsLoaders implements OnModuleInit {
  constructor(
    private readonly factory: LoaderFactory,
    private readonly exhibitors: ExhibitorsService,
  ) {}

  onModuleInit(): void {
    this.factory.register({
      hall: () =>
        oneLoader(
          (ids) => this.exhibitors.hallsByIds(ids),
          (h) => h.id,
        ),
      exhibitor: () =>
        oneLoader(
          (ids) => this.exhibitors.exhibitorsByIds(ids),
          (x) => x.id,
        ),
      // boothsOf returns assigned booths only, so exhibitorId is set.
      exhibitorBooths: () =>
        manyLoader(
          (ids) => this.exhibitors.boothsOf(ids),
          (b) => b.exhibitorId!,
        ),
      exhibitorLogoVersion: () =>
        oneLoader(
          (ids) => this.exhibitors.logoVersions(ids),
          (l) => l.exhibitorId,
        ),
      editionHalls: () =>
        manyLoader(
          (ids) => this.exhibitors.hallsOf(ids),
          (h) => h.editionId,
        ),
    });
  }
}
