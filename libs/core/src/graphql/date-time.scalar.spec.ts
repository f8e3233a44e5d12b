import { GraphQLError, Kind } from 'graphql';
import { parseDateTime, StrictDateTime } from './date-time.scalar';

describe('DateTime input: real instants only', () => {
  it('reads RFC 3339 date-times with a zone, seconds and fractions optional', () => {
    expect(parseDateTime('2027-03-08T09:30:00Z')?.toISOString()).toBe('2027-03-08T09:30:00.000Z');
    expect(parseDateTime('2027-03-08T09:30Z')?.toISOString()).toBe('2027-03-08T09:30:00.000Z');
    expect(parseDateTime('2027-03-08t09:30:00.250-06:00')?.toISOString()).toBe('2027-03-08T15:30:00.250Z');
    expect(parseDateTime('2028-02-29 23:59:59+14:00')?.toISOString()).toBe('2028-02-29T09:59:59.000Z');
  });

  it('refuses what Date would shift or guess instead of failing', () => {
    for (const value of [
      '2027-02-29T09:00:00Z', // not a leap year: Date rolls it over to March 1
      '2027-04-31T09:00:00Z',
      '2027-13-01T09:00:00Z',
      '2027-00-10T09:00:00Z',
      '2027-03-00T09:00:00Z',
      '2027-03-08T24:00:00Z',
      '2027-03-08T09:60:00Z',
      '2027-03-08T09:30:60Z',
      '2027-03-08T09:30:00+24:00',
      '2027-03-08T09:30:00+05:60',
      '0999-03-08T09:30:00Z',
      '2027-03-08T09:30:00', // no zone: which instant is meant?
      '2027-03-08',
      'tomorrow',
      `2027-03-08T09:30:00.${'1'.repeat(40)}Z`,
    ]) {
      expect([value, parseDateTime(value)]).toEqual([value, null]);
    }
    for (const value of [undefined, null, 1741426200000, new Date(), ['2027-03-08T09:30:00Z']])
      expect(parseDateTime(value)).toBeNull();
  });

  it('answers bad input as BAD_USER_INPUT, whether it comes as a variable or a literal', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error instanceof GraphQLError ? error.extensions.code : 'not a GraphQLError';
      }
      return 'accepted';
    };
    expect(code(() => StrictDateTime.parseValue('2027-02-30T10:00:00Z'))).toBe('BAD_USER_INPUT');
    expect(code(() => StrictDateTime.parseLiteral({ kind: Kind.STRING, value: '2027-02-30T10:00:00Z' }, {}))).toBe(
      'BAD_USER_INPUT',
    );
    expect(code(() => StrictDateTime.parseLiteral({ kind: Kind.INT, value: '1741426200' }, {}))).toBe('BAD_USER_INPUT');
    expect(StrictDateTime.parseLiteral({ kind: Kind.STRING, value: '2027-03-08T09:30:00Z' }, {})).toEqual(
      new Date('2027-03-08T09:30:00Z'),
    );
    expect(StrictDateTime.parseValue('2027-03-08T09:30:00Z')).toEqual(new Date('2027-03-08T09:30:00Z'));
  });

  it('writes instants at UTC, and nothing for a value that is not a date', () => {
    expect(StrictDateTime.serialize(new Date('2027-03-08T15:30:00.250Z'))).toBe('2027-03-08T15:30:00.250Z');
    expect(StrictDateTime.serialize('2027-03-08T15:30:00Z')).toBeNull();
  });
});
