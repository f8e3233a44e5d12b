import { badInput } from '@app/core';
import { localDay } from './local-day';

/** How far a scanner's clock may run ahead of the server's. */
export const CLOCK_SKEW_MS = 5 * 60_000;
/** Days around the edition's own that an offline time may fall in (a scanner set up the day before, a zone mix-up). */
const SLACK_DAYS = 1;

const shiftDay = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Offline scans carry the scanner's own times, and a time decides a scan (a badge revoked after it
 * still counts). So a time must be plausible: on one of the edition's local days (a day's slack
 * either side) and not after the upload (beyond a little clock skew). BAD_USER_INPUT names the
 * first scan that is not. Live scans never get here: they use the server's clock.
 */
export function checkOfflineTimes(
  times: Date[],
  edition: { timezone: string; startsOn: string; endsOn: string },
  now = new Date(),
): void {
  const first = shiftDay(edition.startsOn, -SLACK_DAYS);
  const last = shiftDay(edition.endsOn, SLACK_DAYS);
  const latest = now.getTime() + CLOCK_SKEW_MS;
  for (const [index, at] of times.entries()) {
    const t = at.getTime();
    if (Number.isNaN(t) || t > latest)
      throw badInput(`Scan ${index + 1} is dated after the upload (check the scanner's clock)`, {
        argument: 'scans',
        index,
        field: 'scannedAt',
      });
    const day = localDay(at, edition.timezone);
    if (day < first || day > last)
      throw badInput(
        `Scan ${index + 1} is dated ${day}, outside the edition (${edition.startsOn} to ${edition.endsOn})`,
        { argument: 'scans', index, field: 'scannedAt' },
      );
  }
}
