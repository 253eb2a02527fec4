import { z } from 'zod';
import type { Logger } from '../../log/logger';
import { adsRequest } from './request';

/**
 * API for Business advertiser authorization (docs/tiktok-api/ads.md). The token is long-lived with no
 * refresh: it ends when the advertiser cancels or the app revokes it.
 */
export interface AdsApp {
  base: string;
  appId: string;
  secret: string;
}

const accessTokenSchema = z.object({
  access_token: z.string().min(1),
  advertiser_ids: z.array(z.string()).default([]),
  // Permission-scope ids (integers), e.g. [4].
  scope: z.array(z.number()).default([]),
});

export interface AdsTokens {
  accessToken: string;
  advertiserIds: string[];
  scopes: string[];
}

export async function adsAccessToken(app: AdsApp, authCode: string, logger?: Logger): Promise<AdsTokens> {
  const data = await adsRequest({
    base: app.base,
    method: 'POST',
    path: '/open_api/v1.3/oauth2/access_token/',
    body: { app_id: app.appId, secret: app.secret, auth_code: authCode },
    data: accessTokenSchema,
    logger,
  });
  return {
    accessToken: data.access_token,
    advertiserIds: data.advertiser_ids,
    scopes: data.scope.map(String),
  };
}

/** `POST /oauth2/revoke_token/`: ends the token at TikTok. */
export async function adsRevokeToken(app: AdsApp, accessToken: string, logger?: Logger): Promise<void> {
  await adsRequest({
    base: app.base,
    method: 'POST',
    path: '/open_api/v1.3/oauth2/revoke_token/',
    body: { app_id: app.appId, secret: app.secret, access_token: accessToken },
    data: z.unknown(),
    logger,
  });
}
