export interface BackoffPolicy {
  /** Attempts in total, the first included. */
  maxAttempts: number;
  baseMs: number;
  maxMs: number;
}

export const defaultBackoff: BackoffPolicy = { maxAttempts: 5, baseMs: 500, maxMs: 30_000 };

/**
 * "Full jitter" exponential backoff: a random wait in [0, min(max, base·2^n)], so many clients that failed
 * together do not retry together. `retryAfterMs` (from a Retry-After header) is a floor, never ignored.
 */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
  retryAfterMs?: number,
): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
  const jittered = Math.floor(random() * ceiling);
  return retryAfterMs !== undefined ? Math.max(jittered, Math.min(retryAfterMs, policy.maxMs)) : jittered;
}
