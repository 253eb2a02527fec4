import { z } from 'zod';
import { AppError } from '@shared/errors';
import type { Logger } from '../../log/logger';
import { callWithRetry, type HttpResponse, type Outcome, parseJson, statusOutcome } from '../http-core';
import { tiktokTexts } from '../texts';

/**
 * The TikTok Shop auth host (docs/tiktok-api/shop-authorization.md): unsigned GETs with the app secret in the query.
 * Expiries come back as absolute Unix seconds despite their `_expire_in` names; they leave here as epoch ms.
 */
export const shopAuthService = 'TikTok Shop sign-in';

export interface ShopAuthApp {
  authBase: string;
  appKey: string;
  appSecret: string;
}

const tokenDataSchema = z.object({
  access_token: z.string().min(1),
  access_token_expire_in: z.number().int().positive(),
  refresh_token: z.string().min(1),
  refresh_token_expire_in: z.number().int().positive(),
  open_id: z.string().min(1),
  seller_name: z.string().optional(),
  seller_base_region: z.string().optional(),
  user_type: z.number().int().optional(),
  // Older API versions lack it (§1.4).
  granted_scopes: z.array(z.string()).optional(),
});

const envelopeSchema = z.object({ code: z.number(), message: z.string(), data: z.unknown() });

/** Auth-host codes that mean the grant itself can no longer be used (§1.4 error shape, docs/sandbox.md). */
const grantGoneCodes = new Set([36004001, 36004005]);

export interface ShopTokens {
  accessToken: string;
  /** UTC epoch ms. */
  accessExpiresAt: number;
  refreshToken: string;
  /** The end of the seller's authorization, UTC epoch ms. */
  refreshExpiresAt: number;
  openId: string;
  sellerName: string | null;
  sellerRegion: string | null;
  scopes: string[];
}

function classify(res: HttpResponse): Outcome<ShopTokens> {
  const byStatus = statusOutcome(res.status, shopAuthService);
  if (byStatus) return byStatus;
  try {
    const env = parseJson(shopAuthService, res.text, envelopeSchema);
    if (env.code !== 0) {
      // The remote message names the problem ("rt has expired"), never a token.
      const message = tiktokTexts.refused({ service: shopAuthService, message: env.message, code: env.code });
      if (grantGoneCodes.has(env.code)) return { kind: 'fail', error: new AppError('AUTH_EXPIRED', message) };
      return { kind: 'fail', error: new AppError('REMOTE', message, { remoteCode: env.code }) };
    }
    const d = parseJson(shopAuthService, JSON.stringify(env.data), tokenDataSchema);
    return {
      kind: 'ok',
      value: {
        accessToken: d.access_token,
        accessExpiresAt: d.access_token_expire_in * 1000,
        refreshToken: d.refresh_token,
        refreshExpiresAt: d.refresh_token_expire_in * 1000,
        openId: d.open_id,
        sellerName: d.seller_name ?? null,
        sellerRegion: d.seller_base_region ?? null,
        scopes: d.granted_scopes ?? [],
      },
    };
  } catch (err) {
    return { kind: 'fail', error: err as AppError };
  }
}

function get(app: ShopAuthApp, path: string, params: Record<string, string>, logger?: Logger) {
  return callWithRetry({
    service: shopAuthService,
    logger,
    classify,
    request: () => {
      const url = new URL(app.authBase + path);
      url.searchParams.set('app_key', app.appKey);
      url.searchParams.set('app_secret', app.appSecret);
      for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
      return { method: 'GET', url: url.toString() };
    },
  });
}

/** `GET /api/v2/token/get`: the one-time auth code → tokens. The grant_type really is `authorized_code`. */
export function shopTokenGet(app: ShopAuthApp, authCode: string, logger?: Logger): Promise<ShopTokens> {
  return get(app, '/api/v2/token/get', { auth_code: authCode, grant_type: 'authorized_code' }, logger);
}

/**
 * `GET /api/v2/token/refresh`. Throws AUTH_EXPIRED when the auth host refuses the refresh token (expired or
 * unknown): the seller has to authorize again. Network and server trouble stay REMOTE/OFFLINE.
 */
export function shopTokenRefresh(
  app: ShopAuthApp,
  refreshToken: string,
  logger?: Logger,
): Promise<ShopTokens> {
  return get(
    app,
    '/api/v2/token/refresh',
    { refresh_token: refreshToken, grant_type: 'refresh_token' },
    logger,
  );
}
