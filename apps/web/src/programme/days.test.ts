import { describe, expect, it } from 'vitest';
import { localDate } from '../app/current-edition';
import { dayStart, daysIn, dayTime, editionDaysFor, splitByDay } from './days';

const s = (id: string, startsAt: string, endsAt = startsAt) => ({ id, startsAt, endsAt });

describe('the timezone day split', () => {
  it('puts each session on the local day it starts, in the zone asked for', () => {
    const sessions = [
      s('late', '2027-03-09T04:30:00Z'),
      s('morning', '2027-03-08T15:00:00Z'),
      s('next', '2027-03-09T15:00:00Z'),
    ];
    // Chicago (UTC-6): 22:30 on the 8th is still the 8th.
    const chicago = splitByDay(sessions, 'America/Chicago');
    expect([...chicago.keys()]).toEqual(['2027-03-08', '2027-03-09']);
    expect(chicago.get('2027-03-08')!.map((x) => x.id)).toEqual(['morning', 'late']);
    // Berlin (UTC+1): the late one is on the 9th, at 05:30.
    const berlin = splitByDay(sessions, 'Europe/Berlin');
    expect(berlin.get('2027-03-09')!.map((x) => x.id)).toEqual(['late', 'next']);
  });

  it('is DST-safe: a 23-hour and a 25-hour day each hold exactly their sessions', () => {
    // Chicago springs forward on 14 March 2027 (02:00 -> 03:00) and falls back on 7 November 2027.
    const spring = [
      s('before-midnight', '2027-03-14T04:59:00Z'),
      s('first-minute', '2027-03-14T06:00:00Z'),
      s('last-minute', '2027-03-15T04:59:00Z'),
      s('next-day', '2027-03-15T05:00:00Z'),
    ];
    const days = splitByDay(spring, 'America/Chicago');
    expect(days.get('2027-03-13')!.map((x) => x.id)).toEqual(['before-midnight']);
    expect(days.get('2027-03-14')!.map((x) => x.id)).toEqual(['first-minute', 'last-minute']);
    expect(days.get('2027-03-15')!.map((x) => x.id)).toEqual(['next-day']);
    expect(dayStart('2027-03-15', 'America/Chicago') - dayStart('2027-03-14', 'America/Chicago')).toBe(23 * 3_600_000);
    expect(dayStart('2027-11-08', 'America/Chicago') - dayStart('2027-11-07', 'America/Chicago')).toBe(25 * 3_600_000);
    const fall = splitByDay(
      [s('late-fall', '2027-11-08T05:59:00Z'), s('after', '2027-11-08T06:00:00Z')],
      'America/Chicago',
    );
    expect(fall.get('2027-11-07')!.map((x) => x.id)).toEqual(['late-fall']);
    expect(fall.get('2027-11-08')!.map((x) => x.id)).toEqual(['after']);
  });

  it('finds the first minute of a day whose midnight does not exist', () => {
    // Santiago moved its clocks from 00:00 to 01:00 on 12 August 2018; Havana on 12 March 2023.
    for (const [day, zone] of [
      ['2018-08-12', 'America/Santiago'],
      ['2023-03-12', 'America/Havana'],
      ['2027-03-14', 'America/Chicago'],
    ]) {
      const start = dayStart(day, zone);
      expect(localDate(new Date(start), zone)).toBe(day);
      expect(localDate(new Date(start - 60_000), zone) < day).toBe(true);
    }
    expect(new Date(dayStart('2018-08-12', 'America/Santiago')).toISOString()).toBe('2018-08-12T04:00:00.000Z');
  });

  it("gives the tabs of the edition's days in its zone, and the extra day another zone covers", () => {
    const edition = { startsOn: '2027-03-08', endsOn: '2027-03-10', timezone: 'America/Chicago' };
    expect(daysIn(edition, 'America/Chicago')).toEqual(['2027-03-08', '2027-03-09', '2027-03-10']);
    expect(daysIn(edition, 'Europe/Berlin')).toEqual(['2027-03-08', '2027-03-09', '2027-03-10', '2027-03-11']);
    expect(daysIn(edition, 'Pacific/Honolulu')).toEqual(['2027-03-07', '2027-03-08', '2027-03-09', '2027-03-10']);
  });

  it('asks the API for the edition days a device day overlaps', () => {
    const edition = { startsOn: '2027-03-08', endsOn: '2027-03-10', timezone: 'America/Chicago' };
    expect(editionDaysFor('2027-03-09', edition, 'America/Chicago')).toEqual(['2027-03-09']);
    expect(editionDaysFor('2027-03-09', edition, 'Europe/Berlin')).toEqual(['2027-03-08', '2027-03-09']);
    expect(editionDaysFor('2027-03-11', edition, 'Europe/Berlin')).toEqual(['2027-03-10']);
    expect(editionDaysFor('2027-03-08', edition, 'Europe/Berlin')).toEqual(['2027-03-08']);
  });
});

describe('dayTime', () => {
  it('reads as the browser would format it, in the zone given, with its name when asked', () => {
    const at = '2027-03-08T14:05:00Z';
    expect(dayTime(at, 'America/Chicago')).toBe('Mon 8 Mar, 08:05');
    expect(dayTime(at, 'Europe/Berlin', true)).toBe('Mon 8 Mar, 15:05 CET');
    expect(dayTime(Date.parse(at), 'UTC')).toBe('Mon 8 Mar, 14:05');
    expect(dayTime(at)).toBe(
      new Date(at).toLocaleString('en-GB', {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        hour: '2-digit',
        minute: '2-digit',
      }),
    );
  });
});
