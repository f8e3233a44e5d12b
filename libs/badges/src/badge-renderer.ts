import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { encodeBadgeCode } from './badge-code';
import { BadgeKeysService } from './badge-keys.service';
import { renderBadge } from './badge-render';

interface PendingBadge {
  id: string;
  version: number;
  edition_id: string;
  first_name: string;
  last_name: string;
  company: string | null;
  job_title: string | null;
  access_level: string;
  edition_name: string;
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
    @InjectDataSource() private readonly db: DataSource,
    private readonly keys: BadgeKeysService,
  ) {}

  async render(badgeIds: string[], lastAttempt: boolean): Promise<{ rendered: number; failed: number }> {
    const pending: PendingBadge[] = await this.db.query(
      `SELECT b.id, b.version, b.edition_id, a.first_name, a.last_name, a.company, a.job_title, a.access_level, e.name AS edition_name
         FROM badge b JOIN attendee a ON a.id = b.attendee_id JOIN edition e ON e.id = b.edition_id
        WHERE b.id = ANY($1::uuid[]) AND b.status = 'PENDING'`,
      [badgeIds],
    );
    const done: { id: string; code: string; svg: string; pdf: Buffer }[] = [];
    const failed: { id: string; error: string }[] = [];
    for (const badge of pending) {
      try {
        const key = await this.keys.signingKey(badge.edition_id);
        const code = encodeBadgeCode(badge.edition_id, { kid: key.kid, badgeId: badge.id, version: badge.version }, key.privateKey);
        const { svg, pdf } = await renderBadge({
          code,
          firstName: badge.first_name,
          lastName: badge.last_name,
          company: badge.company,
          jobTitle: badge.job_title,
          accessLevel: badge.access_level,
          editionName: badge.edition_name,
        });
        done.push({ id: badge.id, code, svg, pdf });
      } catch (error) {
        failed.push({ id: badge.id, error: error instanceof Error ? error.message : String(error) });
      }
    }
    if (done.length) {
      await this.db.query(
        `UPDATE badge b SET status = 'ACTIVE', code = v.code, qr_svg = v.svg, pdf = v.pdf, activated_at = now(), error = NULL, failed_at = NULL
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bytea[]) AS v(id, code, svg, pdf)
          WHERE b.id = v.id AND b.status = 'PENDING'`,
        [done.map((d) => d.id), done.map((d) => d.code), done.map((d) => d.svg), done.map((d) => d.pdf)],
      );
    }
    if (failed.length) {
      await this.db.query(
        `UPDATE badge b SET error = v.error, failed_at = CASE WHEN $3 THEN now() END
           FROM unnest($1::uuid[], $2::text[]) AS v(id, error) WHERE b.id = v.id AND b.status = 'PENDING'`,
        [failed.map((f) => f.id), failed.map((f) => f.error), lastAttempt],
      );
      throw new Error(`${failed.length} of ${pending.length} badges failed to render: ${failed[0].error}`);
    }
    return { rendered: done.length, failed: failed.length };
  }
}
