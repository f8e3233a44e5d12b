import { useQuery, useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../gql';
import s from './Scanner.module.css';

const CheckpointStats = graphql(`
  query ScannerCheckpointStats($checkpointId: ID!) {
    checkpointStats(checkpointId: $checkpointId) {
      checkpointId
      admittedToday
      insideNow
      lastQuarterHour
    }
  }
`);

const CheckpointStatsChanged = graphql(`
  subscription ScannerCheckpointStatsChanged($checkpointId: ID!) {
    checkpointStatsChanged(checkpointId: $checkpointId) {
      checkpointId
      admittedToday
      insideNow
      lastQuarterHour
    }
  }
`);

/** Polled only when the live feed is down (the subscription failed). */
const FALLBACK_POLL_MS = 15_000;

/**
 * The checkpoint's counts as scans arrive (checkpointStatsChanged over graphql-ws), the query as
 * the first figures and the fallback. Offline the last figures stay, marked as such.
 */
export function LiveCounts({ checkpointId, online }: { checkpointId: string; online: boolean }) {
  const [liveDown, setLiveDown] = useState(false);
  // The latest figures from the live feed, kept when it stops (offline).
  const [latest, setLatest] = useState<{
    checkpointId: string;
    admittedToday: number;
    insideNow: number;
    lastQuarterHour: number;
  } | null>(null);
  const query = useQuery(CheckpointStats, {
    variables: { checkpointId },
    fetchPolicy: 'cache-and-network',
    pollInterval: liveDown && online ? FALLBACK_POLL_MS : 0,
  });
  useSubscription(CheckpointStatsChanged, {
    variables: { checkpointId },
    skip: !online,
    onError: () => setLiveDown(true),
    onData: ({ data }) => {
      setLiveDown(false);
      const next = data.data?.checkpointStatsChanged;
      if (next) setLatest(next);
    },
  });
  const kept = latest?.checkpointId === checkpointId ? latest : null;
  // The feed's latest while it works (kept offline); the polled query when the feed is down.
  const stats = (liveDown ? query.data?.checkpointStats : kept) ?? query.data?.checkpointStats ?? kept;

  return (
    <section className={s.counts} aria-label="Checkpoint counts">
      <dl>
        <div>
          <dt>Admitted today</dt>
          <dd>{stats?.admittedToday ?? '–'}</dd>
        </div>
        <div>
          <dt>Inside now</dt>
          <dd>{stats?.insideNow ?? '–'}</dd>
        </div>
        <div>
          <dt>Last 15 minutes</dt>
          <dd>{stats?.lastQuarterHour ?? '–'}</dd>
        </div>
      </dl>
      {!online && stats && <p className={s.muted}>Counts as of the last connection.</p>}
    </section>
  );
}
