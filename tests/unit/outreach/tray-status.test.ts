import { expect, it } from 'vitest';
import type { Outreach } from '../../../src-shared/outreach';
import { OutreachTrayTracker } from '../../../src-main/outreach/tray-status';

type Known = Pick<Outreach, 'status' | 'pauseReason' | 'resumeAt'>;

it('the tray follows status changes only, reading an Outreach again only when its status changed', () => {
  const rows = new Map<number, Known & { id: number }>([
    [1, { id: 1, status: 'running', pauseReason: null, resumeAt: null }],
    [2, { id: 2, status: 'finished', pauseReason: null, resumeAt: null }],
  ]);
  const reads: number[] = [];
  const tracker = new OutreachTrayTracker([...rows.values()] as unknown as Outreach[], (id) => {
    reads.push(id);
    return rows.get(id) ?? null;
  });
  expect(tracker.status()).toEqual({ running: 1, pausedForQuota: 0, resumeAt: null });
  // Progress of a running Outreach (every Delivery): nothing read, nothing changes.
  for (let i = 0; i < 50; i++) expect(tracker.observe(1, 'running')).toBe(false);
  expect(reads).toEqual([]);
  rows.set(1, { id: 1, status: 'paused', pauseReason: 'quota', resumeAt: 500 });
  expect(tracker.observe(1, 'paused')).toBe(true);
  expect(tracker.status()).toEqual({ running: 0, pausedForQuota: 1, resumeAt: 500 });
  // A new Outreach starts.
  rows.set(3, { id: 3, status: 'running', pauseReason: null, resumeAt: null });
  expect(tracker.observe(3, 'running')).toBe(true);
  expect(tracker.status()).toEqual({ running: 1, pausedForQuota: 1, resumeAt: 500 });
  // A draft created: a status the tray does not count.
  rows.set(4, { id: 4, status: 'draft', pauseReason: null, resumeAt: null });
  expect(tracker.observe(4, 'draft')).toBe(false);
  expect(reads).toEqual([1, 3, 4]);
});
