import { INestApplication, NestApplicationOptions } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, graphqlBodyGuard, graphqlCompression, queryCount, requestDeadline } from '@app/core';
import { NextFunction, Request, RequestHandler, Response, Router, text } from 'express';
import { Logger } from 'nestjs-pino';
import { browserToExplorer, EXPLORER_PATH, mountExplorer } from './explorer/explorer';
import { mountWebApp } from './web-app';

/**
 * Creation options for the API application (main.ts and the tests): configureApp registers the body
 * parsers itself; closing the app also closes idle keep-alive connections, so shutdown never waits on them.
 */
export const APP_OPTIONS: NestApplicationOptions = { bodyParser: false, forceCloseConnections: true };

/** How long a stopping API may take, whatever is in flight, before the process exits anyway. */
export const SHUTDOWN_DEADLINE_MS = 10_000;

/** Express "trust proxy" from TRUST_PROXY: true/false, a hop count, or addresses and subnets ("loopback", "10.0.0.0/8"). */
export function trustProxySetting(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

/**
 * Handlers run one after another as ONE Express layer (app.use with several handlers makes a layer of
 * each, and every request to the path walks them all through Express's router).
 */
export function inOneLayer(...handlers: RequestHandler[]): RequestHandler {
  return (req, res, next) => {
    let i = 0;
    const step = (error?: unknown): void => {
      if (error !== undefined || i === handlers.length) return next(error);
      void handlers[i++](req, res, step);
    };
    step();
  };
}

/** Settings shared by main.ts and the end-to-end tests, so tests boot the app users get. */
export function configureApp(app: INestApplication): void {
  const config = app.get(AppConfig);
  app.useLogger(app.get(Logger));
  (app as NestExpressApplication).set('trust proxy', trustProxySetting(config.trustProxy));
  (app as NestExpressApplication).disable('x-powered-by');
  // Express would hash every response body for an ETag; GraphQL answers are POSTs, and the public
  // cache and the calendar feeds set their own.
  (app as NestExpressApplication).set('etag', false);
  // Imports (40,000 attendees) arrive as one GraphQL request or one CSV upload. The CSV parser sits
  // on the import routes only, so every GraphQL request is not also offered to it.
  (app as NestExpressApplication).useBodyParser('json', { limit: '20mb' });
  // /graphql in one layer: before anything walks the body (the public cache's digest, the parser),
  // bounded nesting and a time budget; large answers (a day of the programme) compressed when the
  // client accepts it, small hot ones (door scans) untouched; a browser's GET sent to the explorer.
  app.use(
    '/graphql',
    inOneLayer(
      graphqlBodyGuard(),
      requestDeadline(config.requestTimeoutMs),
      graphqlCompression(),
      ...(config.graphqlIntrospection ? [browserToExplorer] : []),
    ),
  );
  // Pages, behind one layer that only GETs and HEADs enter (a POST /graphql never walks them): the
  // browsable API (GraphiQL at /explorer and its assets) wherever the schema may be introspected, and
  // the web app at / (same origin: no CORS). Without a build (the Jest suite, a bare API), / leads to the explorer if there is one.
  const pages = Router();
  if (config.graphqlIntrospection) mountExplorer(pages);
  if (!mountWebApp(pages, config.webDistDir, config.webBootstrapTimeoutMs) && config.graphqlIntrospection) {
    pages.use((req: Request, res: Response, next: NextFunction) => {
      if (req.path === '/') return res.redirect(302, EXPLORER_PATH);
      next();
    });
  }
  app.use((req: Request, res: Response, next: NextFunction) =>
    req.method === 'GET' || req.method === 'HEAD' ? pages(req, res, next) : next(),
  );
  app.use('/editions', text({ type: ['text/csv', 'text/plain'], limit: '20mb' }));
  // Counting runs each request in an AsyncLocalStorage, which on Node 20 hooks every promise: only when asked for.
  if (config.exposeQueryCount)
    app.use((_req: unknown, _res: unknown, next: () => void) => queryCount.run({ queries: 0 }, next));
  app.enableShutdownHooks();
}

/**
 * Makes SIGTERM / SIGINT end the process within `ms` whatever is in flight: Nest's shutdown hooks
 * close the HTTP server, Apollo and the connections in order, and if that has not finished by then
 * (a request stuck on a slow client or statement) the process exits with status 1.
 */
export function exitWithinAfterSignal(
  ms = SHUTDOWN_DEADLINE_MS,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  const arm = (signal: NodeJS.Signals) => {
    // once: Nest re-sends the signal to the process after its hooks ran, which must then end it.
    process.once(signal, () => {
      const timer = setTimeout(() => {
        console.error(`shutdown took longer than ${ms} ms; exiting`);
        exit(1);
      }, ms);
      timer.unref();
    });
  };
  arm('SIGTERM');
  arm('SIGINT');
}
