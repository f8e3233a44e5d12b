import type { Verdict } from './scan-engine';
import { verdictLines } from './verdict-text';
import s from './Scanner.module.css';

const ICON_PATH = {
  ADMITTED: 'M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z',
  DUPLICATE: 'M11 7h2v7h-2zm0 9h2v2h-2zM12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16z',
  REJECTED: 'M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12z',
} as const;

/**
 * The verdict, filling the screen: a `status` region named "Scan result" (always in the page, so
 * screen readers announce each new verdict), its text starting with Admitted / Already admitted /
 * Rejected. Colour is never the only signal: an icon shape per outcome, and the words. A tap
 * dismisses it; it clears itself after a few seconds (ScanPage).
 */
export function VerdictPanel({
  verdict,
  error,
  onDismiss,
}: {
  verdict: Verdict | null;
  error: string | null;
  onDismiss: () => void;
}) {
  const lines = verdict ? verdictLines(verdict) : null;
  const tone = verdict ? s[verdict.outcome.toLowerCase()] : error ? s.notChecked : '';
  return (
    <div className={`${s.verdict} ${verdict || error ? s.showing : ''} ${tone}`} onClick={onDismiss}>
      <div role="status" aria-label="Scan result" aria-atomic="true" className={s.verdictBody}>
        {verdict && lines && (
          <>
            <svg className={s.verdictIcon} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d={ICON_PATH[verdict.outcome]} fill="currentColor" />
            </svg>
            {/* Spaces between the lines: the region's text reads "Admitted Ada Lovelace · …", not "AdmittedAda". */}
            {[
              <p key="h" className={s.headline}>
                {lines.headline}
              </p>,
              lines.detail && (
                <p key="d" className={s.detail}>
                  {lines.detail}
                </p>
              ),
              lines.note && (
                <p key="n" className={s.note}>
                  {lines.note}
                </p>
              ),
              verdict.offline && (
                <p key="o" className={s.offlineTag}>
                  Judged offline, on this device
                </p>
              ),
            ]
              .filter(Boolean)
              .flatMap((line, i) => (i ? [' ', line] : [line]))}
          </>
        )}
        {!verdict && error && (
          <>
            <p className={s.headline}>Not checked</p> <p className={s.detail}>{error}</p>
          </>
        )}
      </div>
      {(verdict || error) && <p className={s.dismissHint}>Tap to scan the next badge</p>}
    </div>
  );
}
