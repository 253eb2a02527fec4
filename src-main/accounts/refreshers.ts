import type { Provider } from '@shared/accounts';
import type { Logger } from '../log/logger';
import type { Profile } from '../profile/profile';
import { adsRevokeToken } from '../tiktok/ads/auth';
import { identityRefresh, identityRevoke } from '../tiktok/identity/auth';
import { shopTokenRefresh } from '../tiktok/shop/auth';

export interface Refreshed {
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: number;
  authorizationExpiresAt: number;
}

/** Throws AUTH_EXPIRED when the provider refuses the refresh token; anything else is transient. */
export type Refresher = (refreshToken: string) => Promise<Refreshed>;
export type Revoker = (accessToken: string) => Promise<void>;

export interface ProviderOps {
  /** Null: the provider's tokens do not expire on a timer (API for Business). */
  refresh: Refresher | null;
  /**
   * Null: no revoke endpoint we can use. TikTok Shop documents `DELETE /authorization/202403/shops`, but the
   * sandbox does not implement it, so disconnecting a shop is local only for now.
   */
  revoke: Revoker | null;
  /** Refresh this long before the access token's expiry. */
  refreshAheadMs: number;
  /**
   * A refresh token refused while the stored authorization has not lapsed means the user withdrew the grant
   * (Login Kit: refresh tokens live a documented time and end early only by revocation, login-kit.md), so
   * the Account is Revoked rather than Expired.
   */
  earlyRefusalIsRevocation?: boolean;
}

export function providerOps(
  profile: Profile,
  logger: Logger,
  now: () => number,
): Record<Provider, ProviderOps> {
  const shopApp = {
    authBase: profile.shopAuthBase,
    appKey: profile.shop.appKey,
    appSecret: profile.shop.appSecret,
  };
  const adsApp = { base: profile.adsBase, appId: profile.ads.appId, secret: profile.ads.secret };
  const identityApp = {
    base: profile.identityBase,
    clientKey: profile.identity.clientKey,
    clientSecret: profile.identity.clientSecret,
  };
  return {
    shop: {
      refresh: async (refreshToken) => {
        const t = await shopTokenRefresh(shopApp, refreshToken, logger);
        return {
          accessToken: t.accessToken,
          refreshToken: t.refreshToken,
          accessExpiresAt: t.accessExpiresAt,
          authorizationExpiresAt: t.refreshExpiresAt,
        };
      },
      revoke: null,
      // Access tokens live 7 days; a day's margin survives a laptop asleep over the expiry.
      refreshAheadMs: 86_400_000,
    },
    ads: { refresh: null, revoke: (token) => adsRevokeToken(adsApp, token, logger), refreshAheadMs: 0 },
    identity: {
      refresh: async (refreshToken) => {
        const t = await identityRefresh(identityApp, refreshToken, now, logger);
        return {
          accessToken: t.accessToken,
          refreshToken: t.refreshToken,
          accessExpiresAt: t.accessExpiresAt,
          authorizationExpiresAt: t.refreshExpiresAt,
        };
      },
      revoke: (token) => identityRevoke(identityApp, token, logger),
      // Access tokens live 2 hours (newest docs) or 24 h.
      refreshAheadMs: 5 * 60_000,
      earlyRefusalIsRevocation: true,
    },
  };
}
