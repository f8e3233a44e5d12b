import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** RFC 3339 date-time with a zone: 2027-03-08T09:30:00Z, 2027-03-08T09:30:00.250-06:00 (seconds optional). */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?([Zz]|[+-](\d{2}):(\d{2}))$/;
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * A real instant from a DateTime string, or null. Stricter than `new Date()`: a zone is required,
 * and a calendar date that does not exist (2027-02-30, which Date rolls over to March 2), a 25th
 * hour or a year outside 1000..9999 are refused rather than shifted.
 */
export function parseDateTime(value: unknown): Date | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  const m = DATE_TIME.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((p) => Number(p ?? 0)); // no seconds: 0
  if (
    year < 1000 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysIn(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  )
    return null;
  if (m[8] !== undefined && (Number(m[8]) > 23 || Number(m[9]) > 59)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const invalid = () =>
  new GraphQLError(
    'DateTime must be an ISO 8601 date-time with a zone that exists on the calendar, e.g. 2027-03-08T09:30:00Z',
    { extensions: { code: 'BAD_USER_INPUT' } },
  );

/** The DateTime scalar (same name and output as @nestjs/graphql's), parsing input strictly with parseDateTime. */
export const StrictDateTime = new GraphQLScalarType({
  name: 'DateTime',
  description: 'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : null),
  parseValue: (value) => {
    const date = parseDateTime(value);
    if (!date) throw invalid();
    return date;
  },
  parseLiteral: (ast) => {
    const date = ast.kind === Kind.STRING ? parseDateTime(ast.value) : null;
    if (!date) throw invalid();
    return date;
  },
});
