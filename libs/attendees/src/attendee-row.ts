import { clip, emailProblem, normalizeEmail, rowTextProblem } from '@app/core';
import { AccessLevel } from './attendee.entity';
import { AttendeeImportRow } from './attendee.inputs';

export interface AttendeeRow {
  email: string;
  firstName: string;
  lastName: string;
  company: string | null;
  jobTitle: string | null;
  accessLevel: AccessLevel;
}

const LEVELS = new Set<string>(Object.values(AccessLevel));
const text = (value: string | null | undefined) => (typeof value === 'string' ? value.trim() : '');

/** "Expo only", "expo-only" and "EXPO_ONLY" all name EXPO_ONLY. */
export function parseAccessLevel(value: string | null | undefined): AccessLevel | null {
  const name = text(value)
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  return LEVELS.has(name) ? (name as AccessLevel) : null;
}

/** A row checked and normalized, or the reason it is refused. */
export function checkRow(raw: AttendeeImportRow): AttendeeRow | { reason: string } {
  // A control character (PostgreSQL refuses U+0000) or a huge cell refuses this row, before any SQL.
  const textProblem = rowTextProblem(raw, 1000);
  if (textProblem) return { reason: textProblem };
  const email = normalizeEmail(text(raw.email));
  if (!email) return { reason: 'email is missing' };
  const problem = emailProblem(email);
  if (problem)
    return {
      reason: `"${clip(email)}" is not an email address${problem === 'email must be an email address' ? '' : ` (${problem})`}`,
    };
  const firstName = text(raw.firstName);
  const lastName = text(raw.lastName);
  if (!firstName || !lastName) return { reason: 'first and last name are required' };
  if (firstName.length > 100 || lastName.length > 100) return { reason: 'names have at most 100 characters' };
  const company = text(raw.company) || null;
  const jobTitle = text(raw.jobTitle) || null;
  if ((company?.length ?? 0) > 200 || (jobTitle?.length ?? 0) > 200)
    return { reason: 'company and job title have at most 200 characters' };
  const accessLevel = parseAccessLevel(raw.accessLevel);
  if (!accessLevel)
    return { reason: `unknown access level "${clip(text(raw.accessLevel))}" (one of ${[...LEVELS].join(', ')})` };
  return { email, firstName, lastName, company, jobTitle, accessLevel };
}

/** CSV header names as registration systems write them ("First Name", "first_name", "firstName") to row fields. */
const HEADERS: Record<string, keyof AttendeeImportRow> = {
  email: 'email',
  emailaddress: 'email',
  firstname: 'firstName',
  givenname: 'firstName',
  lastname: 'lastName',
  surname: 'lastName',
  familyname: 'lastName',
  company: 'company',
  organization: 'company',
  organisation: 'company',
  jobtitle: 'jobTitle',
  title: 'jobTitle',
  accesslevel: 'accessLevel',
  registrationtype: 'accessLevel',
  pass: 'accessLevel',
};

export function headerField(header: string): keyof AttendeeImportRow | undefined {
  return HEADERS[header.toLowerCase().replace(/[^a-z]/g, '')];
}
