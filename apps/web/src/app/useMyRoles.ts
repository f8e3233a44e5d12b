import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import type { Role } from '../gql/graphql';
import { useToken } from './auth';

const MyRoles = graphql(`
  query MyRoles($editionId: ID!) {
    myRoles(editionId: $editionId)
  }
`);

/**
 * The signed-in person's roles in an edition (the API's `myRoles`), for what the app offers them:
 * the Admin and Scan links, the back office's door. The server checks every call on its own.
 */
export function useMyRoles(editionId: string | undefined) {
  const token = useToken();
  const { data, loading, error } = useQuery(MyRoles, {
    variables: { editionId: editionId ?? '' },
    skip: !token || !editionId,
  });
  const roles: readonly Role[] = data?.myRoles ?? [];
  return {
    roles,
    /** Still asking (a signed-in person whose roles are not known yet). */
    loading: !!token && !!editionId && (loading || (!data && !error)),
    error,
    organizer: roles.includes('ORGANIZER'),
    staff: roles.includes('ORGANIZER') || roles.includes('STAFF'),
  };
}
