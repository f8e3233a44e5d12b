import { Injectable } from '@nestjs/common';
import { AppConfig, checkUrlSignature, urlSignature } from '@app/core';
import { EntityManager } from 'typeorm';
import { AccountRepository, AccountTokenPurpose } from './account.repository';

/** How long a link works: a day to verify an address, an hour to reset a password. */
export const TOKEN_LIFETIME: Record<AccountTokenPurpose, string> = { verify: '24 hours', reset: '1 hour' };

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Single-use links (verification, password reset). The link's token is a row's id and an HMAC of
 * (purpose, id) under the server's secret: a token cannot be made without the secret (a leaked
 * table gives nothing usable), a reset token is no verification token, and the row makes it single
 * use and expiring. The worker rebuilds the token from the id when it writes the mail, so job
 * payloads carry ids only.
 */
@Injectable()
export class AccountTokens {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly config: AppConfig,
  ) {}

  tokenOf(purpose: AccountTokenPurpose, id: string): string {
    return `${id}.${urlSignature(this.config.jwtSecret, 'account-token', purpose, id)}`;
  }

  /** A new unused token row for the account, in the caller's transaction; returns its id. */
  create(userId: string, purpose: AccountTokenPurpose, manager?: EntityManager): Promise<string> {
    return this.accounts.createToken(userId, purpose, TOKEN_LIFETIME[purpose], manager);
  }

  /**
   * Uses a token up: the account it belongs to, or null when it is forged, of another purpose, used
   * already or expired (the signature is checked before any SQL).
   */
  async consume(purpose: AccountTokenPurpose, token: string, manager?: EntityManager): Promise<string | null> {
    const [id, signature] = token.split('.');
    if (!id || !ID.test(id) || !checkUrlSignature(this.config.jwtSecret, signature, 'account-token', purpose, id))
      return null;
    return this.accounts.consumeToken(id, purpose, manager);
  }

  /** Retires the account's other unused tokens of a purpose (a reset ends every other reset link). */
  retireAll(userId: string, purpose: AccountTokenPurpose, manager?: EntityManager): Promise<void> {
    return this.accounts.retireTokens(userId, purpose, manager);
  }

  /** The account a still-usable token's mail goes to (the worker's read), or null. */
  pending(id: string): Promise<{ purpose: AccountTokenPurpose; userId: string } | null> {
    return this.accounts.findUsableToken(id);
  }
}
