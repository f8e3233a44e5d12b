import { describe, expect, it } from 'vitest';
import { currentEdition, editionDays, localDate } from './current-edition';

const e = (id: string, startsOn: string, endsOn: string, timezone = 'America/Chicago') => ({
  id,
  startsOn,
  endsOn,
  timezone,
});
const editions = [
  e('2026', '2026-03-09', '2026-03-13'),
  e('2027', '2027-03-01', '2027-03-05'),
  e('2028', '2028-03-06', '2028-03-10'),
];

describe('currentEdition', () => {
  it('is the edition running today, in its own timezone', () => {
    // 03:00 UTC on 2027-03-06 is still 2027-03-05 in Chicago: the last day.
    expect(currentEdition(editions, new Date('2027-03-06T03:00:00Z'))?.id).toBe('2027');
  });
  it('else the next one to start', () => {
    expect(currentEdition(editions, new Date('2026-06-01T12:00:00Z'))?.id).toBe('2027');
  });
  it('else the one that ended last', () => {
    expect(currentEdition(editions, new Date('2030-01-01T12:00:00Z'))?.id).toBe('2028');
    expect(currentEdition([], new Date())).toBeUndefined();
  });
});

describe('editionDays', () => {
  it('lists the local days, across a month end', () => {
    expect(editionDays({ startsOn: '2027-02-27', endsOn: '2027-03-02' })).toEqual([
      '2027-02-27',
      '2027-02-28',
      '2027-03-01',
      '2027-03-02',
    ]);
  });
  it('localDate formats YYYY-MM-DD in the zone', () => {
    expect(localDate(new Date('2027-03-06T03:00:00Z'), 'Europe/Berlin')).toBe('2027-03-06');
  });
});
