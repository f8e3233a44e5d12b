import { type ApolloClient, CombinedGraphQLErrors } from '@apollo/client';
import { graphql } from '../gql';
import { deviceSchedule, mergeInto, outcomeOfError } from './device-schedule';

const MergeDeviceEntry = graphql(`
  mutation MergeDeviceEntry($sessionId: ID!) {
    addToSchedule(sessionId: $sessionId) {
      id
      status
    }
  }
`);

/**
 * At sign-in: the sessions added on this device before signing in go into the account through
 * addToSchedule, oldest first. What the server refuses for good is forgotten; what could not be sent
 * (offline, not registered for that edition yet) stays for the next sign-in. Never throws.
 */
export async function mergeDeviceSchedule(client: ApolloClient): Promise<void> {
  const entries = deviceSchedule.all();
  if (!entries.length) return;
  const { keep } = await mergeInto(entries, async (sessionId) => {
    try {
      await client.mutate({ mutation: MergeDeviceEntry, variables: { sessionId } });
      return { kind: 'added' };
    } catch (error) {
      const code = CombinedGraphQLErrors.is(error) ? error.errors[0]?.extensions?.code : undefined;
      return outcomeOfError(typeof code === 'string' ? code : undefined);
    }
  });
  // Additions made on the device while the merge ran are kept too.
  const sent = new Set(entries.map((e) => e.sessionId));
  const keptIds = new Set(keep.map((e) => e.sessionId));
  deviceSchedule.replace(deviceSchedule.all().filter((e) => !sent.has(e.sessionId) || keptIds.has(e.sessionId)));
}
