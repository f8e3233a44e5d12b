import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { badInput } from '../errors/domain-error';
import { stringProblem } from '../input-rules';

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType()
export class PageInfo {
  @Field(() => String, { nullable: true }) endCursor: string | null;
  @Field() hasNextPage: boolean;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1..${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string;
}

export interface Edge<T> {
  node: T;
  cursor: string;
}
export interface ConnectionResult<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number | Promise<number>;
}

/** Builds the <Name>Edge and <Name>Connection object types of the contract for a node type. */
export function Connection<T>(node: Type<T>, name = node.name): Type<ConnectionResult<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => node) node: T;
    @Field() cursor: string;
  }
  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [EdgeType]) edges: EdgeType[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => Int) totalCount: number;
  }
  return ConnectionType;
}

/** Opaque keyset cursor: base64url JSON of the sort key values. */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, shape: ('string' | 'number')[]): (string | number)[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // A decoded value goes into SQL: the input rule applies to it as to any argument (no NUL, bounded).
    if (
      Array.isArray(values) &&
      values.length === shape.length &&
      values.every(
        (v: unknown, i): v is string | number =>
          typeof v === shape[i] && (typeof v !== 'string' || !stringProblem(v, 1000)),
      )
    )
      return values;
  } catch {
    /* fall through */
  }
  throw badInput('Malformed cursor', { argument: 'after' });
}

/** Turns rows fetched with LIMIT first + 1 into a connection; totalCount may be a thunk so the COUNT runs only when asked for. */
export function toConnection<T>(
  rows: T[],
  first: number,
  cursorOf: (row: T) => (string | number)[],
  totalCount: number | (() => Promise<number>),
): ConnectionResult<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(cursorOf(node)) }));
  const result = {
    edges,
    pageInfo: { endCursor: edges.at(-1)?.cursor ?? null, hasNextPage: rows.length > first },
  } as ConnectionResult<T>;
  if (typeof totalCount === 'number') return { ...result, totalCount };
  // Counted only when a client selects totalCount (GraphQL reads the property), at most once.
  let counted: Promise<number> | undefined;
  return Object.defineProperty(result, 'totalCount', { enumerable: true, get: () => (counted ??= totalCount()) });
}
