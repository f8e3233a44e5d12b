import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { createClient } from 'graphql-ws';
import { tokenStore } from './token-store';

/** The subscription transport (graphql-ws on ws[s]://same host/graphql), loaded by apollo.ts at the first subscription only. */
export function createWsLink(): GraphQLWsLink {
  const url = new URL('/graphql', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return new GraphQLWsLink(
    createClient({
      url: url.toString(),
      lazy: true,
      // Read at each (re)connection: a sign-in after the socket closed is picked up.
      connectionParams: () => {
        const token = tokenStore.get();
        return token ? { authorization: `Bearer ${token}` } : {};
      },
    }),
  );
}
