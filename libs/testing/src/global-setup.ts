import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { adminQuery, databaseUrl, runStartOf, TEMPLATE_DB, TEST_DB_PREFIX, TEST_RUN } from './test-db';

const ROOT = join(__dirname, '..', '..', '..');

/** A run older than this is over (the whole suite takes minutes): what it left behind may be dropped. */
const STALE_MS = 3 * 3600_000;

/**
 * Once per run: drop what runs that ended long ago left behind (never a database of a run still
 * going in this checkout), build this run's template database by running the migrations. The run's
 * stamp reaches the test files through TEST_RUN (workers inherit this process's environment).
 */
export default async function globalSetup(): Promise<void> {
  process.env.TEST_RUN = TEST_RUN;
  const client = new Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
    `${TEST_DB_PREFIX.replace(/_/g, '\\_')}%`,
  ]);
  await client.end();
  const stale = rows.map((r) => r.datname).filter((name) => (runStartOf(name) ?? 0) < Date.now() - STALE_MS);
  await adminQuery(
    ...stale.map((name) => `DROP DATABASE IF EXISTS "${name.replace(/"/g, '')}" WITH (FORCE)`),
    `CREATE DATABASE "${TEMPLATE_DB}"`,
  );
  execFileSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'libs/core/src/database/migrate.ts'],
    {
      cwd: ROOT,
      env: { ...process.env, MIGRATE_URL: databaseUrl(TEMPLATE_DB), TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}
