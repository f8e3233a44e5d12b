import { Inject, Injectable } from '@nestjs/common';
import { PUB_SUB } from '@app/core';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { encodeBadgeCode } from './badge-code';
import { BadgeKeysService } from './badge-keys.service';
import { renderBadge } from './badge-render';
import { BadgeRepository } from './badge.repository';

/** Pub/sub channel of badge batch progress: `{ batchId }` after each rendered chunk (badgeBatchProgress). */
export const BADGE_BATCH_PROGRESS = 'badge.batchProgress';

/** What the worker publishes when a chunk of a batch was rendered (or failed): the API reads the batch's counts. */
export interface BadgeBatchProgressEvent {
  batchId: string;
}

/**
 * The worker's side of a badge: sign its code with the edition's current key, render the QR SVG and
 * the printable PDF, store both and mark it ACTIVE, a chunk at a time in one UPDATE. A badge revoked
 * while it waited is skipped. Failures are recorded per badge; the job throws so BullMQ retries only
 * what failed, and on its last attempt the failures are marked for the batch to report.
 */
@Injectable()
export class BadgeRenderer {
  constructor(
    private readonly badges: BadgeRepository,
    private readonly keys: BadgeKeysService,
    @Inject(PUB_SUB) private readonly pubsub: RedisPubSub,
  ) {}

  async render(badgeIds: string[], lastAttempt: boolean): Promise<{ rendered: number; failed: number }> {
    const pending = await this.badges.pendingForRender(badgeIds);
    const done: { id: string; code: string; svg: string; pdf: Buffer }[] = [];
    const failed: { id: string; error: string }[] = [];
    for (const badge of pending) {
      try {
        const key = await this.keys.signingKey(badge.editionId);
        const code = encodeBadgeCode(
          badge.editionId,
          { kid: key.kid, badgeId: badge.id, version: badge.version },
          key.privateKey,
        );
        const { svg, pdf } = await renderBadge({
          code,
          firstName: badge.firstName,
          lastName: badge.lastName,
          company: badge.company,
          jobTitle: badge.jobTitle,
          accessLevel: badge.accessLevel,
          editionName: badge.editionName,
        });
        done.push({ id: badge.id, code, svg, pdf });
      } catch (error) {
        failed.push({ id: badge.id, error: error instanceof Error ? error.message : String(error) });
      }
    }
    if (done.length) await this.badges.activate(done);
    if (failed.length) await this.badges.recordFailures(failed, lastAttempt);
    // One event per chunk (50 badges) and batch: subscribers to badgeBatchProgress read the new counts.
    if (done.length || (failed.length && lastAttempt)) await this.publishProgress(pending.map((b) => b.batchId));
    if (failed.length)
      throw new Error(`${failed.length} of ${pending.length} badges failed to render: ${failed[0].error}`);
    return { rendered: done.length, failed: failed.length };
  }

  /** Tells the API instances a batch moved; a Redis hiccup only costs an update (clients can poll badgeBatch). */
  private async publishProgress(batchIds: (string | null)[]): Promise<void> {
    for (const batchId of new Set(batchIds))
      if (batchId)
        await this.pubsub
          .publish(BADGE_BATCH_PROGRESS, { batchId } satisfies BadgeBatchProgressEvent)
          .catch(() => undefined);
  }
}
