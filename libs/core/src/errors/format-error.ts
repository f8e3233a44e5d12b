import { HttpException, Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorCode } from './domain-error';
import { PgCode, pgError } from './pg-error';
import { scrubForLog } from '../logging';
import { isRedisUnavailable } from '../redis/redis-errors';

const logger = new Logger('GraphQL');

/** Apollo's own codes for requests that never reached a resolver: all of them are bad input. */
const APOLLO_INPUT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'BAD_REQUEST',
]);
const PG_INPUT_CODES = new Set<string>([
  PgCode.INVALID_TEXT_REPRESENTATION,
  PgCode.DATETIME_FIELD_OVERFLOW,
  PgCode.INVALID_DATETIME_FORMAT,
  PgCode.NUMERIC_VALUE_OUT_OF_RANGE,
  PgCode.STRING_DATA_RIGHT_TRUNCATION,
  PgCode.CHECK_VIOLATION,
  PgCode.NOT_NULL_VIOLATION,
  // A NUL or unencodable character: the input hygiene plugin refuses these first; this is the second line.
  PgCode.CHARACTER_NOT_IN_REPERTOIRE,
  PgCode.UNTRANSLATABLE_CHARACTER,
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
    const messages =
      typeof response === 'string' ? [response] : ([] as string[]).concat(response.message ?? original.message);
    const code =
      status === 401
        ? ErrorCode.UNAUTHENTICATED
        : status === 403
          ? ErrorCode.FORBIDDEN
          : status === 404
            ? ErrorCode.NOT_FOUND
            : status === 429
              ? ErrorCode.RATE_LIMITED
              : ErrorCode.BAD_USER_INPUT;
    if (status < 500)
      return {
        ...base,
        message: messages.join('; '),
        extensions: { code, ...(messages.length > 1 ? { problems: messages } : {}) },
      };
  }
  const pg = pgError(original);
  if (pg) {
    if (PG_INPUT_CODES.has(pg.code))
      return { ...base, message: 'Invalid input value', extensions: { code: ErrorCode.BAD_USER_INPUT } };
    if (pg.code === PgCode.UNIQUE_VIOLATION || pg.code === PgCode.EXCLUSION_VIOLATION) {
      return {
        ...base,
        message: 'This conflicts with existing data',
        extensions: { code: ErrorCode.CONFLICT, constraint: pg.constraint },
      };
    }
    if (pg.code === PgCode.FOREIGN_KEY_VIOLATION)
      return { ...base, message: 'A referenced record does not exist', extensions: { code: ErrorCode.NOT_FOUND } };
  }
  // Redis away (rate limits, queues, the public revision): a transient outage the client can retry, logged without a stack.
  if (isRedisUnavailable(original)) {
    logger.warn(`Redis unavailable: ${(original as Error).message}`);
    return {
      ...base,
      message: 'The service is temporarily unavailable; try again shortly',
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
    };
  }
  const apolloCode = formatted.extensions?.code;
  if (typeof apolloCode === 'string' && APOLLO_INPUT_CODES.has(apolloCode)) {
    return { ...base, message: formatted.message, extensions: { code: ErrorCode.BAD_USER_INPUT, reason: apolloCode } };
  }
  if (typeof apolloCode === 'string' && (Object.values(ErrorCode) as string[]).includes(apolloCode)) {
    return { ...base, message: formatted.message, extensions: { code: apolloCode } };
  }
  // Scrubbed here too (not only by the pino serializer): whatever logger is installed, no statement parameters or secrets.
  logger.error(
    { err: scrubForLog(original), path: formatted.path },
    'Unexpected error while resolving a GraphQL request',
  );
  return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
