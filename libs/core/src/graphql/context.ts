import { Request } from 'express';
import { Principal } from '../auth/principal';
import { Loaders } from './loaders';

/** What every resolver finds in the GraphQL context. */
export interface GqlContext {
  req: Request & { user?: Principal };
  loaders: Loaders;
}
