import { createHash } from 'node:crypto';
import { Injectable, NestMiddleware } from '@nestjs/common';
import { AuthGuard, Principal, queryCount } from '@app/core';
import { NextFunction, Request, Response } from 'express';
import {
  DocumentNode,
  FieldNode,
  Kind,
  OperationDefinitionNode,
  OperationTypeNode,
  parse,
  SelectionSetNode,
} from 'graphql';
import { ScheduleService } from './schedule.service';

/**
 * The fields a cached `mySchedule` answer may select, by type: each reads only rows that
 * ScheduleService.fingerprint covers (the attendee, their entries, the entries' sessions, rooms,
 * tracks, editions and speakers, and waitlist places). A field maps to the type it returns, or to
 * null for a leaf. A document selecting anything else (Session.attendance, Speaker.sessions, a field
 * added later) is never cached: it runs as usual. Add a field here only when the fingerprint covers
 * every row its answer depends on.
 */
const CACHEABLE: Record<string, Record<string, string | null>> = {
  Query: { mySchedule: 'ScheduleEntry' },
  ScheduleEntry: { id: null, status: null, waitlistPosition: null, session: 'Session', conflictsWith: 'Session' },
  Session: {
    id: null,
    title: null,
    abstract: null,
    format: null,
    status: null,
    startsAt: null,
    endsAt: null,
    capacity: null,
    seatsTaken: null,
    ceCredits: null,
    cancelReason: null,
    room: 'Room',
    track: 'Track',
    edition: 'Edition',
    speakers: 'Speaker',
  },
  Room: { id: null, name: null, capacity: null, enforceCapacity: null },
  Track: { id: null, name: null },
  Edition: { id: null, name: null, year: null, timezone: null, startsOn: null, endsOn: null },
  Speaker: { id: null, name: null, company: null, jobTitle: null, bio: null },
};

/** Where a cacheable operation's edition comes from: a literal or a variable. */
type EditionSource = { literal: string } | { variable: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Of an operation, its edition argument when every field it selects is one MyScheduleCache may serve; else null. */
export function cacheableEdition(
  document: DocumentNode,
  operationName: string | null | undefined,
): EditionSource | null {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName
    ? operations.find((o) => o.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation || operation.operation !== OperationTypeNode.QUERY) return null;
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const roots: FieldNode[] = [];
  const allowed = (set: SelectionSetNode, type: string, path: Set<string>): boolean =>
    set.selections.every((s) => {
      if (s.directives?.some((d) => d.name.value !== 'include' && d.name.value !== 'skip')) return false;
      if (s.kind === Kind.INLINE_FRAGMENT)
        return (!s.typeCondition || s.typeCondition.name.value === type) && allowed(s.selectionSet, type, path);
      if (s.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(s.name.value);
        if (!fragment || fragment.typeCondition.name.value !== type || path.has(s.name.value)) return false;
        return allowed(fragment.selectionSet, type, new Set(path).add(s.name.value));
      }
      if (s.name.value === '__typename') return !s.selectionSet;
      const fields = CACHEABLE[type];
      if (!Object.prototype.hasOwnProperty.call(fields, s.name.value)) return false;
      if (type === 'Query') roots.push(s);
      else if (s.arguments?.length) return false;
      const child = fields[s.name.value];
      return child === null ? !s.selectionSet : !!s.selectionSet && allowed(s.selectionSet, child, path);
    });
  if (!allowed(operation.selectionSet, 'Query', new Set()) || roots.length !== 1) return null;
  const args = roots[0].arguments ?? [];
  const value = args.length === 1 && args[0].name.value === 'editionId' ? args[0].value : undefined;
  if (value?.kind === Kind.STRING) return { literal: value.value };
  if (value?.kind === Kind.VARIABLE) return { variable: value.name.value };
  return null;
}

interface Entry {
  fingerprint: string;
  body: Buffer;
  contentType: string;
}

interface GraphQLRequestBody {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
}

/**
 * Serialized answers to `mySchedule` per person and document, each kept with the fingerprint of
 * the rows it was made from (ScheduleService.fingerprint). Every request reads the fingerprint
 * afresh (one prepared statement, shared by the requests that arrive together) and is served the
 * kept answer only when it is unchanged: an answer is never older than the request, so no one is
 * shown a seat or a waitlist place that another person's add, removal or promotion has changed,
 * on any API instance. Answers are kept in memory up to a byte budget (least recently used go).
 */
export class MyScheduleCache {
  private readonly entries = new Map<string, Entry>();
  private readonly documents = new Map<string, { operationName: string; edition: EditionSource | null }[]>();
  private bytes = 0;

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  /** The edition a request asks for when its answer may be cached; null otherwise. */
  editionOf(body: GraphQLRequestBody): string | null {
    const operationName = body.operationName ?? '';
    // A name that is not a string is refused by GraphQL: such a request is never answered from here.
    if (typeof body.query !== 'string' || body.query.length > 20_000 || typeof operationName !== 'string') return null;
    let known = this.documents.get(body.query);
    let plan = known?.find((k) => k.operationName === operationName);
    if (!plan) {
      let edition: EditionSource | null = null;
      try {
        edition = cacheableEdition(parse(body.query, { maxTokens: 5_000 }), operationName);
      } catch {
        // Not a document: GraphQL answers it.
      }
      plan = { operationName, edition };
      if (!known) {
        if (this.documents.size >= 1_000) this.documents.clear();
        this.documents.set(body.query, (known = []));
      }
      if (known.length < 10) known.push(plan);
    }
    if (!plan.edition) return null;
    const id =
      'literal' in plan.edition
        ? plan.edition.literal
        : (body.variables as Record<string, unknown> | undefined)?.[plan.edition.variable];
    return typeof id === 'string' && UUID.test(id) ? id : null;
  }

  /** Who asks, what, and in which media type (Accept picks application/json or application/graphql-response+json). */
  keyOf(user: Principal, body: GraphQLRequestBody, accept: string | undefined): string {
    return createHash('sha1')
      .update(
        `${user.userId}\n${accept ?? ''}\n${typeof body.operationName === 'string' ? body.operationName : ''}\n${String(body.query)}\n${JSON.stringify(body.variables ?? {})}`,
      )
      .digest('base64url');
  }

  /** The kept answer when it was made from rows with this fingerprint. */
  get(key: string, fingerprint: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.fingerprint !== fingerprint) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry); // most recently used last
    return entry;
  }

  set(key: string, fingerprint: string, body: Buffer, contentType = 'application/json; charset=utf-8'): void {
    this.remove(key);
    this.entries.set(key, { fingerprint, body, contentType });
    this.bytes += body.length;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.body.length;
    }
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.body.length;
  }
}

/** Documents that start as a mutation or subscription: never cached. */
const NOT_A_READ = /^\s*(mutation|subscription)\b/;

/**
 * Answers `mySchedule` reads from MyScheduleCache when the schedule's fingerprint is unchanged,
 * without GraphQL execution; otherwise lets the request run and keeps its answer (when it has no
 * errors) with the fingerprint read before it ran. Anything else, and any doubt (no or bad token,
 * no registration, the fingerprint unreadable), goes on to GraphQL untouched.
 */
@Injectable()
export class MyScheduleCacheMiddleware implements NestMiddleware {
  readonly cache = new MyScheduleCache();

  constructor(
    private readonly auth: AuthGuard,
    private readonly schedule: ScheduleService,
  ) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const body = req.body as GraphQLRequestBody | undefined;
    if (
      req.method !== 'POST' ||
      !body ||
      typeof body.query !== 'string' ||
      NOT_A_READ.test(body.query) ||
      !req.headers['content-type']?.startsWith('application/json')
    )
      return next();
    const editionId = this.cache.editionOf(body);
    if (!editionId) return next();
    this.serve(req, res, body, editionId).then(
      (served) => served || next(),
      () => next(),
    );
  }

  /** True when it answered from the cache; else it has arranged for the answer to be kept, if it can be. */
  private async serve(req: Request, res: Response, body: GraphQLRequestBody, editionId: string): Promise<boolean> {
    let user: Principal | undefined;
    try {
      user = await this.auth.principalFrom(req.headers.authorization);
    } catch {
      return false; // a bad or old token: GraphQL refuses it
    }
    if (!user?.email) return false;
    const counting = queryCount.getStore();
    const fingerprint = await this.schedule.fingerprint(user, editionId);
    if (counting) counting.queries++;
    if (!fingerprint) return false;
    const key = this.cache.keyOf(user, body, req.headers.accept);
    const kept = this.cache.get(key, fingerprint);
    if (kept) {
      const headers: Record<string, string | number> = {
        'content-type': kept.contentType,
        'content-length': kept.body.length,
        'x-cache': 'hit',
      };
      if (counting) headers['x-sql-queries'] = counting.queries;
      res.writeHead(200, headers);
      res.end(kept.body);
      return true;
    }
    this.keepAnswer(res, key, fingerprint);
    return false;
  }

  /** Keeps the answer GraphQL sends for this request, when it is a complete one without errors. */
  private keepAnswer(res: Response, key: string, fingerprint: string): void {
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.end = ((...args: unknown[]) => {
      const chunk = args[0];
      if (res.statusCode === 200 && (typeof chunk === 'string' || Buffer.isBuffer(chunk))) {
        try {
          const answer = JSON.parse(chunk.toString()) as { data?: { mySchedule?: unknown }; errors?: unknown };
          const contentType = res.getHeader('content-type');
          if (answer.errors === undefined && Array.isArray(answer.data?.mySchedule) && typeof contentType === 'string')
            this.cache.set(key, fingerprint, Buffer.from(chunk), contentType);
        } catch {
          // Not JSON: not kept.
        }
      }
      return end(...args);
    }) as Response['end'];
  }
}
