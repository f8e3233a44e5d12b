import 'reflect-metadata';
import { loadConfig, migrate, typeormOptions } from '@app/core';
import { DataSource } from 'typeorm';
import { ENTITIES } from '../database/entities';
import { seed } from './seed';

/**
 * npm run seed -- --scale demo|full [--if-empty]
 * Applies migrations, then adds the demo or full-scale edition. --if-empty: only when the database has no edition.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const scaleArg = args.find((a) => a.startsWith('--scale='))?.split('=')[1] ?? args[args.indexOf('--scale') + 1];
  const scale = args.includes('--scale') || scaleArg ? scaleArg : 'demo';
  if (scale !== 'demo' && scale !== 'full') throw new Error(`--scale must be demo or full, not "${scale}"`);
  const config = loadConfig();
  await migrate(config.databaseUrl, () => undefined);
  const db = await new DataSource({
    ...typeormOptions(config.databaseUrl, { poolSize: 4, applicationName: 'conference-seed' }),
    entities: ENTITIES,
  }).initialize();
  try {
    const [{ count }] = await db.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM edition`);
    if (args.includes('--if-empty') && count > 0) return;
    await seed(db, config, scale);
  } finally {
    await db.destroy();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
