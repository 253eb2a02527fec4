/**
 * The languages the app is written in. A module of its own, free of zod: every window's i18n reads it at
 * start-up, and taking it from `settings.ts` made every window build the settings' schemas (and those of
 * `outreach-limits.ts`) as it started, for the Settings page only (the trace of one load: the chunk holding
 * them and zod, ~140 ms of a loaded machine's main thread before the first render; docs/creators.md).
 */
export const languages = ['en', 'zh-CN'] as const;
export type Language = (typeof languages)[number];
