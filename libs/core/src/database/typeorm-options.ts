import { join } from 'node:path';
import { types } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './naming-strategy';
import { CountingLogger } from './query-counter';

// DATE columns are calendar days (an edition's local days): keep them as 'YYYY-MM-DD' strings.
types.setTypeParser(types.builtins.DATE, (value: string) => value);
// bigint counts (COUNT(*)) fit in a JS number for everything this platform counts.
types.setTypeParser(types.builtins.INT8, (value: string) => Number(value));

/** The project root, both from sources (ts-node, jest) and from dist/. */
export const PROJECT_ROOT = join(__dirname, '..', '..', '..', '..');

/** Options shared by the Nest app, the migration CLI and the tests. synchronize is always off. */
export function typeormOptions(
  url: string,
  extra: { poolSize?: number; applicationName?: string } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: [join(PROJECT_ROOT, 'migrations', '*.{js,ts}').replace(/\\/g, '/')],
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    logger: new CountingLogger(),
    maxQueryExecutionTime: 1000,
    uuidExtension: 'pgcrypto',
    extra: { max: extra.poolSize ?? 20, application_name: extra.applicationName ?? 'conference' },
  };
}
