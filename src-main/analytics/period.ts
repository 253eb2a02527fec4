import type { Period, Range } from '@shared/analytics';
import { addDays, daysBetween, zonedDay } from '@shared/time';

/**
 * A filter's range as calendar days. Presets are taken relative to "today" in `referenceZone` (the shops'
 * zone when they share one); each shop's rollups are then read for those calendar dates in its own zone.
 * The previous period is the same number of days ending the day before, except for "Last year", compared
 * with the calendar year before it: a merchant compares 2025 with 2024, and after a leap year the same
 * number of days would start the comparison on January 2.
 */
export function resolvePeriod(range: Range, nowMs: number, referenceZone: string): Period {
  const today = zonedDay(nowMs, referenceZone);
  const [from, to] = bounds(range, today);
  const days = daysBetween(from, to) + 1;
  return {
    from,
    to,
    days,
    previousFrom: range.preset === 'lastYear' ? yearBefore(from) : addDays(from, -days),
    previousTo: addDays(from, -1),
    referenceZone,
  };
}

/** January 1 of the year before the one `day` (a January 1) starts. */
const yearBefore = (day: string): string => `${String(Number(day.slice(0, 4)) - 1).padStart(4, '0')}-01-01`;

function bounds(range: Range, today: string): [string, string] {
  const month = today.slice(0, 8);
  switch (range.preset) {
    case 'custom':
      return [range.from, range.to];
    case 'today':
      return [today, today];
    case 'yesterday':
      return [addDays(today, -1), addDays(today, -1)];
    case 'last7':
      return [addDays(today, -6), today];
    case 'last30':
      return [addDays(today, -29), today];
    case 'last90':
      return [addDays(today, -89), today];
    case 'last365':
      return [addDays(today, -364), today];
    case 'thisMonth':
      return [`${month}01`, today];
    case 'lastMonth': {
      const lastOfPrevious = addDays(`${month}01`, -1);
      return [`${lastOfPrevious.slice(0, 8)}01`, lastOfPrevious];
    }
    case 'yearToDate':
      return [`${today.slice(0, 4)}-01-01`, today];
    case 'lastYear': {
      const year = yearBefore(`${today.slice(0, 4)}-01-01`);
      return [year, `${year.slice(0, 4)}-12-31`];
    }
  }
}

/** Every day from `from` to `to`, inclusive. */
export function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * Buckets of a period for a chart: days, weeks starting on Monday, or calendar months, each clipped to the
 * period. Returns the first day of each bucket and a day → bucket index lookup.
 */
export function bucketsOf(
  from: string,
  to: string,
  grain: 'day' | 'week' | 'month',
): { starts: string[]; index: (day: string) => number } {
  const starts: string[] = [];
  const byDay = new Map<string, number>();
  for (const day of daysOf(from, to)) {
    const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
    const isStart =
      starts.length === 0 ||
      grain === 'day' ||
      (grain === 'week' && weekday === 0) ||
      (grain === 'month' && day.endsWith('-01'));
    if (isStart) starts.push(day);
    byDay.set(day, starts.length - 1);
  }
  return { starts, index: (day) => byDay.get(day) ?? -1 };
}

const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The same calendar day `years` later; 29 February lands on 28 February in a year without one. */
export function sameDayYearsLater(day: string, years: number): string {
  const year = Number(day.slice(0, 4)) + years;
  const monthDay = day.slice(5) === '02-29' && !isLeap(year) ? '02-28' : day.slice(5);
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

/**
 * The previous period's buckets lined up with the current ones: bucket i of the previous period is drawn
 * under bucket i of the current. Mostly that is position i, but where the previous period is the same
 * calendar days a year earlier ("Last year") and one of the two years is a leap year, daily buckets pair by
 * calendar day, not by position (by position every day after 29 February paired with its neighbour). The
 * choice for 29 February: the previous year's 29 February counts with 28 February's pair, so the dashed line
 * still adds up to the previous figure on the cards; the current year's 29 February has no day the year
 * before and pairs with nothing (null: a gap in the dashed line, never a made-up zero).
 */
export function previousBucketsOf(
  period: Pick<Period, 'from' | 'to' | 'previousFrom' | 'previousTo'>,
  grain: 'day' | 'week' | 'month',
  current: { starts: string[]; index: (day: string) => number },
): { starts: (string | null)[]; index: (day: string) => number } {
  const byPosition = bucketsOf(period.previousFrom, period.previousTo, grain);
  const yearBefore =
    period.previousFrom === sameDayYearsLater(period.from, -1) &&
    period.previousTo === sameDayYearsLater(period.to, -1);
  if (grain !== 'day' || !yearBefore) return byPosition;
  return {
    starts: current.starts.map((day) => {
      const before = sameDayYearsLater(day, -1);
      // 29 February a year back moved to 28 February: that day already pairs with this year's 28 February.
      return before.slice(5) === day.slice(5) ? before : null;
    }),
    index: (day) => current.index(sameDayYearsLater(day, 1)),
  };
}

/** Spark lines: one point per day up to ~three months, per week beyond. */
export const sparkGrain = (days: number): 'day' | 'week' => (days <= 92 ? 'day' : 'week');
