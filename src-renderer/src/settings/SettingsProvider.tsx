import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  type ReactElement,
  type ReactNode,
} from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Settings, SettingsPatch } from '@shared/settings';
import type { AppError } from '@shared/errors';
import { channelKey, useChannelMutation, useChannelQuery } from '../api';
import { applyLanguage } from '../i18n';
import { applyTheme } from './theme';

interface SettingsApi {
  settings: Settings;
  /** Applies the patch at once and persists it; resolves false (after a toast) when the app refused it. */
  update(patch: SettingsPatch): Promise<boolean>;
}

const SettingsContext = createContext<SettingsApi | null>(null);
const settingsKey = channelKey('settings:get');

export function useSettings(): SettingsApi {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings needs a SettingsProvider');
  return value;
}

export function SettingsProvider(props: {
  children: ReactNode;
  loading: ReactNode;
  failed: (error: AppError, retry: () => void) => ReactNode;
}): ReactElement {
  const queryClient = useQueryClient();
  const query = useChannelQuery('settings:get', undefined, {
    updateOn: { 'settings:changed': (settings) => settings },
  });
  const mutation = useChannelMutation('settings:update', {
    onSuccess: (settings) => queryClient.setQueryData(settingsKey, settings),
  });

  const settings = query.data;
  const language = settings?.language;
  const theme = settings?.theme ?? 'system';
  useEffect(() => {
    if (language) void applyLanguage(language);
  }, [language]);
  useEffect(() => applyTheme(theme), [theme]);

  const { mutateAsync } = mutation;
  const update = useCallback(
    async (patch: SettingsPatch) => {
      // Optimistic: language and theme must switch the moment the user picks them; a refusal rolls back.
      const saved = queryClient.getQueryData<Settings>(settingsKey);
      if (saved) queryClient.setQueryData(settingsKey, { ...saved, ...patch });
      try {
        await mutateAsync(patch);
        return true;
      } catch {
        if (saved) queryClient.setQueryData(settingsKey, saved);
        return false;
      }
    },
    [queryClient, mutateAsync],
  );

  const value = useMemo(() => (settings ? { settings, update } : null), [settings, update]);

  if (query.isError && !settings) return <>{props.failed(query.error, () => void query.refetch())}</>;
  if (!value) return <>{props.loading}</>;
  return <SettingsContext.Provider value={value}>{props.children}</SettingsContext.Provider>;
}
