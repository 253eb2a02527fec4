import { consentPage, errorPage } from '../consent-pages';
import { openConsent, takeConsent } from '../consent';
import { formBody, html, json, redirect, withParams, type Reply, type SandboxRequest } from '../http';
import { requestId } from '../ids';
import type { SandboxState } from '../state';
import { shopCodes } from './errors';
import { scopeBits, scopeList, shopScopes } from './scopes';

/**
 * The Shop auth host (auth.tiktok-shops.com): consent screen, then unsigned GET token/get and token/refresh.
 * Expiries are absolute Unix seconds; auth codes are single-use and live 30 minutes (docs/tiktok-api/shop-authorization.md).
 */
const CODE_TTL_SEC = 30 * 60;

function authEnvelope(state: SandboxState, code: number, message: string, data: unknown): Reply {
  return json(200, { code, message, request_id: requestId(state.clock.nowMs()), data }, code);
}

export function shopAuthorizePage(state: SandboxState, req: SandboxRequest, prefix: string): Reply {
  const serviceId = req.query.get('service_id');
  if (serviceId !== state.creds.shop.serviceId) {
    return html(
      400,
      errorPage('Invalid authorization link', 'The service_id is not a registered app service.'),
    );
  }
  const params: Record<string, string> = {};
  const stateParam = req.query.get('state');
  if (stateParam !== null) params.state = stateParam;
  const id = openConsent(state, 'shop-auth', params);
  return html(
    200,
    consentPage({
      heading: `${state.dataset.seller.name} is asked to authorize the app for these shops:`,
      appName: 'ShopMesh (TikTok Shop app)',
      details: state.dataset.shops.map((s) => `${s.name} (${s.region}, ${s.currency})`),
      action: `${prefix}/oauth/authorize/decision`,
      consentId: id,
      scopes: shopScopes.map((s) => ({ value: s, label: s })),
    }),
  );
}

export function shopAuthorizeDecision(state: SandboxState, req: SandboxRequest): Reply {
  const form = formBody(req);
  const params = takeConsent(state, 'shop-auth', form.get('consent_id'));
  if (!params)
    return html(
      400,
      errorPage('Authorization expired', 'This consent screen is no longer valid. Start again from the app.'),
    );
  const base = state.creds.shop.redirectUrl;
  const withState = (p: Record<string, string>): Record<string, string> =>
    params.state === undefined ? p : { ...p, state: params.state };
  if (form.get('decision') !== 'authorize') {
    // The documented rejection: the redirect still happens, with code=null and error=auth_denied.
    return redirect(withParams(base, withState({ code: 'null', error: 'auth_denied' })));
  }
  const code = `TTP_${state.randomCode(24)}`;
  state.shopCodes.set(code, {
    createdAt: state.clock.nowSec(),
    used: false,
    scopes: scopeBits(shopScopes, form.getAll('scope')),
  });
  return redirect(withParams(base, withState({ code })));
}

/** Test helper behind the admin token: a code as if the seller had pressed Authorize. */
export function issueShopCode(state: SandboxState, scopes: readonly string[] = shopScopes): string {
  const code = `TTP_${state.randomCode(24)}`;
  state.shopCodes.set(code, {
    createdAt: state.clock.nowSec(),
    used: false,
    scopes: scopeBits(shopScopes, scopes),
  });
  return code;
}

function tokenData(state: SandboxState, grant: number, scopes: number, refreshExp: number): unknown {
  const now = state.clock.nowSec();
  const accessExp = now + state.config.shopAccessTtlSec;
  const { seller } = state.dataset;
  return {
    access_token: state.tokens.mint('shop_access', grant, now, accessExp, scopes),
    access_token_expire_in: accessExp,
    refresh_token: state.tokens.mint('shop_refresh', grant, now, refreshExp, scopes),
    refresh_token_expire_in: refreshExp,
    open_id: seller.openId,
    seller_name: seller.name,
    seller_base_region: seller.region,
    user_type: 0,
    granted_scopes: scopeList(shopScopes, scopes),
  };
}

function appOk(state: SandboxState, req: SandboxRequest): boolean {
  return (
    req.query.get('app_key') === state.creds.shop.appKey &&
    req.query.get('app_secret') === state.creds.shop.appSecret
  );
}

export function shopTokenGet(state: SandboxState, req: SandboxRequest): Reply {
  if (req.query.get('grant_type') !== 'authorized_code')
    return authEnvelope(state, shopCodes.authInvalid, "grant_type must be 'authorized_code'", null);
  if (!appOk(state, req))
    return authEnvelope(state, shopCodes.authInvalid, 'invalid app_key or app_secret', null);
  const codeValue = req.query.get('auth_code') ?? '';
  const code = state.shopCodes.get(codeValue);
  const now = state.clock.nowSec();
  if (!code) return authEnvelope(state, shopCodes.authNoRecord, 'can not find related auth record', null);
  if (code.used) return authEnvelope(state, shopCodes.authNoRecord, 'auth_code has already been used', null);
  if (now - code.createdAt > CODE_TTL_SEC)
    return authEnvelope(state, shopCodes.authNoRecord, 'auth_code has expired', null);
  code.used = true;
  const data = tokenData(state, state.tokens.newGrant(), code.scopes, now + state.config.shopRefreshTtlSec);
  state.recordWrite('shop.authorized', null, { scopes: scopeList(shopScopes, code.scopes) });
  return authEnvelope(state, 0, 'success', data);
}

export function shopTokenRefresh(state: SandboxState, req: SandboxRequest): Reply {
  if (req.query.get('grant_type') !== 'refresh_token')
    return authEnvelope(state, shopCodes.authInvalid, "grant_type must be 'refresh_token'", null);
  if (!appOk(state, req))
    return authEnvelope(state, shopCodes.authInvalid, 'invalid app_key or app_secret', null);
  const token = req.query.get('refresh_token') ?? '';
  const check = state.tokens.check(token, 'shop_refresh', state.clock.nowSec());
  if (!check.ok && check.reason === 'expired')
    return authEnvelope(state, shopCodes.authRtExpired, 'rt has expired', null);
  if (!check.ok) return authEnvelope(state, shopCodes.authNoRecord, 'can not find related auth record', null);
  // Whether the old refresh token survives a refresh is undocumented for Shop [U]; it stays valid here, and the
  // new one keeps the authorization's original end (refresh_token_expire_in is the granted duration).
  return authEnvelope(
    state,
    0,
    'success',
    tokenData(state, check.claims.grant, check.claims.scopes, check.claims.exp),
  );
}
