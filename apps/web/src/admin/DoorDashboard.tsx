import { useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useId, useRef } from 'react';
import { graphql } from '../gql';
import type { AdminCheckpointStatsQuery } from '../gql/graphql';
import { FormError } from '../ui/FormError';
import { AdmissionsChart } from './AdmissionsChart';
import type { DoorFigures } from './DoorsPage';
import { failureWords } from './door-words';
import s from './Ops.module.css';

const Stats = graphql(`
  query AdminCheckpointStats($checkpointId: ID!) {
    checkpointStats(checkpointId: $checkpointId) {
      ...DoorStatsFields
    }
    admissionsSeries(checkpointId: $checkpointId) {
      at
      admitted
    }
    failed: recentScans(checkpointId: $checkpointId, outcome: REJECTED, first: 8) {
      id
      outcome
      reason
      rejectReason
      deviceId
      scannedAt
      late
    }
    conflicts: recentScans(checkpointId: $checkpointId, conflictsOnly: true, first: 8) {
      id
      outcome
      reason
      deviceId
      scannedAt
    }
  }
`);

graphql(`
  fragment DoorStatsFields on CheckpointStats {
    checkpointId
    admitted
    duplicates
    rejected
    uniqueAttendees
    admittedToday
    insideNow
    lastQuarterHour
    devices {
      deviceId
      scans
      admitted
      lastSeenAt
      queued
    }
  }
`);

const StatsChanged = graphql(`
  subscription AdminCheckpointStatsChanged($checkpointId: ID!) {
    checkpointStatsChanged(checkpointId: $checkpointId) {
      ...DoorStatsFields
    }
  }
`);

type Stats = AdminCheckpointStatsQuery['checkpointStats'];
/** After a live change the chart and the scan lists are read again, at most this often. */
const DETAIL_EVERY_MS = 3000;

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
function ago(iso: string, now: number): string {
  const s = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  return `at ${time(iso)}`;
}

/**
 * One checkpoint's live figures, as a region named after it: the checkpoint's figures from
 * checkpointStatsChanged (the query's answer until the first change, refetched every `refreshMs`),
 * its admissions per 5 minutes, devices, offline conflicts and the latest failed scans.
 */
export function DoorDashboard({
  checkpoint,
  refreshMs,
  onFigures,
}: {
  checkpoint: { id: string; name: string; kind: string };
  refreshMs: number;
  onFigures: (figures: DoorFigures) => void;
}) {
  const titleId = useId();
  const query = useQuery(Stats, { variables: { checkpointId: checkpoint.id } });
  const live = useSubscription(StatsChanged, { variables: { checkpointId: checkpoint.id } });
  const refetch = query.refetch;
  const lastDetail = useRef(0);

  // The fallback: read everything again now and then (the feed may drop, or start after a change).
  useEffect(() => {
    const timer = setInterval(() => void refetch().catch(() => undefined), refreshMs);
    return () => clearInterval(timer);
  }, [refetch, refreshMs]);

  // A live change: the chart and the lists follow, throttled.
  const liveStats = live.data?.checkpointStatsChanged;
  useEffect(() => {
    if (!liveStats) return;
    const wait = lastDetail.current + DETAIL_EVERY_MS - Date.now();
    const timer = setTimeout(
      () => {
        lastDetail.current = Date.now();
        void refetch().catch(() => undefined);
      },
      Math.max(0, wait),
    );
    return () => clearTimeout(timer);
  }, [liveStats, refetch]);

  // The newer of the query's and the feed's figures (a refetch may answer after a live change, or before).
  const queried = query.data?.checkpointStats;
  const stats: Stats | undefined =
    queried && liveStats
      ? liveStats.admitted + liveStats.rejected + liveStats.duplicates >=
        queried.admitted + queried.rejected + queried.duplicates
        ? liveStats
        : queried
      : (liveStats ?? queried);

  useEffect(() => {
    if (stats)
      onFigures({
        admittedToday: stats.admittedToday,
        insideNow: stats.insideNow,
        lastQuarterHour: stats.lastQuarterHour,
      });
  }, [stats, onFigures]);

  const now = Date.now();
  const failed = query.data?.failed ?? [];
  const conflicts = query.data?.conflicts ?? [];
  return (
    <section className={s.door} aria-labelledby={titleId}>
      <h3 id={titleId}>
        {checkpoint.name}
        <span className={`${s.live} ${live.error ? s.warn : s.good}`}>
          {live.error ? 'Refreshing every 15 s' : liveStats ? 'Live' : ''}
        </span>
      </h3>
      <FormError error={query.error} />
      {stats && (
        <dl className={s.figures}>
          <div>
            <dt>Admitted today</dt>
            <dd>{stats.admittedToday}</dd>
          </div>
          <div>
            <dt>Inside now</dt>
            <dd>{stats.insideNow}</dd>
          </div>
          <div>
            <dt>Last 15 minutes</dt>
            <dd>{stats.lastQuarterHour}</dd>
          </div>
          <div>
            <dt>Already admitted (repeat scans)</dt>
            <dd>{stats.duplicates}</dd>
          </div>
          <div>
            <dt>Refused</dt>
            <dd>{stats.rejected}</dd>
          </div>
        </dl>
      )}
      {query.data && <AdmissionsChart name={checkpoint.name} buckets={query.data.admissionsSeries} now={now} />}

      {stats && (
        <div className={s.scroll}>
          <table className={s.table}>
            <caption>Devices at {checkpoint.name}</caption>
            <thead>
              <tr>
                <th scope="col">Device</th>
                <th scope="col">Last seen</th>
                <th scope="col" className={s.num}>
                  Scans
                </th>
                <th scope="col" className={s.num}>
                  Admitted
                </th>
                <th scope="col" className={s.num}>
                  Waiting to sync
                </th>
              </tr>
            </thead>
            <tbody>
              {stats.devices.length === 0 && (
                <tr>
                  <td colSpan={5} className={s.muted}>
                    No scanner has reported here yet.
                  </td>
                </tr>
              )}
              {stats.devices.map((d) => (
                <tr key={d.deviceId}>
                  <th scope="row">{d.deviceId}</th>
                  <td>{ago(d.lastSeenAt, now)}</td>
                  <td className={s.num}>{d.scans}</td>
                  <td className={s.num}>{d.admitted}</td>
                  <td className={`${s.num} ${d.queued ? s.warn : ''}`}>{d.queued ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {conflicts.length > 0 && (
        <div className={s.scroll}>
          <table className={s.table}>
            <caption className={s.bad}>Conflicts from offline devices</caption>
            <thead>
              <tr>
                <th scope="col">Scanned</th>
                <th scope="col">Device</th>
                <th scope="col">The device let them in, but</th>
              </tr>
            </thead>
            <tbody>
              {conflicts.map((c) => (
                <tr key={c.id}>
                  <td>{time(c.scannedAt)}</td>
                  <td>{c.deviceId ?? '—'}</td>
                  <td>{failureWords(c.outcome, c.reason)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div className={s.scroll}>
        <table className={s.table}>
          <caption>Latest refused scans at {checkpoint.name}</caption>
          <thead>
            <tr>
              <th scope="col">Scanned</th>
              <th scope="col">Device</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {query.data && failed.length === 0 && (
              <tr>
                <td colSpan={3} className={s.muted}>
                  None refused.
                </td>
              </tr>
            )}
            {failed.map((f) => (
              <tr key={f.id}>
                <td>
                  {time(f.scannedAt)}
                  {f.late && <span className={s.muted}> (synced late)</span>}
                </td>
                <td>{f.deviceId ?? '—'}</td>
                <td>{failureWords(f.outcome, f.rejectReason ?? f.reason)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
