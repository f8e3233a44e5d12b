import { Injectable } from '@nestjs/common';
import { AppConfig, checkUrlSignature, urlSignature } from '@app/core';
import { EntityManager } from 'typeorm';

export type AccountTokenPurpose = 'verify' | 'reset';

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
  constructor(private readonly config: AppConfig) {}

  tokenOf(purpose: AccountTokenPurpose, id: string): string {
    return `${id}.${urlSignature(this.config.jwtSecret, 'account-token', purpose, id)}`;
  }

  /** A new unused token row for the account. */
  async create(em: EntityManager, userId: string, purpose: AccountTokenPurpose): Promise<string> {
    const [row]: { id: string }[] = await em.query(
      `INSERT INTO account_token (user_id, purpose, expires_at) VALUES ($1, $2, now() + $3::interval) RETURNING id`,
      [userId, purpose, TOKEN_LIFETIME[purpose]],
    );
    return row.id;
  }

  /**
   * Uses a token up: the account it belongs to, or null when it is forged, of another purpose, used
   * already or expired. One UPDATE decides, so two concurrent uses never both succeed.
   */
  async consume(em: EntityManager, purpose: AccountTokenPurpose, token: string): Promise<string | null> {
    const [id, signature] = token.split('.');
    if (!id || !ID.test(id) || !checkUrlSignature(this.config.jwtSecret, signature, 'account-token', purpose, id)) return null;
    const [rows]: [{ user_id: string }[]] = await em.query(
      `UPDATE account_token SET used_at = now() WHERE id = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now() RETURNING user_id`,
      [id, purpose],
    );
    return rows[0]?.user_id ?? null;
  }

  /** Retires the account's other unused tokens of a purpose (a reset ends every other reset link). */
  async retireAll(em: EntityManager, userId: string, purpose: AccountTokenPurpose): Promise<void> {
    await em.query(`UPDATE account_token SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`, [userId, purpose]);
  }

  /** The account and address a still-usable token's mail goes to (the worker's read), or null. */
  async pending(em: EntityManager, id: string): Promise<{ purpose: AccountTokenPurpose; userId: string } | null> {
    const rows: { purpose: AccountTokenPurpose; user_id: string }[] = await em.query(
      `SELECT purpose, user_id FROM account_token WHERE id = $1 AND used_at IS NULL AND expires_at > now()`,
      [id],
    );
    return rows[0] ? { purpose: rows[0].purpose, userId: rows[0].user_id } : null;
  }
}
