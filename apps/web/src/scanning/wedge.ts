/**
 * Keyboard-wedge scanners (USB or Bluetooth handhelds) type the code and Enter as if on a keyboard,
 * wherever the focus is. Keys typed while the focus is not in a text field (the page's body, a
 * button, the video) belong to the Badge code field: the first one is put there and the field takes
 * the focus, so the rest of the code and the Enter land in it natively and submit its form.
 */

interface FocusLike {
  tagName?: string;
  type?: string;
  isContentEditable?: boolean;
}

const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'time']);

/** Whether the focused element takes typing itself (then keys are left alone). */
export function typesItself(el: FocusLike | null | undefined): boolean {
  if (!el?.tagName) return false;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable) return true;
  return tag === 'INPUT' && TEXT_INPUTS.has((el.type ?? 'text').toLowerCase());
}

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing?: boolean;
}

/** A key that types one character of a code (not a shortcut, not a navigation key; not Space, which presses buttons). */
export const isPrintable = (e: KeyLike): boolean =>
  e.key.length === 1 && e.key !== ' ' && !e.ctrlKey && !e.metaKey && !e.altKey && !e.isComposing;

/** Sends stray typing into `field`. Returns the listener's remover. */
export function captureWedge(field: () => HTMLInputElement | null): () => void {
  const onKeyDown = (e: KeyboardEvent) => {
    const input = field();
    if (!input || input.disabled || e.defaultPrevented || typesItself(document.activeElement)) return;
    if (isPrintable(e)) {
      e.preventDefault();
      input.focus();
      input.value += e.key;
      input.setSelectionRange(input.value.length, input.value.length);
    } else if (
      e.key === 'Enter' &&
      input.value.trim() &&
      (document.activeElement === document.body || !document.activeElement)
    ) {
      e.preventDefault();
      input.form?.requestSubmit();
    }
  };
  document.addEventListener('keydown', onKeyDown, true);
  return () => document.removeEventListener('keydown', onKeyDown, true);
}
