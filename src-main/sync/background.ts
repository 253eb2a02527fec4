import type { SyncStatus, SyncTrigger } from '@shared/sync';
import type { EventBus } from '../events';
import type { Logger } from '../log/logger';
import type { SettingsService } from '../settings/settings-service';
import { syncRound } from './round';
import { createScheduler, type RoundOutcome, type Scheduler } from './scheduler';
import type { SyncService } from './service';
import {
  notificationFor,
  type SyncNotification,
  type TrayHealth,
  trayStatus,
  type TrayStatus,
} from './tray-status';

export interface BackgroundSyncOptions {
  sync: SyncService;
  events: EventBus;
  settings: SettingsService;
  logger: Logger;
  /** Probes whether the API hosts are reachable again while offline. */
  isOnline: () => Promise<boolean>;
  /** How often to probe while offline. */
  offlineProbeMs?: number;
  /** Delay of the start-up catch-up round. */
  startupDelayMs?: number;
}

export interface BackgroundSync {
  readonly scheduler: Scheduler;
  runNow(trigger: SyncTrigger): Promise<RoundOutcome>;
  /** The machine woke from sleep. */
  onResume(): Promise<RoundOutcome>;
  tray(): TrayStatus;
  /** Called with each notification worth showing (first failure, reconnect needed, back to healthy). */
  onNotification(listener: (n: SyncNotification, status: TrayStatus) => void): () => void;
  /** Called whenever the tray line should change. */
  onTrayChange(listener: (status: TrayStatus) => void): () => void;
  stop(): void;
}

/**
 * Keeps the cache fresh without the merchant asking: the interval from Settings, a catch-up after sleep or
 * when the network returns, and the tray line plus change-only notifications. Plain Node: the Electron shell
 * only forwards power events and shows what this decides.
 */
export function startBackgroundSync(options: BackgroundSyncOptions): BackgroundSync {
  const { sync, settings, logger } = options;
  const scheduler = createScheduler({
    timers: {
      now: Date.now,
      setTimeout: (fn, ms) => {
        const t = setTimeout(fn, ms);
        t.unref();
        return t;
      },
      clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
    },
    intervalMinutes: () => settings.get().syncIntervalMinutes,
    sync: (trigger) => syncRound(sync, trigger),
  });
  const notificationListeners = new Set<(n: SyncNotification, s: TrayStatus) => void>();
  const trayListeners = new Set<(s: TrayStatus) => void>();
  let settled: TrayHealth | null = null;
  let probe: NodeJS.Timeout | null = null;

  const stopProbe = (): void => {
    if (probe) clearInterval(probe);
    probe = null;
  };
  const startProbe = (): void => {
    if (probe) return;
    probe = setInterval(() => {
      void options.isOnline().then((online) => {
        if (!online) return;
        stopProbe();
        logger.info('network is back; catching up');
        void scheduler.onOnline();
      });
    }, options.offlineProbeMs ?? 30_000);
    probe.unref();
  };

  const unsubscribe = options.events.subscribe((event, payload) => {
    if (event !== 'sync:statusChanged') return;
    const status = payload as SyncStatus;
    const tray = trayStatus(status);
    for (const l of trayListeners) l(tray);
    if (!status.online) {
      scheduler.onOffline();
      startProbe();
    }
    if (tray.syncing) return;
    const n = notificationFor(settled, tray.health);
    // The first settled state after start-up is the baseline, not news.
    if (n && settled !== null) for (const l of notificationListeners) l(n, tray);
    settled = tray.health;
  });

  // A changed interval takes effect now, not after the old one runs out.
  const unsubscribeSettings = settings.onChange((_s, changed) => {
    if (changed.includes('syncIntervalMinutes')) {
      scheduler.stop();
      scheduler.start();
    }
  });
  scheduler.start();

  // Opening the app after a while away: catch up once, shortly after start-up, if anything is stale.
  const catchUp = setTimeout(() => {
    const intervalMs = settings.get().syncIntervalMinutes * 60_000;
    const stale = sync
      .status()
      .accounts.some(
        (a) =>
          a.accountStatus === 'active' &&
          (a.lastSuccessAt === null || Date.now() - a.lastSuccessAt > intervalMs),
      );
    if (stale) void scheduler.runNow('schedule');
  }, options.startupDelayMs ?? 5_000);
  catchUp.unref();

  return {
    scheduler,
    runNow: (trigger) => scheduler.runNow(trigger),
    onResume: () => scheduler.onResume(),
    tray: () => trayStatus(sync.status()),
    onNotification(listener) {
      notificationListeners.add(listener);
      return () => notificationListeners.delete(listener);
    },
    onTrayChange(listener) {
      trayListeners.add(listener);
      return () => trayListeners.delete(listener);
    },
    stop() {
      clearTimeout(catchUp);
      scheduler.stop();
      stopProbe();
      unsubscribe();
      unsubscribeSettings();
    },
  };
}
