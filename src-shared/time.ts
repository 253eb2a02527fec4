/**
 * Calendar days in a time zone, for main and renderer alike. Storage keeps UTC epoch ms; a shop's days are
 * its region's local calendar days (docs/tiktok-api/shop-time-zones.md), computed through Intl so DST and
 * zone rules come from the platform's tz database, never from fixed offsets.
 */

export const DAY_MS = 86_400_000;

/** The zone a TikTok Shop region keeps its books in. Unknown regions fall back to UTC (and say so: `zoneKnown`). */
const regionZones: Readonly<Record<string, string>> = {
  US: 'America/Los_Angeles',
  GB: 'Europe/London',
  UK: 'Europe/London',
  IE: 'Europe/Dublin',
  DE: 'Europe/Berlin',
  FR: 'Europe/Paris',
  IT: 'Europe/Rome',
  ES: 'Europe/Madrid',
  MX: 'America/Mexico_City',
  BR: 'America/Sao_Paulo',
  JP: 'Asia/Tokyo',
  SG: 'Asia/Singapore',
  MY: 'Asia/Kuala_Lumpur',
  TH: 'Asia/Bangkok',
  VN: 'Asia/Ho_Chi_Minh',
  PH: 'Asia/Manila',
  ID: 'Asia/Jakarta',
};

export function regionTimeZone(region: string): string {
  return regionZones[region.toUpperCase()] ?? 'UTC';
}

export function zoneKnown(region: string): boolean {
  return region.toUpperCase() in regionZones;
}

/** True when the runtime's tz database knows `zone` (advertiser zones come from TikTok as text). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(zone: string): Intl.DateTimeFormat {
  let f = dayFormats.get(zone);
  if (!f) {
    // en-CA formats dates as YYYY-MM-DD; hourCycle is irrelevant for a date-only format.
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(zone, f);
  }
  return f;
}

interface UtcDaySplit {
  /** Instants before `boundary` fall on `before`, the rest on `after` (the same day when no midnight falls within). */
  boundary: number;
  before: string;
  after: string;
}

/** Per zone, per UTC day number: where the zone's local midnight falls within it. Rows of a page share days. */
const splits = new Map<string, Map<number, UtcDaySplit>>();

/** The calendar day (YYYY-MM-DD) of an instant in `zone`. */
export function zonedDay(ms: number, zone: string): string {
  let byDay = splits.get(zone);
  if (!byDay) splits.set(zone, (byDay = new Map()));
  const n = Math.floor(ms / DAY_MS);
  let split = byDay.get(n);
  if (!split) {
    const before = dayFormat(zone).format(n * DAY_MS);
    const after = dayFormat(zone).format((n + 1) * DAY_MS - 1);
    split = { before, after, boundary: before === after ? Infinity : zonedDayStart(after, zone) };
    if (byDay.size > 50_000) byDay.clear();
    byDay.set(n, split);
  }
  return ms < split.boundary ? split.before : split.after;
}

/** The UTC offset of `zone` at instant `ms`, in ms (positive east of Greenwich). */
export function zoneOffsetMs(ms: number, zone: string): number {
  const parts = offsetFormat(zone).formatToParts(ms);
  const n = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour') % 24, n('minute'), n('second'));
  return local - (ms - (((ms % 1000) + 1000) % 1000));
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();
function offsetFormat(zone: string): Intl.DateTimeFormat {
  let f = offsetFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormats.set(zone, f);
  }
  return f;
}

/**
 * The first instant (UTC ms) of local day `day` in `zone`. Usually local midnight; where a DST change skips
 * midnight (e.g. America/Santiago), the first instant that exists on that day.
 */
export function zonedDayStart(day: string, zone: string): number {
  const midnight = Date.parse(`${day}T00:00:00Z`);
  let t = midnight - zoneOffsetMs(midnight, zone);
  t = midnight - zoneOffsetMs(t, zone);
  if (dayFormat(zone).format(t) === day) {
    // Midnight may exist twice only in theory; step back while the instant before is still the same day.
    return dayFormat(zone).format(t - 1) === day ? searchStart(t - 3 * 3_600_000, t, day, zone) : t;
  }
  // Midnight did not exist: the day starts at the transition, within a few hours after `t`.
  return searchStart(t, t + 3 * 3_600_000, day, zone);
}

/** Smallest minute-aligned instant in (lo, hi] whose local day is `day` (transitions fall on whole minutes). */
function searchStart(lo: number, hi: number, day: string, zone: string): number {
  let a = Math.floor(lo / 60_000);
  let b = Math.ceil(hi / 60_000);
  while (b - a > 1) {
    const m = Math.floor((a + b) / 2);
    if (dayFormat(zone).format(m * 60_000) >= day) b = m;
    else a = m;
  }
  return b * 60_000;
}

/** `day` ± n calendar days (no zone involved: calendar arithmetic). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (0 when equal; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isDay(text: string): boolean {
  if (!dayPattern.test(text)) return false;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}
