import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactElement,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api';
import { Icon } from './Icon';

const autoDismissMs = 6000;

export type ToastTone = 'error' | 'success' | 'info';

export interface ToastInput {
  tone: ToastTone;
  message: string;
  /** A link the reader can follow, opened in a new tab; a toast with a link stays until dismissed. */
  link?: { href: string; label: string };
}

interface Toast extends ToastInput {
  id: number;
}

interface ToastApi {
  /** Shows the contract error's message (or a generic one for anything else). */
  showError(error: unknown): void;
  showToast(toast: ToastInput): void;
}

const ToastContext = createContext<ToastApi | null>(null);

export function useToasts(): ToastApi {
  const value = useContext(ToastContext);
  if (!value) throw new Error('useToasts needs a ToastProvider');
  return value;
}

export function ToastProvider({ children }: { children: ReactNode }): ReactElement {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const { t } = useTranslation();

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);
  const showToast = useCallback((toast: ToastInput) => {
    const id = nextId.current++;
    // The same message reported twice in a row is one problem, not two.
    setToasts((all) =>
      all.some((shown) => shown.message === toast.message) ? all : [...all, { ...toast, id }].slice(-4),
    );
  }, []);
  const showError = useCallback(
    (error: unknown) => showToast({ tone: 'error', message: errorText(error) }),
    [showToast],
  );
  const api = useMemo(() => ({ showError, showToast }), [showError, showToast]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <section className="toasts" aria-label={t('toast.region')}>
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} dismissLabel={t('toast.dismiss')} />
        ))}
      </section>
    </ToastContext.Provider>
  );
}

const toneIcon = { error: 'alert', success: 'check', info: 'link' } as const;

function ToastItem(props: {
  toast: Toast;
  onDismiss: (id: number) => void;
  dismissLabel: string;
}): ReactElement {
  const { toast, onDismiss, dismissLabel } = props;
  const [paused, setPaused] = useState(false);
  const sticky = toast.link !== undefined;

  useEffect(() => {
    if (paused || sticky) return;
    const timer = window.setTimeout(() => onDismiss(toast.id), autoDismissMs);
    return () => window.clearTimeout(timer);
  }, [paused, sticky, toast.id, onDismiss]);

  // Reading a message must not race its auto-dismissal: hover or focus holds it open.
  return (
    <div
      className={`toast toast-${toast.tone}`}
      role={toast.tone === 'error' ? 'alert' : 'status'}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <span className="toast-icon">
        <Icon name={toneIcon[toast.tone]} />
      </span>
      <div className="toast-message">
        <p>{toast.message}</p>
        {toast.link && (
          <a
            className="toast-link"
            href={toast.link.href}
            target="_blank"
            rel="noopener noreferrer"
            onClick={() => onDismiss(toast.id)}
          >
            {toast.link.label}
          </a>
        )}
      </div>
      <button
        type="button"
        className="icon-button"
        aria-label={dismissLabel}
        onClick={() => onDismiss(toast.id)}
      >
        <Icon name="close" size={16} />
      </button>
    </div>
  );
}
