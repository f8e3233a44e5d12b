import { generateKeyPairSync, randomUUID, verify } from 'node:crypto';
import fc from 'fast-check';
import { CODE_PREFIX, encodeBadgeCode, newKid, parseBadgeCode, signatureValid, verifyBadgeCode } from './badge-code';

describe('badge codes', () => {
  const edition = randomUUID();
  const other = randomUUID();
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const kid = newKid();
  const badgeId = randomUUID();
  const code = encodeBadgeCode(edition, { kid, badgeId, version: 3 }, privateKey);

  it('is short enough for a small QR code and carries only ids', () => {
    expect(code.startsWith(CODE_PREFIX)).toBe(true);
    expect(code.length).toBeLessThanOrEqual(120);
    expect(parseBadgeCode(code)).toMatchObject({ kid, badgeId, version: 3 });
  });

  it('verifies with the public key alone', () => {
    expect(verifyBadgeCode(code, edition, publicKey)).toEqual({ kid, badgeId, version: 3 });
  });

  it('fails for another edition, another key, and any changed character', () => {
    expect(verifyBadgeCode(code, other, publicKey)).toBeNull();
    expect(verifyBadgeCode(code, edition, generateKeyPairSync('ed25519').publicKey)).toBeNull();
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < code.length; i++) {
      const replacement = alphabet[(alphabet.indexOf(code[i]) + 1) % alphabet.length] ?? 'A';
      const changed = code.slice(0, i) + replacement + code.slice(i + 1);
      expect(verifyBadgeCode(changed, edition, publicKey)).toBeNull();
    }
    expect(verifyBadgeCode(code.slice(0, -1), edition, publicKey)).toBeNull();
    expect(verifyBadgeCode(code + 'A', edition, publicKey)).toBeNull();
  });

  it('never accepts random or mutated input, and never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.constant(code).chain((c) => fc.nat(c.length - 1).map((i) => c.slice(0, i))),
        ),
        (input) => {
          expect(verifyBadgeCode(input, edition, publicKey)).toBeNull();
        },
      ),
      { numRuns: 2000 },
    );
    for (const junk of [null, undefined, 42, {}, 'CB1.', 'CB1.' + 'A'.repeat(115), 'x'.repeat(100_000)])
      expect(verifyBadgeCode(junk, edition, publicKey)).toBeNull();
  });

  it("agrees with Node's own Ed25519 check for every signature bit flipped, and refuses other key types", () => {
    const parsed = parseBadgeCode(code)!;
    const message = (e: string) =>
      Buffer.concat([Buffer.from('CB1'), Buffer.from(e.replace(/-/g, ''), 'hex'), parsed.payload]);
    expect(signatureValid(edition, parsed, publicKey)).toBe(true);
    expect(verify(null, message(edition), publicKey, parsed.signature)).toBe(true);
    for (let bit = 0; bit < parsed.signature.length * 8; bit++) {
      const signature = Buffer.from(parsed.signature);
      signature[bit >> 3] ^= 1 << (bit & 7);
      expect(signatureValid(edition, { payload: parsed.payload, signature }, publicKey)).toBe(
        verify(null, message(edition), publicKey, signature),
      );
    }
    expect(signatureValid(edition, parsed, generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey)).toBe(false);
  });
});
