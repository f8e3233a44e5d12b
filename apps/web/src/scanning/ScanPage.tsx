import { CombinedGraphQLErrors } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useToken } from '../app/auth';
import { loginUrl } from '../app/next-path';
import { graphql } from '../gql';
import { CameraView } from '../ui/CameraView';
import { errorMessage } from '../ui/FormError';
import { BadgeCodeForm, SyncBar } from '../ui/ScannerControls';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { useEditionChoice } from '../ui/useEditionChoice';
import { playFeedback, unlockAudio } from './feedback';
import { LiveCounts } from './LiveCounts';
import type { Verdict } from './scan-engine';
import { ScanLog } from './ScanLog';
import { type CheckpointInfo, type LogEntry, type ScannerEdition, scannerStore } from './scanner-store';
import { useScanner } from './useScanner';
import { clock } from './verdict-text';
import { VerdictPanel } from './VerdictPanel';
import s from './Scanner.module.css';

const ScannerCheckpoints = graphql(`
  query ScannerCheckpoints($editionId: ID!) {
    checkpoints(editionId: $editionId) {
      id
      name
      kind
      allowed
      exitScanning
      opensAt
      closesAt
    }
  }
`);

/** How long a verdict stays on screen. */
const VERDICT_MS = 4_000;

/** The edition to scan for: the app's choice online, else the one this device last scanned for (offline, no cache). */
function useScannerEdition(): { edition: ScannerEdition | null; loading: boolean } {
  const choice = useEditionChoice();
  const [stored, setStored] = useState<ScannerEdition | null | undefined>();
  useEffect(() => {
    void scannerStore()
      .lastEdition()
      .then(
        (e) => setStored(e ?? null),
        () => setStored(null),
      );
  }, []);
  const fromChoice = choice.edition;
  const edition = useMemo<ScannerEdition | null>(() => {
    if (fromChoice) return { id: fromChoice.id, name: fromChoice.name, timezone: fromChoice.timezone };
    if (stored && (!choice.wanted || choice.wanted === stored.id)) return stored;
    return null;
  }, [fromChoice, stored, choice.wanted]);
  useEffect(() => {
    if (fromChoice)
      void scannerStore().setLastEdition({ id: fromChoice.id, name: fromChoice.name, timezone: fromChoice.timezone });
  }, [fromChoice]);
  return { edition, loading: !edition && (stored === undefined || (!choice.loaded && !choice.error)) };
}

/** The edition's checkpoints: from the API, kept on the device for opening offline. */
function useCheckpoints(editionId: string | undefined) {
  const live = useQuery(ScannerCheckpoints, {
    variables: { editionId: editionId ?? '' },
    skip: !editionId,
    fetchPolicy: 'cache-and-network',
  });
  const [kept, setKept] = useState<CheckpointInfo[] | undefined>();
  useEffect(() => {
    if (!editionId) return;
    let current = true;
    void scannerStore()
      .checkpoints(editionId)
      .then((list) => current && setKept(list));
    return () => {
      current = false;
    };
  }, [editionId]);
  const fromApi = live.data?.checkpoints;
  const list = useMemo<CheckpointInfo[] | undefined>(
    () =>
      fromApi?.map((c) => ({
        id: c.id,
        name: c.name,
        kind: c.kind,
        allowed: [...c.allowed],
        exitScanning: c.exitScanning,
        opensAt: c.opensAt ?? null,
        closesAt: c.closesAt ?? null,
      })),
    [fromApi],
  );
  useEffect(() => {
    if (editionId && list) void scannerStore().putCheckpoints(editionId, list);
  }, [editionId, list]);
  const refused = CombinedGraphQLErrors.is(live.error) ? errorMessage(live.error) : null;
  return { checkpoints: list ?? kept, refused, loading: !list && kept === undefined };
}

/**
 * The door and session-room scanner (/scan), for the edition's staff and organizers.
 * WORKS OFFLINE: the service worker serves the app; the checkpoints, the dataset (keys, roster,
 * revocations), the queue of scans and this device's log live in IndexedDB (scanner-store.ts). When
 * a scan cannot reach the API within ~1.5 s the scanner says "Offline" and judges on the device;
 * the queue goes up as soon as the network is back (scan-engine.ts).
 */
export function Component() {
  useDocumentTitle('Scanner');
  const token = useToken();
  const location = useLocation();
  if (!token) return <Navigate to={loginUrl(location.pathname + location.search)} replace />;
  return <Scanner />;
}

function Scanner() {
  const { edition, loading: editionLoading } = useScannerEdition();
  const { checkpoints, refused, loading: checkpointsLoading } = useCheckpoints(edition?.id);
  const { engine, state, dataset, syncNow } = useScanner(edition);
  const [checkpointId, setCheckpointId] = useState<string>('');
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [log, setLog] = useState<LogEntry[]>([]);
  const [now, setNow] = useState(() => Date.now());
  const [syncing, setSyncing] = useState(false);

  // The checkpoint remembered on this device; a single checkpoint is taken at once.
  const editionId = edition?.id;
  useEffect(() => {
    if (!editionId || !checkpoints) return;
    let current = true;
    void scannerStore()
      .chosenCheckpoint(editionId)
      .then((id) => {
        if (!current) return;
        setCheckpointId((now) =>
          now && checkpoints.some((c) => c.id === now)
            ? now
            : id && checkpoints.some((c) => c.id === id)
              ? id
              : checkpoints.length === 1
                ? checkpoints[0].id
                : '',
        );
      });
    return () => {
      current = false;
    };
  }, [editionId, checkpoints]);
  const checkpoint = checkpoints?.find((c) => c.id === checkpointId) ?? null;
  useEffect(() => engine?.setCheckpoint(checkpoint), [engine, checkpoint]);

  // This device's recent scans, re-read when the log changes; the Annul buttons follow the clock.
  useEffect(() => {
    if (!engine || !checkpoint) return setLog([]);
    let current = true;
    void engine.recent(30).then((entries) => current && setLog(entries));
    return () => {
      current = false;
    };
  }, [engine, checkpoint, state.logVersion]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);

  // The verdict clears itself.
  useEffect(() => {
    if (!verdict && !problem) return;
    const timer = setTimeout(() => {
      setVerdict(null);
      setProblem(null);
    }, VERDICT_MS);
    return () => clearTimeout(timer);
  }, [verdict, problem]);

  const check = useCallback(
    async (code: string, source: 'camera' | 'keyboard') => {
      if (!engine) return;
      const result = await engine.check(code, source);
      if (result.kind === 'ignored') return;
      if (result.kind === 'error') {
        setVerdict(null);
        setProblem(result.message);
        return;
      }
      setProblem(null);
      setVerdict(result.verdict);
      playFeedback(result.verdict.outcome);
    },
    [engine],
  );

  const onCameraCode = useCallback((code: string) => void check(code, 'camera'), [check]);
  const onTypedCode = (code: string) => void check(code, 'keyboard');
  useEffect(() => {
    const unlock = () => unlockAudio();
    window.addEventListener('pointerdown', unlock, { once: true });
    window.addEventListener('keydown', unlock, { once: true });
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, []);

  const choose = (id: string) => {
    setCheckpointId(id);
    if (editionId && id) void scannerStore().setChosenCheckpoint(editionId, id);
  };

  const sync = () => {
    setSyncing(true);
    void syncNow().finally(() => setSyncing(false));
  };

  const annul = async (entry: LogEntry) => {
    if (!engine) return;
    // A tap by mistake would let someone in uncounted: asked first.
    if (!window.confirm(`Annul the admission of ${entry.name ?? 'this badge'} at ${clock(entry.scannedAt)}?`)) return;
    await engine.annul(entry.clientScanId);
  };

  if (!edition)
    return (
      <div className="page narrow">
        <h1>Scanner</h1>
        <p role="status">
          {editionLoading ? 'Loading…' : 'No edition to scan for. Open the scanner once with a network.'}
        </p>
      </div>
    );

  const ready = !!engine && !!checkpoint;
  return (
    <div className={s.page}>
      <h1 className={s.title}>
        Scanner <span className={s.edition}>{edition.name}</span>
      </h1>

      <div className={s.topBar}>
        <div className={s.checkpoint}>
          <label htmlFor="scan-checkpoint">Checkpoint</label>
          <select
            id="scan-checkpoint"
            value={checkpointId}
            onChange={(e) => choose(e.target.value)}
            disabled={!checkpoints?.length}
          >
            <option value="">{checkpointsLoading ? 'Loading…' : 'Choose a checkpoint'}</option>
            {checkpoints?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        {checkpoint && (
          <p className={s.rule}>
            {checkpoint.kind === 'SESSION_ROOM' ? 'Session room' : 'Entrance'}
            {checkpoint.exitScanning ? ' · a second scan is an exit' : ''}
          </p>
        )}
      </div>
      {refused && (
        <p className="form-error" role="alert">
          {refused}
        </p>
      )}
      {checkpoints && !checkpoints.length && (
        <p>This edition has no checkpoints yet: organizers add them under Doors.</p>
      )}

      <SyncBar
        state={state}
        offlineHint={<p className={s.hint}>Scans are checked on this device and sent when the network is back.</p>}
        canSync={!!engine && !syncing}
        onSync={sync}
        classes={s}
      />

      <div className={s.stage}>
        <CameraView onCode={onCameraCode} enabled={ready} idleMessage="Choose a checkpoint to scan" />
        <VerdictPanel
          verdict={verdict}
          error={problem}
          onDismiss={() => {
            setVerdict(null);
            setProblem(null);
          }}
        />
      </div>

      <BadgeCodeForm
        inputId="badge-code"
        button="Check"
        disabled={!ready}
        onCode={onTypedCode}
        classes={s}
        hintClassName={s.hint}
      />

      {checkpoint && <LiveCounts checkpointId={checkpoint.id} online={state.online} />}

      <section className={s.recent} aria-labelledby="recent-scans">
        <h2 id="recent-scans">Recent scans on this device</h2>
        <ScanLog entries={log} now={now} onAnnul={annul} />
      </section>

      <p className={s.muted}>
        {dataset.error
          ? `Offline dataset not loaded: ${dataset.error}`
          : dataset.syncedAt
            ? `Offline dataset: ${dataset.badges} badges, updated ${new Date(dataset.syncedAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`
            : 'Loading the offline dataset…'}
      </p>
    </div>
  );
}
