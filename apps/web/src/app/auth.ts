import { useApolloClient } from '@apollo/client/react';
import { useCallback, useSyncExternalStore } from 'react';
import { useNavigate } from 'react-router';
import { forgetOfflineData } from './offline-db';
import { tokenStore } from './token-store';

/** The stored token (null when signed out), re-rendering when it changes here or in another tab. */
export function useToken(): string | null {
  return useSyncExternalStore(tokenStore.subscribe, tokenStore.get, () => null);
}

/**
 * Keeps a new token, merges the sessions added on this device before sign-in into the account
 * (programme/merge-at-sign-in.ts, loaded on demand), and starts asking again for what was loaded as the
 * anonymous visitor. It does not wait for those answers: on the show's Wi-Fi they can take seconds, and
 * the person goes on to their page at once (the cache is cleared first, so nothing anonymous shows there).
 */
export function useSignIn(): (token: string) => Promise<void> {
  const client = useApolloClient();
  return useCallback(
    async (token: string) => {
      tokenStore.set(token);
      await import('../programme/merge-at-sign-in').then((m) => m.mergeDeviceSchedule(client)).catch(() => undefined);
      void client.resetStore().catch(() => undefined);
    },
    [client],
  );
}

/**
 * Forgets the token and everything loaded or kept on the device as that person (the saved copy of
 * their pages, their queued schedule changes, their badge), then goes to the programme.
 */
export function useSignOut(): () => Promise<void> {
  const client = useApolloClient();
  const navigate = useNavigate();
  return useCallback(async () => {
    tokenStore.clear();
    await client.clearStore();
    await Promise.all([forgetOfflineData(), import('../programme/badge-store').then((m) => m.forgetAllBadges())]).catch(
      () => undefined,
    );
    await navigate('/');
  }, [client, navigate]);
}
