import { addDays, zonedDay, zonedDayStart, zoneOffsetMs } from '@shared/time';

/**
 * The times outreach works by: TikTok's outreach week (it resets every Sunday at 12:00 GMT-8, i.e. 20:00 UTC
 * all year: GMT-8 has no daylight saving; docs/tiktok-api/outreach.md, "Weekly pool") and the shop's own
 * days for the send window and the daily cap (its region's zone, src-shared/time.ts).
 */

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;
/** 1970-01-04 was a Sunday; 20:00 UTC on it is the first reset after the epoch. */
const FIRST_RESET = 3 * 24 * HOUR + 20 * HOUR;

/** Start (UTC epoch ms) of the TikTok outreach week that contains `ms`. */
export function weekStart(ms: number): number {
  return FIRST_RESET + Math.floor((ms - FIRST_RESET) / WEEK) * WEEK;
}

/** The next weekly reset after `ms`. */
export function nextWeeklyReset(ms: number): number {
  return weekStart(ms) + WEEK;
}

/** Next UTC midnight: when TikTok's per-day API quotas (45101004) are assumed to reset. */
export function nextUtcDay(ms: number): number {
  return (Math.floor(ms / (24 * HOUR)) + 1) * 24 * HOUR;
}

export interface SendWindow {
  startMinute: number;
  endMinute: number;
}

/**
 * The zone's offset at `ms`, remembered per zone for the quarter hour it falls in: offsets change only at
 * transitions, which fall on whole quarter hours of UTC for every zone in use today, and a plan asks for
 * thousands of send times a few seconds apart (formatting each through Intl was most of a 10k plan).
 */
const QUARTER_HOUR = 15 * 60_000;
const lastOffset = new Map<string, { quarter: number; offset: number }>();
function offsetAt(ms: number, zone: string): number {
  const quarter = Math.floor(ms / QUARTER_HOUR);
  const hit = lastOffset.get(zone);
  if (hit?.quarter === quarter) return hit.offset;
  const offset = zoneOffsetMs(ms, zone);
  lastOffset.set(zone, { quarter, offset });
  return offset;
}

/** Minutes since local midnight in `zone`. */
export function localMinute(ms: number, zone: string): number {
  const local = ms + offsetAt(ms, zone);
  return Math.floor((((local % (24 * HOUR)) + 24 * HOUR) % (24 * HOUR)) / 60_000);
}

function inWindow(minute: number, w: SendWindow): boolean {
  if (w.startMinute === w.endMinute) return true;
  return w.startMinute < w.endMinute
    ? minute >= w.startMinute && minute < w.endMinute
    : minute >= w.startMinute || minute < w.endMinute;
}

/**
 * `ms` itself when sending is allowed then, otherwise when the window next opens (to the minute; a DST
 * change in between moves it by the change, and the queue checks again when it wakes).
 */
export function nextOpen(ms: number, window: SendWindow | null, zone: string): number {
  if (!window) return ms;
  const minute = localMinute(ms, zone);
  if (inWindow(minute, window)) return ms;
  const wait = (window.startMinute - minute + 1_440) % 1_440;
  return Math.floor(ms / 60_000) * 60_000 + wait * 60_000;
}

/** The shop-local day of `ms` as [start, end) in UTC epoch ms: the daily cap counts within it. */
export function localDayBounds(ms: number, zone: string): { start: number; end: number } {
  const day = zonedDay(ms, zone);
  return { start: zonedDayStart(day, zone), end: zonedDayStart(addDays(day, 1), zone) };
}
