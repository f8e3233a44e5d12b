import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { User } from './user.entity';

export type AccountTokenPurpose = 'verify' | 'reset';

/** The fields an account is made with; the rest take their defaults. */
export type NewUser = Pick<User, 'email' | 'name' | 'passwordHash' | 'isAdmin' | 'emailVerified'>;

/** Every SQL statement on `"user"` and `account_token`, which the accounts lib owns. */
@Injectable()
export class AccountRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private users(manager?: EntityManager) {
    return (manager ?? this.db.manager).getRepository(User);
  }

  /** An account by id, or null. */
  findById(id: string): Promise<User | null> {
    return this.users().findOneBy({ id });
  }

  /** The accounts with these ids (missing ones skipped). */
  findByIds(ids: readonly string[]): Promise<User[]> {
    return this.users().findBy({ id: In([...ids]) });
  }

  /** The account an address signs in to: its verified one (at most one: user_verified_email), else the newest unverified one. */
  findSignInAccount(email: string, manager?: EntityManager): Promise<User | null> {
    return this.users(manager).findOne({ where: { email }, order: { emailVerified: 'DESC', createdAt: 'DESC' } });
  }

  /** The verified account of an address, or null. */
  findVerified(email: string, manager?: EntityManager): Promise<User | null> {
    return this.users(manager).findOneBy({ email, emailVerified: true });
  }

  /** Saves a new account; a verified one fails on user_verified_email when its address has one already. */
  create(fields: NewUser, manager?: EntityManager): Promise<User> {
    return this.users(manager).save(this.users(manager).create(fields));
  }

  /** Sets these fields of one account. */
  async update(
    id: string,
    fields: Partial<Pick<User, 'isAdmin' | 'emailVerified' | 'passwordHash' | 'tokenVersion'>>,
  ): Promise<void> {
    await this.users().update(id, fields);
  }

  /** Deletes the address's unverified accounts (their tokens go with them: ON DELETE CASCADE). */
  async deleteUnverified(email: string): Promise<void> {
    await this.db.query(`DELETE FROM "user" WHERE email = $1 AND NOT email_verified`, [email]);
  }

  /**
   * Deletes the other unverified accounts of this account's address, in the caller's transaction;
   * returns their ids.
   */
  async deleteOtherUnverified(id: string, manager?: EntityManager): Promise<string[]> {
    const [rows]: [{ id: string }[], number] = await (manager ?? this.db.manager).query(
      `DELETE FROM "user" o USING "user" u WHERE u.id = $1 AND o.email = u.email AND o.id <> u.id AND NOT o.email_verified RETURNING o.id`,
      [id],
    );
    return rows.map((r) => r.id);
  }

  /** Marks the address proved; fails on user_verified_email when another account of it was verified first. */
  async markVerified(id: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.db.manager).query(`UPDATE "user" SET email_verified = true WHERE id = $1`, [id]);
  }

  /** Sets the password and bumps the token version in one statement (every older token ends); returns the new version. */
  async setPassword(id: string, passwordHash: string, manager?: EntityManager): Promise<number> {
    const [rows]: [{ tokenVersion: number }[], number] = await (manager ?? this.db.manager).query(
      `UPDATE "user" SET password_hash = $2, token_version = token_version + 1 WHERE id = $1 RETURNING token_version AS "tokenVersion"`,
      [id, passwordHash],
    );
    return rows[0].tokenVersion;
  }

  /** A reset by mail: sets the password, bumps the token version and marks the address proved, in one statement. */
  async resetPassword(id: string, passwordHash: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.db.manager).query(
      `UPDATE "user" SET password_hash = $2, token_version = token_version + 1, email_verified = true WHERE id = $1`,
      [id, passwordHash],
    );
  }

  /** Bumps the token version: every token issued so far ends. */
  async bumpTokenVersion(id: string): Promise<void> {
    await this.db.query(`UPDATE "user" SET token_version = token_version + 1 WHERE id = $1`, [id]);
  }

  /** Where an account mail goes (the worker's read), or null when the account is gone. */
  async mailRecipient(id: string): Promise<{ email: string; name: string } | null> {
    const [row]: { email: string; name: string }[] = await this.db.query(
      `SELECT email, name FROM "user" WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** A new unused token row for the account, expiring after `lifetime` (a PostgreSQL interval); returns its id. */
  async createToken(
    userId: string,
    purpose: AccountTokenPurpose,
    lifetime: string,
    manager?: EntityManager,
  ): Promise<string> {
    const [row]: { id: string }[] = await (manager ?? this.db.manager).query(
      `INSERT INTO account_token (user_id, purpose, expires_at) VALUES ($1, $2, now() + $3::interval) RETURNING id`,
      [userId, purpose, lifetime],
    );
    return row.id;
  }

  /**
   * Uses a token up and returns its account, or null when it is of another purpose, used already or
   * expired. One UPDATE decides, so two concurrent uses never both succeed.
   */
  async consumeToken(id: string, purpose: AccountTokenPurpose, manager?: EntityManager): Promise<string | null> {
    const [rows]: [{ userId: string }[], number] = await (manager ?? this.db.manager).query(
      `UPDATE account_token SET used_at = now() WHERE id = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now() RETURNING user_id AS "userId"`,
      [id, purpose],
    );
    return rows[0]?.userId ?? null;
  }

  /** Uses up the account's unused tokens of a purpose. */
  async retireTokens(userId: string, purpose: AccountTokenPurpose, manager?: EntityManager): Promise<void> {
    await (manager ?? this.db.manager).query(
      `UPDATE account_token SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`,
      [userId, purpose],
    );
  }

  /** A still-usable token's purpose and account, or null. */
  async findUsableToken(id: string): Promise<{ purpose: AccountTokenPurpose; userId: string } | null> {
    const [row]: { purpose: AccountTokenPurpose; userId: string }[] = await this.db.query(
      `SELECT purpose, user_id AS "userId" FROM account_token WHERE id = $1 AND used_at IS NULL AND expires_at > now()`,
      [id],
    );
    return row ?? null;
  }
}
