import { describe, expect, it } from 'vitest';
import { verdictLines } from './verdict-text';

const v = {
  rejectReason: null,
  exit: false,
  name: 'Ada Lovelace',
  accessLevel: 'FULL_CONFERENCE',
  firstAdmittedAt: null,
};

describe('verdictLines', () => {
  it('starts with Admitted, Already admitted or Rejected and the reason in plain words', () => {
    expect(verdictLines({ ...v, outcome: 'ADMITTED' })).toEqual({
      headline: 'Admitted',
      detail: 'Ada Lovelace · Full conference',
      note: null,
    });
    expect(verdictLines({ ...v, outcome: 'ADMITTED', exit: true }).note).toBe('Exit recorded');
    expect(verdictLines({ ...v, outcome: 'DUPLICATE', firstAdmittedAt: '2026-11-30T09:05:00Z' }).headline).toBe(
      'Already admitted',
    );
    expect(verdictLines({ ...v, outcome: 'DUPLICATE', firstAdmittedAt: '2026-11-30T09:05:00Z' }).note).toMatch(
      /^First admitted at \d\d:\d\d$/,
    );
    const reasons = {
      NOT_ALLOWED: 'not allowed here',
      REVOKED: 'badge revoked',
      WRONG_EDITION: 'wrong edition (a badge of another year)',
      UNKNOWN_BADGE: 'unknown badge',
      INVALID_CODE: 'not a badge',
      CLOSED: 'checkpoint closed',
    } as const;
    for (const [reason, words] of Object.entries(reasons))
      expect(
        verdictLines({
          ...v,
          name: null,
          accessLevel: null,
          outcome: 'REJECTED',
          rejectReason: reason as keyof typeof reasons,
        }),
      ).toEqual({ headline: `Rejected: ${words}`, detail: null, note: null });
  });
});
