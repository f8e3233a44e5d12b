import { byTime, type Timed } from './days';

/**
 * The wide-screen grid of one day: one column per room (split into lanes where a room's sessions
 * overlap), one row per moment a session starts or ends, so a session spans the rows of its time.
 * Grid lines are CSS grid line numbers: line 1 is before the time axis / header row.
 */
export interface GridSession extends Timed {
  id: string;
  room?: { id: string; name: string } | null;
}

export interface GridColumn {
  /** null: sessions without a room */
  roomId: string | null;
  name: string;
  /** First grid column line of the room, and how many lanes it has. */
  col: number;
  lanes: number;
}

export interface GridItem<T> {
  session: T;
  rowStart: number;
  rowEnd: number;
  colStart: number;
  colEnd: number;
}

export interface GridLayout<T> {
  columns: GridColumn[];
  /** The moments (ms) rows start at; row i (0-based) lies between times[i] and times[i + 1]. */
  times: number[];
  /** Rows (grid line of the row) where at least one session starts, with that time: the time axis. */
  starts: { row: number; time: number }[];
  items: GridItem<T>[];
  /** Grid column lines in all, the time axis included. */
  columnCount: number;
}

/** Header row is line 1..2, time rows from line 2; time axis column is line 1..2, rooms from line 2. */
const FIRST_ROW = 2;
const FIRST_COL = 2;

/**
 * Lays out a day. `rooms` gives the column order (the edition's rooms); rooms without a session that
 * day get no column; sessions without a room go to a last "Room to be announced" column.
 */
export function layoutGrid<T extends GridSession>(
  sessions: readonly T[],
  rooms: readonly { id: string; name: string }[],
): GridLayout<T> {
  const sorted = [...sessions].sort(byTime);
  const times = [...new Set(sorted.flatMap((s) => [Date.parse(s.startsAt), Date.parse(s.endsAt)]))].sort(
    (a, b) => a - b,
  );
  const rowOf = new Map(times.map((t, i) => [t, FIRST_ROW + i]));

  const byRoom = new Map<string | null, T[]>();
  for (const s of sorted) {
    const key = s.room?.id ?? null;
    const list = byRoom.get(key);
    if (list) list.push(s);
    else byRoom.set(key, [s]);
  }
  const order: { roomId: string | null; name: string }[] = rooms
    .filter((r) => byRoom.has(r.id))
    .map((r) => ({ roomId: r.id, name: r.name }));
  // Rooms the list did not name (should not happen) keep their first appearance's order.
  for (const s of sorted)
    if (s.room && !order.some((o) => o.roomId === s.room!.id)) order.push({ roomId: s.room.id, name: s.room.name });
  if (byRoom.has(null)) order.push({ roomId: null, name: 'Room to be announced' });

  const columns: GridColumn[] = [];
  const items: GridItem<T>[] = [];
  let col = FIRST_COL;
  for (const { roomId, name } of order) {
    const list = byRoom.get(roomId)!;
    // Greedy lanes: each session takes the first lane free at its start (sessions come by start time).
    const laneEnds: number[] = [];
    const lanes = list.map((s) => {
      const start = Date.parse(s.startsAt);
      let lane = laneEnds.findIndex((end) => end <= start);
      if (lane < 0) lane = laneEnds.length;
      laneEnds[lane] = Date.parse(s.endsAt);
      return lane;
    });
    const laneCount = Math.max(1, laneEnds.length);
    for (const [i, s] of list.entries()) {
      const start = Date.parse(s.startsAt);
      const end = Date.parse(s.endsAt);
      // A session that overlaps nothing else in its room takes the room's whole width.
      const alone = !list.some((o, j) => j !== i && Date.parse(o.startsAt) < end && start < Date.parse(o.endsAt));
      items.push({
        session: s,
        rowStart: rowOf.get(start)!,
        rowEnd: Math.max(rowOf.get(end)!, rowOf.get(start)! + 1),
        colStart: alone ? col : col + lanes[i],
        colEnd: alone ? col + laneCount : col + lanes[i] + 1,
      });
    }
    columns.push({ roomId, name, col, lanes: laneCount });
    col += laneCount;
  }
  const startTimes = [...new Set(sorted.map((s) => Date.parse(s.startsAt)))];
  return {
    columns,
    times,
    starts: startTimes.map((time) => ({ row: rowOf.get(time)!, time })),
    items,
    columnCount: col,
  };
}
