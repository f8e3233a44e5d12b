import { isEmail } from 'class-validator';
import { badInput } from './errors/domain-error';

/** Characters nobody sees: zero-width spaces and joiners, BOMs, bidi controls, soft hyphens, control characters. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\s]/u;
/** Letters of the scripts lookalikes are made of; a label mixing two of them (a Cyrillic "а" in "pаypal") is refused. */
const SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Armenian', 'Cherokee', 'Coptic', 'Georgian'].map(
  (name) => [name, new RegExp(`\\p{Script=${name}}`, 'u')] as const,
);

/**
 * The one form of an email address: trimmed, NFKC (full-width and compatibility characters folded),
 * lower case. Every place an email enters (sign-up, login, roles, staff, attendees) goes through
 * this, so one person is one key everywhere.
 */
export function normalizeEmail(raw: string): string {
  return raw.trim().normalize('NFKC').toLowerCase();
}

/** Why an address is refused (not an address, invisible characters, a mixed-script lookalike), or null when it is fine. */
export function emailProblem(email: string): string | null {
  if (!email) return 'email is missing';
  if (email.length > 254) return 'email has at most 254 characters';
  if (INVISIBLE.test(email)) return 'email contains invisible or control characters';
  for (const label of email.split(/[@.]/)) {
    const scripts = SCRIPTS.filter(([, re]) => re.test(label));
    if (scripts.length > 1) return `email mixes ${scripts.map(([name]) => name).join(' and ')} letters`;
  }
  if (!isEmail(email)) return 'email must be an email address';
  return null;
}

/** The normalized address, or BAD_USER_INPUT naming the field. */
export function checkedEmail(raw: string, field = 'email'): string {
  const email = normalizeEmail(raw);
  const problem = emailProblem(email);
  if (problem) throw badInput(problem, { field });
  return email;
}
