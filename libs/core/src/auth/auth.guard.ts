import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { unauthenticated } from '../errors/domain-error';
import { AccountState, AccountStates } from './account-states';
import { IS_PUBLIC, requestOf } from './auth.decorators';
import { Principal, TokenClaims } from './principal';

const VERIFIED_MAX = 10_000;

/**
 * Global guard: reads a bearer token if there is one (a bad one is UNAUTHENTICATED), and refuses
 * operations not marked @Public() to callers without one. Roles are checked in the services.
 *
 * The caller is built from the account's current state (AccountStates), not from the token: a token
 * whose version is older than the account's (a password change, "sign out everywhere") or whose
 * account is gone is UNAUTHENTICATED, and the email is the verified one or null.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  /**
   * Tokens already verified, until they expire: a scanner or an app sends the same token with every
   * request, and checking its signature again each time is pure cost. Cleared when it grows too large.
   */
  private readonly verified = new Map<string, { sub: string; ver: number; expiresAt: number }>();

  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
    private readonly accounts: AccountStates,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const req = requestOf(context);
    if (!req) return true;
    if (req.user === undefined) {
      const user = this.principalFrom(req.headers.authorization);
      if (user instanceof Promise) return user.then((u) => this.allow(context, (req.user = u)));
      req.user = user;
    }
    return this.allow(context, req.user);
  }

  private allow(context: ExecutionContext, user: Principal | undefined): boolean {
    if (user) return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (!isPublic) throw unauthenticated();
    return true;
  }

  /**
   * Parses an Authorization header value (or a bare token, as graphql-ws connection params send it).
   * Synchronous when the token and its account are known (the hot path); a promise when the account
   * must be read.
   */
  principalFrom(header: string | string[] | undefined): Principal | undefined | Promise<Principal | undefined> {
    if (!header || Array.isArray(header)) return undefined;
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : header.trim();
    let known = this.verified.get(token);
    if (!known || known.expiresAt <= Date.now()) {
      let claims: Partial<TokenClaims> & { exp?: number };
      try {
        claims = this.jwt.verify<TokenClaims & { exp?: number }>(token);
      } catch {
        this.verified.delete(token);
        throw unauthenticated('Invalid or expired token');
      }
      if (typeof claims.sub !== 'string') throw unauthenticated('Invalid or expired token');
      // Tokens issued before versions existed carry none: they hold until the account's first bump.
      known = {
        sub: claims.sub,
        ver: typeof claims.ver === 'number' ? claims.ver : 0,
        expiresAt: claims.exp ? claims.exp * 1000 : Date.now() + 60_000,
      };
      if (this.verified.size >= VERIFIED_MAX) this.verified.clear();
      this.verified.set(token, known);
    }
    const claims = known;
    const state = this.accounts.peek(claims.sub);
    if (state !== undefined) return principalOf(state, claims.ver);
    return this.accounts.load(claims.sub).then((s) => principalOf(s, claims.ver));
  }
}

function principalOf(state: AccountState | null, version: number): Principal {
  if (!state || state.tokenVersion !== version) throw unauthenticated('This sign-in has ended; sign in again');
  return state.principal;
}
