import { localDay } from './local-day';

describe('localDay', () => {
  it('gives the local date across midnight and across a daylight-saving change, in several zones at once', () => {
    const zone = 'America/New_York';
    // 2027-03-14 is 23 hours long in New York (clocks go forward at 02:00 local).
    expect(localDay(new Date('2027-03-14T04:59:59.999Z'), zone)).toBe('2027-03-13');
    expect(localDay(new Date('2027-03-14T05:00:00Z'), zone)).toBe('2027-03-14');
    expect(localDay(new Date('2027-03-14T12:00:00Z'), 'Asia/Tokyo')).toBe('2027-03-14');
    expect(localDay(new Date('2027-03-15T03:59:59.999Z'), zone)).toBe('2027-03-14');
    expect(localDay(new Date('2027-03-15T04:00:00Z'), zone)).toBe('2027-03-15');
    expect(localDay(new Date('2027-03-14T15:00:00Z'), 'Asia/Tokyo')).toBe('2027-03-15');
    // Back to an earlier day after a later one was remembered.
    expect(localDay(new Date('2027-03-14T10:00:00Z'), zone)).toBe('2027-03-14');
    expect(localDay(new Date('2027-03-13T23:00:00Z'), 'Europe/Berlin')).toBe('2027-03-14');
    expect(localDay(new Date('2027-03-13T22:59:59Z'), 'Europe/Berlin')).toBe('2027-03-13');
  });
});
