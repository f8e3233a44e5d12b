import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { DatasetSyncer, type DatasetSyncReport } from './dataset-sync';
import { apolloDatasetPages, apolloTransport } from './scanner-api';
import { type EngineState, NetworkError, ScanEngine } from './scan-engine';
import { type ScannerEdition, scannerStore } from './scanner-store';

export interface DatasetStatus {
  /** When the dataset was last brought up to date on this device (ms), null: never. */
  syncedAt: number | null;
  /** Badges known to the device (every edition it scanned for). */
  badges: number;
  /** Why the API refused the dataset (not staff of the edition...). */
  error: string | null;
}

const idle: EngineState = { online: true, queued: 0, syncing: false, syncError: null, logVersion: 0 };
const noop = () => () => undefined;

/**
 * The scanner's engine and its dataset sync for an edition, alive while the page is: started once the
 * device id is read, stopped on leaving. The engine's state (online, queued...) re-renders the page.
 */
export function useScanner(edition: ScannerEdition | null | undefined) {
  const client = useApolloClient();
  const [parts, setParts] = useState<{ engine: ScanEngine; syncer: DatasetSyncer } | null>(null);
  const [dataset, setDataset] = useState<DatasetStatus>({ syncedAt: null, badges: 0, error: null });
  const editionId = edition?.id;
  const editionName = edition?.name;
  const timezone = edition?.timezone;

  useEffect(() => {
    if (!editionId || !editionName || !timezone) return;
    const store = scannerStore();
    let stopped = false;
    let made: { engine: ScanEngine; syncer: DatasetSyncer } | undefined;
    const showDataset = async (error: string | null) => {
      const [syncedAt, badges] = await Promise.all([store.syncedAt(editionId), store.rosterSize()]);
      if (!stopped) setDataset({ syncedAt: syncedAt ?? null, badges, error });
    };
    void showDataset(null);
    void store.deviceId().then((deviceId) => {
      if (stopped) return;
      const syncer: DatasetSyncer = new DatasetSyncer({
        store,
        editionId,
        fetchPage: apolloDatasetPages(client),
        onSynced: (_report: DatasetSyncReport) => {
          engine.datasetChanged();
          engine.noteReachable();
          void showDataset(null);
        },
        onFailed: (error) => {
          if (error instanceof NetworkError) engine.noteUnreachable();
          else void showDataset(error instanceof Error ? error.message : 'The dataset was refused.');
        },
      });
      const engine = new ScanEngine({
        store,
        transport: apolloTransport(client),
        deviceId,
        edition: { id: editionId, name: editionName, timezone },
        probe: async () => (await syncer.syncNow()) !== null,
      });
      made = { engine, syncer };
      engine.start();
      syncer.start();
      setParts(made);
    });
    return () => {
      stopped = true;
      made?.engine.stop();
      made?.syncer.stop();
      setParts(null);
    };
  }, [client, editionId, editionName, timezone]);

  const engine = parts?.engine ?? null;
  const state = useSyncExternalStore(engine?.subscribe ?? noop, engine?.getState ?? (() => idle));
  /** "Sync now": the queue up, then the dataset. */
  const syncNow = useCallback(async () => {
    if (!parts) return;
    await parts.engine.syncQueue();
    await parts.syncer.syncNow();
  }, [parts]);
  return { engine, state, dataset, syncNow };
}
