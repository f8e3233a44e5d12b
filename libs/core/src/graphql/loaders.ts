import { createParamDecorator, ExecutionContext, Global, Injectable, Module } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { Principal } from '../auth/principal';

/**
 * Every loader a request offers, by name. Each lib declares its own in `<lib>.loaders.ts` by declaration
 * merging, next to the builders it registers with LoaderFactory (e.g. libs/sessions/src/sessions.loaders.ts):
 *
 *   declare module '@app/core' {
 *     interface LoaderMap {
 *       session: DataLoader<string, Session | null>;
 *     }
 *   }
 *
 * and resolvers use them typed: `loaders.session.load(id)`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by each lib (declaration merging)
export interface LoaderMap {}

/** The loaders of one request (`@Loaders() loaders: Loaders`): each built on first use, gone with the request. */
export type Loaders = Readonly<LoaderMap>;

/** What a loader may depend on besides its lib's services: the request's caller (set by the guard). */
export interface LoaderRequest {
  readonly user?: Principal;
}

/** How each lib's loaders are built, one builder per LoaderMap entry. */
export type LoaderBuilders = { [K in keyof LoaderMap]?: (request: LoaderRequest) => LoaderMap[K] };

const REQUEST = Symbol('request');

/**
 * Builds every request's loaders. Each lib registers its builders at boot (`<lib>.loaders.ts`); the GraphQL
 * context gets `forRequest(req)`, an object whose loaders are built lazily, so a request pays only for those it uses.
 */
@Injectable()
export class LoaderFactory {
  // One lazy getter per registered loader; a request's object inherits them and keeps what it builds.
  private readonly prototype: object = {};

  /** Adds a lib's loaders to every request (at module init); a name registered twice is a boot error. */
  register(builders: LoaderBuilders): void {
    for (const [name, build] of Object.entries(builders) as [string, (request: LoaderRequest) => unknown][]) {
      if (Object.hasOwn(this.prototype, name)) throw new Error(`The loader '${name}' is registered twice`);
      Object.defineProperty(this.prototype, name, {
        get(this: { [REQUEST]: LoaderRequest }) {
          const loader = build(this[REQUEST]);
          Object.defineProperty(this, name, { value: loader });
          return loader;
        },
      });
    }
  }

  /** The loaders of one request; `request.user` is read when a loader is first used. */
  forRequest(request: LoaderRequest): Loaders {
    const loaders = Object.create(this.prototype) as Loaders & { [REQUEST]?: LoaderRequest };
    loaders[REQUEST] = request;
    return loaders;
  }
}

/** The LoaderFactory, for every lib module that registers loaders. */
@Global()
@Module({ providers: [LoaderFactory], exports: [LoaderFactory] })
export class LoadersModule {}

/** A batching loader (up to 1,000 keys a batch), for the builders. */
export function batchLoader<K, V>(batch: (keys: readonly K[]) => Promise<readonly V[]>): DataLoader<K, V> {
  return new DataLoader<K, V>(batch, { maxBatchSize: 1000 });
}

/** A loader of one row (or null) per key, from a batch read and the key of a row. */
export function oneLoader<K, V>(
  read: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (row: V) => K,
): DataLoader<K, V | null> {
  return batchLoader(async (keys) => oneByKey(keys, await read(keys), keyOf));
}

/** A loader of a list (maybe empty) per key, from a batch read, the key of a row and, for links, what a row carries. */
export function manyLoader<K, R>(read: (keys: readonly K[]) => Promise<R[]>, keyOf: (row: R) => K): DataLoader<K, R[]>;
export function manyLoader<K, R, V>(
  read: (keys: readonly K[]) => Promise<R[]>,
  keyOf: (row: R) => K,
  valueOf: (row: R) => V,
): DataLoader<K, V[]>;
export function manyLoader<K, R, V>(
  read: (keys: readonly K[]) => Promise<R[]>,
  keyOf: (row: R) => K,
  valueOf?: (row: R) => V,
): DataLoader<K, (R | V)[]> {
  return batchLoader<K, (R | V)[]>(async (keys) => {
    const lists = manyByKey(keys, await read(keys), keyOf);
    return valueOf ? lists.map((rows) => rows.map(valueOf)) : lists;
  });
}

/** The request's loaders, for @ResolveField methods. */
export const Loaders = createParamDecorator(
  (_: unknown, context: ExecutionContext): Loaders =>
    GqlExecutionContext.create(context).getContext<{ loaders: Loaders }>().loaders,
);

/** Orders rows by key for a batch function: one row (or null) per key. */
export function oneByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((key) => map.get(key) ?? null);
}

/** Groups rows by key for a batch function: a list (maybe empty) per key. */
export function manyByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return keys.map((key) => map.get(key) ?? []);
}
