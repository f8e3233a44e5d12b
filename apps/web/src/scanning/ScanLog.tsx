import { useState } from 'react';
import { canAnnul } from './scan-engine';
import type { LogEntry } from './scanner-store';
import { clock, conflictText, logOutcome } from './verdict-text';
import s from './Scanner.module.css';

/**
 * This device's recent scans at the checkpoint, newest first: waiting ones marked, conflicts (admitted
 * without network, judged otherwise by the server) kept visible for the supervisor, and an Annul
 * button on this device's admissions of the last 15 minutes.
 */
export function ScanLog({
  entries,
  now,
  onAnnul,
}: {
  entries: LogEntry[];
  now: number;
  onAnnul: (entry: LogEntry) => Promise<void>;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const conflicts = entries.filter((e) => e.conflict).length;

  if (!entries.length) return <p className={s.muted}>No scans at this checkpoint on this device yet.</p>;
  return (
    <>
      {conflicts > 0 && (
        <p className={s.conflictSummary}>
          {conflicts === 1 ? '1 conflict' : `${conflicts} conflicts`} for a supervisor: see below.
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <ol className={s.log}>
        {entries.map((e) => (
          <li key={e.clientScanId} className={`${s.logItem} ${e.conflict ? s.logConflict : ''}`}>
            <time dateTime={e.scannedAt} className={s.logTime}>
              {clock(e.scannedAt)}
            </time>
            <span className={s.logWho}>{e.name ?? (e.badgeId ? 'Badge not on this device' : 'Not a badge')}</span>
            <span className={`${s.logOutcome} ${s['o' + e.outcome]}`}>{logOutcome(e)}</span>
            {e.pending && <span className={s.tag}>not sent yet · judged on this device</span>}
            {e.conflict && <strong className={s.conflictTag}>{conflictText(e)}</strong>}
            {canAnnul(e, now) && (
              <button
                type="button"
                className={`button ${s.annul}`}
                disabled={busy === e.clientScanId}
                onClick={() => {
                  setBusy(e.clientScanId);
                  setError(null);
                  onAnnul(e)
                    .catch((err: unknown) => setError(err instanceof Error ? err.message : 'Not annulled.'))
                    .finally(() => setBusy(null));
                }}
              >
                Annul
              </button>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
