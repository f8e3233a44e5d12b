/**
 * Who is calling, built from the account's current row (not from the token's claims). Roles are per
 * edition and looked up by AccessService.
 */
export interface Principal {
  userId: string;
  /**
   * The account's email once its owner has proved it (the verification link, or a password reset by
   * mail); null before. Everything granted to an email (roles, registrations, badges, leads,
   * notifications) binds through this field only, so an unverified account is a stranger to all of it.
   */
  email: string | null;
  /** A platform organizer: may create editions and is an organizer of every edition. Never true before verification. */
  isAdmin: boolean;
}

export interface TokenClaims {
  sub: string;
  /** The account's token version when the token was issued: a password change or "sign out everywhere" bumps it and refuses older tokens. */
  ver: number;
}
