import { KeyObject, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessLevel, Attendee } from '@app/attendees';
import { BadgeKeysService, ParsedBadgeCode, parseBadgeCode, signatureValid } from '@app/badges';
import { DataSource } from 'typeorm';
import { RejectReason } from './scan.entity';

export interface VerifiedBadge {
  badgeId: string;
  attendee: Attendee;
}
export type Verdict = { ok: true; badge: VerifiedBadge } | { ok: false; reason: RejectReason; attendee?: Attendee };

/** A badge and its attendee as one row (b: badge, a: attendee): what judging a scan needs. */
export const BADGE_ROW = `b.id AS badge_id, b.status, b.revoked_at, b.code,
  json_build_object('id', a.id, 'editionId', a.edition_id, 'email', a.email, 'firstName', a.first_name, 'lastName', a.last_name, 'company', a.company,
                    'jobTitle', a.job_title, 'accessLevel', a.access_level, 'checkedInAt', a.checked_in_at, 'emailUpdates', a.email_updates) AS attendee`;
export interface BadgeRow {
  badge_id: string;
  status: string;
  revoked_at: Date | string | null;
  /** The code the badge was issued with (null until it is generated). */
  code: string | null;
  attendee: Record<string, unknown>;
}

/** A well-formed code of the edition, signed with one of its keys: its badge is looked up, then its signature settled. */
export interface ClaimedBadge {
  badgeId: string;
  code: string;
  editionId: string;
  parsed: ParsedBadgeCode;
  key: KeyObject;
}
export type Claim = RejectReason | ClaimedBadge;

/** Compared in constant time, so response times tell nothing about an issued code. */
function sameCode(issued: string | null, read: string): boolean {
  return issued !== null && issued.length === read.length && timingSafeEqual(Buffer.from(issued), Buffer.from(read));
}

/**
 * Tells whether badge codes are good for an edition at a given time, many at once: the code's key
 * (cached), then the badge row (current version, not revoked at that time) and its attendee.
 * Anything that is not a well-formed code is INVALID_CODE, whatever its length or encoding.
 *
 * The server recognises the codes it issued: a code equal to its badge's issued code carries the
 * signature the server made for it, so it needs no Ed25519 check (the largest single cost of a door
 * scan). Any other code (forged, mutated, or a badge whose code is not stored) is checked against
 * the edition's public key, as an offline scanner checks it.
 */
@Injectable()
export class BadgeVerifier {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly keys: BadgeKeysService,
  ) {}

  async verify(editionId: string, scans: { code: string; at: Date }[]): Promise<Verdict[]> {
    const claims = await this.claims(editionId, scans.map((s) => s.code));
    const ids = [...new Set(claims.flatMap((c) => (typeof c === 'string' ? [] : [c.badgeId])))];
    const rows: BadgeRow[] = ids.length ? await this.db.query(`SELECT ${BADGE_ROW} FROM badge b JOIN attendee a ON a.id = b.attendee_id WHERE b.id = ANY($1::uuid[]) AND b.edition_id = $2`, [ids, editionId]) : [];
    return BadgeVerifier.judge(scans, claims, rows);
  }

  /** What each code claims, in memory (keys cached): a reason to refuse it, or the badge to look up. */
  async claims(editionId: string, codes: string[]): Promise<Claim[]> {
    const out: Claim[] = [];
    for (const code of codes) {
      const parsed = parseBadgeCode(code);
      const signer = parsed && (await this.keys.keyByKid(parsed.kid));
      if (!parsed || !signer) out.push(RejectReason.INVALID_CODE);
      else if (!signer.key) out.push(RejectReason.REVOKED); // signed with a key the organizers retired
      else if (signer.editionId !== editionId) out.push(signatureValid(signer.editionId, parsed, signer.key) ? RejectReason.WRONG_EDITION : RejectReason.INVALID_CODE);
      else out.push({ badgeId: parsed.badgeId, code, editionId, parsed, key: signer.key });
    }
    return out;
  }

  /** Verdicts from the claims and the badge rows read for them. */
  static judge(scans: { at: Date }[], claims: Claim[], rows: BadgeRow[]): Verdict[] {
    const byId = new Map(rows.map((r) => [r.badge_id, r]));
    return claims.map((claim, i) => {
      if (typeof claim === 'string') return { ok: false, reason: claim };
      const row = byId.get(claim.badgeId);
      if (!(row && sameCode(row.code, claim.code)) && !signatureValid(claim.editionId, claim.parsed, claim.key)) return { ok: false, reason: RejectReason.INVALID_CODE };
      if (!row || row.status === 'PENDING') return { ok: false, reason: RejectReason.UNKNOWN_BADGE };
      const attendee = Object.assign(new Attendee(), row.attendee, { checkedInAt: row.attendee.checkedInAt ? new Date(row.attendee.checkedInAt as string) : null }) as Attendee;
      // Judged at the scan's own time: a badge revoked after an offline scan still counts for it.
      if (row.status === 'REVOKED' && row.revoked_at && new Date(row.revoked_at) <= scans[i].at) return { ok: false, reason: RejectReason.REVOKED, attendee };
      return { ok: true, badge: { badgeId: claim.badgeId, attendee } };
    });
  }

  static allows(allowed: AccessLevel[], attendee: Attendee): boolean {
    return allowed.includes(attendee.accessLevel);
  }
}
