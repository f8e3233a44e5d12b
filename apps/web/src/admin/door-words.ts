/** The door dashboard's words and arithmetic, kept apart from React (unit-tested). */

/** Why a scan failed, in plain words (RejectReason, or a DUPLICATE). */
export const SCAN_FAILURE: Record<string, string> = {
  INVALID_CODE: 'Not one of our badge codes (damaged, forged or another system’s)',
  REVOKED: 'Badge revoked (lost or replaced by a newer one)',
  NOT_ALLOWED: 'Their pass does not include this door',
  UNKNOWN_BADGE: 'No such badge on the list',
  WRONG_EDITION: 'A badge of another edition',
  CLOSED: 'The door was closed at that time',
  DUPLICATE: 'Already admitted here today',
};

export const failureWords = (outcome: string, reason: string | null | undefined): string =>
  outcome === 'DUPLICATE' ? SCAN_FAILURE.DUPLICATE : ((reason && SCAN_FAILURE[reason]) ?? reason ?? 'Refused');

export const FIVE_MINUTES = 5 * 60_000;

/**
 * The bars of the admissions chart: every 5-minute interval from the earlier of the first admission
 * and `hours` before now, up to now's interval, empty ones at 0 (the API leaves them out).
 */
export function fillSeries(
  buckets: readonly { at: string; admitted: number }[],
  now: number,
  hours = 2,
): { at: number; admitted: number }[] {
  const end = Math.floor(now / FIVE_MINUTES) * FIVE_MINUTES;
  const byAt = new Map(buckets.map((b) => [new Date(b.at).getTime(), b.admitted]));
  const first = Math.min(end - hours * 3_600_000 + FIVE_MINUTES, ...byAt.keys());
  const start = Math.max(first, end - 287 * FIVE_MINUTES); // at most a day of bars
  const out: { at: number; admitted: number }[] = [];
  for (let t = start; t <= end; t += FIVE_MINUTES) out.push({ at: t, admitted: byAt.get(t) ?? 0 });
  return out;
}

/** Open now, closed, or not open yet, from a checkpoint's opening times. */
export function doorState(
  opensAt: string | null | undefined,
  closesAt: string | null | undefined,
  now: number,
): 'OPEN' | 'CLOSED' | 'NOT_YET' {
  if (closesAt && new Date(closesAt).getTime() <= now) return 'CLOSED';
  if (opensAt && new Date(opensAt).getTime() > now) return 'NOT_YET';
  return 'OPEN';
}
