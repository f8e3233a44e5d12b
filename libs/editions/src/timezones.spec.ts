import { isCalendarDay, isIanaZone, localDayRange } from './timezones';

describe('timezones', () => {
  it('accepts IANA names and refuses offsets and inventions', () => {
    expect(isIanaZone('America/Chicago')).toBe(true);
    expect(isIanaZone('UTC')).toBe(true);
    expect(isIanaZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isIanaZone('+02:00')).toBe(false);
    expect(isIanaZone('Mars/Olympus_Mons')).toBe(false);
    expect(isIanaZone('')).toBe(false);
  });

  it('knows real calendar days', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2027-02-29')).toBe(false);
    expect(isCalendarDay('2027-3-1')).toBe(false);
  });

  it('turns local days into instants, across a daylight-saving change', () => {
    // Chicago moves to CDT on 14 March 2027: that day has 23 hours.
    const { start, end } = localDayRange('2027-03-13', '2027-03-14', 'America/Chicago');
    expect(start.toISOString()).toBe('2027-03-13T06:00:00.000Z');
    expect(end.toISOString()).toBe('2027-03-15T05:00:00.000Z');
  });
});
