import { createPrivateKey, createPublicKey, KeyObject, randomBytes, sign } from 'node:crypto';
import { crypto_sign_verify_detached } from 'sodium-native';

/**
 * Badge codes: the exact text in a badge's QR code.
 *
 *   CB1.<base64url of 86 bytes>
 *
 *   bytes  0..3   kid: the id of the edition's signing key (its base64url text is the `kid` field of
 *                 badgeVerificationKeys)
 *   bytes  4..19  badge id (a UUID, 16 bytes)
 *   bytes 20..21  badge version (unsigned 16-bit, big endian)
 *   bytes 22..85  Ed25519 signature of: "CB1" + edition id (16 bytes) + bytes 0..21
 *
 * The edition is bound into the signature rather than carried, which keeps the code at 119
 * characters: a code from another edition fails verification with this edition's keys. A code holds
 * no personal data.
 */
export const CODE_PREFIX = 'CB1.';
const KID_BYTES = 4;
const PAYLOAD_BYTES = KID_BYTES + 16 + 2;
const SIGNATURE_BYTES = 64;
const CODE_BYTES = PAYLOAD_BYTES + SIGNATURE_BYTES;
const CONTEXT = Buffer.from('CB1');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface BadgeClaims {
  kid: string;
  badgeId: string;
  version: number;
}

export type DecodeFailure = 'INVALID_CODE';

const uuidToBytes = (uuid: string) => Buffer.from(uuid.replace(/-/g, ''), 'hex');
const bytesToUuid = (b: Buffer) => {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

export function newKid(): string {
  return randomBytes(KID_BYTES).toString('base64url');
}

function signedMessage(editionId: string, payload: Buffer): Buffer {
  return Buffer.concat([CONTEXT, uuidToBytes(editionId), payload]);
}

/** Signs a badge's code with the edition's private key. */
export function encodeBadgeCode(editionId: string, claims: BadgeClaims, privateKey: KeyObject): string {
  if (!UUID.test(editionId) || !UUID.test(claims.badgeId)) throw new Error('edition and badge ids must be UUIDs');
  if (!Number.isInteger(claims.version) || claims.version < 1 || claims.version > 0xffff)
    throw new Error('badge version must be 1..65535');
  const kid = Buffer.from(claims.kid, 'base64url');
  if (kid.length !== KID_BYTES) throw new Error('kid must be 4 bytes');
  const payload = Buffer.alloc(PAYLOAD_BYTES);
  kid.copy(payload, 0);
  uuidToBytes(claims.badgeId).copy(payload, KID_BYTES);
  payload.writeUInt16BE(claims.version, KID_BYTES + 16);
  const signature = sign(null, signedMessage(editionId, payload), privateKey);
  return CODE_PREFIX + Buffer.concat([payload, signature]).toString('base64url');
}

/** A well-formed code's claims, with the bytes its signature covers and the signature. */
export type ParsedBadgeCode = BadgeClaims & { payload: Buffer; signature: Buffer };

/** Reads a code's claims without checking the signature; null for anything that is not a well-formed code. */
export function parseBadgeCode(code: unknown): ParsedBadgeCode | null {
  if (typeof code !== 'string' || code.length > 200 || !code.startsWith(CODE_PREFIX)) return null;
  const body = code.slice(CODE_PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(body)) return null;
  const bytes = Buffer.from(body, 'base64url');
  // Reject non-canonical encodings (trailing bits), so one badge has exactly one valid text.
  if (bytes.length !== CODE_BYTES || bytes.toString('base64url') !== body) return null;
  const payload = bytes.subarray(0, PAYLOAD_BYTES);
  return {
    kid: payload.subarray(0, KID_BYTES).toString('base64url'),
    badgeId: bytesToUuid(payload.subarray(KID_BYTES, KID_BYTES + 16)),
    version: payload.readUInt16BE(KID_BYTES + 16),
    payload,
    signature: bytes.subarray(PAYLOAD_BYTES),
  };
}

const rawPublicKeys = new WeakMap<KeyObject, Buffer>();

/**
 * Whether a parsed code's signature is the edition's. libsodium checks an Ed25519 signature in about
 * a third of the time Node's crypto.verify takes (which sets up an OpenSSL context per call): it is
 * the largest single cost of a door scan.
 */
export function signatureValid(
  editionId: string,
  parsed: { payload: Buffer; signature: Buffer },
  publicKey: KeyObject,
): boolean {
  let raw = rawPublicKeys.get(publicKey);
  if (!raw) {
    if (publicKey.asymmetricKeyType !== 'ed25519') return false;
    raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
    rawPublicKeys.set(publicKey, raw);
  }
  return crypto_sign_verify_detached(parsed.signature, signedMessage(editionId, parsed.payload), raw);
}

/** Verifies a code against one edition's public key (what an offline scanner does). */
export function verifyBadgeCode(code: unknown, editionId: string, publicKey: KeyObject): BadgeClaims | null {
  const parsed = parseBadgeCode(code);
  if (!parsed || !UUID.test(editionId) || !signatureValid(editionId, parsed, publicKey)) return null;
  return { kid: parsed.kid, badgeId: parsed.badgeId, version: parsed.version };
}

export const publicKeyFromPem = (pem: string) => createPublicKey(pem);
export const privateKeyFromPem = (pem: string) => createPrivateKey(pem);
