import { KeyVault } from './key-vault';

describe('KeyVault', () => {
  it('round-trips, and refuses another secret or a tampered text', () => {
    const vault = new KeyVault('a-long-enough-secret-value');
    const sealed = vault.seal('-----BEGIN PRIVATE KEY-----');
    expect(sealed).not.toContain('PRIVATE');
    expect(vault.open(sealed)).toBe('-----BEGIN PRIVATE KEY-----');
    expect(() => new KeyVault('another-long-secret-value').open(sealed)).toThrow();
    const [iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] ^= 1;
    expect(() => vault.open([iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
  });
});
