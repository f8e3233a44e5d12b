import { describe, expect, it } from 'vitest';
import { layoutGrid } from './grid';

const rooms = [
  { id: 'a', name: 'Hall A' },
  { id: 'b', name: 'Room B' },
  { id: 'c', name: 'Room C' },
];
const at = (h: number, m = 0) => new Date(Date.UTC(2027, 2, 8, h, m)).toISOString();
const s = (id: string, room: string | null, from: [number, number?], to: [number, number?]) => ({
  id,
  room: room ? rooms.find((r) => r.id === room)! : null,
  startsAt: at(...from),
  endsAt: at(...to),
});
const place = (layout: ReturnType<typeof layoutGrid>, id: string) => {
  const i = layout.items.find((x) => x.session.id === id)!;
  return [i.rowStart, i.rowEnd, i.colStart, i.colEnd];
};

describe('the grid layout of a day', () => {
  it('gives a row per moment a session starts or ends, and a column per room with sessions, in the edition order', () => {
    const layout = layoutGrid(
      [s('b1', 'b', [9], [10]), s('a1', 'a', [9], [10, 30]), s('a2', 'a', [10, 30], [11])],
      rooms,
    );
    expect(layout.columns.map((c) => [c.name, c.col, c.lanes])).toEqual([
      ['Hall A', 2, 1],
      ['Room B', 3, 1],
    ]);
    expect(layout.times).toEqual([at(9), at(10), at(10, 30), at(11)].map(Date.parse));
    expect(place(layout, 'a1')).toEqual([2, 4, 2, 3]); // 9:00-10:30 spans two rows
    expect(place(layout, 'a2')).toEqual([4, 5, 2, 3]);
    expect(place(layout, 'b1')).toEqual([2, 3, 3, 4]);
    expect(layout.starts).toEqual([
      { row: 2, time: Date.parse(at(9)) },
      { row: 4, time: Date.parse(at(10, 30)) },
    ]);
    expect(layout.columnCount).toBe(4);
  });

  it('splits a room into lanes where its sessions overlap; a session alone in its time keeps the full width', () => {
    const layout = layoutGrid(
      [s('x', 'a', [9], [11]), s('y', 'a', [10], [12]), s('z', 'a', [12], [13]), s('w', 'b', [9], [10])],
      rooms,
    );
    expect(layout.columns.map((c) => [c.name, c.col, c.lanes])).toEqual([
      ['Hall A', 2, 2],
      ['Room B', 4, 1],
    ]);
    expect(place(layout, 'x')).toEqual([2, 4, 2, 3]);
    expect(place(layout, 'y')).toEqual([3, 5, 3, 4]);
    expect(place(layout, 'z')).toEqual([5, 6, 2, 4]); // after both: the whole room column
    expect(place(layout, 'w')).toEqual([2, 3, 4, 5]);
  });

  it('reuses a lane once it is free, and puts sessions without a room in a last column', () => {
    const layout = layoutGrid(
      [s('p', 'c', [9], [10]), s('q', 'c', [9, 30], [11]), s('r', 'c', [10], [12]), s('t', null, [9], [9, 30])],
      rooms,
    );
    expect(layout.columns.map((c) => [c.name, c.lanes])).toEqual([
      ['Room C', 2],
      ['Room to be announced', 1],
    ]);
    // r starts when p ends: it takes p's lane.
    expect(place(layout, 'r')[2]).toBe(place(layout, 'p')[2]);
    expect(place(layout, 'q')[2]).toBe(3);
    expect(place(layout, 't').slice(2)).toEqual([4, 5]);
  });

  it('is empty for a day without sessions', () => {
    expect(layoutGrid([], rooms)).toEqual({ columns: [], times: [], starts: [], items: [], columnCount: 2 });
  });
});
