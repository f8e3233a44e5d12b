import { checkUrlSignature, urlSignature } from '@app/core';

/** The unsubscribe link of a mail: it works without signing in, and cannot be made for someone else's address. */
export function unsubscribeUrl(publicUrl: string, secret: string, editionId: string, email: string): string {
  const address = email.toLowerCase();
  const query = new URLSearchParams({
    edition: editionId,
    email: address,
    token: urlSignature(secret, 'unsubscribe', editionId, address),
  });
  return `${publicUrl.replace(/\/$/, '')}/notifications/unsubscribe?${query.toString()}`;
}

export const checkUnsubscribeToken = (secret: string, editionId: string, email: string, token: string): boolean =>
  checkUrlSignature(secret, token, 'unsubscribe', editionId, email.toLowerCase());
