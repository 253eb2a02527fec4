import { isTokenRejected } from '../tiktok/auth-failure';
import type { TokenSource } from '../tiktok/token-source';

/**
 * The Account's token for the length of one run, shared by its concurrent jobs. When the API rejects it,
 * the failure is reported to the TokenSource once (not once per job) and every job retries with the token
 * that report returns; if the report throws (AUTH_EXPIRED / AUTH_REVOKED), every job gets that error.
 */
export function tokenHolder(
  source: TokenSource,
  accountId: string,
): <T>(call: (token: string) => Promise<T>) => Promise<T> {
  let current: Promise<string> | null = null;
  const settle = (p: Promise<string>): Promise<string> => {
    p.catch(() => undefined);
    return p;
  };
  return async (call) => {
    current ??= settle(source.accessToken(accountId));
    const used = current;
    const token = await used;
    try {
      return await call(token);
    } catch (err) {
      if (!isTokenRejected(err)) throw err;
      if (current === used) current = settle(source.reportAuthFailure(accountId, err.kind, err.message));
      return call(await current);
    }
  };
}
