import { describe, expect, it } from 'vitest';
import { boundedMap } from '../../../src-main/sync/bounded-map';

/** A call that finishes when the test says so, so the order of answers is chosen, not timed. */
function gate() {
  const waiting = new Map<number, () => void>();
  let running = 0;
  let peak = 0;
  const started: number[] = [];
  const fn = (x: number) =>
    new Promise<number>((resolve) => {
      started.push(x);
      running++;
      peak = Math.max(peak, running);
      waiting.set(x, () => {
        running--;
        resolve(x * 10);
      });
    });
  const settle = () => new Promise<void>((r) => setImmediate(r));
  return {
    fn,
    started,
    peak: () => peak,
    finish: async (x: number) => {
      waiting.get(x)!();
      waiting.delete(x);
      await settle();
    },
    settle,
  };
}

describe('boundedMap', () => {
  it('keeps at most `limit` calls running and answers in the items’ order whatever finishes first', async () => {
    const g = gate();
    const done = boundedMap([1, 2, 3, 4, 5], 2, g.fn);
    await g.settle();
    expect(g.started).toEqual([1, 2]);
    await g.finish(2);
    expect(g.started).toEqual([1, 2, 3]);
    await g.finish(3);
    await g.finish(4);
    await g.finish(1);
    await g.finish(5);
    expect(await done).toEqual([10, 20, 30, 40, 50]);
    expect(g.peak()).toBe(2);
  });

  it('starts nothing after a failure, waits for the calls still running, then throws the first error', async () => {
    const started: number[] = [];
    let stillRunning = 0;
    const fn = async (x: number): Promise<number> => {
      started.push(x);
      stillRunning++;
      try {
        await new Promise((r) => setTimeout(r, x === 2 ? 1 : 20));
        if (x === 2) throw new Error('page 2 of conversation 2');
        return x;
      } finally {
        stillRunning--;
      }
    };
    await expect(boundedMap([1, 2, 3, 4, 5, 6], 3, fn)).rejects.toThrow('conversation 2');
    expect(stillRunning).toBe(0);
    expect(started).toEqual([1, 2, 3]);
  });

  it('stops starting calls once the signal is aborted', async () => {
    const ac = new AbortController();
    const started: number[] = [];
    const run = boundedMap(
      [1, 2, 3, 4],
      1,
      async (x) => {
        started.push(x);
        if (x === 2) ac.abort(new Error('cancelled'));
        return x;
      },
      { signal: ac.signal },
    );
    await expect(run).rejects.toThrow('cancelled');
    expect(started).toEqual([1, 2]);
  });

  it('keepGoing: every item still gets its call after failures, the first error thrown once all finished', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    let running = 0;
    let peak = 0;
    const fn = async (x: number): Promise<number> => {
      started.push(x);
      running++;
      peak = Math.max(peak, running);
      try {
        await new Promise((r) => setTimeout(r, x === 2 ? 1 : 5));
        if (x === 2 || x === 4) throw new Error(`scope ${x}`);
        finished.push(x);
        return x;
      } finally {
        running--;
      }
    };
    await expect(boundedMap([1, 2, 3, 4, 5, 6], 2, fn, { onFailure: 'keepGoing' })).rejects.toThrow(
      'scope 2',
    );
    expect(running).toBe(0);
    expect([...started].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...finished].sort()).toEqual([1, 3, 5, 6]);
    expect(peak).toBe(2);
  });

  it('keepGoing with nothing failing answers every result in order', async () => {
    const g = gate();
    const done = boundedMap([1, 2, 3], 2, g.fn, { onFailure: 'keepGoing' });
    await g.settle();
    await g.finish(2);
    await g.finish(3);
    await g.finish(1);
    expect(await done).toEqual([10, 20, 30]);
  });

  it('keepGoing still starts nothing once the signal is aborted', async () => {
    const ac = new AbortController();
    const started: number[] = [];
    const run = boundedMap(
      [1, 2, 3, 4],
      1,
      async (x) => {
        started.push(x);
        if (x === 1) throw new Error('scope 1');
        if (x === 2) ac.abort(new Error('cancelled'));
        return x;
      },
      { signal: ac.signal, onFailure: 'keepGoing' },
    );
    await expect(run).rejects.toThrow('scope 1');
    expect(started).toEqual([1, 2]);
  });

  it('refuses a limit that would run nothing', async () => {
    await expect(boundedMap([1], 0, async (x) => x)).rejects.toThrow('positive integer');
  });
});
