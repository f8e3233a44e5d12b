import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger as NestLogger } from '@nestjs/common';
import { Logger, QueryRunner } from 'typeorm';

/** Counts SQL statements per request (x-sql-queries header, tests, benchmarks). */
export const queryCount = new AsyncLocalStorage<{ queries: number }>();

const nest = new NestLogger('TypeORM');

/** TypeORM logger: counts queries for the current request and reports errors and slow queries. */
export class CountingLogger implements Logger {
  logQuery(_query: string, _parameters?: unknown[], _runner?: QueryRunner): void {
    const store = queryCount.getStore();
    if (store) store.queries++;
  }
  logQueryError(error: string | Error, query: string): void {
    nest.debug(`query failed: ${error instanceof Error ? error.message : error} -- ${query.slice(0, 300)}`);
  }
  logQuerySlow(time: number, query: string): void {
    nest.warn(`slow query (${time} ms): ${query.slice(0, 300)}`);
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    nest.log(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') nest.warn(String(message));
  }
}
