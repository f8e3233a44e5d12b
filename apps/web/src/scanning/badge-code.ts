/**
 * Badge codes, read and verified in the browser with the scanner dataset's keys (the server's
 * libs/badges/src/badge-code.ts and libs/scanning/src/badge-verifier.ts, in plain TypeScript):
 *
 *   CB1.<base64url, no padding, canonical, of 86 bytes>
 *   bytes  0..3   kid (its base64url text is ScannerKey.kid)
 *   bytes  4..19  badge id (UUID bytes)
 *   bytes 20..21  badge version (uint16, big endian)
 *   bytes 22..85  Ed25519 signature of "CB1" + edition id (16 bytes) + bytes 0..21
 *
 * Ed25519 through WebCrypto (Chrome 137+, Safari 17+, Firefox 129+), else @noble/ed25519.
 */

/** The reasons a scan is refused: the names of the API's RejectReason. */
export type RejectReason = 'CLOSED' | 'INVALID_CODE' | 'NOT_ALLOWED' | 'REVOKED' | 'UNKNOWN_BADGE' | 'WRONG_EDITION';

/** A key of the dataset (ScannerKey), with the edition it verifies (keys of other editions tell WRONG_EDITION). */
export interface VerificationKey {
  kid: string;
  /** Raw 32-byte Ed25519 public key, base64url without padding. */
  publicKey: string;
  retired: boolean;
  editionId: string;
}

/** Bytes over a plain ArrayBuffer (what WebCrypto takes). */
export type Bytes = Uint8Array<ArrayBuffer>;

export interface ParsedBadgeCode {
  kid: string;
  badgeId: string;
  version: number;
  /** Bytes 0..21: what the signature covers after the context and the edition id. */
  payload: Bytes;
  signature: Bytes;
}

/** A code whose signature is the edition's: the badge it names. */
export interface VerifiedCode {
  ok: true;
  kid: string;
  badgeId: string;
  version: number;
}
export type CodeVerdict =
  VerifiedCode | { ok: false; reason: Extract<RejectReason, 'INVALID_CODE' | 'REVOKED' | 'WRONG_EDITION'> };

export const CODE_PREFIX = 'CB1.';
const KID_BYTES = 4;
const PAYLOAD_BYTES = KID_BYTES + 16 + 2;
const CODE_BYTES = PAYLOAD_BYTES + 64;
const CONTEXT = [0x43, 0x42, 0x31]; // "CB1"
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < B64URL.length; i++) B64_VALUE[B64URL.charCodeAt(i)] = i;

/** base64url (no padding) to bytes; null when a character is not base64url or trailing bits are set (not canonical). */
export function fromBase64url(text: string): Bytes | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? B64_VALUE[c] : -1;
    if (v < 0) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  // Leftover bits must be zero: one badge has exactly one valid text.
  if (bits > 0 && (acc & ((1 << bits) - 1)) !== 0) return null;
  return out;
}

export function toBase64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64URL[(n >> 18) & 63] + B64URL[(n >> 12) & 63];
    if (i + 1 < bytes.length) out += B64URL[(n >> 6) & 63];
    if (i + 2 < bytes.length) out += B64URL[n & 63];
  }
  return out;
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const uuidOf = (b: Uint8Array) => {
  const h = hex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};
function uuidBytes(uuid: string): Uint8Array {
  const h = uuid.replace(/-/g, '');
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = parseInt(h.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** A code's claims without checking its signature; null for anything that is not a well-formed code. */
export function parseBadgeCode(code: unknown): ParsedBadgeCode | null {
  if (typeof code !== 'string' || code.length > 200 || !code.startsWith(CODE_PREFIX)) return null;
  const bytes = fromBase64url(code.slice(CODE_PREFIX.length));
  if (!bytes || bytes.length !== CODE_BYTES) return null;
  const payload = bytes.subarray(0, PAYLOAD_BYTES);
  return {
    kid: toBase64url(payload.subarray(0, KID_BYTES)),
    badgeId: uuidOf(payload.subarray(KID_BYTES, KID_BYTES + 16)),
    version: (payload[KID_BYTES + 16] << 8) | payload[KID_BYTES + 17],
    payload,
    signature: bytes.subarray(PAYLOAD_BYTES),
  };
}

/** What the signature covers: "CB1" + the edition id's 16 bytes + bytes 0..21 of the code. */
export function signedMessage(editionId: string, payload: Uint8Array): Bytes {
  const out = new Uint8Array(CONTEXT.length + 16 + payload.length);
  out.set(CONTEXT, 0);
  out.set(uuidBytes(editionId), CONTEXT.length);
  out.set(payload, CONTEXT.length + 16);
  return out;
}

type Backend = 'webcrypto' | 'noble';
let backend: Promise<Backend> | undefined;

/** Whether this browser's WebCrypto does Ed25519 (asked once, with a throwaway key). */
function detectBackend(): Promise<Backend> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return Promise.resolve('noble');
  // The base point's encoding: a valid public key.
  const probe = new Uint8Array(32).fill(0x66);
  probe[0] = 0x58;
  return subtle.importKey('raw', probe, { name: 'Ed25519' }, false, ['verify']).then(
    () => 'webcrypto' as const,
    () => 'noble' as const,
  );
}

/** For tests: use @noble/ed25519 even where WebCrypto has Ed25519 (null: decide by the browser again). */
export function forceEd25519Backend(b: Backend | null): void {
  backend = b ? Promise.resolve(b) : undefined;
}

/** Which implementation verifies signatures here. */
export function ed25519Backend(): Promise<Backend> {
  return (backend ??= detectBackend());
}

/**
 * The dataset's keys made ready for verifying many codes: by kid, each public key imported once
 * (a CryptoKey where WebCrypto has Ed25519, the raw bytes for @noble/ed25519).
 */
export class Keyring {
  private readonly byKid = new Map<string, VerificationKey>();
  private readonly imported = new Map<string, Promise<CryptoKey | Bytes | null>>();

  constructor(keys: Iterable<VerificationKey>) {
    for (const k of keys) this.byKid.set(k.kid, k);
  }

  get size(): number {
    return this.byKid.size;
  }

  /** Whether the ring holds any key of the edition (none: the device cannot check its codes). */
  hasEdition(editionId: string): boolean {
    for (const k of this.byKid.values()) if (k.editionId === editionId) return true;
    return false;
  }

  key(kid: string): VerificationKey | undefined {
    return this.byKid.get(kid);
  }

  /** Whether `signature` over `message` is the key's (false for a key that cannot be read). */
  async verify(key: VerificationKey, message: Bytes, signature: Bytes): Promise<boolean> {
    let ready = this.imported.get(key.kid);
    if (!ready) {
      ready = this.importKey(key.publicKey);
      this.imported.set(key.kid, ready);
    }
    const k = await ready;
    if (!k) return false;
    try {
      if (k instanceof Uint8Array) {
        // Loaded only where WebCrypto lacks Ed25519 (older browsers): most scanners never download it.
        const { verifyAsync } = await import('@noble/ed25519');
        return await verifyAsync(signature, message, k, { zip215: false });
      }
      return await crypto.subtle.verify({ name: 'Ed25519' }, k, signature, message);
    } catch {
      return false;
    }
  }

  private async importKey(publicKey: string): Promise<CryptoKey | Bytes | null> {
    const raw = fromBase64url(publicKey);
    if (!raw || raw.length !== 32) return null;
    if ((await ed25519Backend()) === 'noble') return raw;
    try {
      return await crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
    } catch {
      return null;
    }
  }
}

/**
 * Whether a code is a badge of `editionId`, by its signature alone (the roster and revocations are
 * looked up after): INVALID_CODE for anything not well-formed, an unknown kid or a bad signature;
 * WRONG_EDITION for a code signed with another edition's key (when the device knows that edition's
 * keys); REVOKED for a code signed with a key the organizers retired. Usable in bulk: pass one
 * Keyring for many codes, so each key is imported once.
 */
export async function verifyBadgeCode(
  code: string,
  keys: Keyring | Iterable<VerificationKey>,
  editionId: string,
): Promise<CodeVerdict> {
  const ring = keys instanceof Keyring ? keys : new Keyring(keys);
  const parsed = parseBadgeCode(code);
  const key = parsed && ring.key(parsed.kid);
  if (!parsed || !key || !UUID.test(key.editionId)) return { ok: false, reason: 'INVALID_CODE' };
  if (!(await ring.verify(key, signedMessage(key.editionId, parsed.payload), parsed.signature)))
    return { ok: false, reason: 'INVALID_CODE' };
  if (key.editionId !== editionId) return { ok: false, reason: 'WRONG_EDITION' };
  if (key.retired) return { ok: false, reason: 'REVOKED' };
  return { ok: true, kid: parsed.kid, badgeId: parsed.badgeId, version: parsed.version };
}

/** Many codes at once with one Keyring (the bench's 1,000 codes). */
export function verifyBadgeCodes(codes: string[], keys: Keyring, editionId: string): Promise<CodeVerdict[]> {
  return Promise.all(codes.map((c) => verifyBadgeCode(c, keys, editionId)));
}
