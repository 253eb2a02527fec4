/** Ready-made date ranges for the Orders filters, as the day fields hold them (YYYY-MM-DD, the user's zone). */
export const datePresets = ['last7', 'last30', 'last90', 'thisQuarter', 'lastQuarter'] as const;
export type DatePreset = (typeof datePresets)[number];

export interface DayRange {
  fromDay: string;
  toDay: string;
}

const dayText = (year: number, month: number, day: number): string =>
  new Date(year, month, day).toLocaleDateString('en-CA');

/** The range a preset stands for on the day of `now`, both ends included. */
export function presetRange(preset: DatePreset, now: Date): DayRange {
  const y = now.getFullYear();
  const m = now.getMonth();
  const d = now.getDate();
  const today = dayText(y, m, d);
  const quarterStart = m - (m % 3);
  switch (preset) {
    case 'last7':
      return { fromDay: dayText(y, m, d - 6), toDay: today };
    case 'last30':
      return { fromDay: dayText(y, m, d - 29), toDay: today };
    case 'last90':
      return { fromDay: dayText(y, m, d - 89), toDay: today };
    case 'thisQuarter':
      return { fromDay: dayText(y, quarterStart, 1), toDay: today };
    case 'lastQuarter':
      // Day 0 of a month is the last day of the month before it.
      return { fromDay: dayText(y, quarterStart - 3, 1), toDay: dayText(y, quarterStart, 0) };
  }
}

/** The preset the days are, if any (a saved view or typed days can match one). */
export function presetOf(range: Partial<DayRange>, now: Date): DatePreset | null {
  return (
    datePresets.find((p) => {
      const r = presetRange(p, now);
      return r.fromDay === range.fromDay && r.toDay === range.toDay;
    }) ?? null
  );
}
