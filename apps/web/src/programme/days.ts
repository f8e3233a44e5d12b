import { localDate } from '../app/current-edition';

/**
 * Days and times in a timezone, for the programme's day tabs. Every instant is converted on its own
 * through Intl (never "midnight + 24 h"), so a day with a DST change is 23 or 25 hours long and
 * still holds exactly its sessions.
 */

export interface Timed {
  startsAt: string;
  endsAt: string;
}

/** The day after a calendar day (YYYY-MM-DD). */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();
/** The zone's offset from UTC at an instant, in ms (positive east of Greenwich). */
export function zoneOffset(at: number, timezone: string): number {
  let f = offsetFormats.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormats.set(timezone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(at)).map((x) => [x.type, Number(x.value)]));
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** The instant a local day starts in a zone (its first existing minute, should midnight be skipped). */
export function dayStart(day: string, timezone: string): number {
  const wall = Date.parse(`${day}T00:00:00Z`);
  let t = wall - zoneOffset(wall, timezone);
  // Once more with the offset in force at the first guess: right on either side of a DST change.
  t = wall - zoneOffset(t, timezone);
  if (localDate(new Date(t), timezone) < day) t += 3_600_000; // midnight did not exist (a spring-forward at 00:00)
  return t;
}

/** Sessions by the local day (in `timezone`) they start on, each day's sessions by start time, then end. */
export function splitByDay<T extends Timed>(sessions: readonly T[], timezone: string): Map<string, T[]> {
  const days = new Map<string, T[]>();
  for (const s of sessions) {
    const day = localDate(new Date(s.startsAt), timezone);
    const list = days.get(day);
    if (list) list.push(s);
    else days.set(day, [s]);
  }
  for (const list of days.values()) list.sort(byTime);
  return new Map([...days.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

export const byTime = (a: Timed, b: Timed): number =>
  Date.parse(a.startsAt) - Date.parse(b.startsAt) || Date.parse(a.endsAt) - Date.parse(b.endsAt);

export interface EditionSpan {
  startsOn: string;
  endsOn: string;
  timezone: string;
}

/**
 * The tabs in `viewZone`: the local days the edition's time covers there (the edition's own days when
 * viewed in its timezone; one more when the two zones are far apart).
 */
export function daysIn(edition: EditionSpan, viewZone: string): string[] {
  const from = dayStart(edition.startsOn, edition.timezone);
  const to = dayStart(nextDay(edition.endsOn), edition.timezone) - 1;
  const days: string[] = [];
  for (
    let day = localDate(new Date(from), viewZone), last = localDate(new Date(to), viewZone);
    day <= last && days.length < 62;
    day = nextDay(day)
  )
    days.push(day);
  return days;
}

/** The edition's own days (its timezone) whose sessions may start on `day` of `viewZone`: the ones the API is asked for. */
export function editionDaysFor(day: string, edition: EditionSpan, viewZone: string): string[] {
  if (viewZone === edition.timezone) return [day];
  const first = localDate(new Date(dayStart(day, viewZone)), edition.timezone);
  const last = localDate(new Date(dayStart(nextDay(day), viewZone) - 1), edition.timezone);
  const out: string[] = [];
  for (let d = first; d <= last; d = nextDay(d)) if (d >= edition.startsOn && d <= edition.endsOn) out.push(d);
  return out;
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();
/** 09:30 in the zone (24-hour clock: no AM/PM ambiguity on a conference floor). */
export function clock(iso: string | number, timezone: string): string {
  let f = timeFormats.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: timezone });
    timeFormats.set(timezone, f);
  }
  return f.format(new Date(iso));
}

const dayTimeFormats = new Map<string, Intl.DateTimeFormat>();
/**
 * "Mon 8 Mar, 09:30": a moment with its day, in a zone (the device's when none is given), with the
 * zone's short name after it when `zoneName`. One formatter per zone, made once.
 */
export function dayTime(at: string | number, timezone?: string, zoneName = false): string {
  const key = `${timezone ?? ''}|${zoneName}`;
  let f = dayTimeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: timezone,
      ...(zoneName ? { timeZoneName: 'short' as const } : {}),
    });
    dayTimeFormats.set(key, f);
  }
  return f.format(new Date(at));
}

// toLocaleDateString with options builds a formatter on every call (about a millisecond): made once.
const shortDay = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const longDay = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
/** "Mon 1 Mar" and "Monday 1 March" for a calendar day. */
export function dayNames(day: string): { short: string; long: string } {
  const d = new Date(`${day}T12:00:00Z`);
  return { short: shortDay.format(d), long: longDay.format(d) };
}

/** Whether two sessions overlap in time (touching ends do not). */
export const overlaps = (a: Timed, b: Timed): boolean =>
  Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt);

/** The device's timezone. */
let zoneOfDevice: { zone: string; at: number } | undefined;
/** The device's timezone (re-read at most once a second: a traveller's phone can change it). */
export const deviceZone = (): string => {
  const now = Date.now();
  if (!zoneOfDevice || now - zoneOfDevice.at > 1000)
    zoneOfDevice = { zone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', at: now };
  return zoneOfDevice.zone;
};
