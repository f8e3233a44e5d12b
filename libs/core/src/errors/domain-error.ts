import { IntrinsicException } from '@nestjs/common';
import { clip } from '../input-rules';

/** The error codes a client can see (contract: extensions.code). */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  /** A dependency (Redis) is unreachable, or the request ran out of time: try again shortly. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}

/**
 * A refused operation: an expected outcome, not a fault, so Nest does not log it (IntrinsicException).
 * Mapped to a GraphQL error with extensions.code in one place (format-error.ts), or to an HTTP status
 * by AppExceptionFilter.
 */
export class DomainError extends IntrinsicException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const unauthenticated = (message = 'Sign in first') => new DomainError(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message = 'You may not do this') => new DomainError(ErrorCode.FORBIDDEN, message);
/** The id is the caller's own argument, clipped: an error never echoes a megabyte back. */
export const notFound = (what: string, id?: string) =>
  new DomainError(
    ErrorCode.NOT_FOUND,
    id ? `${what} ${clip(id)} not found` : `${what} not found`,
    id ? { id: clip(id) } : {},
  );
export const badInput = (message: string, details: Record<string, unknown> = {}) =>
  new DomainError(ErrorCode.BAD_USER_INPUT, message, details);
export const conflict = (message: string, details: Record<string, unknown> = {}) =>
  new DomainError(ErrorCode.CONFLICT, message, details);
export const rateLimited = (message: string, retryAfterSeconds: number) =>
  new DomainError(ErrorCode.RATE_LIMITED, message, { retryAfterSeconds });
export const serviceUnavailable = (message = 'The service is temporarily unavailable; try again shortly') =>
  new DomainError(ErrorCode.SERVICE_UNAVAILABLE, message);
