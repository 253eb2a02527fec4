/**
 * Fixed-window counters on the sandbox clock: per-second QPS buckets, per-minute limits and per-UTC-day
 * quotas. Fixed windows (not sliding) so a frozen clock makes limit tests exact.
 */
export class WindowCounter {
  private readonly counts = new Map<string, { window: number; count: number }>();

  constructor(private readonly windowMs: number) {}

  /** Counts one call; false when it is over the limit (the call is still counted, as the gateway does). */
  hit(key: string, limit: number, nowMs: number): boolean {
    const window = Math.floor(nowMs / this.windowMs);
    const entry = this.counts.get(key);
    if (!entry || entry.window !== window) {
      if (this.counts.size > 50_000) this.counts.clear();
      this.counts.set(key, { window, count: 1 });
      return limit >= 1;
    }
    entry.count += 1;
    return entry.count <= limit;
  }

  used(key: string, nowMs: number): number {
    const entry = this.counts.get(key);
    return entry && entry.window === Math.floor(nowMs / this.windowMs) ? entry.count : 0;
  }
}

/**
 * "At most N in any window of this length", measured back from each call (API for Business states its
 * limit per second without a window boundary, so the strict reading is a sliding one: an initial burst
 * followed by a full second of traffic is over the limit). Refused calls count too.
 */
export class SlidingWindowCounter {
  private readonly calls = new Map<string, number[]>();

  constructor(private readonly windowMs: number) {}

  hit(key: string, limit: number, nowMs: number): boolean {
    let times = this.calls.get(key);
    if (!times) {
      if (this.calls.size > 50_000) this.calls.clear();
      times = [];
      this.calls.set(key, times);
    }
    while (times.length > 0 && times[0]! <= nowMs - this.windowMs) times.shift();
    times.push(nowMs);
    return times.length <= limit;
  }
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const UTC_DAY = 86_400 * SECOND;
