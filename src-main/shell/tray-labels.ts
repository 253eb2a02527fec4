import type { OutreachAlert } from '@shared/outreach';
import type { Language } from '@shared/settings';
import type { OutreachTrayStatus } from '../outreach/tray-status';
import type { SyncNotification, TrayStatus } from '../sync/tray-status';

export interface TrayLabels {
  tooltip: string;
  open: string;
  syncNow: string;
  lockNow: string;
  /** The app lock's state line. */
  locked: string;
  quit: string;
  pauseAllOutreach: string;
  status: Record<TrayStatus['labelKey'], string>;
  notifications: Record<SyncNotification, { title: string; body: string }>;
  /** `{count}` Outreaches sending; the earliest quota reset `{time}`. */
  outreach: { running: string; pausedForQuota: string };
  /** `{name}` of the Outreach, its `{sent}` / `{failed}` / `{skipped}` counts, the reset `{time}`. */
  outreachAlerts: Record<OutreachAlert['kind'], { title: string; body: string }>;
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
    pauseAllOutreach: 'Pause all outreach',
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
    outreach: {
      running: 'Outreach: {count} sending',
      pausedForQuota: "Outreach waits for TikTok's quota until {time}",
    },
    outreachAlerts: {
      finished: {
        title: 'Outreach finished',
        body: '“{name}”: {sent} sent, {failed} failed, {skipped} skipped.',
      },
      quota_paused: {
        title: 'Outreach paused for quota',
        body: "“{name}” reached TikTok's quota and resumes {time}.",
      },
      quota_resumed: { title: 'Outreach resumed', body: "TikTok's quota reset: “{name}” is sending again." },
      failing: {
        title: 'Outreach keeps failing',
        body: '“{name}”: {failed} failed so far. Open ShopMesh to see why.',
      },
    },
  },
  'zh-CN': {
    tooltip: 'ShopMesh',
    open: '打开',
    syncNow: '立即同步',
    lockNow: '立即锁定',
    locked: '已锁定',
    quit: '退出',
    pauseAllOutreach: '暂停全部建联',
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
    outreach: {
      running: '建联发送中：{count} 个',
      pausedForQuota: '建联等待 TikTok 配额重置：{time}',
    },
    outreachAlerts: {
      finished: { title: '建联已完成', body: '“{name}”：已发送 {sent}，失败 {failed}，跳过 {skipped}。' },
      quota_paused: { title: '建联因配额暂停', body: '“{name}”已达 TikTok 配额上限，将于 {time} 恢复。' },
      quota_resumed: { title: '建联已恢复', body: 'TikTok 配额已重置：“{name}”继续发送。' },
      failing: {
        title: '建联连续失败',
        body: '“{name}”：目前已有 {failed} 位达人发送失败，请打开 ShopMesh 查看原因。',
      },
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

/** A date and time in the merchant's language and the computer's zone ("Dec 6, 2026, 12:00 PM"). */
export function dateTime(language: Language, at: number): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** The tray's outreach line, or null when no Outreach is sending or waiting for a quota reset. */
export function trayOutreachLine(language: Language, status: OutreachTrayStatus): string | null {
  const labels = labelsFor(language).outreach;
  if (status.running > 0) return fill(labels.running, { count: status.running });
  if (status.pausedForQuota > 0 && status.resumeAt !== null)
    return fill(labels.pausedForQuota, { time: dateTime(language, status.resumeAt) });
  return null;
}

/** The desktop notification of an Outreach alert. */
export function outreachAlertText(language: Language, alert: OutreachAlert): { title: string; body: string } {
  const { title, body } = labelsFor(language).outreachAlerts[alert.kind];
  const number = new Intl.NumberFormat(language);
  return {
    title,
    body: fill(body, {
      name: alert.name,
      sent: number.format(alert.sent),
      failed: number.format(alert.failed),
      skipped: number.format(alert.skipped),
      time: alert.resumeAt === null ? '' : dateTime(language, alert.resumeAt),
    }),
  };
}
