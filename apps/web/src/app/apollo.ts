import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { OperationTypeNode } from 'graphql';
import { Observable, type Subscription } from 'rxjs';
import { freshnessLink } from './offline-cache';
import { tokenStore } from './token-store';

/**
 * Apollo Client for the API on the same origin: queries and mutations over HTTP (/graphql), subscriptions
 * over graphql-ws (ws[s]://same host/graphql). Every request carries the stored token. An
 * UNAUTHENTICATED answer to a request that carried a token means the token expired or was ended
 * (sign out everywhere, password reset): the token is dropped and `onExpired` runs (the router sends
 * the person to /login?next=<where they were>). A wrong password also answers UNAUTHENTICATED, but
 * without a token, so it stays an ordinary error for the form.
 */
export function createApolloClient(onExpired: () => void): ApolloClient {
  const auth = new ApolloLink((operation, forward) => {
    const token = tokenStore.get();
    operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
      headers: token ? { ...headers, authorization: `Bearer ${token}` } : headers,
      sentToken: token,
    }));
    return forward(operation);
  });

  const expired = new ErrorLink(({ error, operation }) => {
    const sent = operation.getContext().sentToken as string | null;
    if (!sent || !CombinedGraphQLErrors.is(error)) return;
    if (!error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) return;
    if (tokenStore.get() === sent) {
      tokenStore.clear();
      onExpired();
    }
  });

  const http = new HttpLink({ uri: '/graphql' });
  const links: ApolloLink[] = [auth, expired, freshnessLink];
  let transport: ApolloLink = http;
  if (typeof window !== 'undefined' && typeof WebSocket !== 'undefined') {
    // graphql-ws is loaded at the first subscription (only a signed-in person has one): the first page paints without it.
    let wsLink: Promise<ApolloLink> | undefined;
    const ws = new ApolloLink(
      (operation, forward) =>
        new Observable((observer) => {
          let inner: Subscription | undefined;
          let closed = false;
          (wsLink ??= import('./ws-link').then((m) => m.createWsLink())).then(
            (link) => {
              if (!closed) inner = link.request(operation, forward).subscribe(observer);
            },
            (error: unknown) => observer.error(error),
          );
          return () => {
            closed = true;
            inner?.unsubscribe();
          };
        }),
    );
    transport = ApolloLink.split(({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION, ws, http);
  }

  return new ApolloClient({
    link: ApolloLink.from([...links, transport]),
    cache: new InMemoryCache(),
    // The cache may hold the last copy restored from the device (offline-cache.ts): show it at once,
    // and ask the API anyway; later cache updates (a mutation's answer) do not ask again.
    defaultOptions: {
      watchQuery: {
        fetchPolicy: 'cache-and-network',
        nextFetchPolicy: (current, { reason, initialFetchPolicy }) =>
          reason === 'variables-changed'
            ? initialFetchPolicy
            : current === 'cache-and-network'
              ? 'cache-first'
              : current,
      },
    },
  });
}
