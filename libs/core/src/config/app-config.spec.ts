import { ConfigError, loadConfig } from './app-config';

describe('configuration', () => {
  const base = { JWT_SECRET: 'a-secret-that-is-long-enough' };

  it('uses the documented defaults', () => {
    const config = loadConfig({ ...base });
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/conference');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.port).toBe(3000);
    expect(config.organizerEmail).toBe('organizer@example.com');
  });

  it('fails naming every bad variable', () => {
    expect(() => loadConfig({ ...base, PORT: 'eighty', DATABASE_URL: 'mysql://x', ORGANIZER_EMAIL: 'nope' })).toThrow(ConfigError);
    try {
      loadConfig({ ...base, PORT: 'eighty', DATABASE_URL: 'mysql://x', ORGANIZER_EMAIL: 'nope' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/PORT/);
      expect(message).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL/);
      expect(message).toMatch(/ORGANIZER_EMAIL/);
    }
  });

  it('requires a JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
  });
});
