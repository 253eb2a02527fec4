import { AppError } from '@shared/errors';
import { startLoopbackListener } from '../../oauth/loopback';
import { shopTokenGet } from '../../tiktok/shop/auth';
import { getAuthorizedShops } from '../../tiktok/shop/shops';
import { fixedRedirect, requireParam, type StartFlow } from './types';
import { accountTexts } from '../texts';

/**
 * TikTok Shop (docs/tiktok-api/shop-authorization.md): `service_id` + `state` on the authorize link, the redirect URL fixed in
 * Partner Center, then token/get and the authorized shops (one grant may hold several).
 */
export const startShopFlow: StartFlow = async (ctx) => {
  const { profile, logger } = ctx;
  const { port, path } = fixedRedirect(profile.shop.redirectUrl, 'TikTok Shop');
  const url = new URL(profile.shopAuthorizeUrl);
  url.searchParams.set('service_id', profile.shop.serviceId);
  url.searchParams.set('state', ctx.state);
  const listener = await startLoopbackListener({
    expectedState: ctx.state,
    port,
    callbackPath: path,
    timeoutMs: ctx.timeoutMs,
    page: { provider: 'shop', language: ctx.language },
    logger,
  });
  return {
    authorizeUrl: url.toString(),
    listener,
    async complete(params) {
      const code = requireParam(params, ['code'], 'TikTok Shop');
      const app = {
        authBase: profile.shopAuthBase,
        appKey: profile.shop.appKey,
        appSecret: profile.shop.appSecret,
      };
      const tokens = await shopTokenGet(app, code, logger);
      const shops = await getAuthorizedShops(
        { apiBase: profile.shopApiBase, appKey: profile.shop.appKey, appSecret: profile.shop.appSecret },
        tokens.accessToken,
        logger,
      );
      if (shops.length === 0) {
        throw new AppError('REMOTE', accountTexts.noShop());
      }
      return {
        record: {
          provider: 'shop',
          remoteId: tokens.openId,
          displayName: tokens.sellerName || shops[0]?.name || 'TikTok Shop seller',
          scopes: tokens.scopes,
          accessExpiresAt: tokens.accessExpiresAt,
          authorizationExpiresAt: tokens.refreshExpiresAt,
          shops,
        },
        secrets: { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken },
      };
    },
  };
};
