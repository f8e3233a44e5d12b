import { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, GraphQLField, isObjectType } from 'graphql';
import type { NextFunction, Request, Response } from 'express';

/** Deepest JSON nesting a GraphQL request body may have (the body itself, variables, input objects). */
export const MAX_BODY_DEPTH = 64;
/** Tokens the GraphQL parser reads before giving up (Apollo's parseOptions.maxTokens). */
export const MAX_QUERY_TOKENS = 50_000;

const graphqlError = (res: Response, status: number, message: string, extensions: Record<string, unknown>) =>
  res.status(status).json({ errors: [{ message, extensions }] });

/** Depth of a JSON value, measured with an explicit stack: never recursion, stops as soon as it passes `limit`. */
export function jsonDepthExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v))
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Bracket nesting of a GraphQL document ({ ( [), strings and comments skipped. The parser recurses
 * once per level and overflows the stack a few thousand levels down; no legitimate query nests
 * beyond a few dozen.
 */
export function documentDepthExceeds(query: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < query.length; i++) {
    const c = query.charCodeAt(i);
    if (c === 0x7b || c === 0x28 || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x29 || c === 0x5d) depth--;
    else if (c === 0x23) {
      while (i < query.length && query[i] !== '\n') i++; // a comment
    } else if (c === 0x22) {
      if (query.startsWith('"""', i)) {
        const end = query.indexOf('"""', i + 3);
        i = end < 0 ? query.length : end + 2;
      } else {
        for (i++; i < query.length && query[i] !== '"' && query[i] !== '\n'; i++) if (query[i] === '\\') i++;
      }
    }
  }
  return false;
}

/**
 * Refuses GraphQL bodies nested deeper than MAX_BODY_DEPTH (variables 100,000 levels deep, or a
 * query of as many braces) with 400 BAD_USER_INPUT, before anything walks them recursively (the
 * public cache's digest, the parser, variable coercion). Runs right after the JSON parser.
 */
export function graphqlBodyGuard(maxDepth = MAX_BODY_DEPTH) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const body = req.body as { query?: unknown } | undefined;
    if (jsonDepthExceeds(body, maxDepth + 2))
      return void graphqlError(res, 400, `Request is nested too deeply (limit ${maxDepth} levels)`, {
        code: 'BAD_USER_INPUT',
      });
    if (typeof body?.query === 'string' && documentDepthExceeds(body.query, maxDepth)) {
      return void graphqlError(res, 400, `Query is nested too deeply (limit ${maxDepth} levels)`, {
        code: 'BAD_USER_INPUT',
      });
    }
    next();
  };
}

/** Where the request's time budget ends (epoch ms), set by requestDeadline; read by deadlinePlugin. */
const DEADLINE = Symbol('deadline');
type WithDeadline = { [DEADLINE]?: number };

/**
 * A per-request time budget. When it runs out before the answer is sent, the client gets 503
 * SERVICE_UNAVAILABLE (reason TIMEOUT) at once, whatever is still running; deadlinePlugin then
 * refuses to resolve any further field, so the rest of the operation stops at its next field. What
 * a resolver already started (a statement, a transaction) finishes on its own.
 */
export function requestDeadline(timeoutMs: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    (req as WithDeadline)[DEADLINE] = Date.now() + timeoutMs;
    const timer = setTimeout(() => {
      if (res.headersSent || res.writableEnded) return;
      res.setHeader('connection', 'close');
      graphqlError(res, 503, `The request did not complete within ${timeoutMs} ms`, {
        code: 'SERVICE_UNAVAILABLE',
        reason: 'TIMEOUT',
      });
      // The GraphQL handler still holds this response and will answer into it: let that go nowhere.
      Object.assign(res, {
        setHeader: () => res,
        writeHead: () => res,
        write: () => true,
        end: () => res,
        send: () => res,
        json: () => res,
        status: () => res,
      });
    }, timeoutMs);
    timer.unref();
    res.once('close', () => clearTimeout(timer));
    next();
  };
}

export const deadlineExceeded = () =>
  new GraphQLError('The request ran out of time', {
    extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'TIMEOUT', http: { status: 503 } },
  });

const WRAPPED = Symbol('deadline-checked');

/**
 * Stops resolving fields once the request's deadline (requestDeadline) has passed: every field with
 * a resolver of its own (the ones that do work: queries, relations, mutations) first checks the
 * deadline. Plain property reads are left alone, so a 200-row page pays nothing per column.
 */
export function deadlinePlugin(): ApolloServerPlugin {
  return {
    serverWillStart({ schema }) {
      for (const type of Object.values(schema.getTypeMap())) {
        if (!isObjectType(type) || type.name.startsWith('__')) continue;
        for (const field of Object.values(type.getFields()) as (GraphQLField<unknown, unknown> & {
          [WRAPPED]?: true;
        })[]) {
          const resolve = field.resolve;
          if (!resolve || field[WRAPPED]) continue;
          field[WRAPPED] = true;
          field.resolve = (source, args, context, info) => {
            const deadline = (context as { req?: WithDeadline } | undefined)?.req?.[DEADLINE];
            if (deadline !== undefined && Date.now() >= deadline) throw deadlineExceeded();
            return resolve(source, args, context, info);
          };
        }
      }
      return Promise.resolve();
    },
  };
}
