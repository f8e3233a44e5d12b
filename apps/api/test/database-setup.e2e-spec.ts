import { randomBytes } from 'node:crypto';
import { ensureDatabase, migrate } from '@app/core';
import { databaseUrl, dropTestDatabase, testDatabaseName } from '@app/testing';
import { Client } from 'pg';

/**
 * What `npm start` and `npm run migrate` do on a fresh machine: create the database named in
 * DATABASE_URL, apply every migration, and on the next start find nothing to do.
 */
describe('database set-up on a fresh server', () => {
  const name = testDatabaseName(`setup_${randomBytes(4).toString('hex')}`);
  const url = databaseUrl(name);
  afterAll(() => dropTestDatabase(name));

  it('creates the database, applies the migrations, and finds the schema up to date the second time', async () => {
    const first: string[] = [];
    await migrate(url, (line) => first.push(line));
    expect(first).toEqual([`created database ${name}`, expect.stringMatching(/^applied \d+ migration\(s\): \w+/)]);

    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      // The schema is there: the tables every request touches, and the history of what was applied.
      const { rows } = await client.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('edition', 'session', 'attendee', 'migrations')`,
      );
      expect(rows[0].count).toBe(4);
    } finally {
      await client.end();
    }

    const second: string[] = [];
    await migrate(url, (line) => second.push(line));
    expect(second).toEqual(['database schema is up to date']);
    expect(await ensureDatabase(url)).toBe(false);
  });

  it('refuses a DATABASE_URL that names no database', async () => {
    await expect(ensureDatabase('postgres://postgres@127.0.0.1:5432/')).rejects.toThrow(
      'DATABASE_URL names no database',
    );
  });
});
