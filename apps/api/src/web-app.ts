import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { INestApplication } from '@nestjs/common';
import express, { NextFunction, Request, Response } from 'express';

/**
 * Paths the API answers itself: the web app's fallback never takes them, even for a browser (a
 * calendar feed, a badge PDF, the explorer). Prefixes of every controller (grep @Controller) and
 * of the middleware-mounted routes; a test walks the router so a new controller cannot be shadowed
 * unnoticed. `/credits` and `/notifications` are also web pages: only their sub-paths are the API's.
 */
export const SERVER_PATHS: readonly RegExp[] = [
  /^\/graphql(\/|$)/,
  /^\/health(\/|$)/,
  /^\/explorer(\/|$)/,
  /^\/explorer-assets(\/|$)/,
  /^\/calendar(\/|$)/,
  /^\/badges(\/|$)/,
  /^\/editions(\/|$)/,
  /^\/floor-plans(\/|$)/,
  /^\/notifications\/unsubscribe(\/|$)/,
  /^\/leads\//,
  /^\/credits\//,
  /^\/bench(\/|$)/,
];

export const isServerPath = (path: string): boolean => SERVER_PATHS.some((re) => re.test(path));

/** Hashed build output (its name changes with its content): cached for a year. */
const HASHED = /^\/assets\//;

/**
 * Serves the built web app (apps/web/dist) on the API's origin: files as they are (hashed assets
 * with a year's cache; index.html, the service worker, its registration and the manifest with
 * `no-cache`, so a new release is picked up at the next visit), and index.html for any other GET
 * that is not a server path, a built asset or a file name (the app's own routes: /login,
 * /sessions/12...). Returns false when there is no build to serve.
 */
export function mountWebApp(app: INestApplication, dir: string): boolean {
  const root = resolve(dir);
  const indexFile = join(root, 'index.html');
  if (!dir || !existsSync(indexFile)) return false;
  const files = express.static(root, {
    index: false,
    redirect: false,
    dotfiles: 'ignore',
    setHeaders(res, path) {
      const rel = path.slice(root.length).replace(/\\/g, '/');
      res.setHeader('Cache-Control', HASHED.test(rel) ? 'public, max-age=31536000, immutable' : 'no-cache');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      if (rel === '/sw.js') res.setHeader('Service-Worker-Allowed', '/');
    },
  });
  // Read per request only when the build changes under a running API (npm run dev rebuilds): cheap, the file is 1 KB.
  const index = () => readFileSync(indexFile);
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isServerPath(req.path)) return next();
    files(req, res, () => {
      const last = req.path.split('/').pop() ?? '';
      if (HASHED.test(req.path) || last.includes('.')) return next(); // a missing file: Nest's 404
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Cache-Control', 'no-cache');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.end(index());
    });
  });
  return true;
}
