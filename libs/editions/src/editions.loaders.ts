import { Injectable, OnModuleInit } from '@nestjs/common';
import { batchLoader, LoaderFactory, manyLoader, oneLoader } from '@app/core';
import DataLoader from 'dataloader';
import { AccessService } from './access.service';
import { Edition, Room, Track } from './edition.entity';
import { EditionsService } from './editions.service';

declare module '@app/core' {
  interface LoaderMap {
    /** An edition by id. */
    edition: DataLoader<string, Edition | null>;
    /** A room by id. */
    room: DataLoader<string, Room | null>;
    /** A track by id. */
    track: DataLoader<string, Track | null>;
    /** The rooms of an edition, by edition id. */
    editionRooms: DataLoader<string, Room[]>;
    /** The tracks of an edition, by edition id. */
    editionTracks: DataLoader<string, Track[]>;
    /** Whether the request's caller organizes the edition (asked once per edition and request), by edition id. */
    organizerOf: DataLoader<string, boolean>;
  }
}

/** Builds the editions lib's loaders for every request (see LoaderMap in core). */
@Injectable()
export class EditionsLoaders implements OnModuleInit {
  constructor(
    private readonly factory: LoaderFactory,
    private readonly editions: EditionsService,
    private readonly access: AccessService,
  ) {}

  onModuleInit(): void {
    this.factory.register({
      edition: () =>
        oneLoader(
          (ids) => this.editions.byIds(ids),
          (e) => e.id,
        ),
      room: () =>
        oneLoader(
          (ids) => this.editions.roomsByIds(ids),
          (r) => r.id,
        ),
      track: () =>
        oneLoader(
          (ids) => this.editions.tracksByIds(ids),
          (t) => t.id,
        ),
      editionRooms: () =>
        manyLoader(
          (ids) => this.editions.roomsOf(ids),
          (r) => r.editionId,
        ),
      editionTracks: () =>
        manyLoader(
          (ids) => this.editions.tracksOf(ids),
          (t) => t.editionId,
        ),
      organizerOf: ({ user }) => batchLoader((ids) => Promise.all(ids.map((id) => this.access.isOrganizer(user, id)))),
    });
  }
}
