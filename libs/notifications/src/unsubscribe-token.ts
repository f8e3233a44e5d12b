import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The secret in a mail's unsubscribe link: an HMAC of the edition and the address, so the link
 * works without signing in and cannot be made for someone else's address.
 */
export function unsubscribeToken(secret: string, editionId: string, email: string): string {
  return createHmac('sha256', secret).update(`unsubscribe:${editionId}:${email.toLowerCase()}`).digest('base64url').slice(0, 32);
}

export function checkUnsubscribeToken(secret: string, editionId: string, email: string, token: string): boolean {
  const expected = Buffer.from(unsubscribeToken(secret, editionId, email));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function unsubscribeUrl(publicUrl: string, secret: string, editionId: string, email: string): string {
  const query = new URLSearchParams({ edition: editionId, email: email.toLowerCase(), token: unsubscribeToken(secret, editionId, email) });
  return `${publicUrl.replace(/\/$/, '')}/notifications/unsubscribe?${query}`;
}
