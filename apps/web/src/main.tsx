import type { InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { createApolloClient } from './app/apollo';
import { applyBootstrap } from './app/bootstrap';
import { persistCache, restoreCache } from './app/offline-cache';
import { loginUrl } from './app/next-path';
import { router } from './app/router';
import './app/styles.css';

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

// The answers the page came with (bootstrap.ts), fresh from the API; without them (the service worker's
// copy of the page, a reload offline), the last copy kept on the device (offline-cache.ts). Then the app.
const restored = applyBootstrap() ? Promise.resolve() : restoreCache(client.cache as InMemoryCache);
void restored.then(() => {
  persistCache(client);
  render();
});
