import { describe, expect, it } from 'vitest';
import {
  createScheduler,
  nextDelayMs,
  type RoundOutcome,
  type SchedulerTimers,
} from '../../../src-main/sync/scheduler';
import type { SyncTrigger } from '../../../src-shared/sync';

/** A fake clock: timers fire only when the test advances time. */
function fakeTimers(): SchedulerTimers & { advance(ms: number): Promise<void>; pending(): number } {
  let now = 0;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const flush = async (): Promise<void> => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  return {
    now: () => now,
    setTimeout: (fn, ms) => {
      timers.set(++seq, { at: now + ms, fn });
      return seq;
    },
    clearTimeout: (h) => void timers.delete(h as number),
    pending: () => timers.size,
    async advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, t]) => t.at <= until)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
        await flush();
      }
      now = until;
      await flush();
    },
  };
}

function harness(outcomes: RoundOutcome[] = []) {
  const timers = fakeTimers();
  const calls: SyncTrigger[] = [];
  let release: (() => void) | null = null;
  let hold = false;
  const scheduler = createScheduler({
    timers,
    intervalMinutes: () => 60,
    random: () => 0.5, // no jitter offset
    sync: async (trigger) => {
      calls.push(trigger);
      if (hold) await new Promise<void>((r) => (release = r));
      return outcomes.shift() ?? 'ok';
    },
  });
  return {
    timers,
    calls,
    scheduler,
    hold: () => (hold = true),
    release: () => {
      hold = false;
      release?.();
    },
  };
}

const MIN = 60_000;

describe('nextDelayMs', () => {
  it('jitters the interval by ±10%', () => {
    expect(nextDelayMs(60 * MIN, 0, 0)).toBe(54 * MIN);
    expect(nextDelayMs(60 * MIN, 0, 1)).toBe(66 * MIN);
    expect(nextDelayMs(60 * MIN, 0, 0.5)).toBe(60 * MIN);
  });
  it('backs off exponentially after failures, never past the interval', () => {
    expect(nextDelayMs(60 * MIN, 1, 0)).toBe(1 * MIN);
    expect(nextDelayMs(60 * MIN, 2, 0)).toBe(2 * MIN);
    expect(nextDelayMs(60 * MIN, 4, 0)).toBe(8 * MIN);
    expect(nextDelayMs(60 * MIN, 12, 0)).toBe(60 * MIN);
  });
});

describe('scheduler', () => {
  it('runs on the interval from Settings', async () => {
    const h = harness();
    h.scheduler.start();
    await h.timers.advance(59 * MIN);
    expect(h.calls).toEqual([]);
    await h.timers.advance(1 * MIN);
    expect(h.calls).toEqual(['schedule']);
    await h.timers.advance(60 * MIN);
    expect(h.calls).toEqual(['schedule', 'schedule']);
    h.scheduler.stop();
    await h.timers.advance(600 * MIN);
    expect(h.calls).toHaveLength(2);
    expect(h.timers.pending()).toBe(0);
  });

  it('catches up on resume and when the network returns, then re-arms the interval', async () => {
    const h = harness();
    h.scheduler.start();
    await h.timers.advance(10 * MIN);
    await h.scheduler.onResume();
    expect(h.calls).toEqual(['resume']);
    expect(h.scheduler.state().nextRunAt).toBe(70 * MIN);
    await h.scheduler.onOnline();
    expect(h.calls).toEqual(['resume', 'online']);
  });

  it('skips scheduled rounds while offline and catches up when online', async () => {
    const h = harness();
    h.scheduler.start();
    h.scheduler.onOffline();
    await h.timers.advance(180 * MIN);
    expect(h.calls).toEqual([]);
    expect(h.scheduler.state()).toMatchObject({ offline: true, lastOutcome: 'offline' });
    await h.scheduler.onOnline();
    expect(h.calls).toEqual(['online']);
    expect(h.scheduler.state().offline).toBe(false);
  });

  it('a round that finds no network marks the scheduler offline', async () => {
    const h = harness(['offline']);
    h.scheduler.start();
    await h.timers.advance(60 * MIN);
    expect(h.scheduler.state().offline).toBe(true);
    await h.timers.advance(300 * MIN);
    expect(h.calls).toEqual(['schedule']);
  });

  it('backs off after failures and returns to the interval after a success', async () => {
    const h = harness(['failed', 'failed', 'failed', 'ok']);
    h.scheduler.start();
    await h.timers.advance(60 * MIN); // fails
    expect(h.scheduler.state()).toMatchObject({ consecutiveFailures: 1, nextRunAt: 60 * MIN + 1.125 * MIN });
    await h.timers.advance(1.125 * MIN); // fails
    expect(h.scheduler.state().consecutiveFailures).toBe(2);
    await h.timers.advance(2.25 * MIN); // fails
    expect(h.scheduler.state().consecutiveFailures).toBe(3);
    await h.timers.advance(4.5 * MIN); // ok
    expect(h.scheduler.state()).toMatchObject({ consecutiveFailures: 0, lastOutcome: 'ok' });
    expect(h.calls).toHaveLength(4);
    expect(h.scheduler.state().nextRunAt! - h.timers.now()).toBe(60 * MIN);
  });

  it('coalesces triggers that arrive during a round', async () => {
    const h = harness();
    h.hold();
    const a = h.scheduler.runNow('tray');
    const b = h.scheduler.runNow('manual');
    const c = h.scheduler.onResume();
    expect(h.scheduler.state().running).toBe(true);
    h.release();
    expect(await Promise.all([a, b, c])).toEqual(['ok', 'ok', 'ok']);
    expect(h.calls).toEqual(['tray']);
  });

  it('a sync that throws counts as a failure, not a crash', async () => {
    const timers = fakeTimers();
    const s = createScheduler({
      timers,
      intervalMinutes: () => 5,
      sync: async () => {
        throw new Error('boom');
      },
    });
    expect(await s.runNow()).toBe('failed');
    expect(s.state().consecutiveFailures).toBe(1);
  });
});
