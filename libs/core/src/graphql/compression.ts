import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import compression from 'compression';
import { Request, RequestHandler, Response } from 'express';

/**
 * GraphQL answers at least this large are compressed (the programme of a day: ~125 KB of JSON; an edition's rooms and tracks: ~6 KB); smaller
 * ones (door scans, schedule changes, most reads) go out as they are, with no compression cost.
 */
export const COMPRESS_THRESHOLD = 4 * 1024;

/** Content types that stream (incremental delivery, server-sent events): never buffered by a compressor. */
const STREAMING = /^(multipart\/mixed|text\/event-stream)/i;

/**
 * Compresses large /graphql answers (brotli or gzip, as the client accepts) and nothing else: small
 * answers, clients that do not send Accept-Encoding, streams, and answers that are already encoded (the
 * public cache's precompressed copies) go out untouched.
 */
export function graphqlCompression(): RequestHandler {
  const compress = compression({
    threshold: COMPRESS_THRESHOLD,
    // Brotli's default quality (11) costs tens of ms on a big answer; 5 is about as small as gzip -9 and much faster.
    brotli: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } },
    filter: (req: Request, res: Response) => {
      if (!req.headers['accept-encoding']) return false;
      const type = res.getHeader('content-type');
      if (typeof type === 'string' && STREAMING.test(type)) return false;
      return compression.filter(req, res);
    },
  });
  // A client that takes no encoding (load generators, most server-to-server callers) skips the wrapper altogether.
  return (req, res, next) => (req.headers['accept-encoding'] ? compress(req, res, next) : next());
}

export type Encoding = 'br' | 'gzip';

/** The encoding to answer with for an Accept-Encoding header: brotli, else gzip, else none (q=0 refuses). */
export function preferredEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Both compressed copies of a body (off the main thread, in libuv's pool). */
export async function compressBoth(body: Buffer): Promise<Record<Encoding, Buffer>> {
  const [br, gz] = await Promise.all([
    brotli(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    gzipAsync(body, { level: 9 }),
  ]);
  return { br, gzip: gz };
}
