import { createHash } from 'node:crypto';
import { ApolloServerPlugin } from '@apollo/server';
import { Inject, Injectable, Logger, NestMiddleware } from '@nestjs/common';
import { NextFunction, Request, Response } from 'express';
import {
  DocumentNode,
  FieldNode,
  Kind,
  OperationDefinitionNode,
  OperationTypeNode,
  SelectionSetNode,
  visit,
} from 'graphql';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { REDIS } from '../redis/redis.token';
import { compressBoth, COMPRESS_THRESHOLD, Encoding, preferredEncoding } from './compression';

/**
 * The revision of everything anonymous visitors can read (programme, speakers, floor plans). Services
 * bump it after committing a change; cached public answers carry it in their key, so a moved keynote
 * is never served stale, on any API instance.
 */
@Injectable()
export class PublicRevision {
  private readonly logger = new Logger(PublicRevision.name);
  private readonly key: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    config: AppConfig,
  ) {
    this.key = `${config.redisPrefix}:public-revision`;
  }

  /** Call after commit. A failure only costs cache hits (answers are then not cached), never correctness. */
  async bump(): Promise<void> {
    await this.redis
      .incr(this.key)
      .catch((error: unknown) => this.logger.warn(`could not bump the public revision: ${String(error)}`));
  }

  /** The current revision, or null when Redis cannot say (then nothing is served from cache). */
  async current(): Promise<string | null> {
    try {
      return (await this.redis.get(this.key)) ?? '0';
    } catch {
      return null;
    }
  }
}

export interface PublicCacheOptions {
  /** Root query fields whose answers are the same for every anonymous caller. */
  publicRootFields: ReadonlySet<string>;
  /** Fields that change too often to cache (seat counts); a query selecting one is never cached. */
  volatileFields: ReadonlySet<string>;
  /**
   * Fields only organizers are shown (null in the public view) that move without a revision bump
   * (attendance counts): a query selecting one is cached in the public view only.
   */
  organizerVolatileFields: ReadonlySet<string>;
  /**
   * Which view of the public root fields a signed-in caller (the Authorization header) gets: '' when
   * they see exactly what anonymous visitors see (then they share those cached answers), another
   * string naming what they see beyond it (an organizer's editions: drafts), shared by every caller
   * with the same view; null for a bad token, so the request goes on to be refused properly.
   */
  viewOf(authorization: string): Promise<string | null>;
  maxEntries: number;
  ttlMs: number;
}

function rootFields(operation: OperationDefinitionNode, document: DocumentNode): string[] {
  const fragments = new Map(
    document.definitions.flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [],
    ),
  );
  const names = new Set<string>();
  // Each fragment is read once: a document that spreads fragments twice at every level stays linear.
  const seen = new Set<string>();
  const collect = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) names.add(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) collect(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        const fragment = fragments.get(s.name.value);
        if (fragment) collect(fragment);
      }
    }
  };
  collect(operation.selectionSet);
  names.delete('__typename');
  return [...names];
}

function selectsAny(document: DocumentNode, fields: ReadonlySet<string>): boolean {
  let found = false;
  visit(document, { Field: (node: FieldNode) => void (fields.has(node.name.value) && (found = true)) });
  return found;
}

interface Entry {
  body: Buffer;
  etag: string;
  /** The public revision it was computed at: served only while that is still current. */
  revision: string;
  expires: number;
  /** Brotli and gzip copies of a large body, made once when it is stored (until then, compressed per request). */
  compressed?: Record<Encoding, Buffer>;
}

/** Documents that start as a mutation or subscription: never answered from the cache. */
const NOT_A_READ = /^\s*(mutation|subscription)\b/;

interface GraphQLRequestBody {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
}

/**
 * Serialized answers to reads of public data (the agenda every attendee app loads), kept in memory and
 * served by PublicCacheMiddleware without GraphQL execution, SQL or serialization. Keyed by view, query
 * and variables, each answer valid at one public revision; a bounded LRU with a TTL as a backstop. Only
 * answers that publicCachePlugin judged public are stored. Anonymous visitors and signed-in callers who
 * see the public view share them; organizers (who see drafts) share theirs with the callers who
 * organize the same editions. Every change to what either view shows (drafts included) bumps the revision.
 */
export class PublicCache {
  private readonly entries = new Map<string, Entry>();
  /** How many views have an answer stored per digest: a read nobody cached costs no view lookup. */
  private readonly digests = new Map<string, number>();

  constructor(
    private readonly revision: PublicRevision,
    readonly options: PublicCacheOptions,
  ) {}

  /** What identifies a request's answer at a revision: operation name, query text and variables. */
  digestOf(request: GraphQLRequestBody): string | null {
    const operationName = request.operationName ?? '';
    // A name that is not a string is refused by GraphQL: such a request is never answered from here.
    if (typeof request.query !== 'string' || typeof operationName !== 'string') return null;
    return createHash('sha1')
      .update(`${operationName}\n${request.query}\n${JSON.stringify(request.variables ?? {})}`)
      .digest('base64url');
  }

  /** The current public revision; null when Redis cannot say (then nothing is served or stored). */
  revisionNow(): Promise<string | null> {
    return this.revision.current();
  }

  /** Whether any view has an answer stored for the digest (no Redis, no SQL). */
  holds(digest: string): boolean {
    return this.digests.has(digest);
  }

  /**
   * The stored answer of a view for a digest when it is still current. The revision is read from
   * Redis only when there is an answer to check, so the many reads that are never cached cost nothing here.
   */
  async lookup(digest: string, view = ''): Promise<Entry | undefined> {
    const key = `${view}\n${digest}`;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expires <= Date.now()) {
      this.forget(digest);
      return undefined;
    }
    this.entries.set(key, entry); // most recently used last
    return entry.revision === (await this.revision.current()) ? entry : undefined;
  }

  set(digest: string, revision: string, result: { data: Record<string, unknown> }, view = ''): void {
    const body = Buffer.from(JSON.stringify(result));
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    const entry: Entry = { body, etag, revision, expires: Date.now() + this.options.ttlMs };
    const key = `${view}\n${digest}`;
    if (!this.entries.delete(key)) this.digests.set(digest, (this.digests.get(digest) ?? 0) + 1);
    this.entries.set(key, entry);
    if (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value!;
      this.entries.delete(oldest);
      this.forget(oldest.slice(oldest.indexOf('\n') + 1));
    }
    if (body.length >= COMPRESS_THRESHOLD) {
      compressBoth(body).then(
        (copies) => void (entry.compressed = copies),
        () => undefined, // served uncompressed from the cache, compressed per request by graphqlCompression
      );
    }
  }

  /** One answer fewer stored for the digest. */
  private forget(digest: string): void {
    const left = (this.digests.get(digest) ?? 1) - 1;
    if (left > 0) this.digests.set(digest, left);
    else this.digests.delete(digest);
  }

  /** Which cached view a signed-in caller shares ('' the public one); null for a bad token: it is refused as usual. */
  viewOf(authorization: string): Promise<string | null> {
    return this.options.viewOf(authorization).catch(() => null);
  }

  /** Whether an operation's answer may be stored under a view ('' the public one): see organizerVolatileFields. */
  cacheableIn(view: string, document: DocumentNode): boolean {
    return view === '' || !selectsAny(document, this.options.organizerVolatileFields);
  }

  /** Whether an operation's answer is the same for every anonymous caller. */
  isPublic(operation: OperationDefinitionNode, document: DocumentNode): boolean {
    if (operation.operation !== OperationTypeNode.QUERY) return false;
    const roots = rootFields(operation, document);
    return (
      roots.length > 0 &&
      roots.every((f) => this.options.publicRootFields.has(f)) &&
      !selectsAny(document, this.options.volatileFields)
    );
  }
}

/** Serves cached public answers before GraphQL runs (with ETag / If-None-Match). */
@Injectable()
export class PublicCacheMiddleware implements NestMiddleware {
  constructor(private readonly cache: PublicCache) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const body = req.body as GraphQLRequestBody | undefined;
    // Mutations (scans, schedule changes) go straight on: no Redis read, no role lookup.
    if (req.method !== 'POST' || !body || typeof body.query !== 'string' || NOT_A_READ.test(body.query)) return next();
    const authorization = req.headers.authorization;
    const digest = this.cache.digestOf(body);
    if (!digest || !this.cache.holds(digest)) return next();
    (authorization ? this.cache.viewOf(authorization) : Promise.resolve(''))
      .then(async (view) => {
        const entry = view === null ? undefined : await this.cache.lookup(digest, view);
        if (!entry) return next();
        if (req.headers['if-none-match'] === entry.etag)
          return void res.status(304).setHeader('etag', entry.etag).end();
        const encoding = entry.compressed ? preferredEncoding(req.headers['accept-encoding']) : null;
        const body = encoding ? entry.compressed![encoding] : entry.body;
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.setHeader('content-length', body.length);
        res.setHeader('etag', entry.etag);
        res.setHeader('x-cache', 'hit');
        if (entry.body.length >= COMPRESS_THRESHOLD) res.setHeader('vary', 'Accept-Encoding');
        if (encoding) res.setHeader('content-encoding', encoding);
        res.writeHead(200);
        res.end(body);
      })
      .catch(next);
  }
}

/** Stores the answers of public operations, under the view of the caller who asked (anonymous: the public one), for PublicCacheMiddleware. */
export function publicCachePlugin(cache: PublicCache): ApolloServerPlugin {
  return {
    requestDidStart({ request }) {
      const authorization = request.http?.headers.get('authorization');
      let store: { digest: string; revision: string; view: string } | null = null;
      return Promise.resolve({
        async didResolveOperation({ operation, document }) {
          if (!operation || !cache.isPublic(operation, document)) return;
          const digest = cache.digestOf(request);
          if (!digest) return;
          const view = authorization ? await cache.viewOf(authorization) : '';
          if (view === null || !cache.cacheableIn(view, document)) return;
          // The revision is read before execution: a change committed meanwhile bumps it past this answer.
          const revision = await cache.revisionNow();
          if (revision !== null) store = { digest, revision, view };
        },
        willSendResponse({ response }) {
          if (store && response.body.kind === 'single') {
            const { data, errors } = response.body.singleResult;
            if (!errors?.length && data) cache.set(store.digest, store.revision, { data }, store.view);
          }
          return Promise.resolve();
        },
      });
    },
  };
}
