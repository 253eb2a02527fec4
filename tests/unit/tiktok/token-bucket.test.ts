import { describe, expect, it } from 'vitest';
import { backoffDelay, defaultBackoff } from '../../../src-main/tiktok/backoff';
import { bucketWithin, type Clock, RateLimiter, TokenBucket } from '../../../src-main/tiktok/token-bucket';

/** A clock whose sleeps advance virtual time instantly, so rate tests are exact and fast. */
function virtualClock(): Clock & { t: number } {
  const c = {
    t: 0,
    now: () => c.t,
    sleep: async (ms: number) => {
      c.t += ms;
    },
  };
  return c;
}

describe('TokenBucket', () => {
  it('allows a burst of `capacity`, then paces at the sustained rate', async () => {
    const clock = virtualClock();
    const bucket = new TokenBucket(50, 10, clock);
    for (let i = 0; i < 10; i++) await bucket.take();
    expect(clock.t).toBe(0);
    for (let i = 0; i < 100; i++) await bucket.take();
    // 100 more tokens at 50/s need 2 s of virtual time.
    expect(clock.t).toBeGreaterThanOrEqual(1990);
    expect(clock.t).toBeLessThanOrEqual(2100);
  });

  it('serves concurrent waiters without handing out more tokens than the rate allows', async () => {
    const clock = virtualClock();
    const bucket = new TokenBucket(10, 1, clock);
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3, 4].map((i) => bucket.take().then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(clock.t).toBeGreaterThanOrEqual(400);
  });

  it('drain() makes the next caller wait for a refill', async () => {
    const clock = virtualClock();
    const bucket = new TokenBucket(4, 4, clock);
    bucket.drain();
    await bucket.take();
    expect(clock.t).toBe(250);
  });
});

/** Most takes inside any one-second window [t, t + 1000), t at every take. */
function busiestSecond(times: readonly number[]): number {
  let most = 0;
  // times ascend: the window starting at times[i] ends before times[end].
  for (let i = 0, end = 0; i < times.length; i++) {
    while (end < times.length && times[end]! < times[i]! + 1000) end++;
    most = Math.max(most, end - i);
  }
  return most;
}

describe('a bucket within a per-second limit', () => {
  it.each([1, 3, 10, 50])('never passes more than %i requests in any one-second window', async (limit) => {
    const clock = virtualClock();
    const bucket = bucketWithin(limit, clock);
    const times: number[] = [];
    // A caller taking as fast as it can for ten virtual seconds, starting with a full bucket.
    while (clock.t < 10_000) {
      await bucket.take();
      times.push(clock.t);
    }
    expect(busiestSecond(times)).toBeLessThanOrEqual(limit);
    // …and it does not crawl either: at least half the limit is used.
    expect(times.length).toBeGreaterThanOrEqual(limit * 5);
  });

  it.each([2_000, 100_000])(
    'with limits lifted (%i a second) stays within them and is not held to one take per 1 ms sleep',
    async (limit) => {
      const clock = virtualClock();
      const bucket = bucketWithin(limit, clock);
      const times: number[] = [];
      while (clock.t < 2_000) {
        await bucket.take();
        times.push(clock.t);
      }
      expect(busiestSecond(times)).toBeLessThanOrEqual(limit);
      // A bucket of one token gets ~1,000 a second here: each waiting take sleeps a whole millisecond.
      expect(times.length).toBeGreaterThanOrEqual(limit * 2 * 0.8);
    },
  );

  it('counts the initial burst: the first second stays within the limit too', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter(() => 10, clock);
    const bucket = limiter.bucket('ads|app');
    const times: number[] = [];
    while (clock.t < 1000) {
      await bucket.take();
      if (clock.t < 1000) times.push(clock.t);
    }
    expect(times.length).toBeLessThanOrEqual(10);
    expect(limiter.bucket('ads|app')).toBe(bucket);
  });
});

describe('backoffDelay', () => {
  it('grows exponentially and stays within the cap', () => {
    expect(backoffDelay(0, defaultBackoff, () => 0.999)).toBeLessThan(500);
    expect(backoffDelay(3, defaultBackoff, () => 0.999)).toBeLessThan(4000);
    expect(backoffDelay(3, defaultBackoff, () => 0.999)).toBeGreaterThan(3900);
    expect(backoffDelay(20, defaultBackoff, () => 0.999)).toBeLessThanOrEqual(30_000);
  });

  it('honours Retry-After as a floor', () => {
    expect(backoffDelay(0, defaultBackoff, () => 0, 2000)).toBe(2000);
  });
});
