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
import type { TFunction } from 'i18next';
import type { Translatable } from '@shared/texts';
import { errorTexts, translateText } from '../api';
import { Icon } from './Icon';

const autoDismissMs = 6000;

export type ToastTone = 'error' | 'success' | 'info';

/**
 * A value in a toast's text: plain, or a function that formats it (a number, a date) in the language the
 * toast is drawn in.
 */
export type ToastParam = string | number | ((language: string) => string);

/**
 * What a toast says, as a catalogue key and its parameters, never as a finished sentence: the toast is
 * translated each time it is drawn, so switching the language while it shows switches it too.
 */
export interface ToastText {
  key: string;
  params?: Record<string, ToastParam>;
}

export interface ToastInput {
  tone: ToastTone;
  message: ToastText;
  /** A link the reader can follow, opened in a new tab; a toast with a link stays until dismissed. */
  link?: { href: string; label: ToastText };
}

interface Toast extends ToastInput {
  id: number;
  /** An error's text when the catalogue lacks its own key (the text for its code); see `errorText`. */
  fallback?: Translatable;
}

interface ToastApi {
  /** Shows the contract error's text (or its code's, or a generic one for anything else). */
  showError(error: unknown): void;
  showToast(toast: ToastInput): void;
}

/** A toast's text in the language `t` speaks. */
function drawText(t: TFunction, language: string, text: ToastText, fallback?: Translatable): string {
  const params = Object.fromEntries(
    Object.entries(text.params ?? {}).map(([name, value]) => [
      name,
      typeof value === 'function' ? value(language) : value,
    ]),
  );
  return fallback ? translateText({ key: text.key, params }, fallback) : t(text.key, params);
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
  const { t, i18n } = useTranslation();

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);
  const add = useCallback(
    (toast: Omit<Toast, 'id'>) => {
      const id = nextId.current++;
      // The same message reported twice in a row is one problem, not two.
      const text = (shown: Omit<Toast, 'id'>) =>
        drawText(i18n.t, i18n.language, shown.message, shown.fallback);
      setToasts((all) =>
        all.some((shown) => text(shown) === text(toast)) ? all : [...all, { ...toast, id }].slice(-4),
      );
    },
    [i18n],
  );
  const showToast = useCallback((toast: ToastInput) => add(toast), [add]);
  const showError = useCallback(
    (error: unknown) => {
      const { text, fallback } = errorTexts(error);
      add({ tone: 'error', message: text, fallback });
    },
    [add],
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

const toneIcon = { error: 'alert', success: 'check', info: 'info' } as const;

function ToastItem(props: {
  toast: Toast;
  onDismiss: (id: number) => void;
  dismissLabel: string;
}): ReactElement {
  const { toast, onDismiss, dismissLabel } = props;
  // Drawn from the toast's key and parameters on every render, so it follows a language switch.
  const { t, i18n } = useTranslation();
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
        <Icon name={toast.link ? 'link' : toneIcon[toast.tone]} />
      </span>
      <div className="toast-message">
        <p>{drawText(t, i18n.language, toast.message, toast.fallback)}</p>
        {toast.link && (
          <a
            className="toast-link"
            href={toast.link.href}
            target="_blank"
            rel="noopener noreferrer"
            onClick={() => onDismiss(toast.id)}
          >
            {drawText(t, i18n.language, toast.link.label)}
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
