import { adminQuery, TEMPLATE_DB } from './test-db';

/** Once per run, at the end: this run's template goes (each test file drops its own database). */
export default async function globalTeardown(): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS "${TEMPLATE_DB}" WITH (FORCE)`);
}
