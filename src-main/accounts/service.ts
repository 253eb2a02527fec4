import { randomUUID } from 'node:crypto';
import type { ChannelOutput, ChannelParsedInput } from '@shared/contract';
import type { AccountsList, ConnectResult, Provider } from '@shared/accounts';
import { AppError, isAppError } from '@shared/errors';
import type { Language } from '@shared/settings';
import type { Translatable } from '@shared/texts';
import type { ActivityLog } from '../activity/activity-log';
import type { Database } from '../db/connection';
import type { EventBus } from '../events';
import type { Logger } from '../log/logger';
import { isOAuthCallbackError } from '../oauth/errors';
import { createState } from '../oauth/state';
import { missingCredentials, type Profile } from '../profile/profile';
import type { VaultUnlocker } from '../vault/passphrase-unlock';
import type { Vault } from '../vault/vault';
import { startAdsFlow } from './flows/ads';
import { startIdentityFlow } from './flows/identity';
import { startShopFlow } from './flows/shop';
import type { FlowSession, StartFlow } from './flows/types';
import { AccountHooks } from './hooks';
import {
  checkIdentities,
  type IdentityCheckDeps,
  type IdentityChecks,
  scheduleIdentityChecks,
} from './identity-check';
import { type ProviderOps, providerOps } from './refreshers';
import { AccountsRepository } from './repository';
import { accountStatusTexts, accountTexts } from './texts';
import { AccountTokens } from './token-lifecycle';
import { RETENTION_MS, secretKinds, secretOwner } from './types';

const flows: Record<Provider, StartFlow> = {
  shop: startShopFlow,
  ads: startAdsFlow,
  identity: startIdentityFlow,
};
const providerName: Record<Provider, string> = {
  shop: 'TikTok Shop',
  ads: 'TikTok Ads',
  identity: 'TikTok Login Kit',
};

export interface AccountsServiceDeps {
  db: Database;
  vault: Vault;
  /** Describes the vault for the renderer, including whether a typed passphrase can unlock it. */
  unlocker: VaultUnlocker;
  profile: Profile;
  events: EventBus;
  activity: ActivityLog;
  logger: Logger;
  now: () => number;
  /** Opens the consent page in the system browser (Electron). Absent: the web page is asked to open a tab. */
  openBrowser?: (url: string) => Promise<void>;
  /** How long to wait for the browser's redirect (default 5 minutes). */
  callbackTimeoutMs?: number;
  /** The app's language now, for the page the browser lands on after the redirect (default English). */
  language?: () => Language;
  /** How long a disconnected or revoked Account's data is kept (the privacy rule in Settings; default 90 days). */
  accountDataRetentionMs?: () => number;
}

interface Attempt {
  id: string;
  provider: Provider;
  accountId?: string;
  session: FlowSession;
  /** `exchanging` once the redirect arrived: cancelling can no longer stop it. */
  phase: 'waiting' | 'exchanging';
  done: Promise<void>;
}

/**
 * Accounts: connecting (three OAuth flows through the browser), listing, disconnecting, and the data
 * retention that follows. Tokens go from the flow straight into the vault; nothing here returns one.
 */
export class AccountsService {
  readonly repo: AccountsRepository;
  readonly hooks: AccountHooks;
  readonly tokens: AccountTokens;
  private readonly ops: Record<Provider, ProviderOps>;
  private readonly attempts = new Map<string, Attempt>();
  private identityChecks: IdentityChecks | null = null;

  constructor(private readonly deps: AccountsServiceDeps) {
    this.repo = new AccountsRepository(deps.db, deps.vault, deps.now);
    this.hooks = new AccountHooks(deps.logger);
    this.ops = providerOps(deps.profile, deps.logger, deps.now);
    this.tokens = new AccountTokens({
      repo: this.repo,
      vault: deps.vault,
      ops: this.ops,
      now: deps.now,
      logger: deps.logger,
      retire: (accountId, status, reason) => this.retire(accountId, status, reason),
    });
  }

  list(): AccountsList {
    return {
      vault: this.deps.unlocker.view(),
      accounts: this.repo.listVisible().map((row) => this.repo.toAccount(row)),
    };
  }

  /** The signed-in identity: the newest Login Kit Account that is not revoked. */
  identity(): ChannelOutput<'identity:get'> {
    const rows = this.repo.listVisible().filter((r) => r.provider === 'identity' && r.status !== 'revoked');
    const row = rows.at(-1);
    return { account: row ? this.repo.toAccount(row) : null };
  }

  async connect(input: ChannelParsedInput<'accounts:connect'>): Promise<ChannelOutput<'accounts:connect'>> {
    const { provider, accountId } = input;
    if (accountId !== undefined && this.repo.require(accountId).provider !== provider) {
      throw new AppError('VALIDATION', accountTexts.otherProvider());
    }
    const missing = missingCredentials(this.deps.profile).filter((k) => k.startsWith(`${provider}.`));
    if (missing.length > 0) {
      throw new AppError(
        'VALIDATION',
        accountTexts.providerNotSetUp({
          provider: providerName[provider],
          profile: this.deps.profile.name,
          missing: missing.join(', '),
        }),
      );
    }
    const vault = this.deps.vault.status();
    // Refuse before the merchant approves anything: the tokens would have nowhere to go.
    if (vault.state === 'locked') throw new AppError('LOCKED', vault.text);

    // The fixed redirect port admits one attempt per provider; a new click replaces the old attempt.
    for (const other of [...this.attempts.values()].filter((a) => a.provider === provider)) {
      other.session.listener.cancel();
      await other.session.listener.closed;
    }

    const session = await flows[provider]({
      profile: this.deps.profile,
      state: createState(),
      timeoutMs: this.deps.callbackTimeoutMs,
      language: this.deps.language?.() ?? 'en',
      logger: this.deps.logger,
      now: this.deps.now,
    });
    const attempt: Attempt = {
      id: randomUUID(),
      provider,
      ...(accountId ? { accountId } : {}),
      session,
      phase: 'waiting',
      done: Promise.resolve(),
    };
    this.attempts.set(attempt.id, attempt);
    attempt.done = this.finish(attempt);
    this.deps.logger.info(
      { attemptId: attempt.id, provider, reconnect: accountId !== undefined },
      'connect started',
    );
    await this.open(session.authorizeUrl);
    return { attemptId: attempt.id, authorizeUrl: session.authorizeUrl };
  }

  cancelConnect(input: ChannelParsedInput<'accounts:cancelConnect'>): { cancelled: boolean } {
    const attempt = this.attempts.get(input.attemptId);
    if (!attempt || attempt.phase !== 'waiting') return { cancelled: false };
    attempt.session.listener.cancel();
    return { cancelled: true };
  }

  async disconnect(
    input: ChannelParsedInput<'accounts:disconnect'>,
  ): Promise<ChannelOutput<'accounts:disconnect'>> {
    const row = this.repo.require(input.accountId);
    await this.revokeAtProvider(row.id, row.provider);
    const now = this.deps.now();
    const dataDeletionAt =
      input.deleteData === 'now' ? null : (row.data_deletion_at ?? now + this.retentionMs());
    this.repo.retire(row.id, 'revoked', accountStatusTexts.disconnected(), {
      disconnectedAt: now,
      dataDeletionAt,
    });
    // Jobs stop before their tables are emptied, so a running page cannot write the data back.
    this.hooks.notifyRetired(row.id, 'disconnected');
    // Recorded first: "delete now" deletes the Account's own entries, this one included.
    this.deps.activity.record('account.disconnected', { name: row.display_name }, row.id);
    if (input.deleteData === 'now') this.purgeAccountData(row.id);
    this.deps.events.emit('accounts:changed', {});
    return { accountId: row.id, dataDeletionAt };
  }

  /** Deletes everything synced for the Account (registered hooks) and what it reached, in one transaction. */
  purgeAccountData(accountId: string): void {
    this.deps.db.transaction(() => {
      this.hooks.runPurges(accountId, this.deps.db);
      this.repo.deleteReach(accountId);
    })();
    this.hooks.notifyPurged(accountId);
  }

  /** Whether each connected identity is still authorized at TikTok (identity-check.ts). */
  checkIdentities(): Promise<void> {
    return checkIdentities(this.identityCheckDeps());
  }

  /** Checks identities now and daily while the app runs. */
  startIdentityChecks(intervalMs?: number): void {
    this.identityChecks ??= scheduleIdentityChecks(this.identityCheckDeps(), intervalMs);
  }

  private identityCheckDeps(): IdentityCheckDeps {
    return { repo: this.repo, tokens: this.tokens, profile: this.deps.profile, logger: this.deps.logger };
  }

  async close(): Promise<void> {
    await this.identityChecks?.stop();
    const pending = [...this.attempts.values()];
    for (const a of pending) a.session.listener.cancel();
    await Promise.all(pending.map((a) => a.done));
  }

  private retentionMs(): number {
    return this.deps.accountDataRetentionMs?.() ?? RETENTION_MS;
  }

  private async open(url: string): Promise<void> {
    if (!this.deps.openBrowser) {
      this.deps.events.emit('app:openExternal', { url });
      return;
    }
    try {
      await this.deps.openBrowser(url);
    } catch (err) {
      // The page offers "open again" and "copy link"; the attempt keeps waiting.
      this.deps.logger.warn(
        { err: isAppError(err) ? err.message : String(err) },
        'could not open the browser',
      );
    }
  }

  private async finish(attempt: Attempt): Promise<void> {
    let result: ConnectResult;
    try {
      const callback = await attempt.session.listener.waitForCallback();
      attempt.phase = 'exchanging';
      const grant = await attempt.session.complete(callback.params);
      const saved = this.repo.saveGrant(grant.record, grant.secrets, attempt.accountId);
      this.deps.activity.record('account.connected', { name: grant.record.displayName }, saved.accountId);
      this.deps.logger.info(
        { attemptId: attempt.id, provider: attempt.provider, accountId: saved.accountId },
        'account connected',
      );
      result = {
        attemptId: attempt.id,
        provider: attempt.provider,
        outcome: 'connected',
        accountId: saved.accountId,
        message: null,
      };
    } catch (err) {
      result = this.failure(attempt, err);
    } finally {
      this.attempts.delete(attempt.id);
    }
    this.deps.events.emit('accounts:connectResult', result);
    if (result.outcome === 'connected') this.deps.events.emit('accounts:changed', {});
  }

  private failure(attempt: Attempt, err: unknown): ConnectResult {
    const base = { attemptId: attempt.id, provider: attempt.provider, accountId: null };
    if (isOAuthCallbackError(err)) {
      const outcome = err.outcome === 'port_in_use' ? 'failed' : err.outcome;
      return { ...base, outcome, message: err.text };
    }
    if (isAppError(err)) {
      this.deps.logger.warn(
        { attemptId: attempt.id, provider: attempt.provider, code: err.code, reason: err.message },
        'connect failed',
      );
      return { ...base, outcome: 'failed', message: err.text ?? accountTexts.connectFailed() };
    }
    this.deps.logger.error({ err, attemptId: attempt.id }, 'connect failed unexpectedly');
    return {
      ...base,
      outcome: 'failed',
      message: accountTexts.connectFailed(),
    };
  }

  private async revokeAtProvider(accountId: string, provider: Provider): Promise<void> {
    const revoke = this.ops[provider].revoke;
    if (!revoke || !this.deps.vault.unlocked) return;
    let token: string | null;
    try {
      token = this.deps.vault.getSecret(secretOwner(accountId), secretKinds.access);
    } catch {
      return;
    }
    if (token === null) return;
    try {
      await revoke(token);
    } catch (err) {
      // Local disconnect goes ahead: the tokens are deleted here either way.
      this.deps.logger.warn(
        { accountId, provider, reason: isAppError(err) ? err.message : 'unknown' },
        'provider revoke failed',
      );
    }
  }

  private retire(accountId: string, status: 'expired' | 'revoked', reason: Translatable): void {
    const row = this.repo.get(accountId);
    if (!row || row.status === 'revoked' || (row.status === status && status === 'expired')) return;
    // Revoked at TikTok: the data goes after the retention period, as for a disconnect (reconnecting keeps it).
    const now = this.deps.now();
    this.repo.retire(
      accountId,
      status,
      reason,
      status === 'revoked' ? { disconnectedAt: now, dataDeletionAt: now + this.retentionMs() } : {},
    );
    this.hooks.notifyRetired(accountId, status);
    this.deps.activity.record(
      status === 'expired' ? 'account.expired' : 'account.revoked',
      { name: row.display_name },
      accountId,
    );
    this.deps.events.emit('accounts:changed', {});
  }
}
