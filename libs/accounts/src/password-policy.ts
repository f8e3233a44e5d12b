import { badInput } from '@app/core';
import { COMMON_PASSWORDS } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
const COMMON = new Set(COMMON_PASSWORDS);

/** Why a new password is refused, or null: at least 10 characters, at most 200, not a well-known password (in any case). */
export function passwordProblem(password: string): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `password must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `password has at most ${PASSWORD_MAX_LENGTH} characters`;
  if (COMMON.has(password.trim().toLowerCase())) return 'password is too common; choose another';
  return null;
}

/** BAD_USER_INPUT unless the password passes passwordProblem. */
export function checkPassword(password: string, field = 'password'): void {
  const problem = passwordProblem(password);
  if (problem) throw badInput(problem, { field });
}
