import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { encodeBadgeCode, newKid, parseBadgeCode } from '@app/badges';
import { AccessLevel } from '@app/attendees';
import { BadgeVerifier, ClaimedBadge } from './badge-verifier';
import { RejectReason } from './scan.entity';
import { BadgeRow } from './scan.repository';

describe('BadgeVerifier.judge', () => {
  const edition = randomUUID();
  const badgeId = randomUUID();
  const kid = newKid();
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const code = encodeBadgeCode(edition, { kid, badgeId, version: 1 }, privateKey);
  const at = [{ at: new Date() }];

  const claim = (text: string, key = publicKey): ClaimedBadge => ({
    badgeId,
    code: text,
    editionId: edition,
    parsed: parseBadgeCode(text)!,
    key,
  });
  const attendee = {
    id: randomUUID(),
    editionId: edition,
    email: 'a@test.example',
    firstName: 'Ada',
    lastName: 'Attendee',
    company: null,
    jobTitle: null,
    accessLevel: AccessLevel.FULL_CONFERENCE,
    checkedInAt: null,
    emailUpdates: true,
  };
  const row = (issued: string | null): BadgeRow => ({
    badgeId,
    status: 'ACTIVE',
    revokedAt: null,
    code: issued,
    attendee,
  });
  /** The same badge's code with one signature byte changed: well formed, same badge id, forged. */
  const forged = (() => {
    const bytes = Buffer.from(code.slice(4), 'base64url');
    bytes[bytes.length - 1] ^= 1;
    return `CB1.${bytes.toString('base64url')}`;
  })();

  it('admits the code its badge was issued with without checking the signature', () => {
    // A key that cannot verify it: only the issued code can have admitted it.
    const otherKey = generateKeyPairSync('ed25519').publicKey;
    expect(BadgeVerifier.judge(at, [claim(code, otherKey)], [row(code)])[0]).toMatchObject({
      ok: true,
      badge: { badgeId },
    });
  });

  it('checks the signature of any other code', () => {
    expect(parseBadgeCode(forged)?.badgeId).toBe(badgeId);
    expect(BadgeVerifier.judge(at, [claim(forged)], [row(code)])[0]).toEqual({
      ok: false,
      reason: RejectReason.INVALID_CODE,
    });
    // No stored code (or no row): the signature decides, then the row.
    expect(BadgeVerifier.judge(at, [claim(code)], [row(null)])[0]).toMatchObject({ ok: true });
    expect(BadgeVerifier.judge(at, [claim(forged)], [row(null)])[0]).toEqual({
      ok: false,
      reason: RejectReason.INVALID_CODE,
    });
    expect(BadgeVerifier.judge(at, [claim(code)], [])[0]).toEqual({ ok: false, reason: RejectReason.UNKNOWN_BADGE });
    expect(BadgeVerifier.judge(at, [claim(forged)], [])[0]).toEqual({ ok: false, reason: RejectReason.INVALID_CODE });
  });

  it('refuses an issued code whose badge was revoked before the scan', () => {
    const revoked = { ...row(code), status: 'REVOKED', revokedAt: new Date(Date.now() - 1000).toISOString() };
    expect(BadgeVerifier.judge(at, [claim(code)], [revoked])[0]).toMatchObject({
      ok: false,
      reason: RejectReason.REVOKED,
    });
  });
});
