import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncResource, SyncStatus } from '@shared/sync';
import { formatDateTime, formatDuration, formatRelative } from '../../format/time';
import { latestSuccess } from './syncStatusModel';

export interface SyncText {
  resource(resource: SyncResource | string): string;
  number(value: number): string;
  relative(at: number): string;
  dateTime(at: number): string;
  /** "about 2 min left" / "约剩 2 分钟". */
  eta(ms: number): string;
  duration(ms: number): string;
  /** One line for the whole window: syncing, offline, last synced, or never. */
  freshness(status: SyncStatus): string;
}

const minute = 60_000;

export function useSyncText(now: number): SyncText {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const numberFormat = new Intl.NumberFormat(language);
    const relative = (at: number) => formatRelative(at, now, language);
    return {
      resource: (resource) => t(`sync.resource.${resource}`, { defaultValue: resource }),
      number: (value) => numberFormat.format(value),
      relative,
      dateTime: (at) => formatDateTime(at, language),
      eta: (ms) =>
        ms < minute
          ? t('sync.etaUnderMinute')
          : t('sync.eta', { duration: formatDuration(Math.ceil(ms / minute) * minute, language) }),
      duration: (ms) => formatDuration(ms, language),
      freshness: (status) => {
        const last = latestSuccess(status.accounts);
        if (!status.online)
          return last === null ? t('sync.offlineNoData') : t('sync.offline', { time: relative(last) });
        if (status.accounts.some((a) => a.state === 'running')) return t('sync.syncing');
        return last === null ? t('sync.neverSynced') : t('sync.lastSynced', { time: relative(last) });
      },
    } satisfies SyncText;
  }, [t, language, now]);
}
