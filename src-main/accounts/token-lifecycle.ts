import type { Provider } from '@shared/accounts';
import { AppError, isAppError } from '@shared/errors';
import { parseStoredText, type Translatable } from '@shared/texts';
import type { Logger } from '../log/logger';
import type { TokenSource } from '../tiktok/token-source';
import type { Vault } from '../vault/vault';
import type { ProviderOps } from './refreshers';
import type { AccountsRepository } from './repository';
import { type AccountRow, secretKinds, secretOwner } from './types';
import { accountStatusTexts } from './texts';

/** A refresh that finished this recently already answers an "expired" report from a caller that raced it. */
const RECENT_REFRESH_MS = 10_000;

export interface AccountTokensDeps {
  repo: AccountsRepository;
  vault: Vault;
  /** Null when no Profile could be built: nothing can be refreshed. */
  ops: Record<Provider, ProviderOps> | null;
  now: () => number;
  logger: Logger;
  /** Marks the Account and tells everyone (events, activity, sync engine). */
  retire: (accountId: string, status: 'expired' | 'revoked', reason: Translatable) => void;
}

/**
 * The TokenSource the sync engine and the outreach sender use. Refreshes ahead of expiry, one refresh per
 * Account at a time however many callers ask, and turns refusals into Account status changes.
 */
export class AccountTokens implements TokenSource {
  private readonly inflight = new Map<string, Promise<string>>();
  private readonly refreshedAt = new Map<string, number>();

  constructor(private readonly deps: AccountTokensDeps) {}

  async accessToken(accountId: string): Promise<string> {
    const row = this.usable(accountId);
    const pending = this.inflight.get(accountId);
    if (pending) return pending;
    const token = this.current(row);
    const ops = this.deps.ops?.[row.provider];
    const due =
      row.access_expires_at !== null && this.deps.now() >= row.access_expires_at - (ops?.refreshAheadMs ?? 0);
    return due ? this.refresh(row) : token;
  }

  async reportAuthFailure(accountId: string, kind: 'expired' | 'revoked', message: string): Promise<string> {
    const row = this.usable(accountId);
    this.deps.logger.warn(
      { accountId, provider: row.provider, kind, remote: message },
      'API refused an access token',
    );
    if (kind === 'revoked') {
      this.deps.retire(accountId, 'revoked', accountStatusTexts.revoked());
      throw new AppError('AUTH_REVOKED', accountStatusTexts.revoked());
    }
    const pending = this.inflight.get(accountId);
    if (pending) return pending;
    if (this.deps.now() - (this.refreshedAt.get(accountId) ?? -Infinity) < RECENT_REFRESH_MS)
      return this.current(row);
    return this.refresh(row);
  }

  /** Forces a refresh now (single-flight). */
  refreshNow(accountId: string): Promise<string> {
    return this.refresh(this.usable(accountId));
  }

  private usable(accountId: string): AccountRow {
    const row = this.deps.repo.require(accountId);
    if (row.status === 'revoked')
      throw new AppError('AUTH_REVOKED', parseStoredText(row.status_reason) ?? accountStatusTexts.revoked());
    if (row.status === 'expired')
      throw new AppError('AUTH_EXPIRED', parseStoredText(row.status_reason) ?? accountStatusTexts.expired());
    return row;
  }

  private current(row: AccountRow): string {
    const token = this.deps.vault.getSecret(secretOwner(row.id), secretKinds.access);
    if (token === null) this.expire(row, accountStatusTexts.missingTokens());
    return token;
  }

  private expire(row: AccountRow, reason: Translatable): never {
    this.deps.retire(row.id, 'expired', reason);
    throw new AppError('AUTH_EXPIRED', reason);
  }

  private refresh(row: AccountRow): Promise<string> {
    const pending = this.inflight.get(row.id);
    if (pending) return pending;
    const run = this.doRefresh(row).finally(() => this.inflight.delete(row.id));
    this.inflight.set(row.id, run);
    return run;
  }

  private async doRefresh(row: AccountRow): Promise<string> {
    const refresh = this.deps.ops?.[row.provider].refresh;
    if (!refresh) this.expire(row, accountStatusTexts.expired());
    const refreshToken = this.deps.vault.getSecret(secretOwner(row.id), secretKinds.refresh);
    if (refreshToken === null) this.expire(row, accountStatusTexts.missingTokens());
    let next;
    try {
      next = await refresh(refreshToken);
    } catch (err) {
      if (isAppError(err) && err.code === 'AUTH_EXPIRED') {
        this.deps.logger.warn(
          { accountId: row.id, provider: row.provider, remote: err.message },
          'token refresh refused',
        );
        const lapsesAt = row.authorization_expires_at;
        if (
          this.deps.ops?.[row.provider].earlyRefusalIsRevocation &&
          lapsesAt !== null &&
          this.deps.now() < lapsesAt
        ) {
          this.deps.retire(row.id, 'revoked', accountStatusTexts.revoked());
          throw new AppError('AUTH_REVOKED', accountStatusTexts.revoked());
        }
        this.expire(row, accountStatusTexts.expired());
      }
      throw err;
    }
    const kept = this.deps.repo.storeRefreshed(
      row.id,
      { accessToken: next.accessToken, refreshToken: next.refreshToken },
      next.accessExpiresAt,
      next.authorizationExpiresAt,
    );
    if (!kept) throw new AppError('AUTH_REVOKED', accountStatusTexts.disconnected());
    this.refreshedAt.set(row.id, this.deps.now());
    this.deps.logger.info({ accountId: row.id, provider: row.provider }, 'access token refreshed');
    return next.accessToken;
  }
}
