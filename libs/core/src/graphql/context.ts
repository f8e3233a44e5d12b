import { Request } from 'express';
import { Principal } from '../auth/principal';
import { RequestLoaders } from './loaders';

/** What every resolver finds in the GraphQL context. */
export interface GqlContext {
  req: Request & { user?: Principal };
  loaders: RequestLoaders;
}
