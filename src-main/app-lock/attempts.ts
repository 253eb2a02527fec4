/**
 * Wrong app lock passphrases in a row make the next attempt wait: 1 s after the first, doubling up to 5
 * minutes. An attempt made before the wait is over is refused without running scrypt, so guessing from the
 * lock screen or the automation API stays slow. The count survives a restart (it is kept in app-lock.json).
 */
export const FIRST_WAIT_MS = 1000;
export const MAX_WAIT_MS = 5 * 60_000;

export interface AttemptState {
  failed: number;
  /** UTC epoch ms of the last wrong attempt; null when none. */
  lastFailedAt: number | null;
}

export const noAttempts: AttemptState = { failed: 0, lastFailedAt: null };

/** How long to wait after `failed` wrong attempts in a row. */
export function waitAfter(failed: number): number {
  if (failed <= 0) return 0;
  return Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** Math.min(failed - 1, 30));
}

/** When the next attempt may be made; null when it may be made now (or no attempt failed). */
export function retryAt(state: AttemptState, now: number): number | null {
  if (state.failed === 0 || state.lastFailedAt === null) return null;
  // A clock set back must not turn the wait into hours: it never lasts longer than from now.
  const at = Math.min(state.lastFailedAt, now) + waitAfter(state.failed);
  return at > now ? at : null;
}

export function afterFailure(state: AttemptState, now: number): AttemptState {
  return { failed: state.failed + 1, lastFailedAt: now };
}
