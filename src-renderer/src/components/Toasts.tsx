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
import { toAppError } from '../api';
import { Icon } from './Icon';

const autoDismissMs = 6000;

interface Toast {
  id: number;
  message: string;
}

interface ToastApi {
  /** Shows the contract error's message (or a generic one for anything else). */
  showError(error: unknown): void;
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
  const showError = useCallback((error: unknown) => {
    const { message } = toAppError(error);
    const id = nextId.current++;
    // The same failure reported twice in a row is one problem, not two.
    setToasts((all) =>
      all.some((toast) => toast.message === message) ? all : [...all, { id, message }].slice(-4),
    );
  }, []);
  const api = useMemo(() => ({ showError }), [showError]);

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

function ToastItem(props: {
  toast: Toast;
  onDismiss: (id: number) => void;
  dismissLabel: string;
}): ReactElement {
  const { toast, onDismiss, dismissLabel } = props;
  const [paused, setPaused] = useState(false);

  useEffect(() => {
    if (paused) return;
    const timer = window.setTimeout(() => onDismiss(toast.id), autoDismissMs);
    return () => window.clearTimeout(timer);
  }, [paused, toast.id, onDismiss]);

  // Reading a message must not race its auto-dismissal: hover or focus holds it open.
  return (
    <div
      className="toast toast-error"
      role="alert"
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <span className="toast-icon">
        <Icon name="alert" />
      </span>
      <p className="toast-message">{toast.message}</p>
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
