import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactElement,
  type ReactNode,
} from 'react';
import type { Settings, SettingsPatch } from '@shared/settings';
import type { AppError } from '@shared/errors';
import { api, toAppError } from '../api';
import { applyLanguage } from '../i18n';
import { useToasts } from '../components/Toasts';
import { applyTheme } from './theme';

interface SettingsApi {
  settings: Settings;
  /** Applies the patch at once and persists it; resolves false (after a toast) when the app refused it. */
  update(patch: SettingsPatch): Promise<boolean>;
}

type LoadState =
  | { status: 'loading' }
  | { status: 'failed'; error: AppError }
  /** `shown` may run ahead of `saved` while an update is in flight; a refusal rolls back to `saved`. */
  | { status: 'ready'; shown: Settings; saved: Settings };

const SettingsContext = createContext<SettingsApi | null>(null);

export function useSettings(): SettingsApi {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings needs a SettingsProvider');
  return value;
}

function ready(settings: Settings): LoadState {
  return { status: 'ready', shown: settings, saved: settings };
}

export function SettingsProvider(props: {
  children: ReactNode;
  loading: ReactNode;
  failed: (error: AppError, retry: () => void) => ReactNode;
}): ReactElement {
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const { showError } = useToasts();

  const fetchSettings = useCallback(() => {
    api.invoke('settings:get').then(
      (settings) => setState(ready(settings)),
      (error: unknown) => setState({ status: 'failed', error: toAppError(error) }),
    );
  }, []);
  const retry = useCallback(() => {
    setState({ status: 'loading' });
    fetchSettings();
  }, [fetchSettings]);

  useEffect(fetchSettings, [fetchSettings]);
  useEffect(() => api.on('settings:changed', (settings) => setState(ready(settings))), []);

  const settings = state.status === 'ready' ? state.shown : null;
  const language = settings?.language;
  const theme = settings?.theme ?? 'system';

  useEffect(() => {
    if (language) applyLanguage(language);
  }, [language]);
  useEffect(() => applyTheme(theme), [theme]);

  const update = useCallback(
    async (patch: SettingsPatch) => {
      // Optimistic: language and theme must switch the moment the user picks them.
      setState((current) =>
        current.status === 'ready' ? { ...current, shown: { ...current.shown, ...patch } } : current,
      );
      try {
        setState(ready(await api.invoke('settings:update', patch)));
        return true;
      } catch (error) {
        setState((current) => (current.status === 'ready' ? ready(current.saved) : current));
        showError(error);
        return false;
      }
    },
    [showError],
  );

  const value = useMemo(() => (settings ? { settings, update } : null), [settings, update]);

  if (state.status === 'loading') return <>{props.loading}</>;
  if (state.status === 'failed') return <>{props.failed(state.error, retry)}</>;
  return <SettingsContext.Provider value={value}>{props.children}</SettingsContext.Provider>;
}
