import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { unauthenticated } from '../errors/domain-error';
import { IS_PUBLIC, requestOf } from './auth.decorators';
import { Principal, TokenClaims } from './principal';

const VERIFIED_MAX = 10_000;

/**
 * Global guard: reads a bearer token if there is one (a bad one is UNAUTHENTICATED), and refuses
 * operations not marked @Public() to callers without one. Roles are checked in the services.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  /**
   * Tokens already verified, until they expire: a scanner or an app sends the same token with every
   * request, and checking its signature again each time is pure cost. Cleared when it grows too large.
   */
  private readonly verified = new Map<string, { principal: Principal; expiresAt: number }>();

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
    const known = this.verified.get(token);
    if (known && known.expiresAt > Date.now()) return known.principal;
    let claims: TokenClaims & { exp?: number };
    try {
      claims = this.jwt.verify<TokenClaims & { exp?: number }>(token);
    } catch {
      this.verified.delete(token);
      throw unauthenticated('Invalid or expired token');
    }
    const principal = { userId: claims.sub, email: claims.email, isAdmin: claims.adm === true };
    if (claims.exp) {
      if (this.verified.size >= VERIFIED_MAX) this.verified.clear();
      this.verified.set(token, { principal, expiresAt: claims.exp * 1000 });
    }
    return principal;
  }
}
