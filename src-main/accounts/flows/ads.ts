import { AppError } from '@shared/errors';
import { startLoopbackListener } from '../../oauth/loopback';
import { getAdvertisers } from '../../tiktok/ads/advertisers';
import { adsAccessToken } from '../../tiktok/ads/auth';
import { fixedRedirect, requireParam, type StartFlow } from './types';
import { accountTexts } from '../texts';

/**
 * API for Business (docs/tiktok-api/ads.md): `/portal/auth` with app_id, state and the registered
 * redirect_uri; the callback carries `auth_code` (live callbacks also repeat it as `code`).
 */
export const startAdsFlow: StartFlow = async (ctx) => {
  const { profile, logger } = ctx;
  const { port, path } = fixedRedirect(profile.ads.redirectUrl, 'TikTok Ads');
  const url = new URL(profile.adsAuthorizeUrl);
  url.searchParams.set('app_id', profile.ads.appId);
  url.searchParams.set('state', ctx.state);
  url.searchParams.set('redirect_uri', profile.ads.redirectUrl);
  const listener = await startLoopbackListener({
    expectedState: ctx.state,
    port,
    callbackPath: path,
    timeoutMs: ctx.timeoutMs,
    page: { provider: 'ads', language: ctx.language },
    logger,
  });
  return {
    authorizeUrl: url.toString(),
    listener,
    async complete(params) {
      const code = requireParam(params, ['auth_code', 'code'], 'TikTok Ads');
      const app = { base: profile.adsBase, appId: profile.ads.appId, secret: profile.ads.secret };
      const tokens = await adsAccessToken(app, code, logger);
      const advertisers = await getAdvertisers(app, tokens.accessToken, tokens.advertiserIds, logger);
      if (advertisers.length === 0) {
        throw new AppError('REMOTE', accountTexts.noAdvertiser());
      }
      const first = advertisers[0]?.name ?? 'TikTok Ads';
      return {
        record: {
          provider: 'ads',
          remoteId: advertisers
            .map((a) => a.advertiserId)
            .sort()
            .join(','),
          displayName: advertisers.length === 1 ? first : `${first} +${advertisers.length - 1}`,
          scopes: tokens.scopes,
          // Marketing tokens do not expire on a timer (A3).
          accessExpiresAt: null,
          authorizationExpiresAt: null,
          advertisers,
        },
        secrets: { accessToken: tokens.accessToken, refreshToken: null },
      };
    },
  };
};
