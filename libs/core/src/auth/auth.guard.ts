import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { unauthenticated } from '../errors/domain-error';
import { IS_PUBLIC, requestOf } from './auth.decorators';
import { Principal, TokenClaims } from './principal';

/**
 * Global guard: reads a bearer token if there is one (a bad one is UNAUTHENTICATED), and refuses
 * operations not marked @Public() to callers without one. Roles are checked in the services.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const req = requestOf(context);
    if (!req) return true;
    if (req.user === undefined) req.user = this.principalFrom(req.headers.authorization);
    if (req.user) return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (!isPublic) throw unauthenticated();
    return true;
  }

  /** Parses an Authorization header value (or a bare token, as graphql-ws connection params send it). */
  principalFrom(header: string | string[] | undefined): Principal | undefined {
    if (!header || Array.isArray(header)) return undefined;
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : header.trim();
    try {
      const claims = this.jwt.verify<TokenClaims>(token);
      return { userId: claims.sub, email: claims.email, isAdmin: claims.adm === true };
    } catch {
      throw unauthenticated('Invalid or expired token');
    }
  }
}
