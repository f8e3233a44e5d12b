import { accessLevelLabel } from '../programme/access-level';
import type { RejectReason } from './badge-code';
import type { Verdict } from './scan-engine';
import type { LogEntry, ScanOutcome } from './scanner-store';

/** A verdict in words (UI.md: the status text starts with Admitted, Already admitted or Rejected). */

const REASON: Record<RejectReason, string> = {
  NOT_ALLOWED: 'not allowed here',
  REVOKED: 'badge revoked',
  WRONG_EDITION: 'wrong edition (a badge of another year)',
  UNKNOWN_BADGE: 'unknown badge',
  INVALID_CODE: 'not a badge',
  CLOSED: 'checkpoint closed',
};

export const reasonText = (reason: RejectReason | null): string => (reason ? REASON[reason] : 'refused');

export function headline(outcome: ScanOutcome): string {
  return outcome === 'ADMITTED' ? 'Admitted' : outcome === 'DUPLICATE' ? 'Already admitted' : 'Rejected';
}

export const clock = (iso: string): string =>
  new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

/** The verdict's lines: headline, then who / why, then when first admitted or that it was an exit. */
export function verdictLines(
  v: Pick<Verdict, 'outcome' | 'rejectReason' | 'exit' | 'name' | 'accessLevel' | 'firstAdmittedAt'>,
): {
  headline: string;
  detail: string | null;
  note: string | null;
} {
  const who = [v.name, v.accessLevel ? accessLevelLabel(v.accessLevel) : null].filter(Boolean).join(' · ') || null;
  if (v.outcome === 'ADMITTED') return { headline: 'Admitted', detail: who, note: v.exit ? 'Exit recorded' : null };
  if (v.outcome === 'DUPLICATE')
    return {
      headline: 'Already admitted',
      detail: who,
      note: v.firstAdmittedAt ? `First admitted at ${clock(v.firstAdmittedAt)}` : null,
    };
  const reason = reasonText(v.rejectReason);
  return { headline: `Rejected: ${reason}`, detail: who, note: null };
}

/** One log line's outcome, short. */
export function logOutcome(e: LogEntry): string {
  if (e.annulledAt) return 'Annulled';
  if (e.outcome === 'ADMITTED') return e.exit ? 'Exit' : 'Admitted';
  if (e.outcome === 'DUPLICATE') return 'Already admitted';
  return `Rejected: ${reasonText(e.rejectReason)}`;
}

/** What a conflict means, for the supervisor. */
export function conflictText(e: LogEntry): string {
  return `Conflict: admitted on this device without network, the server says ${logOutcome(e).toLowerCase()}`;
}
