import { randomBytes } from 'node:crypto';
import { AppConfig, loadConfig } from '@app/core';
import { createTestDatabase, testDatabaseName } from './test-db';

/** The platform organizer every test database's app signs in as (ORGANIZER_EMAIL / ORGANIZER_PASSWORD). */
export const ADMIN = { email: 'admin@test.example', password: 'admin-password' };

/** One test's own database (copied from the run's migrated template) and Redis prefix. */
export interface TestPlace {
  dbName: string;
  redisPrefix: string;
  databaseUrl: string;
}

export async function createTestPlace(): Promise<TestPlace> {
  const suffix = `${process.env.JEST_WORKER_ID ?? 0}_${randomBytes(4).toString('hex')}`;
  const dbName = testDatabaseName(suffix);
  return { dbName, redisPrefix: `test:${suffix}`, databaseUrl: await createTestDatabase(dbName) };
}

/** The configuration every test runs with: quiet, fixed secrets, on its own database and Redis prefix. */
export function testConfig(place: TestPlace, overrides: Partial<AppConfig> = {}): AppConfig {
  return loadConfig(process.env, {
    databaseUrl: place.databaseUrl,
    redisPrefix: place.redisPrefix,
    logLevel: 'silent',
    exposeQueryCount: true,
    jwtSecret: 'test-secret-that-is-long-enough',
    badgeKeySecret: 'test-badge-key-secret-long-enough',
    organizerEmail: ADMIN.email,
    organizerPassword: ADMIN.password,
    dbPoolSize: 10,
    // Test files sign many people up from one address; accounts-security tests the limit itself.
    signupLimitPerIp: 10_000,
    // No web app unless a test serves one (a developer's apps/web/dist must not change what the API tests see).
    webDistDir: '',
    ...overrides,
  });
}
