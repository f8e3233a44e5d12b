import { HttpException, Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorCode } from './domain-error';
import { PgCode, pgError } from './pg-error';

const logger = new Logger('GraphQL');

/** Apollo's own codes for requests that never reached a resolver: all of them are bad input. */
const APOLLO_INPUT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_SUPPORTED', 'BAD_REQUEST']);
const PG_INPUT_CODES = new Set<string>([
  PgCode.INVALID_TEXT_REPRESENTATION,
  PgCode.DATETIME_FIELD_OVERFLOW,
  PgCode.INVALID_DATETIME_FORMAT,
  PgCode.NUMERIC_VALUE_OUT_OF_RANGE,
  PgCode.STRING_DATA_RIGHT_TRUNCATION,
  PgCode.CHECK_VIOLATION,
  PgCode.NOT_NULL_VIOLATION,
]);

/**
 * The one place where errors become what a client sees. Domain errors keep their code; known
 * input failures become BAD_USER_INPUT; anything else is logged once and answered as a generic
 * INTERNAL_SERVER_ERROR without stack or SQL.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const base = { locations: formatted.locations, path: formatted.path };

  if (original instanceof DomainError) {
    return { ...base, message: original.message, extensions: { ...original.details, code: original.code } };
  }
  if (original instanceof HttpException) {
    const status = original.getStatus();
    const response = original.getResponse() as { message?: string | string[] } | string;
    const messages = typeof response === 'string' ? [response] : ([] as string[]).concat(response.message ?? original.message);
    const code = status === 401 ? ErrorCode.UNAUTHENTICATED : status === 403 ? ErrorCode.FORBIDDEN : status === 404 ? ErrorCode.NOT_FOUND : status === 429 ? ErrorCode.RATE_LIMITED : ErrorCode.BAD_USER_INPUT;
    if (status < 500) return { ...base, message: messages.join('; '), extensions: { code, ...(messages.length > 1 ? { problems: messages } : {}) } };
  }
  const pg = pgError(original);
  if (pg) {
    if (PG_INPUT_CODES.has(pg.code)) return { ...base, message: 'Invalid input value', extensions: { code: ErrorCode.BAD_USER_INPUT } };
    if (pg.code === PgCode.UNIQUE_VIOLATION || pg.code === PgCode.EXCLUSION_VIOLATION) {
      return { ...base, message: 'This conflicts with existing data', extensions: { code: ErrorCode.CONFLICT, constraint: pg.constraint } };
    }
    if (pg.code === PgCode.FOREIGN_KEY_VIOLATION) return { ...base, message: 'A referenced record does not exist', extensions: { code: ErrorCode.NOT_FOUND } };
  }
  const apolloCode = formatted.extensions?.code;
  if (typeof apolloCode === 'string' && APOLLO_INPUT_CODES.has(apolloCode)) {
    return { ...base, message: formatted.message, extensions: { code: ErrorCode.BAD_USER_INPUT, reason: apolloCode } };
  }
  if (typeof apolloCode === 'string' && (Object.values(ErrorCode) as string[]).includes(apolloCode)) {
    return { ...base, message: formatted.message, extensions: { code: apolloCode } };
  }
  logger.error({ err: original, path: formatted.path }, 'Unexpected error while resolving a GraphQL request');
  return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
