import { Module } from '@nestjs/common';
import { PublicCache, PublicCacheMiddleware, PublicRevision } from '@app/core';

/** Anonymous reads that are the same for everyone: cached until the public revision moves. */
const PUBLIC_ROOT_FIELDS = new Set(['editions', 'edition', 'session', 'sessions', 'speakers', 'scheduleChanges']);
/** Counters that move with every reservation: never cached. */
const VOLATILE_FIELDS = new Set(['seatsTaken']);

@Module({
  providers: [
    {
      provide: PublicCache,
      inject: [PublicRevision],
      useFactory: (revision: PublicRevision) => new PublicCache(revision, { publicRootFields: PUBLIC_ROOT_FIELDS, volatileFields: VOLATILE_FIELDS, maxEntries: 500, ttlMs: 60_000 }),
    },
    PublicCacheMiddleware,
  ],
  exports: [PublicCache, PublicCacheMiddleware],
})
export class PublicCacheModule {}
