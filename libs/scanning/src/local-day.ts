import { DateTime } from 'luxon';

/** The day each zone was last asked about: nearly every scan falls in the same local day, and luxon's zone math is costly per scan. */
const lastDays = new Map<string, { from: number; to: number; day: string }>();
/** The local date (YYYY-MM-DD) of an instant in a time zone. */
export function localDay(at: Date, zone: string): string {
  const t = at.getTime();
  const last = lastDays.get(zone);
  if (last && t >= last.from && t < last.to) return last.day;
  const local = DateTime.fromMillis(t, { zone });
  const start = local.startOf('day');
  const day = { from: start.toMillis(), to: start.plus({ days: 1 }).toMillis(), day: local.toISODate()! };
  lastDays.set(zone, day);
  return day.day;
}
