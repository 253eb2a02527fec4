import { describe, expect, it } from 'vitest';
import { backoffDelay, defaultBackoff } from '../../../src-main/tiktok/backoff';
import { type Clock, TokenBucket } from '../../../src-main/tiktok/token-bucket';

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
