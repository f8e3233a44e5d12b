import { generateKeyPairSync, type KeyObject, randomBytes, randomUUID, sign } from 'node:crypto';
import type { VerificationKey } from './badge-code';

/**
 * For the unit tests only (node:crypto): an edition key and badge codes signed as the API signs them
 * (libs/badges/src/badge-code.ts), following the format documented on ScannerKey.
 */
export interface TestKey {
  key: VerificationKey;
  privateKey: KeyObject;
}

export function testKey(editionId: string, retired = false): TestKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x!;
  return { key: { kid: randomBytes(4).toString('base64url'), publicKey: x, retired, editionId }, privateKey };
}

export function signCode(k: TestKey, badgeId: string = randomUUID(), version = 1): string {
  const payload = Buffer.alloc(22);
  Buffer.from(k.key.kid, 'base64url').copy(payload, 0);
  Buffer.from(badgeId.replace(/-/g, ''), 'hex').copy(payload, 4);
  payload.writeUInt16BE(version, 20);
  const message = Buffer.concat([Buffer.from('CB1'), Buffer.from(k.key.editionId.replace(/-/g, ''), 'hex'), payload]);
  return 'CB1.' + Buffer.concat([payload, sign(null, message, k.privateKey)]).toString('base64url');
}
