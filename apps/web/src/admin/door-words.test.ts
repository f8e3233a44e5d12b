import { describe, expect, it } from 'vitest';
import { boothRows } from './booth-words';
import { doorState, failureWords, fillSeries, FIVE_MINUTES } from './door-words';

describe('door dashboard words', () => {
  it('fills the 5-minute series with empty intervals up to now, from the first admission or two hours back', () => {
    const now = Date.UTC(2034, 2, 1, 10, 7);
    const bars = fillSeries([{ at: new Date(Date.UTC(2034, 2, 1, 9, 50)).toISOString(), admitted: 3 }], now);
    expect(bars).toHaveLength(24);
    expect(bars[bars.length - 1]).toEqual({ at: Date.UTC(2034, 2, 1, 10, 5), admitted: 0 });
    expect(bars.find((b) => b.admitted)).toEqual({ at: Date.UTC(2034, 2, 1, 9, 50), admitted: 3 });
    const early = fillSeries([{ at: new Date(Date.UTC(2034, 2, 1, 6, 0)).toISOString(), admitted: 1 }], now);
    expect(early[0].at).toBe(Date.UTC(2034, 2, 1, 6, 0));
    expect(early[1].at - early[0].at).toBe(FIVE_MINUTES);
  });

  it('says why a scan failed and whether a door is open', () => {
    expect(failureWords('REJECTED', 'REVOKED')).toMatch(/revoked/);
    expect(failureWords('DUPLICATE', null)).toBe('Already admitted here today');
    expect(failureWords('REJECTED', 'SOMETHING_NEW')).toBe('SOMETHING_NEW');
    const now = Date.UTC(2034, 2, 1, 10);
    expect(doorState(null, null, now)).toBe('OPEN');
    expect(doorState(null, new Date(now - 1).toISOString(), now)).toBe('CLOSED');
    expect(doorState(new Date(now + 60_000).toISOString(), null, now)).toBe('NOT_YET');
  });

  it('reads a booth CSV by its header, any case', () => {
    expect(
      boothRows([
        ['Code', 'Hall', 'X', 'Y', 'Width', 'Depth', 'Type', 'Notes'],
        ['A1', 'North Hall', '1', '2', '3', '3', 'INLINE', 'ignored'],
      ]),
    ).toEqual([{ code: 'A1', hall: 'North Hall', xM: '1', yM: '2', widthM: '3', depthM: '3', type: 'INLINE' }]);
  });
});
