import { INestApplication, NestApplicationOptions } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, queryCount } from '@app/core';
import { text } from 'express';
import { Logger } from 'nestjs-pino';

/** Creation options for the API application (main.ts and the tests): configureApp registers the body parsers itself. */
export const APP_OPTIONS: NestApplicationOptions = { bodyParser: false };

/** Settings shared by main.ts and the end-to-end tests, so tests boot the app users get. */
export function configureApp(app: INestApplication): void {
  const config = app.get(AppConfig);
  app.useLogger(app.get(Logger));
  (app as NestExpressApplication).set('trust proxy', config.trustProxy === 'true' ? true : config.trustProxy === 'false' ? false : config.trustProxy);
  (app as NestExpressApplication).disable('x-powered-by');
  // Express would hash every response body for an ETag; GraphQL answers are POSTs, and the public
  // cache and the calendar feeds set their own.
  (app as NestExpressApplication).set('etag', false);
  // Imports (40,000 attendees) arrive as one GraphQL request or one CSV upload. The CSV parser sits
  // on the import routes only, so every GraphQL request is not also offered to it.
  (app as NestExpressApplication).useBodyParser('json', { limit: '20mb' });
  app.use('/editions', text({ type: ['text/csv', 'text/plain'], limit: '20mb' }));
  // Counting runs each request in an AsyncLocalStorage, which on Node 20 hooks every promise: only when asked for.
  if (config.exposeQueryCount) app.use((_req: unknown, _res: unknown, next: () => void) => queryCount.run({ queries: 0 }, next));
  app.enableShutdownHooks();
}
