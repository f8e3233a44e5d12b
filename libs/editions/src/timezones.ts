import { DateTime, IANAZone } from 'luxon';

/** An IANA zone name (not an offset such as +02:00, which has no daylight-saving rules). */
export function isIanaZone(zone: string): boolean {
  return /^[A-Za-z]+(\/[A-Za-z0-9_+-]+)*$/.test(zone) && IANAZone.isValidZone(zone);
}

/** A real calendar day written YYYY-MM-DD. */
export function isCalendarDay(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && DateTime.fromISO(day, { zone: 'UTC' }).isValid;
}

/** The instants a local day [from 00:00, to next 00:00) covers in a zone. */
export function localDayRange(firstDay: string, lastDay: string, zone: string): { start: Date; end: Date } {
  return {
    start: DateTime.fromISO(firstDay, { zone }).startOf('day').toJSDate(),
    end: DateTime.fromISO(lastDay, { zone }).plus({ days: 1 }).startOf('day').toJSDate(),
  };
}
