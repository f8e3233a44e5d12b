import { Module } from '@nestjs/common';
import { AuthGuard, PublicCache, PublicCacheMiddleware, PublicRevision } from '@app/core';
import { AccessService, EditionsModule } from '@app/editions';

/**
 * Reads that are the same for every anonymous visitor and every signed-in caller who organizes
 * nothing, and the same for every organizer of the same editions: cached per view until the public
 * revision moves. A field added under these roots that answers differently for callers of one view
 * (anything but "which editions do they organize"), or that changes without a revision bump, must
 * make the query uncacheable (VOLATILE_FIELDS) or leave the root off this list.
 */
const PUBLIC_ROOT_FIELDS = new Set(['editions', 'edition', 'session', 'sessions', 'speakers', 'scheduleChanges']);
/** Counters that move with every reservation: never cached. */
const VOLATILE_FIELDS = new Set(['seatsTaken']);
/** Counters only organizers see (null for everyone else) that move without a public revision: never cached for organizers. */
const ORGANIZER_VOLATILE_FIELDS = new Set(['attendance', 'notifiedCount']);

@Module({
  imports: [EditionsModule],
  providers: [
    {
      provide: PublicCache,
      inject: [PublicRevision, AuthGuard, AccessService],
      useFactory: (revision: PublicRevision, auth: AuthGuard, access: AccessService) =>
        new PublicCache(revision, {
          publicRootFields: PUBLIC_ROOT_FIELDS,
          volatileFields: VOLATILE_FIELDS,
          organizerVolatileFields: ORGANIZER_VOLATILE_FIELDS,
          maxEntries: 500,
          ttlMs: 60_000,
          // Of the public root fields, only organizers see more than anonymous visitors (drafts, counts):
          // callers who organize the same editions share one view ('' for everyone who organizes nothing).
          viewOf: async (authorization) => {
            const user = await auth.principalFrom(authorization);
            return user ? access.cacheView(user) : null;
          },
        }),
    },
    PublicCacheMiddleware,
  ],
  exports: [PublicCache, PublicCacheMiddleware],
})
export class PublicCacheModule {}
