import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { adminQuery, databaseUrl, TEMPLATE_DB, TEST_DB_PREFIX } from './test-db';

const ROOT = join(__dirname, '..', '..', '..');

/** Once per run: drop leftovers of earlier runs, build the template database by running the migrations. */
export default async function globalSetup(): Promise<void> {
  const client = new Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${TEST_DB_PREFIX.replace(/_/g, '\\_')}%`]);
  await client.end();
  await adminQuery(...rows.map((r) => `DROP DATABASE IF EXISTS "${r.datname.replace(/"/g, '')}" WITH (FORCE)`), `CREATE DATABASE "${TEMPLATE_DB}"`);
  execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'libs/core/src/database/migrate.ts'], {
    cwd: ROOT,
    env: { ...process.env, MIGRATE_URL: databaseUrl(TEMPLATE_DB), TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
