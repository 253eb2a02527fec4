import { useEffect, useId, useRef, type ReactElement, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';
import { WriteGate } from './WriteGate';

const focusable =
  'button:not(:disabled), [href], input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog on the native <dialog>: showModal() makes the rest of the page inert and draws the backdrop.
 * On top of that: Tab cycles inside, Esc asks the owner to close (unless `busy`), and on unmount focus goes
 * back to whatever had it before, or to `returnFocus()` when that element has left the page. Every dialog has
 * a close button in its header.
 */
export function Dialog(props: {
  title: string;
  children: ReactNode;
  onClose: () => void;
  busy?: boolean;
  /** Where focus goes when the control that opened the dialog is gone (e.g. its row was removed). */
  returnFocus?: () => HTMLElement | null;
  className?: string;
}): ReactElement {
  const { title, children, onClose, busy = false, returnFocus, className } = props;
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const latest = useRef({ onClose, busy, returnFocus });
  useEffect(() => {
    latest.current = { onClose, busy, returnFocus };
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // showModal() focuses the first focusable element (the close button); a field marked for it goes first.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      const target = opener?.isConnected ? opener : latest.current.returnFocus?.();
      target?.focus();
    };
  }, []);

  // In <body>, outside the page's WriteGate: while main is unreachable the dialog's own gate disables what
  // it would send, and its close button still works.
  return createPortal(
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-busy={busy}
      onCancel={(event) => {
        // Esc: React decides whether the dialog goes away.
        event.preventDefault();
        if (!latest.current.busy) latest.current.onClose();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Tab') return;
        const items = [...event.currentTarget.querySelectorAll<HTMLElement>(focusable)].filter(
          // Tab stops only on the checked radio of a group.
          (el) => !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked),
        );
        const first = items[0];
        const last = items.at(-1);
        if (!first || !last) return;
        if (event.shiftKey && document.activeElement === first) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault();
          first.focus();
        }
      }}
    >
      <div className="dialog-head">
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <button
          type="button"
          className="icon-button dialog-close"
          aria-label={t('dialog.close')}
          disabled={busy}
          onClick={() => latest.current.onClose()}
        >
          <Icon name="close" size={18} />
        </button>
      </div>
      <WriteGate>{children}</WriteGate>
    </dialog>,
    document.body,
  );
}
