import { describe, expect, it } from 'vitest';
import {
  dropMinute,
  gridSpan,
  isoToLocal,
  localToIso,
  minutesIntoDay,
  movedTo,
  placeCards,
  roomClash,
  fromZoneInput,
  toZoneInput,
} from './time-grid';

const TZ = 'Europe/Berlin';

describe('wall-clock times in the edition timezone', () => {
  it('converts both ways, in summer and winter time', () => {
    expect(localToIso('2033-06-01', '09:30', TZ)).toBe('2033-06-01T07:30:00.000Z');
    expect(localToIso('2033-01-10', '09:30', TZ)).toBe('2033-01-10T08:30:00.000Z');
    expect(isoToLocal('2033-06-01T07:30:00.000Z', TZ)).toEqual({ day: '2033-06-01', time: '09:30' });
    expect(localToIso('2033-06-01', '23:45', 'America/Chicago')).toBe('2033-06-02T04:45:00.000Z');
  });

  it('counts minutes from the local midnight, across a DST change', () => {
    expect(minutesIntoDay('2033-06-01T07:30:00Z', '2033-06-01', TZ)).toBe(570);
    // 27 March 2033: clocks go from 02:00 to 03:00; 09:00 local is 8 real hours after midnight.
    expect(minutesIntoDay(localToIso('2033-03-27', '09:00', TZ), '2033-03-27', TZ)).toBe(480);
  });
});

describe('the grid', () => {
  const s = (id: string, roomId: string | null, from: string, to: string) => ({
    id,
    roomId,
    startsAt: localToIso('2033-06-01', from, TZ),
    endsAt: localToIso('2033-06-01', to, TZ),
  });

  it('spans 08:00 to 18:00, widened to whole hours around early and late sessions', () => {
    expect(gridSpan([], '2033-06-01', TZ)).toEqual({ from: 480, to: 1080 });
    expect(gridSpan([s('a', 'r', '07:15', '08:00'), s('b', 'r', '18:00', '19:30')], '2033-06-01', TZ)).toEqual({
      from: 420,
      to: 1200,
    });
  });

  it('places cards per room, overlapping ones side by side in lanes', () => {
    const cards = placeCards(
      [
        s('a', 'r1', '09:00', '10:00'),
        s('b', 'r1', '09:30', '10:30'),
        s('c', 'r1', '11:00', '11:10'),
        s('d', null, '09:00', '09:45'),
      ],
      '2033-06-01',
      TZ,
      480,
    );
    const r1 = cards.get('r1')!;
    expect(r1.map((c) => [c.session.id, c.top, c.length, c.lane, c.lanes])).toEqual([
      ['a', 60, 60, 0, 2],
      ['b', 90, 60, 1, 2],
      ['c', 180, 15, 0, 1], // a short session still gets one slot
    ]);
    expect(cards.get('')!.map((c) => c.session.id)).toEqual(['d']);
  });
});

describe('dropping a card', () => {
  const grid = { from: 480, to: 1080 };
  it('snaps the card top to the nearest 15 minutes, less where the card was grabbed', () => {
    // 2 px per minute: 250 px below the top is 125 min after 08:00; grabbed 20 px into the card: 115 -> 120.
    expect(dropMinute(250, 20, 2, grid, 60)).toBe(600);
    expect(dropMinute(250, 0, 2, grid, 60)).toBe(480 + 120);
    expect(dropMinute(262, 0, 2, grid, 60)).toBe(480 + 135);
  });
  it('keeps the card inside the grid', () => {
    expect(dropMinute(-40, 0, 2, grid, 60)).toBe(480);
    expect(dropMinute(5000, 0, 2, grid, 90)).toBe(990);
  });
  it('moves a session keeping its length', () => {
    expect(
      movedTo({ startsAt: '2033-06-01T07:00:00.000Z', endsAt: '2033-06-01T07:45:00.000Z' }, '2033-06-02', 14 * 60, TZ),
    ).toEqual({ startsAt: '2033-06-02T12:00:00.000Z', endsAt: '2033-06-02T12:45:00.000Z' });
  });
});

describe('room clashes', () => {
  const other = (id: string, status: string, roomId: string, from: string, to: string) => ({
    id,
    title: `Session ${id}`,
    status,
    room: { id: roomId },
    startsAt: `2033-06-01T${from}:00Z`,
    endsAt: `2033-06-01T${to}:00Z`,
  });
  const others = [
    other('a', 'PUBLISHED', 'r1', '09:00', '10:00'),
    other('x', 'CANCELLED', 'r1', '10:00', '11:00'),
    other('b', 'DRAFT', 'r2', '10:00', '11:00'),
  ];
  it('names the session in the same room at an overlapping time, never itself or a cancelled one', () => {
    const at = (from: string, to: string, roomId: string | null, id?: string) => ({
      id,
      roomId,
      startsAt: `2033-06-01T${from}:00Z`,
      endsAt: `2033-06-01T${to}:00Z`,
    });
    expect(roomClash(at('09:30', '10:30', 'r1'), others)?.id).toBe('a');
    expect(roomClash(at('10:00', '11:00', 'r1'), others)).toBeUndefined(); // touching; the other one is cancelled
    expect(roomClash(at('09:00', '10:00', 'r1', 'a'), others)).toBeUndefined();
    expect(roomClash(at('10:30', '10:45', 'r2'), others)?.id).toBe('b');
    expect(roomClash(at('09:00', '10:00', null), others)).toBeUndefined();
  });
});

describe('datetime-local values in the edition’s timezone', () => {
  it('shows and reads the venue’s wall clock, whatever the browser’s zone', () => {
    // 14:00 UTC is 08:00 in Chicago (CST, UTC-6) in early March.
    expect(toZoneInput('2027-03-08T14:00:00.000Z', 'America/Chicago')).toBe('2027-03-08T08:00');
    expect(fromZoneInput('2027-03-08T08:00', 'America/Chicago')).toBe('2027-03-08T14:00:00.000Z');
    // After the spring change (CDT, UTC-5), and across midnight in Berlin.
    expect(fromZoneInput('2027-03-15T08:00', 'America/Chicago')).toBe('2027-03-15T13:00:00.000Z');
    expect(toZoneInput('2027-06-01T22:30:00.000Z', 'Europe/Berlin')).toBe('2027-06-02T00:30');
    for (const iso of ['2027-03-08T14:00:00.000Z', '2027-11-07T05:45:00.000Z'])
      expect(fromZoneInput(toZoneInput(iso, 'America/Chicago'), 'America/Chicago')).toBe(iso);
  });

  it('leaves empty values empty', () => {
    expect(toZoneInput(null, 'UTC')).toBe('');
    expect(fromZoneInput('', 'UTC')).toBeNull();
  });
});
