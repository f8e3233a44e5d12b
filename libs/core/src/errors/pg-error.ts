import { QueryFailedError } from 'typeorm';

/** PostgreSQL SQLSTATE codes the services react to. */
export const PgCode = {
  UNIQUE_VIOLATION: '23505',
  FOREIGN_KEY_VIOLATION: '23503',
  EXCLUSION_VIOLATION: '23P01',
  CHECK_VIOLATION: '23514',
  NOT_NULL_VIOLATION: '23502',
  INVALID_TEXT_REPRESENTATION: '22P02',
  DATETIME_FIELD_OVERFLOW: '22008',
  INVALID_DATETIME_FORMAT: '22007',
  NUMERIC_VALUE_OUT_OF_RANGE: '22003',
  STRING_DATA_RIGHT_TRUNCATION: '22001',
  CHARACTER_NOT_IN_REPERTOIRE: '22021',
  UNTRANSLATABLE_CHARACTER: '22P05',
  SERIALIZATION_FAILURE: '40001',
  DEADLOCK_DETECTED: '40P01',
} as const;

export interface PgErrorInfo {
  code: string;
  constraint?: string;
  detail?: string;
}

/** The driver error behind a failed query, or undefined when the error did not come from PostgreSQL. */
export function pgError(error: unknown): PgErrorInfo | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driver =
    (error as QueryFailedError & { driverError?: PgErrorInfo }).driverError ?? (error as unknown as PgErrorInfo);
  return typeof driver.code === 'string' ? driver : undefined;
}

export function isPgError(error: unknown, code: string, constraint?: string): boolean {
  const info = pgError(error);
  return !!info && info.code === code && (constraint === undefined || info.constraint === constraint);
}
