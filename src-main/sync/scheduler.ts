import type { SyncTrigger } from '@shared/sync';

/**
 * When to sync: every N minutes (from Settings, jittered so many installs do not hit TikTok in step), at
 * once after the machine wakes or the network returns, and on demand. Pure: timers, clock and randomness
 * are injected, so every decision is testable with a fake clock.
 */

/** How a round went, as the adapter around SyncService.run reports it. */
export type RoundOutcome = 'ok' | 'failed' | 'offline';

export interface SchedulerTimers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SchedulerDeps {
  timers: SchedulerTimers;
  /** Minutes between scheduled syncs, read at each scheduling (Settings may change). */
  intervalMinutes(): number;
  /** Starts a sync for every Account and resolves when it has finished. */
  sync(trigger: SyncTrigger): Promise<RoundOutcome>;
  random?: () => number;
  /** First retry after a failure; doubles per consecutive failure, capped at the interval. */
  backoffBaseMs?: number;
  /** ± fraction of the interval (default 0.1). */
  jitter?: number;
}

export interface SchedulerState {
  running: boolean;
  offline: boolean;
  consecutiveFailures: number;
  nextRunAt: number | null;
  lastRunAt: number | null;
  lastOutcome: RoundOutcome | null;
}

export interface Scheduler {
  start(): void;
  stop(): void;
  /** Tray "Sync now" and the UI; joins a round already under way. */
  runNow(trigger?: SyncTrigger): Promise<RoundOutcome>;
  /** The machine woke from sleep: catch up now. */
  onResume(): Promise<RoundOutcome>;
  /** The network came back: catch up now. */
  onOnline(): Promise<RoundOutcome>;
  /** The network went away: skip rounds until onOnline. */
  onOffline(): void;
  state(): SchedulerState;
}

/** Delay before the next scheduled round. */
export function nextDelayMs(
  intervalMs: number,
  consecutiveFailures: number,
  random: number,
  jitter = 0.1,
  backoffBaseMs = 60_000,
): number {
  if (consecutiveFailures > 0) {
    // Exponential backoff, never longer than the normal interval, jittered by up to +25%.
    const backoff = Math.min(intervalMs, backoffBaseMs * 2 ** (consecutiveFailures - 1));
    return Math.round(backoff * (1 + 0.25 * random));
  }
  return Math.round(intervalMs * (1 - jitter + 2 * jitter * random));
}

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const random = deps.random ?? Math.random;
  let timer: unknown = null;
  let started = false;
  let inFlight: Promise<RoundOutcome> | null = null;
  const s: SchedulerState = {
    running: false,
    offline: false,
    consecutiveFailures: 0,
    nextRunAt: null,
    lastRunAt: null,
    lastOutcome: null,
  };

  const clear = (): void => {
    if (timer !== null) deps.timers.clearTimeout(timer);
    timer = null;
    s.nextRunAt = null;
  };

  const schedule = (): void => {
    clear();
    if (!started) return;
    const delay = nextDelayMs(
      deps.intervalMinutes() * 60_000,
      s.consecutiveFailures,
      random(),
      deps.jitter,
      deps.backoffBaseMs,
    );
    s.nextRunAt = deps.timers.now() + delay;
    timer = deps.timers.setTimeout(() => {
      timer = null;
      void round('schedule');
    }, delay);
  };

  const round = (trigger: SyncTrigger): Promise<RoundOutcome> => {
    if (inFlight) return inFlight; // coalesce: one round at a time
    if (s.offline && trigger === 'schedule') {
      // Skipped, not failed: the status shows OFFLINE and onOnline() catches up.
      s.lastOutcome = 'offline';
      schedule();
      return Promise.resolve('offline');
    }
    s.running = true;
    clear();
    inFlight = (async () => {
      let outcome: RoundOutcome;
      try {
        outcome = await deps.sync(trigger);
      } catch {
        outcome = 'failed';
      }
      s.running = false;
      s.lastRunAt = deps.timers.now();
      s.lastOutcome = outcome;
      if (outcome === 'failed') s.consecutiveFailures += 1;
      else if (outcome === 'ok') s.consecutiveFailures = 0;
      if (outcome === 'offline') s.offline = true;
      inFlight = null;
      schedule();
      return outcome;
    })();
    return inFlight;
  };

  return {
    start() {
      if (started) return;
      started = true;
      schedule();
    },
    stop() {
      started = false;
      clear();
    },
    runNow: (trigger = 'manual') => round(trigger),
    onResume: () => round('resume'),
    onOnline() {
      s.offline = false;
      return round('online');
    },
    onOffline() {
      s.offline = true;
    },
    state: () => ({ ...s }),
  };
}
