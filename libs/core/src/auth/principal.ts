/** Who is calling, as carried in the bearer token. Roles are per edition and looked up by AccessService. */
export interface Principal {
  userId: string;
  email: string;
  /** A platform organizer: may create editions and is an organizer of every edition. */
  isAdmin: boolean;
}

export interface TokenClaims {
  sub: string;
  email: string;
  adm?: boolean;
}
