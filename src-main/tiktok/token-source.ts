/**
 * How API clients get a usable access token for an Account without knowing about the vault or refresh.
 * Implemented by the accounts module; sync jobs and the outreach sender only see this.
 */
export interface TokenSource {
  /**
   * A valid access token, refreshed first when it expires soon (single-flight per Account).
   * Throws AppError AUTH_EXPIRED / AUTH_REVOKED (the Account is then marked so) or LOCKED (vault locked).
   */
  accessToken(accountId: string): Promise<string>;
  /**
   * The API rejected the token. `expired`: refresh once and return the new token, or mark the Account
   * expired and throw AUTH_EXPIRED. `revoked`: mark the Account revoked, delete its tokens, throw AUTH_REVOKED.
   */
  reportAuthFailure(accountId: string, kind: 'expired' | 'revoked', message: string): Promise<string>;
}
