import type { InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { createApolloClient } from './app/apollo';
import { applyBootstrap } from './app/bootstrap';
import { persistCache, restoreCache } from './app/offline-cache';
import { loginUrl } from './app/next-path';
import { routes } from './app/router';
import './app/styles.css';

/**
 * Resolves in a task of its own. The start below runs as a few short tasks rather than one long one:
 * on a cheap phone, a long task at load is a tap that waits.
 */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

async function start() {
  // The answers the page came with (bootstrap.ts), fresh from the API.
  const bootstrapped = applyBootstrap();
  await nextTask();
  const router = createBrowserRouter(routes);
  // An expired or ended token: back to sign-in, then to where the person was.
  const client = createApolloClient(() => {
    const { pathname, search } = router.state.location;
    void client.clearStore();
    void router.navigate(loginUrl(pathname + search), { replace: true });
  });
  // Without the page's answers (the service worker's copy of the page, a reload offline): the last copy
  // kept on the device (offline-cache.ts).
  if (!bootstrapped) await restoreCache(client.cache as InMemoryCache);
  persistCache(client);
  await nextTask();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ApolloProvider client={client}>
        <RouterProvider router={router} />
      </ApolloProvider>
    </StrictMode>,
  );
}

void start();
