import { type FormEvent, type ReactNode, useEffect, useRef } from 'react';
import { captureWedge } from '../scanning/wedge';

/**
 * The parts the door scanner (/scan) and the exhibitors' lead scanner (/exhibitor/leads) share:
 * the Badge code form (typed codes and keyboard-wedge handhelds) and the Online/Offline sync bar.
 * Each page keeps its own look: it passes the class names from its CSS module.
 */

/** A page's CSS module (class names by key). */
type PageStyles = Readonly<Record<string, string>>;

/**
 * The Badge code field and its submit button. Keyboard-wedge: typing anywhere outside a text field
 * goes to this field (scanning/wedge.ts). A submitted code is trimmed, the field emptied, and the
 * code handed to onCode; an empty field submits nothing.
 */
export function BadgeCodeForm({
  inputId,
  button,
  disabled,
  onCode,
  classes,
  hintClassName,
}: {
  inputId: string;
  /** The submit button's text (its accessible name). */
  button: string;
  disabled: boolean;
  onCode: (code: string) => void;
  /** The page's CSS module: its entry and entryRow classes. */
  classes: PageStyles;
  hintClassName: string;
}) {
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => captureWedge(() => field.current), []);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const input = field.current;
    const code = input?.value.trim() ?? '';
    if (!input || !code) return;
    input.value = '';
    onCode(code);
  };

  return (
    <form className={classes.entry} onSubmit={submit}>
      <label htmlFor={inputId}>Badge code</label>
      <div className={classes.entryRow}>
        <input
          ref={field}
          id={inputId}
          name="code"
          type="text"
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="go"
          disabled={disabled}
        />
        <button type="submit" className="button primary" disabled={disabled}>
          {button}
        </button>
      </div>
      <p className={hintClassName}>A handheld scanner works anywhere on this page.</p>
    </form>
  );
}

/** What the sync bar shows: the state both scanners' engines publish. */
export interface SyncBarState {
  online: boolean;
  queued: number;
  syncing: boolean;
  syncError: string | null;
}

/** Online/Offline (a dot and the word), the count waiting to sync, the sync error and "Sync now". */
export function SyncBar({
  state,
  offlineHint,
  canSync,
  onSync,
  classes,
}: {
  state: SyncBarState;
  /** Said while offline (its element and class are the page's own). */
  offlineHint: ReactNode;
  /** False while the engine is not ready or a sync started here is running. */
  canSync: boolean;
  onSync: () => void;
  /** The page's CSS module: its syncBar, online, offline, dot and queued classes. */
  classes: PageStyles;
}) {
  return (
    <div className={classes.syncBar}>
      <p className={state.online ? classes.online : classes.offline}>
        <span className={classes.dot} aria-hidden="true" />
        {state.online ? 'Online' : 'Offline'}
      </p>
      {state.queued > 0 && <p className={classes.queued}>{state.queued} waiting to sync</p>}
      {!state.online && offlineHint}
      {state.syncError && (
        <p className="form-error" role="alert">
          {state.syncError}
        </p>
      )}
      <button type="button" className="button" onClick={onSync} disabled={!canSync || state.syncing}>
        Sync now
      </button>
    </div>
  );
}
