import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

describe('configuration', () => {
  const base = { JWT_SECRET: 'a-secret-that-is-long-enough' };
  // Development secrets are kept in .local/ of the working directory: run in a scratch one, never the checkout.
  const checkout = process.cwd();
  let scratch: string;
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'app-config-'));
    process.chdir(scratch);
  });
  afterEach(() => {
    process.chdir(checkout);
    rmSync(scratch, { recursive: true, force: true });
  });

  it('uses the documented defaults', () => {
    const config = loadConfig({ ...base });
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/conference');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.port).toBe(3000);
    expect(config.organizerEmail).toBe('organizer@example.com');
  });

  it('generates a missing development secret once and keeps it in .local/ of the working directory', () => {
    const first = loadConfig({ ...base });
    expect(first.badgeKeySecret).toBe(readFileSync(join(scratch, '.local', 'badge-key-secret'), 'utf8').trim());
    expect(loadConfig({ ...base }).badgeKeySecret).toBe(first.badgeKeySecret);
  });

  it('fails naming every bad variable', () => {
    const load = () => loadConfig({ ...base, PORT: 'eighty', DATABASE_URL: 'mysql://x', ORGANIZER_EMAIL: 'nope' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/PORT/);
    expect(load).toThrow(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(load).toThrow(/ORGANIZER_EMAIL/);
  });

  it('requires a JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
  });
});
