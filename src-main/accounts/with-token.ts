import { isTokenRejected } from '../tiktok/auth-failure';
import type { TokenSource } from '../tiktok/token-source';

/**
 * Runs one API call with an Account's access token. When the API refuses the token, the TokenSource either
 * refreshes it (the call is retried once with the new token) or retires the Account and throws
 * AUTH_EXPIRED / AUTH_REVOKED. For sync jobs and the outreach sender.
 */
export async function callWithAccount<T>(
  tokens: TokenSource,
  accountId: string,
  call: (accessToken: string) => Promise<T>,
): Promise<T> {
  const token = await tokens.accessToken(accountId);
  try {
    return await call(token);
  } catch (err) {
    if (!isTokenRejected(err)) throw err;
    const next = await tokens.reportAuthFailure(accountId, err.kind, err.message);
    return call(next);
  }
}
