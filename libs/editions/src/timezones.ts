import { ValidateBy, ValidationOptions } from 'class-validator';
import { DateTime, IANAZone } from 'luxon';

/** An IANA zone name (not an offset such as +02:00, which has no daylight-saving rules). */
export function isIanaZone(zone: string): boolean {
  return /^[A-Za-z]+(\/[A-Za-z0-9_+-]+)*$/.test(zone) && IANAZone.isValidZone(zone);
}

/** A real calendar day written YYYY-MM-DD. */
export function isCalendarDay(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && DateTime.fromISO(day, { zone: 'UTC' }).isValid;
}

/** The instants a local day [from 00:00, to next 00:00) covers in a zone. */
export function localDayRange(firstDay: string, lastDay: string, zone: string): { start: Date; end: Date } {
  return {
    start: DateTime.fromISO(firstDay, { zone }).startOf('day').toJSDate(),
    end: DateTime.fromISO(lastDay, { zone }).plus({ days: 1 }).startOf('day').toJSDate(),
  };
}

/** class-validator: an IANA zone name (isIanaZone). */
export const IsIanaZone = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isIanaZone',
      validator: {
        validate: (value) => typeof value === 'string' && isIanaZone(value),
        defaultMessage: (args) =>
          `Unknown ${args?.property ?? 'timezone'} "${String(args?.value)}": use an IANA name such as America/Chicago`,
      },
    },
    options,
  );

/** class-validator: a real calendar day written YYYY-MM-DD (isCalendarDay). */
export const IsCalendarDay = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isCalendarDay',
      validator: {
        validate: (value) => typeof value === 'string' && isCalendarDay(value),
        defaultMessage: (args) => `${args?.property ?? 'day'} must be a calendar day YYYY-MM-DD`,
      },
    },
    options,
  );
