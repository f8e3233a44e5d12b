import { type ApolloClient, CombinedGraphQLErrors } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { refreshAnswers } from '../app/answer-store';
import { idbQueueStorage } from '../app/offline-db';
import { persistSoon } from '../app/offline-cache';
import { graphql } from '../gql';
import {
  type QueuedChange,
  retryDelay,
  ScheduleQueue,
  type ScheduleChangeKind,
  type SendOutcome,
} from './schedule-queue';

/**
 * My schedule's adds and removes, online or not: online they go to the API at once; offline (or
 * when the request cannot reach the API) they wait in IndexedDB (schedule-queue.ts) and are sent when
 * the network returns (the `online` event, and retries while it stays unreachable). Any page with an
 * "Add to my schedule" / "Remove from my schedule" button can use `useChangeSchedule`.
 */
export const scheduleQueue = new ScheduleQueue(idbQueueStorage());

const AddToSchedule = graphql(`
  mutation AddToSchedule($sessionId: ID!) {
    addToSchedule(sessionId: $sessionId) {
      id
      status
      waitlistPosition
    }
  }
`);

const RemoveFromSchedule = graphql(`
  mutation RemoveFromSchedule($sessionId: ID!) {
    removeFromSchedule(sessionId: $sessionId)
  }
`);

/** The queries that show schedule entries, refetched after a change reaches the API. */
export const SCHEDULE_QUERIES = ['MySchedule', 'ProgrammeSchedule'];

/** After changes were sent: my schedule's queries, and the programme's seat counts (answer-store.ts). */
export function refetchSchedule(client: ApolloClient): Promise<unknown> {
  return Promise.all([
    client.refetchQueries({ include: SCHEDULE_QUERIES }),
    refreshAnswers(client, ['ProgrammeDaySeats']),
  ]);
}

async function send(client: ApolloClient, change: Pick<QueuedChange, 'kind' | 'sessionId'>): Promise<SendOutcome> {
  try {
    if (change.kind === 'add')
      await client.mutate({ mutation: AddToSchedule, variables: { sessionId: change.sessionId } });
    else await client.mutate({ mutation: RemoveFromSchedule, variables: { sessionId: change.sessionId } });
    return 'sent';
  } catch (error) {
    return CombinedGraphQLErrors.is(error) ? 'refused' : 'offline';
  }
}

/** Takes a removed session's entries out of the cached mySchedule lists at once (online and offline). */
function dropFromCache(client: ApolloClient, sessionId: string): void {
  client.cache.modify({
    fields: {
      mySchedule(entries: readonly { __ref: string }[] = [], { readField }) {
        return entries.filter(
          (ref) => readField<string>('id', readField<{ __ref: string }>('session', ref)) !== sessionId,
        );
      },
    },
  });
  persistSoon();
}

/** Adds or removes a session: at once when the API answers, else queued for when the network returns. Returns what happened. */
export function useChangeSchedule(): (
  kind: ScheduleChangeKind,
  session: { id: string; title?: string },
) => Promise<'sent' | 'queued' | 'refused'> {
  const client = useApolloClient();
  return useCallback(
    async (kind, session) => {
      if (kind === 'remove') dropFromCache(client, session.id);
      const outcome = navigator.onLine ? await send(client, { kind, sessionId: session.id }) : 'offline';
      if (outcome === 'offline') {
        await scheduleQueue.enqueue({ kind, sessionId: session.id, title: session.title });
        return 'queued';
      }
      await refetchSchedule(client);
      return outcome;
    },
    [client],
  );
}

/** The changes waiting to be sent (re-rendering as they come and go). */
let pendingSnapshot: QueuedChange[] = [];
const pendingListeners = new Set<() => void>();
const refreshPending = () =>
  void scheduleQueue.pending().then((list) => {
    pendingSnapshot = list;
    pendingListeners.forEach((l) => l());
  });
scheduleQueue.subscribe(refreshPending);
refreshPending();

export function usePendingChanges(): QueuedChange[] {
  return useSyncExternalStore(
    (l) => {
      pendingListeners.add(l);
      return () => pendingListeners.delete(l);
    },
    () => pendingSnapshot,
    () => pendingSnapshot,
  );
}

/**
 * Sends the queued changes while signed in: at start, when the browser says it is online again, and
 * with growing pauses while the API stays unreachable. Mounted once, in the layout.
 */
export function useScheduleSync(enabled: boolean): void {
  const client = useApolloClient();
  useEffect(() => {
    if (!enabled) return;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const flush = async () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (stopped || !navigator.onLine) return;
      const report = await scheduleQueue.flush((change) => send(client, change));
      if (report.sent.length || report.refused.length) await refetchSchedule(client);
      if (report.left && !stopped) timer = setTimeout(() => void flush(), retryDelay(++attempt));
      else attempt = 0;
    };
    const online = () => void flush();
    window.addEventListener('online', online);
    const unsubscribe = scheduleQueue.subscribe(() => {
      // A change queued while the browser believes it is online (the API did not answer): retry soon.
      if (navigator.onLine && !timer) timer = setTimeout(() => void flush(), retryDelay(++attempt));
    });
    void flush();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      window.removeEventListener('online', online);
      unsubscribe();
    };
  }, [client, enabled]);
}
