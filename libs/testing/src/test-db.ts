import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';

/** Test databases are named after the checkout, so two checkouts on one server never drop each other's. */
const CHECKOUT = createHash('sha1')
  .update(join(__dirname, '..', '..', '..'))
  .digest('hex')
  .slice(0, 8);
export const TEST_DB_PREFIX = `conference_test_${CHECKOUT}_`;

/**
 * And after the run (its start time in base 36, set by the global setup), so two runs in one
 * checkout at once never drop each other's databases or rebuild each other's template.
 */
export const TEST_RUN = process.env.TEST_RUN ?? Date.now().toString(36);
export const TEMPLATE_DB = `${TEST_DB_PREFIX}${TEST_RUN}_template`;

/** The name of a test database of this run. */
export const testDatabaseName = (suffix: string) => `${TEST_DB_PREFIX}${TEST_RUN}_${suffix}`;

/** When the run that made a test database started (from its name), or undefined for a name from before runs were stamped. */
export function runStartOf(name: string): number | undefined {
  const stamp = /^([0-9a-z]+)_/.exec(name.slice(TEST_DB_PREFIX.length))?.[1];
  const ms = stamp ? parseInt(stamp, 36) : NaN;
  return Number.isFinite(ms) && ms > 1.6e12 ? ms : undefined;
}

export function baseDatabaseUrl(): string {
  return process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/conference';
}

export function databaseUrl(name: string): string {
  const url = new URL(baseDatabaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs statements on the server's "postgres" database (CREATE / DROP DATABASE). */
export async function adminQuery(...statements: string[]): Promise<void> {
  const client = new Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database for one test file, copied from the migrated template. */
export async function createTestDatabase(name: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`);
      return databaseUrl(name);
    } catch (error) {
      // Two files copying the template at the same instant: PostgreSQL refuses one; try again.
      if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
}

export async function dropTestDatabase(name: string): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
