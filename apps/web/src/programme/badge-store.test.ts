import { describe, expect, it } from 'vitest';
import { pickSaved, type SavedBadge, tokenSubject } from './badge-store';

const jwt = (claims: object) => `h.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;
const badge = (subject: string, editionId: string, savedAt: string): SavedBadge => ({
  subject,
  editionId,
  editionName: 'E',
  name: 'N',
  company: null,
  accessLevel: 'FULL_CONFERENCE',
  code: 'c',
  qrSvg: '<svg/>',
  savedAt,
});

describe('tokenSubject', () => {
  it('reads the sub claim of a JWT (base64url, unpadded)', () => {
    expect(tokenSubject(jwt({ sub: '6f1c2d3e-aaaa-bbbb-cccc-1234567890ab', ver: 0 }))).toBe(
      '6f1c2d3e-aaaa-bbbb-cccc-1234567890ab',
    );
  });
  it('is null for no token, a malformed one, or one without a subject', () => {
    expect(tokenSubject(null)).toBeNull();
    expect(tokenSubject('not-a-jwt')).toBeNull();
    expect(tokenSubject('a.%%%.c')).toBeNull();
    expect(tokenSubject(jwt({ ver: 1 }))).toBeNull();
    expect(tokenSubject(jwt({ sub: 42 }))).toBeNull();
  });
});

describe('pickSaved', () => {
  const all = [
    badge('me', 'e1', '2027-03-01T10:00:00Z'),
    badge('me', 'e2', '2027-03-02T10:00:00Z'),
    badge('you', 'e3', '2027-03-03T10:00:00Z'),
  ];
  it('gives the badge of the edition asked for', () => expect(pickSaved(all, 'me', 'e1')?.editionId).toBe('e1'));
  it('without an edition (offline: the editions are unknown), the account’s newest', () =>
    expect(pickSaved(all, 'me')?.editionId).toBe('e2'));
  it('never another account’s', () => {
    expect(pickSaved(all, 'me', 'e3')).toBeUndefined();
    expect(pickSaved(all, 'nobody')).toBeUndefined();
  });
});
