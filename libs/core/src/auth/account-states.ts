import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TtlCache } from '../ttl-cache';
import { Principal } from './principal';

/** What a request needs to know of its account: the token version that is still valid, and who it is. */
export interface AccountState {
  tokenVersion: number;
  principal: Principal;
}

/** How long an account's state is trusted before it is read again (another API instance's change shows after at most this). */
export const ACCOUNT_STATE_TTL_MS = 5_000;
const MAX_ENTRIES = 50_000;

/**
 * Accounts' current state (token version, verified email, organizer flag), read from the user table
 * and kept in memory a few seconds. A hit is one Map lookup and no promise, so the door scanners'
 * thousands of requests a second pay nothing for it; a miss is one primary-key read, shared by the
 * requests that miss together. This instance forgets an account as soon as it changes it
 * (invalidate), so its own refusals of old tokens are immediate.
 */
@Injectable()
export class AccountStates {
  private readonly states = new TtlCache<AccountState | null>(ACCOUNT_STATE_TTL_MS, MAX_ENTRIES);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The cached state without waiting: undefined on a miss, null for an account that does not exist. */
  peek(userId: string): AccountState | null | undefined {
    return this.states.peek(userId);
  }

  load(userId: string): Promise<AccountState | null> {
    return this.states.get(userId, () => this.read(userId));
  }

  /** Forget an account after changing it, so this instance's next request reads it again (a load in flight is not kept). */
  invalidate(userId: string): void {
    this.states.delete(userId);
  }

  private async read(userId: string): Promise<AccountState | null> {
    const rows: { email: string; email_verified: boolean; is_admin: boolean; token_version: number }[] =
      await this.db.query(`SELECT email, email_verified, is_admin, token_version FROM "user" WHERE id = $1`, [userId]);
    const row = rows[0];
    if (!row) return null;
    const verified = row.email_verified;
    return {
      tokenVersion: row.token_version,
      principal: { userId, email: verified ? row.email : null, isAdmin: verified && row.is_admin },
    };
  }
}
