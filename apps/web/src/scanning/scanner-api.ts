import { type ApolloClient, CombinedGraphQLErrors } from '@apollo/client';
import { errorMessage } from '../ui/FormError';
import { graphql } from '../gql';
import type { FetchDatasetPage } from './dataset-sync';
import { NetworkError, type ScanTransport } from './scan-engine';

/** The scanner's operations with the API through Apollo: the engine's transport and the dataset's pages. */

// The fields the engine reads of every ScanResult (spread by name below).
graphql(`
  fragment ScannerResult on ScanResult {
    outcome
    reason
    rejectReason
    firstAdmittedAt
    attendee {
      id
      firstName
      lastName
      accessLevel
    }
    scan {
      id
      scannedAt
      conflict
      annulledAt
    }
  }
`);

export const ScanBadge = graphql(`
  mutation ScannerScanBadge($input: ScanInput!) {
    scanBadge(input: $input) {
      ...ScannerResult
    }
  }
`);

export const SyncScans = graphql(`
  mutation ScannerSyncScans($checkpointId: ID!, $scans: [OfflineScanInput!]!, $deviceId: String, $queued: Int) {
    syncScans(checkpointId: $checkpointId, scans: $scans, deviceId: $deviceId, queued: $queued) {
      results {
        ...ScannerResult
      }
    }
  }
`);

export const AnnulScan = graphql(`
  mutation ScannerAnnulScan($scanId: ID!, $deviceId: String!) {
    annulScan(scanId: $scanId, deviceId: $deviceId) {
      id
      annulledAt
    }
  }
`);

export const ScannerDataset = graphql(`
  query ScannerDataset($editionId: ID!, $since: String, $after: String, $first: Int) {
    scannerDataset(editionId: $editionId, since: $since, after: $after, first: $first) {
      bookmark
      endCursor
      hasNextPage
      keys {
        kid
        publicKey
        retired
      }
      roster {
        badgeId
        version
        attendeeId
        name
        accessLevel
        revoked
      }
    }
  }
`);

/** A refusal by the API stays an error; anything else (no network, a gateway, an abort) is the network failing. */
function classify(error: unknown): Error {
  if (CombinedGraphQLErrors.is(error)) return new Error(errorMessage(error));
  return new NetworkError();
}

const noCache = { fetchPolicy: 'no-cache' as const };

export function apolloTransport(client: ApolloClient): ScanTransport {
  return {
    async scan(input, signal) {
      try {
        const { data } = await client.mutate({
          mutation: ScanBadge,
          variables: { input },
          context: { fetchOptions: { signal } },
          ...noCache,
        });
        if (!data) throw new NetworkError();
        return data.scanBadge;
      } catch (error) {
        throw classify(error);
      }
    },
    async sync(checkpointId, scans, deviceId, queued) {
      try {
        const { data } = await client.mutate({
          mutation: SyncScans,
          variables: { checkpointId, scans, deviceId, queued },
          ...noCache,
        });
        if (!data) throw new NetworkError();
        return data.syncScans.results;
      } catch (error) {
        throw classify(error);
      }
    },
    async annul(scanId, deviceId) {
      try {
        const { data } = await client.mutate({ mutation: AnnulScan, variables: { scanId, deviceId }, ...noCache });
        return { annulledAt: data?.annulScan.annulledAt ?? null };
      } catch (error) {
        throw classify(error);
      }
    },
  };
}

/** scannerDataset pages, never from the cache (the roster is kept in the scanner's own store). */
export function apolloDatasetPages(client: ApolloClient): FetchDatasetPage {
  return async (request) => {
    try {
      const { data } = await client.query({ query: ScannerDataset, variables: request, ...noCache });
      if (!data) throw new NetworkError();
      return data.scannerDataset;
    } catch (error) {
      throw classify(error);
    }
  };
}
