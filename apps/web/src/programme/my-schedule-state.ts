import { CombinedGraphQLErrors } from '@apollo/client';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useToken } from '../app/auth';
import { graphql } from '../gql';
import type { ScheduleEntryStatus } from '../gql/graphql';
import { errorMessage } from '../ui/FormError';
import { overlaps, type Timed } from './days';
import { deviceSchedule, type DeviceEntry } from './device-schedule';
import { refetchSchedule, scheduleQueue } from './schedule-sync';

/**
 * The schedule as the programme's cards show it: the account's entries when signed in (what the
 * server answered: Bookmarked, Reserved, Waitlisted #N, with its conflicts), else the additions kept
 * on this device (merged into the account at sign-in, see device-schedule.ts).
 */
export const ProgrammeSchedule = graphql(`
  query ProgrammeSchedule($editionId: ID!) {
    mySchedule(editionId: $editionId) {
      id
      status
      waitlistPosition
      session {
        id
        title
        startsAt
        endsAt
        seatsTaken
      }
      conflictsWith {
        id
        title
      }
    }
  }
`);

const ProgrammeAdd = graphql(`
  mutation ProgrammeAdd($sessionId: ID!) {
    addToSchedule(sessionId: $sessionId) {
      id
      status
      waitlistPosition
      session {
        id
        seatsTaken
      }
    }
  }
`);

const ProgrammeRemove = graphql(`
  mutation ProgrammeRemove($sessionId: ID!) {
    removeFromSchedule(sessionId: $sessionId)
  }
`);

export interface CardEntry {
  /** 'DEVICE': kept on this device until sign-in */
  status: ScheduleEntryStatus | 'DEVICE' | 'QUEUED';
  waitlistPosition?: number | null;
  conflictsWith: { id: string; title: string }[];
}

export interface SessionLike extends Timed {
  id: string;
  title: string;
}

/** The words for an entry's state, as UI.md names them. */
export function statusText(entry: Pick<CardEntry, 'status' | 'waitlistPosition'>): string {
  switch (entry.status) {
    case 'BOOKMARKED':
      return 'Bookmarked';
    case 'RESERVED':
      return 'Reserved';
    case 'WAITLISTED':
      return `Waitlisted #${entry.waitlistPosition ?? '?'}`;
    case 'QUEUED':
      return 'Waiting to sync';
    default:
      return 'Saved on this device';
  }
}

/** Sessions of `entries` (other than `session` itself) that overlap `session` in time. */
export function conflictsOf(session: SessionLike, entries: readonly SessionLike[]): { id: string; title: string }[] {
  return entries.filter((e) => e.id !== session.id && overlaps(e, session)).map((e) => ({ id: e.id, title: e.title }));
}

const emptyDevice: DeviceEntry[] = [];

export function useCardSchedule(editionId: string | undefined) {
  const token = useToken();
  const client = useApolloClient();
  const signedIn = !!token;
  const { data } = useQuery(ProgrammeSchedule, {
    variables: { editionId: editionId ?? '' },
    skip: !signedIn || !editionId,
    fetchPolicy: 'cache-and-network',
  });
  const device = useSyncExternalStore(deviceSchedule.subscribe, deviceSchedule.all, () => emptyDevice);

  const { entries, scheduled } = useMemo(() => {
    const entries = new Map<string, CardEntry>();
    let scheduled: SessionLike[] = [];
    if (signedIn) {
      for (const e of data?.mySchedule ?? [])
        entries.set(e.session.id, {
          status: e.status,
          waitlistPosition: e.waitlistPosition,
          conflictsWith: e.conflictsWith,
        });
      scheduled = (data?.mySchedule ?? []).map((e) => e.session);
    } else {
      const mine = device
        .filter((d) => d.editionId === editionId)
        .map((d) => ({ id: d.sessionId, title: d.title, startsAt: d.startsAt, endsAt: d.endsAt }));
      for (const d of mine) entries.set(d.id, { status: 'DEVICE', conflictsWith: conflictsOf(d, mine) });
      scheduled = mine;
    }
    return { entries, scheduled };
  }, [signedIn, data, device, editionId]);

  /** The entry of a session, or (not added) the entries it would overlap: "Conflicts with" before adding. */
  const stateOf = useCallback(
    (session: SessionLike): { entry?: CardEntry; conflicts: { id: string; title: string }[] } => {
      const entry = entries.get(session.id);
      return { entry, conflicts: entry ? entry.conflictsWith : conflictsOf(session, scheduled) };
    },
    [entries, scheduled],
  );

  /** Adds or removes; answers an error in words, or null. */
  const change = useCallback(
    async (kind: 'add' | 'remove', session: SessionLike): Promise<string | null> => {
      if (!signedIn) {
        if (kind === 'add')
          deviceSchedule.add({
            sessionId: session.id,
            editionId: editionId ?? '',
            title: session.title,
            startsAt: session.startsAt,
            endsAt: session.endsAt,
          });
        else deviceSchedule.remove(session.id);
        return null;
      }
      try {
        if (kind === 'add') await client.mutate({ mutation: ProgrammeAdd, variables: { sessionId: session.id } });
        else await client.mutate({ mutation: ProgrammeRemove, variables: { sessionId: session.id } });
      } catch (error) {
        if (CombinedGraphQLErrors.is(error)) return errorMessage(error);
        // The API cannot be reached: the change waits on the device and is sent when the network returns.
        await scheduleQueue.enqueue({ kind, sessionId: session.id, title: session.title });
        return 'Offline: the change is kept on this device and sent when the network returns.';
      }
      // The entry's state and the programme's seat counts (the public cache never keeps them), asked again.
      await refetchSchedule(client);
      return null;
    },
    [signedIn, editionId, client],
  );

  // One object while nothing changes: the programme's cards are memoized on it.
  return useMemo(() => ({ signedIn, stateOf, change }), [signedIn, stateOf, change]);
}

export type CardSchedule = ReturnType<typeof useCardSchedule>;
