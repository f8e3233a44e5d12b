import 'reflect-metadata';
import { loadConfig, typeormOptions } from '@app/core';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';

/** The TypeORM CLI's data source: `npm run migration:generate -- migrations/Name`. */
export default new DataSource({
  ...typeormOptions(process.env.MIGRATE_URL ?? loadConfig().databaseUrl, { poolSize: 2 }),
  entities: ENTITIES,
});
