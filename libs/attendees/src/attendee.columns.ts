import { Attendee } from './attendee.entity';

/**
 * An attendee's columns by entity field: the one list hand-written SQL reads an attendee by (the
 * feed token and the timestamps are never handed out). A field added to the entity fails to compile
 * here until it is listed or excluded.
 */
const ATTENDEE_COLUMNS = {
  id: 'id',
  editionId: 'edition_id',
  email: 'email',
  firstName: 'first_name',
  lastName: 'last_name',
  company: 'company',
  jobTitle: 'job_title',
  accessLevel: 'access_level',
  checkedInAt: 'checked_in_at',
  emailUpdates: 'email_updates',
} as const satisfies Record<Exclude<keyof Attendee, 'calendarToken' | 'createdAt' | 'updatedAt'>, string>;

/** An attendee as attendeeJson builds it: JSON carries the check-in time as text. */
export type AttendeeJson = Omit<Pick<Attendee, keyof typeof ATTENDEE_COLUMNS>, 'checkedInAt'> & {
  checkedInAt: string | null;
};

/** `json_build_object(...)` of the attendee row under `alias`, for a query that hands attendees over inside JSON. */
export const attendeeJson = (alias: string): string =>
  `json_build_object(${Object.entries(ATTENDEE_COLUMNS)
    .map(([field, column]) => `'${field}', ${alias}.${column}`)
    .join(', ')})`;

/** The Attendee entity from attendeeJson's object. */
export const attendeeFromJson = (json: AttendeeJson): Attendee =>
  Object.assign(new Attendee(), json, { checkedInAt: json.checkedInAt ? new Date(json.checkedInAt) : null });
