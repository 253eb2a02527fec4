/** Time conversions at the API boundary: everything stored is UTC epoch milliseconds. */

export const DAY_MS = 86_400_000;

/** TikTok Shop sends Unix seconds; 0 means "not set". */
export function secondsToMs(sec: number | null | undefined): number | null {
  return sec === null || sec === undefined || sec <= 0 ? null : sec * 1000;
}

/** API for Business sends "YYYY-MM-DD HH:MM:SS" in UTC. */
export function adsTimeToMs(text: string | null | undefined): number | null {
  if (!text) return null;
  const ms = Date.parse(`${text.replace(' ', 'T')}Z`);
  return Number.isNaN(ms) ? null : ms;
}

/** The UTC calendar day of an instant, as "YYYY-MM-DD" (the key of the daily rollups). */
export function utcDay(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  if (day === lastDay && lastDayText !== null) return lastDayText;
  const text = new Date(ms).toISOString().slice(0, 10);
  lastDay = day;
  lastDayText = text;
  return text;
}
// The writers ask for the same day for most rows of a page (rows come in time order): remember the last.
let lastDay = Number.NaN;
let lastDayText: string | null = null;

/** "YYYY-MM-DD" → midnight UTC in ms. */
export function dayStartMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

export function addDays(day: string, n: number): string {
  return utcDay(dayStartMs(day) + n * DAY_MS);
}
