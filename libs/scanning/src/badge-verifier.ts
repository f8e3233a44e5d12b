import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessLevel, Attendee } from '@app/attendees';
import { BadgeKeysService, parseBadgeCode, signatureValid } from '@app/badges';
import { DataSource } from 'typeorm';
import { RejectReason } from './scan.entity';

export interface VerifiedBadge {
  badgeId: string;
  attendee: Attendee;
}
export type Verdict = { ok: true; badge: VerifiedBadge } | { ok: false; reason: RejectReason; attendee?: Attendee };

/** A badge and its attendee as one row (b: badge, a: attendee): what judging a scan needs. */
export const BADGE_ROW = `b.id AS badge_id, b.status, b.revoked_at,
  json_build_object('id', a.id, 'editionId', a.edition_id, 'email', a.email, 'firstName', a.first_name, 'lastName', a.last_name, 'company', a.company,
                    'jobTitle', a.job_title, 'accessLevel', a.access_level, 'checkedInAt', a.checked_in_at, 'emailUpdates', a.email_updates) AS attendee`;
export interface BadgeRow {
  badge_id: string;
  status: string;
  revoked_at: Date | string | null;
  attendee: Record<string, unknown>;
}

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
    const signed = await this.signatures(editionId, scans.map((s) => s.code));
    const ids = [...new Set(signed.filter((v): v is { badgeId: string } => typeof v !== 'string').map((v) => v.badgeId))];
    const rows: BadgeRow[] = ids.length ? await this.db.query(`SELECT ${BADGE_ROW} FROM badge b JOIN attendee a ON a.id = b.attendee_id WHERE b.id = ANY($1::uuid[]) AND b.edition_id = $2`, [ids, editionId]) : [];
    return BadgeVerifier.judge(scans, signed, rows);
  }

  /** The signature check of each code, in memory (keys cached): a reason, or the badge id to look up. */
  async signatures(editionId: string, codes: string[]): Promise<(RejectReason | { badgeId: string })[]> {
    const out: (RejectReason | { badgeId: string })[] = [];
    for (const code of codes) {
      const claims = parseBadgeCode(code);
      const signer = claims && (await this.keys.keyByKid(claims.kid));
      if (!claims || !signer) out.push(RejectReason.INVALID_CODE);
      else if (!signer.key) out.push(RejectReason.REVOKED); // signed with a key the organizers retired
      else if (!signatureValid(signer.editionId, claims, signer.key)) out.push(RejectReason.INVALID_CODE);
      else if (signer.editionId !== editionId) out.push(RejectReason.WRONG_EDITION);
      else out.push({ badgeId: claims.badgeId });
    }
    return out;
  }

  /** Verdicts from the signature checks and the badge rows read for them. */
  static judge(scans: { at: Date }[], signed: (RejectReason | { badgeId: string })[], rows: BadgeRow[]): Verdict[] {
    const byId = new Map(rows.map((r) => [r.badge_id, r]));
    return signed.map((v, i) => {
      if (typeof v === 'string') return { ok: false, reason: v };
      const row = byId.get(v.badgeId);
      if (!row || row.status === 'PENDING') return { ok: false, reason: RejectReason.UNKNOWN_BADGE };
      const attendee = Object.assign(new Attendee(), row.attendee, { checkedInAt: row.attendee.checkedInAt ? new Date(row.attendee.checkedInAt as string) : null }) as Attendee;
      // Judged at the scan's own time: a badge revoked after an offline scan still counts for it.
      if (row.status === 'REVOKED' && row.revoked_at && new Date(row.revoked_at) <= scans[i].at) return { ok: false, reason: RejectReason.REVOKED, attendee };
      return { ok: true, badge: { badgeId: v.badgeId, attendee } };
    });
  }

  static allows(allowed: AccessLevel[], attendee: Attendee): boolean {
    return allowed.includes(attendee.accessLevel);
  }
}
