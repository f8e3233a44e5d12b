import { localDate } from '../app/current-edition';
import { clock, dayStart, overlaps, type Timed, zoneOffset } from '../programme/days';

/**
 * The programme editor's arithmetic: wall-clock times in the edition's timezone, the grid's rows
 * (minutes since the local midnight), where a card sits, which slot a drop lands in, and which
 * session a placement collides with. Plain functions, tested on their own.
 */

/** Minutes per grid row, and the step a dropped session snaps to. */
export const SLOT_MINUTES = 15;

/** The instant (ISO) of a wall-clock time `HH:MM` on a local day in a zone (a time skipped by DST moves forward). */
export function localToIso(day: string, time: string, timezone: string): string {
  const wall = Date.parse(`${day}T${time}:00Z`);
  let t = wall - zoneOffset(wall, timezone);
  t = wall - zoneOffset(t, timezone);
  return new Date(t).toISOString();
}

/** The local day and `HH:MM` of an instant in a zone. */
export function isoToLocal(iso: string, timezone: string): { day: string; time: string } {
  return { day: localDate(new Date(iso), timezone), time: clock(iso, timezone) };
}

/** An instant as the value of an `<input type="datetime-local">` showing the wall clock of `timezone` (the edition's), or ''. */
export function toZoneInput(iso: string | null | undefined, timezone: string): string {
  if (!iso) return '';
  const { day, time } = isoToLocal(iso, timezone);
  return `${day}T${time}`;
}

/** A datetime-local value read as the wall clock of `timezone`, as an ISO instant; null when empty. */
export function fromZoneInput(value: string, timezone: string): string | null {
  const [day, time] = value.split('T');
  return day && time ? localToIso(day, time.slice(0, 5), timezone) : null;
}

/** Minutes from the local day's start to an instant (may exceed 1440 for a session running past midnight). */
export function minutesIntoDay(iso: string, day: string, timezone: string): number {
  return Math.round((Date.parse(iso) - dayStart(day, timezone)) / 60_000);
}

/** The grid's first and last minute for a day: 08:00 to 18:00, widened to whole hours around its sessions. */
export function gridSpan(sessions: readonly Timed[], day: string, timezone: string): { from: number; to: number } {
  let from = 8 * 60;
  let to = 18 * 60;
  for (const s of sessions) {
    from = Math.min(from, Math.floor(minutesIntoDay(s.startsAt, day, timezone) / 60) * 60);
    to = Math.max(to, Math.ceil(minutesIntoDay(s.endsAt, day, timezone) / 60) * 60);
  }
  return { from: Math.max(0, from), to: Math.min(24 * 60 + 6 * 60, to) };
}

export interface GridCard extends Timed {
  id: string;
  roomId: string | null;
}

export interface PlacedCard<T> {
  session: T;
  /** Minutes from the grid's first row to the card's top, and its length in minutes (at least one slot). */
  top: number;
  length: number;
  /** Side-by-side lanes where sessions of one room overlap (drafts may): this card's lane of `lanes`. */
  lane: number;
  lanes: number;
}

/**
 * Cards per column (a room's id, '' for sessions without a room), each with its place on the grid.
 * Overlapping cards of one column share it in lanes, so none hides another.
 */
export function placeCards<T extends GridCard>(
  sessions: readonly T[],
  day: string,
  timezone: string,
  gridFrom: number,
): Map<string, PlacedCard<T>[]> {
  const columns = new Map<string, T[]>();
  for (const s of sessions) {
    const key = s.roomId ?? '';
    const list = columns.get(key) ?? [];
    list.push(s);
    columns.set(key, list);
  }
  const out = new Map<string, PlacedCard<T>[]>();
  for (const [key, list] of columns) {
    list.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || Date.parse(b.endsAt) - Date.parse(a.endsAt));
    const placed: PlacedCard<T>[] = [];
    // Clusters of transitively overlapping cards share a lane count.
    let cluster: PlacedCard<T>[] = [];
    let clusterEnd = -Infinity;
    const laneEnds: number[] = [];
    const close = () => {
      const lanes = Math.max(1, ...cluster.map((c) => c.lane + 1));
      for (const c of cluster) c.lanes = lanes;
      cluster = [];
      laneEnds.length = 0;
    };
    for (const s of list) {
      const start = Date.parse(s.startsAt);
      const end = Date.parse(s.endsAt);
      if (start >= clusterEnd) close();
      clusterEnd = Math.max(clusterEnd, end);
      let lane = laneEnds.findIndex((e) => e <= start);
      if (lane < 0) lane = laneEnds.length;
      laneEnds[lane] = end;
      const top = minutesIntoDay(s.startsAt, day, timezone) - gridFrom;
      const card: PlacedCard<T> = {
        session: s,
        top,
        length: Math.max(SLOT_MINUTES, Math.round((end - start) / 60_000)),
        lane,
        lanes: 1,
      };
      cluster.push(card);
      placed.push(card);
    }
    close();
    out.set(key, placed);
  }
  return out;
}

/**
 * The minute of the local day a dragged card's top lands on: the pointer's offset in the column, less
 * where in the card it was grabbed, snapped to the nearest slot, kept inside the grid.
 */
export function dropMinute(
  pointerY: number,
  grabOffsetY: number,
  pxPerMinute: number,
  grid: { from: number; to: number },
  length: number,
): number {
  const raw = grid.from + (pointerY - grabOffsetY) / pxPerMinute;
  const snapped = Math.round(raw / SLOT_MINUTES) * SLOT_MINUTES;
  return Math.min(Math.max(snapped, grid.from), Math.max(grid.from, grid.to - length));
}

/** A session moved to start at a minute of a local day, its length kept. */
export function movedTo(session: Timed, day: string, minute: number, timezone: string): Timed {
  const startsAt = dayStart(day, timezone) + minute * 60_000;
  const length = Date.parse(session.endsAt) - Date.parse(session.startsAt);
  return { startsAt: new Date(startsAt).toISOString(), endsAt: new Date(startsAt + length).toISOString() };
}

export interface Bookable extends Timed {
  id: string;
  title: string;
  status: string;
  room?: { id: string } | null;
}

/**
 * The first other session (not cancelled) in the same room at an overlapping time: the one the
 * server names when it refuses to publish or move a session there.
 */
export function roomClash<T extends Bookable>(
  placement: Timed & { id?: string; roomId: string | null },
  others: readonly T[],
): T | undefined {
  if (!placement.roomId) return undefined;
  return others.find(
    (o) =>
      o.id !== placement.id && o.status !== 'CANCELLED' && o.room?.id === placement.roomId && overlaps(o, placement),
  );
}
