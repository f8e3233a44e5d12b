import { DomainError } from './errors/domain-error';
import { csvBody, csvRows, rowTextProblem } from './csv';

type Field = 'email' | 'name';
const fieldOf = (header: string): Field | undefined =>
  ({ email: 'email', 'e-mail': 'email', name: 'name' })[header.toLowerCase()] as Field | undefined;
const rows = (csv: string) => csvRows<Field>(csv, fieldOf, ['email'], 'The header needs an email column');

/** The refusal a call ends in: its code and message. */
function refusal(fn: () => unknown): { code: string; message: string } | 'accepted' {
  try {
    fn();
    return 'accepted';
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, message: error.message };
  }
}

describe('CSV uploads', () => {
  it('takes a text/csv (or text/plain) body and refuses anything else as BAD_USER_INPUT', () => {
    expect(csvBody('email\na@example.com', 'text/csv; charset=utf-8')).toBe('email\na@example.com');
    expect(csvBody('email', 'text/plain')).toBe('email');
    expect(refusal(() => csvBody('email', 'application/json'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('Content-Type: text/csv'),
    });
    expect(refusal(() => csvBody('email', undefined))).toMatchObject({ code: 'BAD_USER_INPUT' });
    // A JSON body that a parser already turned into an object.
    expect(refusal(() => csvBody({ email: 'a@example.com' }, 'text/csv'))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('maps columns by header name in any order and case, leaves unknown columns out, and pads short rows', () => {
    const csv =
      '\uFEFFNotes,Name,E-Mail\r\n"likes ""quotes"", commas",Ada Lovelace,ada@example.com\r\n\r\nshort row\r\n';
    expect(rows(csv)).toEqual([
      { name: 'Ada Lovelace', email: 'ada@example.com' },
      { name: null, email: null },
    ]);
  });

  it('refuses a file that is not CSV, or whose header lacks a required column, naming the problem', () => {
    expect(refusal(() => rows('email,name\n"unterminated,Ada\n'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(/^The file is not valid CSV: .*quote/i),
    });
    expect(refusal(() => rows('name\nAda\n'))).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'The header needs an email column',
    });
    expect(refusal(() => rows(''))).toEqual({ code: 'BAD_USER_INPUT', message: 'The header needs an email column' });
  });

  it('refuses a row for a control character or an overlong cell, naming the field, and ignores cells that are not text', () => {
    expect(rowTextProblem({ email: 'a@example.com', name: 'Ada\u0000' })).toBe(
      'name contains a control character (U+0000)',
    );
    expect(rowTextProblem({ email: 'a@example.com', name: 'x'.repeat(101) }, 100)).toBe(
      'name is longer than 100 characters',
    );
    expect(rowTextProblem({ email: 'a@example.com', name: null, rating: 5, tags: ['\u0000'] })).toBeUndefined();
  });
});
