import { z } from 'zod';
import { languages, themes } from './settings';

/**
 * The app lock: an optional passphrase that hides the whole UI after idle time and at start-up while the
 * background work (sync, outreach, the catalogue queue) goes on. Not the vault passphrase, which protects the
 * data key where no keychain exists (`vault:*`); the two are chosen, stored and checked apart.
 */
export const MIN_APP_LOCK_PASSPHRASE = 8;
export const MAX_APP_LOCK_PASSPHRASE = 1024;

const newPassphrase = z.string().min(MIN_APP_LOCK_PASSPHRASE).max(MAX_APP_LOCK_PASSPHRASE);
/** A typed current passphrase is only compared, never checked for length: a short one is just wrong. */
const typedPassphrase = z.string().min(1).max(MAX_APP_LOCK_PASSPHRASE);

export const appLockStatusSchema = z.object({
  enabled: z.boolean(),
  locked: z.boolean(),
  /** Idle time before the UI locks (the `appLockIdleSeconds` setting), so the renderer paces its activity pings. */
  idleSeconds: z.number().int(),
  /** Wrong passphrases typed in a row (reset by a right one). */
  failedAttempts: z.number().int().min(0),
  /** UTC epoch ms before which the next attempt is refused without being checked; null when none is pending. */
  retryAt: z.number().int().nullable(),
  /** Language and theme, so the lock screen matches the app while `settings:get` is refused. */
  language: z.enum(languages),
  theme: z.enum(themes),
});
export type AppLockStatus = z.infer<typeof appLockStatusSchema>;

export const appLockUnlockInputSchema = z.object({ passphrase: typedPassphrase }).strict();
export const appLockEnableInputSchema = z.object({ passphrase: newPassphrase }).strict();
export const appLockChangeInputSchema = z
  .object({ currentPassphrase: typedPassphrase, newPassphrase })
  .strict();
export const appLockDisableInputSchema = z.object({ currentPassphrase: typedPassphrase }).strict();
