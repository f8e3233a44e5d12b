import { type ApolloClient, CombinedGraphQLErrors } from '@apollo/client';
import { graphql } from '../../gql';
import type { LeadFieldsFragment } from '../../gql/graphql';
import { errorMessage } from '../../ui/FormError';
import { type LeadTransport, Unreachable } from './lead-capture';

/** The lead page's operations with the API: the capturer's transport (Apollo, never from the cache for writes). */

graphql(`
  fragment LeadFields on Lead {
    id
    capturedAt
    capturedBy
    notes
    rating
    tags
    contactHidden
    attendee {
      id
      firstName
      lastName
      company
      jobTitle
      email
    }
  }
`);

export type LeadView = LeadFieldsFragment;

export const CaptureLead = graphql(`
  mutation CaptureLead($input: LeadInput!) {
    captureLead(input: $input) {
      ...LeadFields
    }
  }
`);

export const UpdateLead = graphql(`
  mutation UpdateLead($id: ID!, $notes: String, $rating: Int, $tags: [String!]) {
    updateLead(id: $id, notes: $notes, rating: $rating, tags: $tags) {
      ...LeadFields
    }
  }
`);

export const SyncLeads = graphql(`
  mutation SyncLeads($exhibitorId: ID!, $scans: [OfflineLeadInput!]!) {
    syncLeads(exhibitorId: $exhibitorId, scans: $scans) {
      ok
      reason
      lead {
        ...LeadFields
      }
    }
  }
`);

/** A refusal by the API stays an error; anything else (no network, a gateway, an abort) is the network failing. */
function classify(error: unknown): Error {
  if (CombinedGraphQLErrors.is(error)) return new Error(errorMessage(error));
  return new Unreachable();
}

/** The queries that show leads: refetched after a capture, an edit or an upload. */
export const LEAD_QUERIES = ['LeadsTable', 'LeadFigures'];

export function apolloLeadTransport(client: ApolloClient): LeadTransport<LeadView> {
  return {
    async capture(input, signal) {
      try {
        const { data } = await client.mutate({
          mutation: CaptureLead,
          variables: { input },
          context: { fetchOptions: { signal } },
        });
        if (!data) throw new Unreachable();
        return data.captureLead;
      } catch (error) {
        throw classify(error);
      }
    },
    async sync(exhibitorId, scans) {
      try {
        const { data } = await client.mutate({ mutation: SyncLeads, variables: { exhibitorId, scans } });
        if (!data) throw new Unreachable();
        return data.syncLeads;
      } catch (error) {
        throw classify(error);
      }
    },
    async update(id, details) {
      try {
        const { data } = await client.mutate({
          mutation: UpdateLead,
          variables: { id, notes: details.notes, rating: details.rating, tags: details.tags ?? [] },
        });
        if (!data) throw new Unreachable();
        return data.updateLead;
      } catch (error) {
        throw classify(error);
      }
    },
  };
}
