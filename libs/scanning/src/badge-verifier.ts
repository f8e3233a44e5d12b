import { verify } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessLevel, Attendee } from '@app/attendees';
import { BadgeKeysService, parseBadgeCode } from '@app/badges';
import { DataSource } from 'typeorm';
import { RejectReason } from './scan.entity';

export interface VerifiedBadge {
  badgeId: string;
  attendee: Attendee;
}
export type Verdict = { ok: true; badge: VerifiedBadge } | { ok: false; reason: RejectReason; attendee?: Attendee };

const EDITION_CONTEXT = Buffer.from('CB1');
const uuidBytes = (uuid: string) => Buffer.from(uuid.replace(/-/g, ''), 'hex');

/**
 * Tells whether badge codes are good for an edition at a given time, many at once: the signature
 * (with the edition's keys, cached), then the badge row (current version, not revoked at that time)
 * and its attendee. Anything that is not a well-formed code is INVALID_CODE, whatever its length or
 * encoding.
 */
@Injectable()
export class BadgeVerifier {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly keys: BadgeKeysService,
  ) {}

  async verify(editionId: string, scans: { code: string; at: Date }[]): Promise<Verdict[]> {
    const verdicts: (Verdict | { pending: string })[] = [];
    for (const { code } of scans) {
      const claims = parseBadgeCode(code);
      if (!claims) {
        verdicts.push({ ok: false, reason: RejectReason.INVALID_CODE });
        continue;
      }
      const signer = await this.keys.keyByKid(claims.kid);
      if (!signer) {
        verdicts.push({ ok: false, reason: RejectReason.INVALID_CODE });
        continue;
      }
      if (!signer.key) {
        verdicts.push({ ok: false, reason: RejectReason.REVOKED }); // signed with a key the organizers retired
        continue;
      }
      const message = Buffer.concat([EDITION_CONTEXT, uuidBytes(signer.editionId), claims.payload]);
      if (!verify(null, message, signer.key, claims.signature)) {
        verdicts.push({ ok: false, reason: RejectReason.INVALID_CODE });
        continue;
      }
      if (signer.editionId !== editionId) {
        verdicts.push({ ok: false, reason: RejectReason.WRONG_EDITION });
        continue;
      }
      verdicts.push({ pending: claims.badgeId });
    }
    const ids = [...new Set(verdicts.flatMap((v) => ('pending' in v ? [v.pending] : [])))];
    const rows: { badge_id: string; version: number; status: string; revoked_at: Date | null; attendee: Record<string, unknown> }[] = ids.length
      ? await this.db.query(
          `SELECT b.id AS badge_id, b.version, b.status, b.revoked_at,
                  json_build_object('id', a.id, 'editionId', a.edition_id, 'email', a.email, 'firstName', a.first_name, 'lastName', a.last_name, 'company', a.company,
                                    'jobTitle', a.job_title, 'accessLevel', a.access_level, 'checkedInAt', a.checked_in_at, 'emailUpdates', a.email_updates) AS attendee
             FROM badge b JOIN attendee a ON a.id = b.attendee_id WHERE b.id = ANY($1::uuid[]) AND b.edition_id = $2`,
          [ids, editionId],
        )
      : [];
    const byId = new Map(rows.map((r) => [r.badge_id, r]));
    return verdicts.map((v, i) => {
      if (!('pending' in v)) return v;
      const row = byId.get(v.pending);
      if (!row || row.status === 'PENDING') return { ok: false, reason: RejectReason.UNKNOWN_BADGE };
      const attendee = Object.assign(new Attendee(), row.attendee, { checkedInAt: row.attendee.checkedInAt ? new Date(row.attendee.checkedInAt as string) : null }) as Attendee;
      // Judged at the scan's own time: a badge revoked after an offline scan still counts for it.
      if (row.status === 'REVOKED' && row.revoked_at && row.revoked_at <= scans[i].at) return { ok: false, reason: RejectReason.REVOKED, attendee };
      return { ok: true, badge: { badgeId: v.pending, attendee } };
    });
  }

  static allows(allowed: AccessLevel[], attendee: Attendee): boolean {
    return allowed.includes(attendee.accessLevel);
  }
}
