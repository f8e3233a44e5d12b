import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders } from '@app/core';
import { RoleGrant } from '@app/editions';
import { Exhibitor } from '@app/exhibitors';

/**
 * RoleGrant.exhibitor: the editions lib lists roles (it cannot import the exhibitors lib, which
 * imports it), the exhibitors lib's loader reads the exhibitor; wired here.
 */
@Resolver(() => RoleGrant)
export class RoleGrantExhibitorResolver {
  @ResolveField(() => Exhibitor, { nullable: true, description: 'The exhibitor an EXHIBITOR role works for' })
  exhibitor(@Parent() grant: RoleGrant, @Loaders() loaders: Loaders): Promise<Exhibitor | null> | null {
    return grant.exhibitorId ? loaders.exhibitor.load(grant.exhibitorId) : null;
  }
}
