import { isDay } from '@shared/time';

/**
 * Days (YYYY-MM-DD) as a merchant reads and types them in the app's language, not the browser's: "12/06/2026"
 * in English, "2026/12/06" in Chinese. The order of year, month and day comes from Intl, so a new language
 * brings its own.
 */

type Unit = 'year' | 'month' | 'day';

const numeric = (language: string) =>
  new Intl.DateTimeFormat(language, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });

/** The order the language writes a day's numbers in, and the mark between them. */
export function dayOrder(language: string): { units: Unit[]; separator: string } {
  const parts = numeric(language).formatToParts(Date.UTC(2026, 11, 31));
  const units = parts
    .map((p) => p.type)
    .filter((t): t is Unit => t === 'year' || t === 'month' || t === 'day');
  const separator = parts.find((p) => p.type === 'literal')?.value ?? '/';
  return { units: units.length === 3 ? units : ['year', 'month', 'day'], separator };
}

/** "12/06/2026" / "2026/12/06"; '' for ''. */
export function formatDayInput(day: string, language: string): string {
  if (!isDay(day)) return '';
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return numeric(language).format(Date.UTC(y, m - 1, d));
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * What the merchant typed as a day: in the language's order ("12/6/2026", "2026/12/6", "2026年12月6日"), or
 * year first as ISO writes it ("2026-12-06") in any language. Null when it is no real day.
 */
export function parseDayInput(text: string, language: string): string | null {
  const groups = text.trim().match(/\d+/g);
  if (!groups || groups.length !== 3) return null;
  const units: Unit[] = (groups[0]?.length ?? 0) >= 3 ? ['year', 'month', 'day'] : dayOrder(language).units;
  const group = (unit: Unit) => groups[units.indexOf(unit)] ?? '';
  // A year has four digits: "20" or "202" is a year still being typed, not 2020 or 202.
  if (group('year').length !== 4) return null;
  const value = (unit: Unit) => Number(group(unit));
  const year = value('year');
  const day = `${String(year).padStart(4, '0')}-${pad(value('month'))}-${pad(value('day'))}`;
  return isDay(day) ? day : null;
}

/** A day as the local-midnight Date a calendar widget works with (no zone: a day is a day). */
export function dayToDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

export function dateToDay(date: Date): string {
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The zone the user's computer keeps, for days the user means in their own time ("orders since Monday"). */
export function userZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
