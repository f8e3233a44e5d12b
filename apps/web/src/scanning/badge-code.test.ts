import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ed25519Backend,
  forceEd25519Backend,
  fromBase64url,
  Keyring,
  parseBadgeCode,
  toBase64url,
  verifyBadgeCode,
  verifyBadgeCodes,
} from './badge-code';
import { signCode, testKey } from './test-codes';

const edition = randomUUID();
const other = randomUUID();
const k1 = testKey(edition);
const k2 = testKey(edition); // rotated in: both verify
const retired = testKey(edition, true);
const otherKey = testKey(other);
const keys = [k1.key, k2.key, retired.key, otherKey.key];

/** Flips one bit of the code's bytes (and re-encodes it canonically). */
function mutate(code: string, byte: number): string {
  const bytes = fromBase64url(code.slice(4))!;
  bytes[byte] ^= 0x01;
  return 'CB1.' + toBase64url(bytes);
}

describe.each(['webcrypto', 'noble'] as const)('verifyBadgeCode (%s)', (backend) => {
  afterEach(() => forceEd25519Backend(null));

  it('accepts a code signed with any current key of the edition and returns its badge id and version', async () => {
    forceEd25519Backend(backend);
    const badgeId = randomUUID();
    expect(await verifyBadgeCode(signCode(k1, badgeId, 3), keys, edition)).toEqual({
      ok: true,
      kid: k1.key.kid,
      badgeId,
      version: 3,
    });
    expect(await verifyBadgeCode(signCode(k2, badgeId), keys, edition)).toMatchObject({ ok: true, version: 1 });
  });

  it('refuses forged and mutated codes as INVALID_CODE', async () => {
    forceEd25519Backend(backend);
    const good = signCode(k1);
    // Forged: a key the dataset does not know claims a listed kid.
    const forger = testKey(edition);
    forger.key.kid = k1.key.kid;
    expect(await verifyBadgeCode(signCode(forger), keys, edition)).toEqual({ ok: false, reason: 'INVALID_CODE' });
    // Another badge id, another version, a changed signature: each breaks the signature.
    for (const byte of [5, 21, 40])
      expect(await verifyBadgeCode(mutate(good, byte), keys, edition)).toMatchObject({
        ok: false,
        reason: 'INVALID_CODE',
      });
    // Unknown kid.
    expect(await verifyBadgeCode(signCode(testKey(edition)), keys, edition)).toMatchObject({ reason: 'INVALID_CODE' });
  });

  it('refuses what is not a code at all', async () => {
    forceEd25519Backend(backend);
    const good = signCode(k1);
    for (const code of [
      '',
      'hello',
      'CB1.',
      good.slice(0, -2),
      good + 'A',
      good.replace('CB1.', 'CB2.'),
      good.slice(0, -1) + '!',
    ])
      expect(await verifyBadgeCode(code, keys, edition)).toEqual({ ok: false, reason: 'INVALID_CODE' });
  });

  it('tells WRONG_EDITION for a genuine code of another edition, REVOKED for a retired key', async () => {
    forceEd25519Backend(backend);
    expect(await verifyBadgeCode(signCode(otherKey), keys, edition)).toEqual({ ok: false, reason: 'WRONG_EDITION' });
    expect(await verifyBadgeCode(signCode(retired), keys, edition)).toEqual({ ok: false, reason: 'REVOKED' });
    // Without the other edition's keys the code is simply not one of ours.
    expect(await verifyBadgeCode(signCode(otherKey), [k1.key], edition)).toEqual({ ok: false, reason: 'INVALID_CODE' });
  });

  it('verifies 1,000 codes with one keyring', async () => {
    forceEd25519Backend(backend);
    const codes = Array.from({ length: 1000 }, (_, i) => (i % 100 === 0 ? mutate(signCode(k1), 30) : signCode(k1)));
    const started = performance.now();
    const verdicts = await verifyBadgeCodes(codes, new Keyring(keys), edition);
    const ms = performance.now() - started;
    expect(verdicts.filter((v) => v.ok)).toHaveLength(990);
    // Generous: the figure that matters is measured in the browser by the bench.
    expect(ms).toBeLessThan(backend === 'webcrypto' ? 5_000 : 20_000);
  });
});

describe('parseBadgeCode', () => {
  it('reads kid, badge id and version; refuses non-canonical base64url', () => {
    const badgeId = randomUUID();
    const code = signCode(k1, badgeId, 258);
    expect(parseBadgeCode(code)).toMatchObject({ kid: k1.key.kid, badgeId, version: 258 });
    // 86 bytes = 115 characters, the last carrying 2 unused bits: setting one is another text for the same bytes.
    const last = code.at(-1)!;
    const alias = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.indexOf(last) | 1;
    const aliasCode = code.slice(0, -1) + 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[alias];
    if (aliasCode !== code) expect(parseBadgeCode(aliasCode)).toBeNull();
  });

  it('uses WebCrypto where it has Ed25519 (Node 20 does)', async () => {
    expect(await ed25519Backend()).toBe('webcrypto');
  });
});
