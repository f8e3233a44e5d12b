import { useApolloClient } from '@apollo/client/react';
import { useCallback, useSyncExternalStore } from 'react';
import { useNavigate } from 'react-router';
import { tokenStore } from './token-store';

/** The stored token (null when signed out), re-rendering when it changes here or in another tab. */
export function useToken(): string | null {
  return useSyncExternalStore(tokenStore.subscribe, tokenStore.get, () => null);
}

/** Keeps a new token and refetches what was loaded as the anonymous visitor. */
export function useSignIn(): (token: string) => Promise<void> {
  const client = useApolloClient();
  return useCallback(
    async (token: string) => {
      tokenStore.set(token);
      await client.resetStore();
    },
    [client],
  );
}

/** Forgets the token and everything loaded as that person, then goes to the programme. */
export function useSignOut(): () => Promise<void> {
  const client = useApolloClient();
  const navigate = useNavigate();
  return useCallback(async () => {
    tokenStore.clear();
    await client.clearStore();
    await navigate('/');
  }, [client, navigate]);
}
