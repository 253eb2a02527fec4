import type { Language } from '@shared/settings';
import type { SyncNotification, TrayStatus } from '../sync/tray-status';

export interface TrayLabels {
  tooltip: string;
  open: string;
  syncNow: string;
  lockNow: string;
  /** The app lock's state line. */
  locked: string;
  quit: string;
  status: Record<TrayStatus['labelKey'], string>;
  notifications: Record<SyncNotification, { title: string; body: string }>;
}

/** The tray and notifications live outside the renderer's i18n, so their few strings are translated here. */
export const trayLabels: Readonly<Record<Language, TrayLabels>> = Object.freeze({
  en: {
    tooltip: 'ShopMesh',
    open: 'Open',
    syncNow: 'Sync now',
    lockNow: 'Lock now',
    locked: 'Locked',
    quit: 'Quit',
    status: {
      'tray.sync.syncing': 'Syncing…',
      'tray.sync.healthy': 'Synced {time}',
      'tray.sync.never': 'Not synced yet',
      'tray.sync.offline': 'Offline — last synced {time}',
      'tray.sync.failing': 'Last sync failed — synced {time}',
      'tray.sync.reconnect': 'An account needs reconnecting',
    },
    notifications: {
      firstFailure: { title: 'Sync failed', body: 'ShopMesh could not sync your data and will try again.' },
      reconnectNeeded: {
        title: 'Reconnect an account',
        body: 'A TikTok account stopped working. Reconnect it in Accounts to keep syncing.',
      },
      backToHealthy: { title: 'Sync is working again', body: 'Your orders and products are up to date.' },
    },
  },
  'zh-CN': {
    tooltip: 'ShopMesh',
    open: '打开',
    syncNow: '立即同步',
    lockNow: '立即锁定',
    locked: '已锁定',
    quit: '退出',
    status: {
      'tray.sync.syncing': '正在同步…',
      'tray.sync.healthy': '已同步（{time}）',
      'tray.sync.never': '尚未同步',
      'tray.sync.offline': '离线 — 上次同步：{time}',
      'tray.sync.failing': '上次同步失败 — 数据截至 {time}',
      'tray.sync.reconnect': '有账号需要重新连接',
    },
    notifications: {
      firstFailure: { title: '同步失败', body: 'ShopMesh 未能同步你的数据，稍后会自动重试。' },
      reconnectNeeded: {
        title: '需要重新连接账号',
        body: '有 TikTok 账号已失效，请在“账号”页面重新连接以继续同步。',
      },
      backToHealthy: { title: '同步已恢复', body: '你的订单和商品数据已是最新。' },
    },
  },
});

export function labelsFor(language: Language): TrayLabels {
  return trayLabels[language] ?? trayLabels.en;
}

/** "5 minutes ago" in the merchant's language; "never" when there was no sync. */
export function relativeTime(language: Language, at: number | null, now: number): string {
  if (at === null) return language === 'zh-CN' ? '从未' : 'never';
  const rtf = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const minutes = Math.round((at - now) / 60_000);
  if (Math.abs(minutes) < 60) return rtf.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return rtf.format(hours, 'hour');
  return rtf.format(Math.round(hours / 24), 'day');
}

/** The first, disabled line of the tray menu and the tooltip's second line. */
export function trayStatusLine(language: Language, status: TrayStatus, now: number): string {
  return labelsFor(language).status[status.labelKey].replace(
    '{time}',
    relativeTime(language, status.lastSyncAt, now),
  );
}
