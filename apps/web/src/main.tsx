import type { InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { createApolloClient } from './app/apollo';
import { persistCache, restoreCache } from './app/offline-cache';
import { loginUrl } from './app/next-path';
import { router } from './app/router';
import './app/styles.css';
import { EditionChoice } from './ui/useEditionChoice';

// An expired or ended token: back to sign-in, then to where the person was.
const client = createApolloClient(() => {
  const { pathname, search } = router.state.location;
  void client.clearStore();
  void router.navigate(loginUrl(pathname + search), { replace: true });
});

function render() {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ApolloProvider client={client}>
        <RouterProvider router={router} />
      </ApolloProvider>
    </StrictMode>,
  );
}

// The last copy kept on the device first (offline reading: offline-cache.ts), then the app.
const restored = restoreCache(client.cache as InMemoryCache);
void restored.then(() => {
  persistCache(client);
  render();
});

// The programme is the page most people open first: fetch its code while the offline copy is read,
// and its data as soon as that is in (not after the page has rendered once).
if (window.location.pathname === '/') {
  const page = import('./programme/ProgrammePage');
  // The edition list first of all (prefetch below asks for it too and shares the request in flight).
  void restored.then(() => client.query({ query: EditionChoice, fetchPolicy: 'cache-first' })).catch(() => undefined);
  void Promise.all([page, restored])
    .then(([m]) => m.prefetch(client))
    .catch(() => undefined); // the page asks again itself, and shows any error
}
