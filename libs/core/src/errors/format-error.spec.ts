import {
  BadRequestException,
  ForbiddenException,
  HttpException,
  Logger,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { badInput, conflict, DomainError, ErrorCode, notFound, serviceUnavailable } from './domain-error';
import { formatError } from './format-error';
import { isPgError, pgError } from './pg-error';

/** What Apollo hands formatError: its own formatted error, and the error behind it. */
const formatted = (extra: Partial<GraphQLFormattedError> = {}): GraphQLFormattedError => ({
  message: 'raw message',
  path: ['field'],
  locations: [{ line: 1, column: 3 }],
  ...extra,
});
/** A failed statement as TypeORM reports it: the SQL, its parameters, and the driver's error. */
const queryFailed = (driver: Record<string, unknown>) =>
  new QueryFailedError(
    'INSERT INTO "user" (email, password_hash) VALUES ($1, $2)',
    ['eve@example.com', '$argon2id$secret-hash'],
    Object.assign(new Error('db said no'), driver),
  );

describe('formatError: what a client sees of an error', () => {
  let logged: jest.SpyInstance;
  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('keeps a domain error: its message, code and details, wrapped by GraphQL or not', () => {
    const error = conflict('Room is taken', { conflictingSessionId: 's1' });
    expect(formatError(formatted(), new GraphQLError('wrapped', { originalError: error }))).toEqual({
      message: 'Room is taken',
      path: ['field'],
      locations: [{ line: 1, column: 3 }],
      extensions: { conflictingSessionId: 's1', code: 'CONFLICT' },
    });
    // The code wins over a detail of the same name: a detail never relabels an error.
    expect(formatError(formatted(), badInput('no', { code: 'FORBIDDEN' })).extensions).toEqual({
      code: 'BAD_USER_INPUT',
    });
    expect(logged).not.toHaveBeenCalled();
  });

  it('maps HTTP exceptions below 500 by status, listing every validation problem', () => {
    const code = (e: HttpException) => formatError(formatted(), e).extensions?.code;
    expect(code(new UnauthorizedException())).toBe('UNAUTHENTICATED');
    expect(code(new ForbiddenException())).toBe('FORBIDDEN');
    expect(code(new NotFoundException())).toBe('NOT_FOUND');
    expect(code(new HttpException('slow down', 429))).toBe('RATE_LIMITED');
    expect(formatError(formatted(), new HttpException('plain text answer', 418))).toMatchObject({
      message: 'plain text answer',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const validation = formatError(
      formatted(),
      new BadRequestException(['name must be shorter', 'rating must be 1..5']),
    );
    expect(validation).toMatchObject({
      message: 'name must be shorter; rating must be 1..5',
      extensions: { code: 'BAD_USER_INPUT', problems: ['name must be shorter', 'rating must be 1..5'] },
    });
    expect(formatError(formatted(), new BadRequestException('one problem')).extensions).toEqual({
      code: 'BAD_USER_INPUT',
    });
    // A response object without a message: the exception's own message.
    expect(formatError(formatted(), new HttpException({ error: 'Gone' }, 410)).message).toBe('Http Exception');
  });

  it('answers an HTTP 5xx as an internal error, without its message', () => {
    const out = formatError(formatted(), new HttpException('upstream exploded at 10.0.0.7', 502));
    expect(out).toEqual({
      message: 'Internal server error',
      path: ['field'],
      locations: [{ line: 1, column: 3 }],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logged).toHaveBeenCalledTimes(1);
  });

  it('turns PostgreSQL input failures into BAD_USER_INPUT, unique and exclusion violations into CONFLICT, a missing reference into NOT_FOUND', () => {
    for (const code of ['22P02', '22008', '22007', '22003', '22001', '23514', '23502', '22021', '22P05']) {
      expect(formatError(formatted(), queryFailed({ code }))).toMatchObject({
        message: 'Invalid input value',
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    expect(
      formatError(
        formatted(),
        queryFailed({
          code: '23505',
          constraint: 'user_email_key',
          detail: 'Key (email)=(eve@example.com) already exists.',
        }),
      ),
    ).toMatchObject({
      message: 'This conflicts with existing data',
      extensions: { code: 'CONFLICT', constraint: 'user_email_key' },
    });
    expect(
      formatError(formatted(), queryFailed({ code: '23P01', constraint: 'session_room_no_overlap' })).extensions,
    ).toEqual({ code: 'CONFLICT', constraint: 'session_room_no_overlap' });
    expect(formatError(formatted(), queryFailed({ code: '23503' }))).toMatchObject({
      message: 'A referenced record does not exist',
      extensions: { code: 'NOT_FOUND' },
    });
    expect(logged).not.toHaveBeenCalled();
  });

  it('masks any other database failure, and logs it once without the statement, its parameters or the offending values', () => {
    const out = formatError(formatted(), queryFailed({ code: '40P01', detail: 'Key (email)=(eve@example.com)' }));
    expect(out).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(out)).not.toMatch(/INSERT|argon2|eve@example/);
    expect(logged).toHaveBeenCalledTimes(1);
    const line = JSON.stringify(logged.mock.calls[0][0]);
    expect(line).toContain('40P01');
    expect(line).not.toMatch(/INSERT INTO|argon2id|eve@example\.com/);
  });

  it('answers Redis being unreachable as SERVICE_UNAVAILABLE, without logging a stack', () => {
    for (const message of [
      'Connection is closed.',
      'connect ECONNREFUSED 127.0.0.1:6379',
      'Reached the max retries per request limit (which is 1).',
    ]) {
      expect(formatError(formatted(), new Error(message)).extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    }
    const maxRetries = Object.assign(new Error('gave up'), { name: 'MaxRetriesPerRequestError' });
    expect(formatError(formatted(), maxRetries).extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    expect(logged).not.toHaveBeenCalled();
  });

  it("relabels Apollo's own input failures as BAD_USER_INPUT and keeps codes a client already knows", () => {
    const parse = new GraphQLError('Syntax Error: Expected Name, found <EOF>.');
    expect(
      formatError(
        formatted({
          message: 'Syntax Error: Expected Name, found <EOF>.',
          extensions: { code: 'GRAPHQL_PARSE_FAILED' },
        }),
        parse,
      ),
    ).toMatchObject({
      message: 'Syntax Error: Expected Name, found <EOF>.',
      extensions: { code: 'BAD_USER_INPUT', reason: 'GRAPHQL_PARSE_FAILED' },
    });
    // Thrown by a plugin or a guard with one of our codes, not as a DomainError.
    expect(
      formatError(
        formatted({ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }),
        new GraphQLError('Sign in first'),
      ).extensions,
    ).toEqual({ code: 'UNAUTHENTICATED' });
    expect(logged).not.toHaveBeenCalled();
  });

  it('masks a bug as INTERNAL_SERVER_ERROR: no message, no stack, no code a resolver made up', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    const out = formatError(
      formatted({ message: bug.message, extensions: { code: 'SOMETHING_ELSE', stacktrace: ['at resolver'] } }),
      new GraphQLError(bug.message, { originalError: bug }),
    );
    expect(out).toEqual({
      message: 'Internal server error',
      path: ['field'],
      locations: [{ line: 1, column: 3 }],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logged).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(logged.mock.calls[0][0])).toContain("reading 'id'");
    // A GraphQLError with nothing behind it is judged by itself.
    expect(formatError(formatted(), new GraphQLError('lost')).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });
});

describe('domain errors and PostgreSQL errors', () => {
  it('names what was not found, clipping an id the caller sent', () => {
    expect(notFound('Edition')).toMatchObject({ code: ErrorCode.NOT_FOUND, message: 'Edition not found', details: {} });
    const huge = notFound('Session', 'x'.repeat(100_000));
    expect(huge.message.length).toBeLessThan(1000);
    expect(String(huge.details.id).length).toBeLessThan(1000);
    expect(serviceUnavailable()).toBeInstanceOf(DomainError);
    expect(serviceUnavailable().code).toBe('SERVICE_UNAVAILABLE');
  });

  it('reads the SQLSTATE and constraint of a failed statement only', () => {
    expect(pgError(new Error('23505'))).toBeUndefined();
    expect(pgError(queryFailed({ code: '23505', constraint: 'c' }))).toMatchObject({ code: '23505', constraint: 'c' });
    // A query failure without a driver error of PostgreSQL's shape (no string SQLSTATE).
    expect(pgError(new QueryFailedError('SELECT 1', [], Object.assign(new Error('x'), { code: 42 })))).toBeUndefined();
    expect(isPgError(queryFailed({ code: '23505', constraint: 'a' }), '23505')).toBe(true);
    expect(isPgError(queryFailed({ code: '23505', constraint: 'a' }), '23505', 'b')).toBe(false);
    expect(isPgError(queryFailed({ code: '23503' }), '23505')).toBe(false);
  });
});
