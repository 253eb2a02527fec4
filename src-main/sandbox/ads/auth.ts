import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { consentPage, errorPage } from '../consent-pages';
import { openConsent, takeConsent } from '../consent';
import {
  formBody,
  html,
  parseJsonBody,
  redirect,
  withParams,
  type Reply,
  type SandboxRequest,
} from '../http';
import type { SandboxState } from '../state';
import { AdsError, adsAuth, adsCodes } from './common';

/**
 * Advertiser authorization (A2/A3): consent page → redirect with auth_code (and `code`, as live callbacks
 * carry both) → POST oauth2/access_token. Tokens never expire; revoke_token ends them.
 */
const CODE_TTL_SEC = 3_600;

export function adsAuthorizePage(state: SandboxState, req: SandboxRequest, prefix: string): Reply {
  if (req.query.get('app_id') !== state.creds.ads.appId)
    return html(400, errorPage('Invalid app', 'The app_id is not a registered developer app.'));
  const redirectUri = req.query.get('redirect_uri');
  if (redirectUri !== state.creds.ads.redirectUrl) {
    return html(
      400,
      errorPage(
        'Invalid redirect_uri',
        'The redirect_uri does not match the advertiser redirect URL registered for this app.',
      ),
    );
  }
  const params: Record<string, string> = { redirect_uri: redirectUri };
  const st = req.query.get('state');
  if (st !== null) params.state = st;
  const id = openConsent(state, 'ads', params);
  return html(
    200,
    consentPage({
      heading: 'The app asks to manage these advertiser accounts (ads management, reporting):',
      appName: 'ShopMesh (TikTok API for Business app)',
      details: state.dataset.ads.advertisers
        .filter((a) => a.granted)
        .map((a) => `${a.name} — ${a.id} (${a.currency})`),
      action: `${prefix}/portal/auth/decision`,
      consentId: id,
    }),
  );
}

export function adsAuthorizeDecision(state: SandboxState, req: SandboxRequest): Reply {
  const form = formBody(req);
  const params = takeConsent(state, 'ads', form.get('consent_id'));
  if (!params || params.redirect_uri === undefined)
    return html(400, errorPage('Authorization expired', 'Start again from the app.'));
  const extra: Record<string, string> = params.state === undefined ? {} : { state: params.state };
  if (form.get('decision') !== 'authorize') {
    // Not documented for API for Business; OAuth's access_denied is the sandbox's choice [U].
    return redirect(
      withParams(params.redirect_uri, {
        error: 'access_denied',
        error_description: 'The advertiser declined.',
        ...extra,
      }),
    );
  }
  const code = issueAdsCode(state);
  return redirect(withParams(params.redirect_uri, { auth_code: code, code, ...extra }));
}

export function issueAdsCode(state: SandboxState): string {
  const code = randomBytes(20).toString('hex');
  state.adsCodes.set(code, { createdAt: state.clock.nowSec(), used: false, scopes: 0 });
  return code;
}

function body<T extends z.ZodType>(req: SandboxRequest, schema: T): z.infer<T> {
  const parsed = parseJsonBody(req);
  if (!parsed.ok) throw new AdsError(adsCodes.param, 'The request body must be JSON.');
  const result = schema.safeParse(parsed.value ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new AdsError(adsCodes.param, `${issue?.path.join('.') ?? 'body'}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

function checkApp(state: SandboxState, appId: string, secret: string): void {
  if (appId !== state.creds.ads.appId)
    throw new AdsError(adsCodes.appForbidden, 'The app_id is invalid or the app is blocked.');
  if (secret !== state.creds.ads.secret)
    throw new AdsError(adsCodes.invalidPartner, 'The app_id and secret do not match.');
}

const tokenBody = z.object({
  app_id: z.string(),
  secret: z.string(),
  auth_code: z.string(),
  return_advertiser_ids: z.boolean().optional(),
});

export function adsAccessToken(state: SandboxState, req: SandboxRequest): unknown {
  const b = body(req, tokenBody);
  checkApp(state, b.app_id, b.secret);
  const code = state.adsCodes.get(b.auth_code);
  const now = state.clock.nowSec();
  if (!code || code.used || now - code.createdAt > CODE_TTL_SEC) {
    throw new AdsError(adsCodes.authCode, 'The auth_code has been used, has expired or does not exist.');
  }
  code.used = true;
  const token = state.tokens.mint('ads_access', state.tokens.newGrant(), now, 0, 0);
  state.recordWrite('ads.authorized', null, {});
  const ids = state.dataset.ads.advertisers.filter((a) => a.granted).map((a) => a.id);
  return { access_token: token, advertiser_ids: b.return_advertiser_ids === false ? [] : ids, scope: [4] };
}

const revokeBody = z.object({ app_id: z.string(), secret: z.string(), access_token: z.string() });

export function adsRevokeToken(state: SandboxState, req: SandboxRequest): unknown {
  const b = body(req, revokeBody);
  checkApp(state, b.app_id, b.secret);
  const check = state.tokens.check(b.access_token, 'ads_access', state.clock.nowSec());
  if (!check.ok) throw new AdsError(adsCodes.invalidToken, 'Access token is incorrect or has been revoked.');
  state.tokens.revokeGrant('ads', check.claims.grant);
  state.recordWrite('ads.revoked', null, {});
  return {
    app_id: b.app_id,
    advertiser_ids: state.dataset.ads.advertisers.filter((a) => a.granted).map((a) => a.id),
  };
}

export function adsAdvertiserGet(state: SandboxState, req: SandboxRequest): unknown {
  const auth = adsAuth(state, req);
  checkApp(state, req.query.get('app_id') ?? '', req.query.get('secret') ?? '');
  return { list: auth.advertisers.map((a) => ({ advertiser_id: a.id, advertiser_name: a.name })) };
}
