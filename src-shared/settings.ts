import { z } from 'zod';
import { languages } from './languages';
import { defaultSensitiveWords, outreachShopsSchema, sensitiveWordsSchema } from './outreach-limits';

export { languages };
export const themes = ['system', 'light', 'dark'] as const;

/** Shortest and longest idle time before the app lock locks the UI (seconds); Settings offers minutes. */
export const MIN_APP_LOCK_IDLE_SECONDS = 5;
export const MAX_APP_LOCK_IDLE_SECONDS = 24 * 3600;

export const settingsSchema = z.object({
  language: z.enum(languages),
  theme: z.enum(themes),
  /** Minutes between scheduled syncs. */
  syncIntervalMinutes: z.number().int().min(5).max(1440),
  closeToTray: z.boolean(),
  launchAtLogin: z.boolean(),
  /** A SKU with less stock than this is flagged on the Products page. */
  lowStockThreshold: z.number().int().min(0).max(99_999),
  /** Activity-log entries older than this many days are deleted (privacy policy: 180). */
  activityRetentionDays: z.number().int().min(7).max(3650),
  /** A disconnected or revoked Account's data is deleted this many days later (privacy policy: 90). */
  accountDataRetentionDays: z.number().int().min(1).max(365),
  /** Finance and payment records are kept this many years from their date (privacy policy: 5). */
  financeRetentionYears: z.number().int().min(1).max(10),
  /** How many daily backups of the database are kept (the oldest go first). */
  backupsKept: z.number().int().min(1).max(60),
  /** Each shop's outreach tier (its weekly pool) and sending pace; a shop not named uses the defaults. */
  outreachShops: outreachShopsSchema,
  /** A creator contacted by any Outreach within this many days is skipped by a new one; 0: no cooldown. */
  outreachCooldownDays: z.number().int().min(0).max(365),
  /** Words a template preview warns about (TikTok may refuse them as sensitive); the merchant edits the list. */
  sensitiveWords: sensitiveWordsSchema,
  /** Idle time after which the app lock (when on) locks the UI; 5 s is for trying it out and for tests. */
  appLockIdleSeconds: z.number().int().min(MIN_APP_LOCK_IDLE_SECONDS).max(MAX_APP_LOCK_IDLE_SECONDS),
});
export type Settings = z.infer<typeof settingsSchema>;
export type Language = Settings['language'];
export type Theme = Settings['theme'];

export const defaultSettings: Settings = {
  language: 'en',
  theme: 'system',
  syncIntervalMinutes: 60,
  closeToTray: true,
  launchAtLogin: false,
  lowStockThreshold: 10,
  activityRetentionDays: 180,
  accountDataRetentionDays: 90,
  financeRetentionYears: 5,
  backupsKept: 7,
  outreachShops: {},
  outreachCooldownDays: 14,
  sensitiveWords: [...defaultSensitiveWords],
  appLockIdleSeconds: 15 * 60,
};

/** A patch names at least one known field; unknown fields are an error, not silently dropped. */
export const settingsPatchSchema = settingsSchema
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Name at least one setting to change' });
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
