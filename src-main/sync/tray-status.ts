import type { SyncStatus } from '@shared/sync';

/**
 * What the tray shows and when to notify. The health is the settled state of all Accounts; a sync under
 * way is shown but never notified, and a notification fires only when the health changes: on the first
 * failure, when an Account needs reconnecting, and when everything is healthy again.
 */

export type TrayHealth = 'never' | 'healthy' | 'offline' | 'failing' | 'reconnect';

export interface TrayStatus {
  health: TrayHealth;
  syncing: boolean;
  /** Most recent successful sync of any Account (UTC epoch ms). */
  lastSyncAt: number | null;
  /** i18n key for the tray line; the shell formats `lastSyncAt` next to it. */
  labelKey: `tray.sync.${TrayHealth | 'syncing'}`;
}

export function trayStatus(status: SyncStatus): TrayStatus {
  const accounts = status.accounts;
  const syncing = accounts.some((a) => a.state === 'running');
  const times = accounts.map((a) => a.lastSuccessAt).filter((t): t is number => t !== null);
  const lastSyncAt = times.length ? Math.max(...times) : null;
  let health: TrayHealth;
  if (accounts.some((a) => a.accountStatus !== 'active')) health = 'reconnect';
  else if (!status.online || accounts.some((a) => a.state === 'offline')) health = 'offline';
  else if (accounts.some((a) => a.lastOutcome === 'failed' || a.lastOutcome === 'partial'))
    health = 'failing';
  else if (lastSyncAt === null) health = 'never';
  else health = 'healthy';
  return { health, syncing, lastSyncAt, labelKey: `tray.sync.${syncing ? 'syncing' : health}` };
}

export type SyncNotification = 'firstFailure' | 'reconnectNeeded' | 'backToHealthy';

/** The notification to show when the settled health goes from `previous` to `next`, if any. */
export function notificationFor(previous: TrayHealth | null, next: TrayHealth): SyncNotification | null {
  if (previous === next) return null;
  if (next === 'reconnect') return 'reconnectNeeded';
  if (next === 'failing') return 'firstFailure';
  // Offline is shown in the tray but is not news: the OS already says the network is gone.
  if (next === 'healthy' && (previous === 'failing' || previous === 'reconnect')) return 'backToHealthy';
  return null;
}
