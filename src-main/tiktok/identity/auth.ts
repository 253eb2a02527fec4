import { z } from 'zod';
import { AppError } from '@shared/errors';
import type { Logger } from '../../log/logger';
import { callWithRetry, type HttpResponse, type Outcome, parseJson, statusOutcome } from '../http-core';
import { tiktokTexts } from '../texts';

/**
 * Login Kit OAuth v2 (docs/tiktok-api/login-kit.md, "Tokens"): form-encoded token, refresh and revoke. Refresh tokens rotate,
 * so the caller must persist the returned pair before using it. Lifetimes are seconds from now.
 */
export const identityService = 'TikTok Login Kit';

export interface IdentityApp {
  base: string;
  clientKey: string;
  clientSecret: string;
}

const tokenSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().int().positive(),
  open_id: z.string().min(1),
  refresh_token: z.string().min(1),
  refresh_expires_in: z.number().int().positive(),
  scope: z.string().default(''),
  token_type: z.string().optional(),
});

const oauthErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

export interface IdentityTokens {
  accessToken: string;
  accessExpiresAt: number;
  refreshToken: string;
  refreshExpiresAt: number;
  openId: string;
  scopes: string[];
}

function classifyToken(now: () => number, grantRefusal: 'AUTH_EXPIRED' | 'REMOTE') {
  return (res: HttpResponse): Outcome<IdentityTokens> => {
    const byStatus = statusOutcome(res.status, identityService);
    if (byStatus) return byStatus;
    try {
      const raw = parseJson(identityService, res.text, z.record(z.string(), z.unknown()));
      const failure = oauthErrorSchema.safeParse(raw);
      if (failure.success) {
        const message = tiktokTexts.refused({
          service: identityService,
          message: failure.data.error_description ?? failure.data.error,
          code: failure.data.error,
        });
        const code = failure.data.error === 'invalid_grant' ? grantRefusal : 'REMOTE';
        return { kind: 'fail', error: new AppError(code, message) };
      }
      const t = parseJson(identityService, res.text, tokenSchema);
      const at = now();
      return {
        kind: 'ok',
        value: {
          accessToken: t.access_token,
          accessExpiresAt: at + t.expires_in * 1000,
          refreshToken: t.refresh_token,
          refreshExpiresAt: at + t.refresh_expires_in * 1000,
          openId: t.open_id,
          scopes: t.scope.split(',').filter((s) => s.length > 0),
        },
      };
    } catch (err) {
      return { kind: 'fail', error: err as AppError };
    }
  };
}

function postForm<T>(
  app: IdentityApp,
  path: string,
  fields: Record<string, string>,
  classify: (r: HttpResponse) => Outcome<T>,
  logger?: Logger,
) {
  return callWithRetry({
    service: identityService,
    logger,
    classify,
    request: () => ({
      method: 'POST',
      url: app.base + path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_key: app.clientKey,
        client_secret: app.clientSecret,
        ...fields,
      }).toString(),
    }),
  });
}

export interface CodeExchange {
  code: string;
  redirectUri: string;
  codeVerifier: string;
}

export function identityTokenFromCode(
  app: IdentityApp,
  x: CodeExchange,
  now: () => number,
  logger?: Logger,
): Promise<IdentityTokens> {
  return postForm(
    app,
    '/v2/oauth/token/',
    {
      code: x.code,
      grant_type: 'authorization_code',
      redirect_uri: x.redirectUri,
      code_verifier: x.codeVerifier,
    },
    classifyToken(now, 'REMOTE'),
    logger,
  );
}

/** Throws AUTH_EXPIRED when the refresh token is refused (`invalid_grant`): the user must sign in again. */
export function identityRefresh(
  app: IdentityApp,
  refreshToken: string,
  now: () => number,
  logger?: Logger,
): Promise<IdentityTokens> {
  return postForm(
    app,
    '/v2/oauth/token/',
    { grant_type: 'refresh_token', refresh_token: refreshToken },
    classifyToken(now, 'AUTH_EXPIRED'),
    logger,
  );
}

/** `POST /v2/oauth/revoke/`: removes the app from the user's connected apps. */
export async function identityRevoke(app: IdentityApp, accessToken: string, logger?: Logger): Promise<void> {
  await postForm(
    app,
    '/v2/oauth/revoke/',
    { token: accessToken },
    (res): Outcome<void> => {
      const byStatus = statusOutcome(res.status, identityService);
      if (byStatus) return byStatus;
      const failure = oauthErrorSchema.safeParse(safeJson(res.text));
      if (failure.success || res.status >= 400) {
        return {
          kind: 'fail',
          error: new AppError(
            'REMOTE',
            tiktokTexts.revokeRefused({
              service: identityService,
              reason: failure.data?.error ?? res.status,
            }),
          ),
        };
      }
      return { kind: 'ok', value: undefined };
    },
    logger,
  );
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
