import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A signature for a link that must work without signing in (a badge PDF, an unsubscribe link): an
 * HMAC over what the link grants, so nobody can make one for something else.
 */
export function urlSignature(secret: string, ...parts: string[]): string {
  return createHmac('sha256', secret).update(parts.join('\n')).digest('base64url').slice(0, 32);
}

export function checkUrlSignature(secret: string, signature: unknown, ...parts: string[]): boolean {
  if (typeof signature !== 'string') return false;
  const expected = Buffer.from(urlSignature(secret, ...parts));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
