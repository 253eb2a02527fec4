import type { SandboxState } from '../state';
import { isConnected } from './behaviour';

/**
 * The weekly outreach pool (docs/tiktok-api/affiliate.md): invites and messages to creators a shop is not yet connected
 * with draw from one pool per shop per week; repeat contact with the same creator in a week counts once.
 * Weeks start Sunday 12:00 GMT-8, i.e. Sunday 20:00 UTC.
 */
const WEEK = 7 * 86_400;
const FIRST_SUNDAY_2000_UTC = 3 * 86_400 + 20 * 3_600; // 1970-01-04 was a Sunday

export function weekIndex(nowSec: number): number {
  return Math.floor((nowSec - FIRST_SUNDAY_2000_UTC) / WEEK);
}

export function weekStart(nowSec: number): number {
  return FIRST_SUNDAY_2000_UTC + weekIndex(nowSec) * WEEK;
}

export function poolSize(state: SandboxState, shopIndex: number): number | null {
  const sizes = state.config.weeklyPool;
  const size = sizes[shopIndex] ?? sizes[sizes.length - 1];
  return size === undefined ? null : size;
}

export function poolStatus(
  state: SandboxState,
  shopIndex: number,
  now: number,
): { week: number; weekStart: number; used: number; size: number | null } {
  const used = state.weeklyContacts.get(`${shopIndex}:${weekIndex(now)}`)?.size ?? 0;
  return { week: weekIndex(now), weekStart: weekStart(now), used, size: poolSize(state, shopIndex) };
}

/** All-or-nothing: either every creator fits in the pool (and is recorded) or none is. */
export function drawFromPool(
  state: SandboxState,
  shopIndex: number,
  creatorIndexes: number[],
  now: number,
): boolean {
  const key = `${shopIndex}:${weekIndex(now)}`;
  const used = state.weeklyContacts.get(key) ?? new Set<number>();
  const fresh = creatorIndexes.filter((c) => !used.has(c) && !isConnected(state, shopIndex, c, now));
  const size = poolSize(state, shopIndex);
  if (size !== null && used.size + new Set(fresh).size > size) return false;
  for (const c of fresh) used.add(c);
  state.weeklyContacts.set(key, used);
  return true;
}
