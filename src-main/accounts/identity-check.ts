import { isAppError } from '@shared/errors';
import type { Logger } from '../log/logger';
import type { Profile } from '../profile/profile';
import { getIdentityUser } from '../tiktok/identity/user';
import type { TokenSource } from '../tiktok/token-source';
import type { AccountsRepository } from './repository';
import { callWithAccount } from './with-token';

const DAY_MS = 86_400_000;

export interface IdentityCheckDeps {
  repo: AccountsRepository;
  tokens: TokenSource;
  profile: Profile;
  logger: Logger;
}

/**
 * Nothing else calls Login Kit after the identity is connected, so a user who removes ShopMesh in their
 * TikTok settings would stay "Active" forever. This asks TikTok for the user's info (one request per
 * identity, refreshing the token first when it is due) at start-up and once a day; the token lifecycle
 * turns a refusal into Revoked or Expired, deletes the tokens and tells the user, as for shops and ad
 * accounts (docs/tiktok-api/login-kit.md, "Revocation").
 */
export async function checkIdentities(deps: IdentityCheckDeps): Promise<void> {
  const app = {
    base: deps.profile.identityBase,
    clientKey: deps.profile.identity.clientKey,
    clientSecret: deps.profile.identity.clientSecret,
  };
  const identities = deps.repo
    .listVisible()
    .filter((r) => r.provider === 'identity' && r.status === 'active');
  for (const row of identities) {
    const scopes = JSON.parse(row.scopes) as string[];
    try {
      await callWithAccount(deps.tokens, row.id, (token) => getIdentityUser(app, token, scopes, deps.logger));
      deps.logger.info({ accountId: row.id }, 'identity still authorized');
    } catch (err) {
      // Revoked or expired is already recorded by the token lifecycle; anything else waits for next time.
      const code = isAppError(err) ? err.code : 'INTERNAL';
      if (code !== 'AUTH_REVOKED' && code !== 'AUTH_EXPIRED')
        deps.logger.warn({ accountId: row.id, code }, 'identity check could not reach TikTok');
    }
  }
}

export interface IdentityChecks {
  /** Stops the timer and waits for a check under way. */
  stop(): Promise<void>;
}

/** At start-up and then daily while the app runs; the timer does not keep the process alive. */
export function scheduleIdentityChecks(deps: IdentityCheckDeps, intervalMs = DAY_MS): IdentityChecks {
  let current: Promise<void> = Promise.resolve();
  const tick = (): void => {
    current = current
      .then(() => checkIdentities(deps))
      .catch((err: unknown) => deps.logger.error({ err }, 'identity check failed'));
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await current;
    },
  };
}
