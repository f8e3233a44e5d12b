import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import express, { NextFunction, Request, Response, Router } from 'express';
import { bootstrapScript, WebBootstrap } from './web-bootstrap';

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
  /^\/logos(\/|$)/,
  /^\/editions(\/|$)/,
  /^\/floor-plans(\/|$)/,
  /^\/notifications\/unsubscribe(\/|$)/,
  /^\/leads\//,
  /^\/credits\//,
];

export const isServerPath = (path: string): boolean => SERVER_PATHS.some((re) => re.test(path));

/** Hashed build output (its name changes with its content): cached for a year. */
const HASHED = /^\/assets\//;

/**
 * Text files the web build also writes compressed beside themselves (`x.js.br`, `x.js.gz`: apps/web's
 * precompress plugin), and their types (the compressed file's own name would give the wrong one).
 * Nothing is compressed per request: /graphql and the API's routes are untouched.
 */
const TEXT_TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  html: 'text/html; charset=utf-8',
  svg: 'image/svg+xml',
  webmanifest: 'application/manifest+json',
  json: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};
const textType = (path: string): string | undefined => TEXT_TYPES[/\.(\w+)$/.exec(path)?.[1] ?? ''];

/** The best encoding the browser accepts of those prepared (brotli, then gzip), or null. */
export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const accepted = new Set<string>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name && (q === undefined || Number(q) > 0)) accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return null;
}
const SUFFIX = { br: '.br', gzip: '.gz' } as const;

/**
 * Serves the built web app (apps/web/dist) on the API's origin: files as they are (hashed assets
 * with a year's cache; index.html, the service worker, its registration and the manifest with
 * `no-cache`, so a new release is picked up at the next visit), and index.html for any other GET
 * that is not a server path, a built asset or a file name (the app's own routes: /login,
 * /sessions/12...); `/` carries the programme's first answers (web-bootstrap.ts). Returns false when
 * there is no build to serve.
 */
export function mountWebApp(pages: Router, dir: string, bootstrapTimeoutMs = 400): boolean {
  const root = resolve(dir);
  const indexFile = join(root, 'index.html');
  if (!dir || !existsSync(indexFile)) return false;
  const files = express.static(root, {
    index: false,
    redirect: false,
    dotfiles: 'ignore',
    setHeaders(res, path) {
      const encoding = res.locals.webEncoding as 'br' | 'gzip' | undefined;
      if (encoding) {
        path = path.slice(0, -SUFFIX[encoding].length);
        res.setHeader('Content-Encoding', encoding);
        res.setHeader('Content-Type', textType(path)!);
      }
      if (textType(path)) res.setHeader('Vary', 'Accept-Encoding');
      const rel = path.slice(root.length).replace(/\\/g, '/');
      res.setHeader('Cache-Control', HASHED.test(rel) ? 'public, max-age=31536000, immutable' : 'no-cache');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      if (rel === '/sw.js') res.setHeader('Service-Worker-Allowed', '/');
    },
  });
  // Read per request only when the build changes under a running API (npm run dev rebuilds): cheap, the file is 1 KB.
  const index = () => readFileSync(indexFile);
  // The programme (`/`) is sent with its first answers inside (web-bootstrap.ts), compressed per request.
  const bootstrap = WebBootstrap.load(root, bootstrapTimeoutMs);
  const sendProgramme = async (req: Request, res: Response, encoding: 'br' | 'gzip' | null) => {
    const entries = await bootstrap!.forProgramme(req);
    const page = index().toString('utf8');
    const at = page.includes('</body>') ? page.lastIndexOf('</body>') : page.length;
    const html = Buffer.from(page.slice(0, at) + bootstrapScript(entries) + page.slice(at));
    if (encoding) res.setHeader('Content-Encoding', encoding);
    res.end(
      encoding === 'br'
        ? brotliCompressSync(html, {
            params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: html.length },
          })
        : encoding === 'gzip'
          ? gzipSync(html, { level: 6 })
          : html,
    );
  };
  /** The compressed copy of a built text file to send instead, when the browser takes one and the build wrote it. */
  const compressed = (req: Request): 'br' | 'gzip' | null => {
    if (!textType(req.path)) return null;
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    if (!encoding) return null;
    let file: string;
    try {
      file = resolve(join(root, decodeURIComponent(req.path)));
    } catch {
      return null;
    }
    return file.startsWith(root + sep) && existsSync(file) && existsSync(file + SUFFIX[encoding]) ? encoding : null;
  };
  pages.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isServerPath(req.path)) return next();
    const encoding = compressed(req);
    if (encoding) {
      res.locals.webEncoding = encoding;
      const q = req.url.indexOf('?');
      req.url = req.path + SUFFIX[encoding] + (q >= 0 ? req.url.slice(q) : '');
    }
    files(req, res, () => {
      const last = req.path.split('/').pop() ?? '';
      if (HASHED.test(req.path) || last.includes('.')) return next(); // a missing file: Nest's 404
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Cache-Control', 'no-cache');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Vary', 'Accept-Encoding');
      const encoding = chooseEncoding(req.headers['accept-encoding']);
      if (bootstrap && req.path === '/' && req.method === 'GET') return void sendProgramme(req, res, encoding);
      if (encoding && existsSync(indexFile + SUFFIX[encoding])) {
        res.setHeader('Content-Encoding', encoding);
        return res.end(readFileSync(indexFile + SUFFIX[encoding]));
      }
      res.end(index());
    });
  });
  return true;
}
