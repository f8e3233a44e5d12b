import { createHash } from 'node:crypto';
import { ApolloServerPlugin } from '@apollo/server';
import { Inject, Injectable, Logger, NestMiddleware } from '@nestjs/common';
import { NextFunction, Request, Response } from 'express';
import { DocumentNode, FieldNode, Kind, OperationDefinitionNode, SelectionSetNode, visit } from 'graphql';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { REDIS } from '../redis/redis.token';

/**
 * The revision of everything anonymous visitors can read (programme, speakers, floor plans). Services
 * bump it after committing a change; cached public answers carry it in their key, so a moved keynote
 * is never served stale, on any API instance.
 */
@Injectable()
export class PublicRevision {
  private readonly logger = new Logger(PublicRevision.name);
  private readonly key: string;

  constructor(@Inject(REDIS) private readonly redis: Redis, config: AppConfig) {
    this.key = `${config.redisPrefix}:public-revision`;
  }

  /** Call after commit. A failure only costs cache hits (answers are then not cached), never correctness. */
  async bump(): Promise<void> {
    await this.redis.incr(this.key).catch((error: unknown) => this.logger.warn(`could not bump the public revision: ${error}`));
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
   * Whether a signed-in caller (the Authorization header) sees exactly what anonymous visitors see
   * of the public root fields: then they share the cached answers. False for a bad token, so the
   * request goes on to be refused properly.
   */
  seesPublicView(authorization: string): Promise<boolean>;
  maxEntries: number;
  ttlMs: number;
}

function rootFields(operation: OperationDefinitionNode, document: DocumentNode): string[] {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [])));
  const names: string[] = [];
  const collect = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) names.push(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) collect(s.selectionSet);
      else {
        const fragment = fragments.get(s.name.value);
        if (fragment) collect(fragment);
      }
    }
  };
  collect(operation.selectionSet);
  return names.filter((n) => n !== '__typename');
}

function selectsAny(document: DocumentNode, fields: ReadonlySet<string>): boolean {
  let found = false;
  visit(document, { Field: (node: FieldNode) => void (fields.has(node.name.value) && (found = true)) });
  return found;
}

interface Entry {
  body: Buffer;
  etag: string;
  expires: number;
}

/** A request whose caller sees the public view (marked by PublicCacheMiddleware). */
type PublicViewRequest = Request & { publicView?: boolean };

interface GraphQLRequestBody {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
}

/**
 * Serialized answers to reads of public data (the agenda every attendee app loads), kept in memory and
 * served by PublicCacheMiddleware without GraphQL execution, SQL or serialization. Keyed by query,
 * variables and the public revision; a bounded LRU with a TTL as a backstop. Only answers that
 * publicCachePlugin judged public are stored. Anonymous visitors and signed-in callers who see the
 * public view (not organizers: they see drafts) share them; organizers always get a fresh answer.
 */
export class PublicCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly revision: PublicRevision,
    readonly options: PublicCacheOptions,
  ) {}

  /** The cache key of a request at the current revision; null when it cannot be cached now. */
  async keyOf(request: GraphQLRequestBody): Promise<string | null> {
    if (typeof request.query !== 'string') return null;
    const rev = await this.revision.current();
    if (rev === null) return null;
    const digest = createHash('sha1').update(`${request.operationName ?? ''}\n${request.query}\n${JSON.stringify(request.variables ?? {})}`).digest('base64url');
    return `${rev}:${digest}`;
  }

  get(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expires <= Date.now()) return undefined;
    this.entries.set(key, entry); // most recently used last
    return entry;
  }

  set(key: string, result: { data: Record<string, unknown> }): void {
    const body = Buffer.from(JSON.stringify(result));
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    this.entries.set(key, { body, etag, expires: Date.now() + this.options.ttlMs });
    if (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Whether an operation's answer is the same for every anonymous caller. */
  isPublic(operation: OperationDefinitionNode, document: DocumentNode): boolean {
    if (operation.operation !== 'query') return false;
    const roots = rootFields(operation, document);
    return roots.length > 0 && roots.every((f) => this.options.publicRootFields.has(f)) && !selectsAny(document, this.options.volatileFields);
  }
}

/** Serves cached public answers before GraphQL runs (with ETag / If-None-Match). */
@Injectable()
export class PublicCacheMiddleware implements NestMiddleware {
  constructor(private readonly cache: PublicCache) {}

  use(req: Request, res: Response, next: NextFunction): void {
    if (req.method !== 'POST' || !req.body) return next();
    const authorization = req.headers.authorization;
    const publicView = authorization ? this.cache.options.seesPublicView(authorization).catch(() => false) : Promise.resolve(true);
    publicView
      .then(async (shared) => {
        if (!shared) return next();
        (req as PublicViewRequest).publicView = true;
        const key = await this.cache.keyOf(req.body as GraphQLRequestBody);
        const entry = key ? this.cache.get(key) : undefined;
        if (!entry) return next();
        if (req.headers['if-none-match'] === entry.etag) return void res.status(304).setHeader('etag', entry.etag).end();
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': entry.body.length, etag: entry.etag, 'x-cache': 'hit' });
        res.end(entry.body);
      })
      .catch(next);
  }
}

/** Stores the answers of public anonymous operations for PublicCacheMiddleware. */
export function publicCachePlugin(cache: PublicCache): ApolloServerPlugin {
  return {
    async requestDidStart({ request, contextValue }) {
      // Set by PublicCacheMiddleware: anonymous, or signed in and seeing what anonymous visitors see.
      if (!(contextValue as { req?: PublicViewRequest }).req?.publicView) return;
      let key: string | null = null;
      return {
        async didResolveOperation({ operation, document }) {
          // The key is taken before execution: a change committed meanwhile bumps the revision past it.
          if (operation && cache.isPublic(operation, document)) key = await cache.keyOf(request);
        },
        async willSendResponse({ response }) {
          if (!key || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (!errors?.length && data) cache.set(key, { data });
        },
      };
    },
  };
}
