import { Module } from '@nestjs/common';
import { AuthGuard, PublicCache, PublicCacheMiddleware, PublicRevision } from '@app/core';
import { AccessService, EditionsModule } from '@app/editions';

/**
 * Reads that are the same for every anonymous visitor and every signed-in caller who organizes
 * nothing: cached until the public revision moves. A field added under these roots that answers
 * differently for such callers (not just for organizers) must make the query uncacheable
 * (VOLATILE_FIELDS) or leave the root off this list.
 */
const PUBLIC_ROOT_FIELDS = new Set(['editions', 'edition', 'session', 'sessions', 'speakers', 'scheduleChanges']);
/** Counters that move with every reservation: never cached. */
const VOLATILE_FIELDS = new Set(['seatsTaken']);

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
          maxEntries: 500,
          ttlMs: 60_000,
          // Of the public root fields, only organizers see more than anonymous visitors (drafts, attendance counts).
          seesPublicView: async (authorization) => {
            const user = await auth.principalFrom(authorization);
            return !!user && !(await access.organizesAny(user));
          },
        }),
    },
    PublicCacheMiddleware,
  ],
  exports: [PublicCache, PublicCacheMiddleware],
})
export class PublicCacheModule {}
