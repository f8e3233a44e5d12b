import { ArgumentsHost, Catch, HttpException, HttpStatus } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { DomainError, ErrorCode } from './domain-error';

const STATUS: Record<ErrorCode, number> = {
  [ErrorCode.UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [ErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ErrorCode.BAD_USER_INPUT]: HttpStatus.BAD_REQUEST,
  [ErrorCode.CONFLICT]: HttpStatus.CONFLICT,
  [ErrorCode.RATE_LIMITED]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorCode.SERVICE_UNAVAILABLE]: HttpStatus.SERVICE_UNAVAILABLE,
};

/**
 * GraphQL errors go on to formatError untouched (it logs the unexpected ones, once). On plain HTTP
 * routes (feeds, files, uploads) a DomainError becomes its status with a JSON body carrying the code.
 */
@Catch()
export class AppExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    if (exception instanceof DomainError) {
      const status = STATUS[exception.code];
      return super.catch(
        new HttpException(
          { statusCode: status, code: exception.code, message: exception.message, ...exception.details },
          status,
        ),
        host,
      );
    }
    return super.catch(exception, host);
  }
}
