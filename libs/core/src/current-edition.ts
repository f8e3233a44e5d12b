/**
 * Which edition is current and what day it is there. Pure: shared by the web app (apps/web imports this
 * file) and the API, which picks the same edition and day for the programme's first answers
 * (apps/api/src/web-bootstrap.ts).
 */

/** The fields current-edition choice needs. */
export interface EditionDays {
  id: string;
  startsOn: string; // local date YYYY-MM-DD in the edition's timezone
  endsOn: string;
  timezone: string;
}

/** The local date (YYYY-MM-DD) of `now` in an IANA timezone. */
export function localDate(now: Date, timezone: string): string {
  let format = dateFormats.get(timezone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD. Made once per zone: a formatter costs far more than a format.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(timezone, format);
  }
  return format.format(now);
}
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The edition the app shows without `?edition=`: the one running now (today, in its own timezone,
 * lies within its days), else the next one to start, else the one that ended last.
 */
export function currentEdition<T extends EditionDays>(editions: readonly T[], now: Date = new Date()): T | undefined {
  const running = editions.filter((e) => {
    const today = localDate(now, e.timezone);
    return e.startsOn <= today && today <= e.endsOn;
  });
  if (running.length) return [...running].sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0];
  const upcoming = editions
    .filter((e) => localDate(now, e.timezone) < e.startsOn)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  if (upcoming.length) return upcoming[0];
  return [...editions].sort((a, b) => b.endsOn.localeCompare(a.endsOn))[0];
}

/** The days of an edition, first to last (local dates). */
export function editionDays(edition: Pick<EditionDays, 'startsOn' | 'endsOn'>): string[] {
  const days: string[] = [];
  const day = new Date(`${edition.startsOn}T00:00:00Z`);
  const end = new Date(`${edition.endsOn}T00:00:00Z`);
  while (day <= end && days.length < 60) {
    days.push(day.toISOString().slice(0, 10));
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return days;
}
