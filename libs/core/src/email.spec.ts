import { checkedEmail, emailProblem, normalizeEmail } from './email';

describe('emails', () => {
  it('normalizes once: trim, NFKC, lower case', () => {
    expect(normalizeEmail('  Grace.Hopper@Example.COM ')).toBe('grace.hopper@example.com');
    expect(normalizeEmail('ｇｒａｃｅ@ｅｘａｍｐｌｅ.com')).toBe('grace@example.com');
  });

  it('refuses invisible characters and labels mixing scripts, keeps single-script addresses', () => {
    for (const bad of [
      'ev\u200be@example.com',
      'eve@exam\u200cple.com',
      'eve\ufeff@example.com',
      'e\u00adve@example.com',
      'p\u0430ypal@example.com',
      'admin@g\u043eogle.com',
      'not-an-email',
      'a b@example.com',
    ]) {
      expect(emailProblem(normalizeEmail(bad))).not.toBeNull();
      expect(() => checkedEmail(bad)).toThrow();
    }
    expect(emailProblem('ada@example.com')).toBeNull();
    expect(emailProblem(normalizeEmail('иван@почта.рф'))).toBeNull();
  });
});
