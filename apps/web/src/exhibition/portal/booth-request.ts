import { CombinedGraphQLErrors } from '@apollo/client';

/** Why requestBooth refused, read from the GraphQL error's extensions. */
export type BoothRefusal =
  | { kind: 'taken'; code: string; nearestBoothId: string | null; nearestBoothCode: string | null }
  | { kind: 'closed' }
  | { kind: 'other'; message: string };

export function boothRefusal(error: unknown, requestedCode: string): BoothRefusal {
  if (!CombinedGraphQLErrors.is(error)) {
    return { kind: 'other', message: 'The server could not be reached. Check your connection and try again.' };
  }
  const first = error.errors[0];
  const ext = (first?.extensions ?? {}) as Record<string, unknown>;
  if (ext.code === 'FORBIDDEN' && ext.reason === 'BOOTH_SELECTION_CLOSED') return { kind: 'closed' };
  // CONFLICT for the losers of a race names the nearest free booth; CONFLICT without it (we already have a booth) is said as the server says it.
  if (ext.code === 'CONFLICT' && 'nearestBoothCode' in ext) {
    return {
      kind: 'taken',
      code: requestedCode,
      nearestBoothId: typeof ext.nearestBoothId === 'string' ? ext.nearestBoothId : null,
      nearestBoothCode: typeof ext.nearestBoothCode === 'string' ? ext.nearestBoothCode : null,
    };
  }
  return { kind: 'other', message: first?.message ?? 'That did not work.' };
}

/** The refusal in words: "Booth A12 was just taken. A14 nearby is free." */
export function refusalText(refusal: BoothRefusal): string {
  switch (refusal.kind) {
    case 'taken':
      return refusal.nearestBoothCode
        ? `Booth ${refusal.code} was just taken. ${refusal.nearestBoothCode} nearby is free.`
        : `Booth ${refusal.code} was just taken, and no other booth of this hall is free.`;
    case 'closed':
      return 'Booth selection is closed: the organizers assign the booths now.';
    case 'other':
      return refusal.message;
  }
}
