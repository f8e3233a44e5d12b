import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { ensureDatabase } from './ensure-database';
import { typeormOptions } from './typeorm-options';

/** Creates the database if needed and applies pending migrations. Used by `npm run migrate`, `npm start` and the tests. */
export async function migrate(url: string, log: (line: string) => void = console.log): Promise<void> {
  if (await ensureDatabase(url)) log(`created database ${new URL(url).pathname.slice(1)}`);
  const dataSource = new DataSource({ ...typeormOptions(url, { poolSize: 2, applicationName: 'conference-migrate' }) });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    log(
      applied.length
        ? `applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`
        : 'database schema is up to date',
    );
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  migrate(process.env.MIGRATE_URL ?? loadConfig().databaseUrl).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
