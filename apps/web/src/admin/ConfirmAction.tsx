import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import s from './AdminTables.module.css';

/**
 * A button that asks before it acts: a modal dialog (named by its title) that says what the action
 * does, with Cancel and the confirming button. `onConfirm` runs once confirmed; the dialog stays open
 * (its button busy) until it settles, and closes then.
 */
export function ConfirmAction({
  label,
  title,
  confirmLabel,
  children,
  onConfirm,
  danger = false,
  disabled = false,
}: {
  label: string;
  title: string;
  confirmLabel: string;
  children: ReactNode;
  onConfirm: () => Promise<unknown>;
  danger?: boolean;
  disabled?: boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = useId();

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className={`button ${danger ? s.danger : ''}`}
        disabled={disabled}
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
      <dialog ref={dialog} className={s.dialog} aria-labelledby={`${id}-title`} onClose={() => setOpen(false)}>
        {open && (
          <>
            <h2 id={`${id}-title`}>{title}</h2>
            <div className={s.dialogText}>{children}</div>
            <div className={s.dialogButtons}>
              <button type="button" className="button" onClick={() => setOpen(false)} disabled={busy}>
                Cancel
              </button>
              <button
                type="button"
                className={`button primary ${danger ? s.dangerPrimary : ''}`}
                onClick={() => void confirm()}
                disabled={busy}
              >
                {confirmLabel}
              </button>
            </div>
          </>
        )}
      </dialog>
    </>
  );
}
