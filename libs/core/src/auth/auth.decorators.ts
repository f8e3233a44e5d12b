import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { unauthenticated } from '../errors/domain-error';
import { Principal } from './principal';

export const IS_PUBLIC = 'isPublic';
/** The operation may be called without a token (the caller may still be signed in). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** What the guards and decorators read of a request, HTTP or GraphQL. */
export interface RequestLike {
  user?: Principal;
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
}

export function requestOf(context: ExecutionContext): RequestLike {
  if (context.getType<string>() === 'graphql')
    return GqlExecutionContext.create(context).getContext<{ req: RequestLike }>().req;
  return context.switchToHttp().getRequest<RequestLike>();
}

/** The signed-in caller; UNAUTHENTICATED when there is none. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const user = requestOf(context).user;
  if (!user) throw unauthenticated();
  return user;
});

/** The caller if signed in, else undefined (for @Public operations). */
export const OptionalUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal | undefined => requestOf(context).user,
);
