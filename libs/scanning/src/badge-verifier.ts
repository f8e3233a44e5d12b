import { KeyObject, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AccessLevel, Attendee, attendeeFromJson } from '@app/attendees';
import { BadgeKeysService, ParsedBadgeCode, parseBadgeCode, signatureValid } from '@app/badges';
import { RejectReason } from './scan.entity';
import { BadgeRow, ScanRepository } from './scan.repository';

export interface VerifiedBadge {
  badgeId: string;
  attendee: Attendee;
}
export type Verdict = { ok: true; badge: VerifiedBadge } | { ok: false; reason: RejectReason; attendee?: Attendee };

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
    private readonly scans: ScanRepository,
    private readonly keys: BadgeKeysService,
  ) {}

  async verify(editionId: string, scans: { code: string; at: Date }[]): Promise<Verdict[]> {
    const claims = await this.claims(
      editionId,
      scans.map((s) => s.code),
    );
    const ids = [...new Set(claims.flatMap((c) => (typeof c === 'string' ? [] : [c.badgeId])))];
    return BadgeVerifier.judge(scans, claims, await this.scans.badgesOf(ids, editionId));
  }

  /** What each code claims, in memory (keys cached): a reason to refuse it, or the badge to look up. */
  async claims(editionId: string, codes: string[]): Promise<Claim[]> {
    const out: Claim[] = [];
    for (const code of codes) {
      const parsed = parseBadgeCode(code);
      const signer = parsed && (await this.keys.keyByKid(parsed.kid));
      if (!parsed || !signer) out.push(RejectReason.INVALID_CODE);
      else if (!signer.key)
        out.push(RejectReason.REVOKED); // signed with a key the organizers retired
      else if (signer.editionId !== editionId)
        out.push(
          signatureValid(signer.editionId, parsed, signer.key) ? RejectReason.WRONG_EDITION : RejectReason.INVALID_CODE,
        );
      else out.push({ badgeId: parsed.badgeId, code, editionId, parsed, key: signer.key });
    }
    return out;
  }

  /** Verdicts from the claims and the badge rows read for them. */
  static judge(scans: { at: Date }[], claims: Claim[], rows: BadgeRow[]): Verdict[] {
    const byId = new Map(rows.map((r) => [r.badgeId, r]));
    return claims.map((claim, i) => {
      if (typeof claim === 'string') return { ok: false, reason: claim };
      const row = byId.get(claim.badgeId);
      if (!(row && sameCode(row.code, claim.code)) && !signatureValid(claim.editionId, claim.parsed, claim.key))
        return { ok: false, reason: RejectReason.INVALID_CODE };
      if (!row || row.status === 'PENDING') return { ok: false, reason: RejectReason.UNKNOWN_BADGE };
      const attendee = attendeeFromJson(row.attendee);
      // Judged at the scan's own time: a badge revoked after an offline scan still counts for it.
      if (row.status === 'REVOKED' && row.revokedAt && new Date(row.revokedAt) <= scans[i].at)
        return { ok: false, reason: RejectReason.REVOKED, attendee };
      return { ok: true, badge: { badgeId: claim.badgeId, attendee } };
    });
  }

  static allows(allowed: AccessLevel[], attendee: Attendee): boolean {
    return allowed.includes(attendee.accessLevel);
  }
}
