import type { Language } from '@shared/languages';
import { monoFaces, sansFaces } from './warmUpFaces';

/**
 * What the warm-up worker (app/warmUpWorker.ts) makes so that the window's main thread finds it made. ICU's
 * locale data and caches and Chromium's font matching are per renderer process, not per thread: the first
 * `new Intl.NumberFormat` of a window took 38–53 ms on its main thread, 0.1–0.2 ms once a worker had made
 * one; the first layout of Latin, CJK, Thai and emoji text 18–50 ms, 6–15 ms once a worker's canvas had
 * measured it in the same fonts (`creators.table.firstRows.ms`, docs/creators.md).
 */

/**
 * The formatters the first screen makes (the table's numbers, percentages, money and dates, the top bar's
 * sync times, i18next's plural rules), each built and used once: building one loads the locale's data.
 */
export function warmIntl(language: Language): void {
  const at = Date.UTC(2026, 0, 31, 13, 45);
  new Intl.NumberFormat(language).format(1234567.5);
  new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(0.123);
  // The regions of the merchants' shops; the first currency formatter loads the locale's currency names.
  for (const currency of ['USD', 'GBP', 'THB', 'MYR', 'SGD']) {
    new Intl.NumberFormat(language, { style: 'currency', currency }).format('1234.56');
  }
  new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(at);
  new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
  new Intl.DateTimeFormat(language, {
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(at);
  new Intl.RelativeTimeFormat(language, { numeric: 'auto' }).format(-5, 'minute');
  new Intl.PluralRules(language).select(2);
  new Intl.Collator(language).compare('anna', '李小美');
}

/**
 * Creators' nicknames mix scripts (Latin with accents, digits, Chinese, Japanese kana, Thai, emoji), and the
 * interface itself is English or Chinese: each script makes Chromium look up its own fallback font.
 */
const sample = '@bella_fitness12 Zoë José 1,234,567 $12.34 李小美 美妆达人 佐藤さくら สมชาย ก้องภพ 😀✨💄';

/** Measures and draws the sample in each face, so the fonts are matched, loaded and shaped once. */
export function warmFonts(stacks: { sans: string; mono: string }): void {
  const context = new OffscreenCanvas(64, 32).getContext('2d');
  if (!context) return;
  const faces = [
    ...sansFaces.map(([weight, size]) => `${weight} ${size}px ${stacks.sans}`),
    ...monoFaces.map(([weight, size]) => `${weight} ${size}px ${stacks.mono}`),
  ];
  for (const font of faces) {
    context.font = font;
    context.measureText(sample);
    context.fillText(sample, 0, 24);
  }
}
