import { randomBytes } from 'node:crypto';
import { consentPage, errorPage } from '../consent-pages';
import { openConsent, takeConsent } from '../consent';
import {
  contentType,
  formBody,
  html,
  json,
  redirect,
  withParams,
  type Reply,
  type SandboxRequest,
} from '../http';
import { requestId } from '../ids';
import { scopeBits, scopeList } from '../shop/scopes';
import type { SandboxState } from '../state';
import { pkceMatches } from './pkce';
import { loopbackRedirectAllowed } from './redirect';

export const loginScopes = ['user.info.basic', 'user.info.profile', 'user.info.stats', 'video.list'] as const;

/** Community reports say about five minutes [U]. */
const CODE_TTL_SEC = 300;

function oauthError(state: SandboxState, status: number, error: string, description: string): Reply {
  return json(
    status,
    { error, error_description: description, log_id: requestId(state.clock.nowMs()) },
    error,
  );
}

export function loginAuthorizePage(state: SandboxState, req: SandboxRequest, prefix: string): Reply {
  const q = req.query;
  if (q.get('client_key') !== state.creds.login.clientKey)
    return html(400, errorPage('Something went wrong', 'client_key is not a registered app.'));
  const redirectUri = q.get('redirect_uri') ?? '';
  if (!loopbackRedirectAllowed(redirectUri, state.creds.login.redirectUris)) {
    // Never redirect to an unregistered URI; TikTok shows an error page instead.
    return html(
      400,
      errorPage(
        'Something went wrong',
        'redirect_uri is not registered for this app (desktop: http://127.0.0.1:<port>/… or http://localhost:<port>/…, no query or fragment).',
      ),
    );
  }
  const st = q.get('state');
  const fail = (error: string, description: string): Reply =>
    redirect(
      withParams(redirectUri, {
        error,
        error_description: description,
        ...(st === null ? {} : { state: st }),
      }),
    );
  if (q.get('response_type') !== 'code')
    return fail('unsupported_response_type', "response_type must be 'code'.");
  const requested = (q.get('scope') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (requested.length === 0 || requested.some((s) => !(loginScopes as readonly string[]).includes(s))) {
    return fail('invalid_scope', `scope must be a comma-separated list of: ${loginScopes.join(', ')}.`);
  }
  const challenge = q.get('code_challenge') ?? '';
  if (challenge === '') return fail('invalid_request', 'code_challenge is required for desktop apps.');
  if (q.get('code_challenge_method') !== 'S256')
    return fail('invalid_request', "code_challenge_method must be 'S256'.");
  const params: Record<string, string> = {
    redirect_uri: redirectUri,
    scope: requested.join(','),
    code_challenge: challenge,
  };
  if (st !== null) params.state = st;
  const id = openConsent(state, 'login', params);
  return html(
    200,
    consentPage({
      heading: `Log in to ShopMesh with TikTok as @${state.dataset.loginUser.username}. The app asks for:`,
      appName: 'ShopMesh (Login Kit)',
      details: [`Signed in as ${state.dataset.loginUser.displayName}`],
      action: `${prefix}/v2/auth/authorize/decision`,
      consentId: id,
      scopes: requested.map((s) => ({ value: s, label: s })),
    }),
  );
}

export function loginAuthorizeDecision(state: SandboxState, req: SandboxRequest): Reply {
  const form = formBody(req);
  const params = takeConsent(state, 'login', form.get('consent_id'));
  if (!params || params.redirect_uri === undefined)
    return html(400, errorPage('Session expired', 'Start again from the app.'));
  const extra: Record<string, string> = params.state === undefined ? {} : { state: params.state };
  if (form.get('decision') !== 'authorize') {
    return redirect(
      withParams(params.redirect_uri, {
        error: 'access_denied',
        error_description: 'The user denied the request.',
        ...extra,
      }),
    );
  }
  // user.info.basic cannot be unticked on TikTok's screen; the other scopes can.
  const requested = (params.scope ?? '').split(',');
  const ticked = new Set(form.getAll('scope'));
  const granted = requested.filter((s) => s === 'user.info.basic' || ticked.has(s));
  const code = issueLoginCode(state, {
    redirectUri: params.redirect_uri,
    codeChallenge: params.code_challenge ?? '',
    scopes: granted,
  });
  return redirect(withParams(params.redirect_uri, { code, scopes: granted.join(','), ...extra }));
}

export function issueLoginCode(
  state: SandboxState,
  o: { redirectUri: string; codeChallenge: string; scopes: readonly string[] },
): string {
  // Real codes contain `*` and `!`; a client that forgets to URL-decode them fails here.
  const raw = randomBytes(30).toString('base64url');
  const code = `${raw.slice(0, 12)}*${raw.slice(12, 26)}!${raw.slice(26)}`;
  state.loginCodes.set(code, {
    createdAt: state.clock.nowSec(),
    used: false,
    scopes: scopeBits(loginScopes, o.scopes),
    redirectUri: o.redirectUri,
    codeChallenge: o.codeChallenge,
    clientKey: state.creds.login.clientKey,
  });
  return code;
}

function tokenResponse(state: SandboxState, grant: number, scopes: number, refreshExp: number): Reply {
  const now = state.clock.nowSec();
  const accessExp = now + state.config.loginAccessTtlSec;
  return json(200, {
    access_token: state.tokens.mint('login_access', grant, now, accessExp, scopes),
    expires_in: accessExp - now,
    open_id: state.dataset.loginUser.openId,
    refresh_token: state.tokens.mint('login_refresh', grant, now, refreshExp, scopes),
    refresh_expires_in: refreshExp - now,
    scope: scopeList(loginScopes, scopes).join(','),
    token_type: 'Bearer',
  });
}

/** Both client endpoints take a form body authenticated by client key and secret; returns the form or the error reply. */
function clientForm(state: SandboxState, req: SandboxRequest): URLSearchParams | Reply {
  if (!contentType(req).startsWith('application/x-www-form-urlencoded')) {
    return oauthError(
      state,
      400,
      'invalid_request',
      'Content-Type must be application/x-www-form-urlencoded.',
    );
  }
  const f = formBody(req);
  if (
    f.get('client_key') !== state.creds.login.clientKey ||
    f.get('client_secret') !== state.creds.login.clientSecret
  ) {
    return oauthError(state, 401, 'invalid_client', 'Client key or secret is invalid.');
  }
  return f;
}

/** Form-encoded token endpoint: authorization_code (with PKCE) and refresh_token, with refresh rotation (docs/tiktok-api/login-kit.md). */
export function loginToken(state: SandboxState, req: SandboxRequest): Reply {
  const f = clientForm(state, req);
  if (!(f instanceof URLSearchParams)) return f;
  const now = state.clock.nowSec();
  const grantType = f.get('grant_type');
  if (grantType === 'authorization_code') {
    const code = state.loginCodes.get(f.get('code') ?? '');
    if (!code || code.used || now - code.createdAt > CODE_TTL_SEC)
      return oauthError(state, 400, 'invalid_grant', 'Authorization code is expired, used or invalid.');
    if (f.get('redirect_uri') !== code.redirectUri)
      return oauthError(
        state,
        400,
        'invalid_grant',
        'redirect_uri does not match the one used to authorize.',
      );
    const verifier = f.get('code_verifier');
    if (!verifier || !pkceMatches(verifier, code.codeChallenge ?? '', state.config.pkceAcceptBase64url)) {
      return oauthError(state, 400, 'invalid_request', 'Code verifier or code challenge is invalid.');
    }
    code.used = true;
    state.recordWrite('login.authorized', null, { scopes: scopeList(loginScopes, code.scopes) });
    return tokenResponse(state, state.tokens.newGrant(), code.scopes, now + state.config.loginRefreshTtlSec);
  }
  if (grantType === 'refresh_token') {
    const token = f.get('refresh_token') ?? '';
    const check = state.tokens.check(token, 'login_refresh', now);
    if (!check.ok)
      return oauthError(
        state,
        400,
        'invalid_grant',
        `Refresh token is ${check.reason === 'expired' ? 'expired' : 'invalid or already used'}.`,
      );
    state.tokens.spendRefresh(token);
    return tokenResponse(state, check.claims.grant, check.claims.scopes, check.claims.exp);
  }
  return oauthError(
    state,
    400,
    'unsupported_grant_type',
    "grant_type must be 'authorization_code' or 'refresh_token'.",
  );
}

export function loginRevoke(state: SandboxState, req: SandboxRequest): Reply {
  const f = clientForm(state, req);
  if (!(f instanceof URLSearchParams)) return f;
  const token = f.get('token') ?? '';
  if (token === '') return oauthError(state, 400, 'invalid_request', 'token is required.');
  const check = state.tokens.check(token, 'login_access', state.clock.nowSec());
  if (check.ok || check.reason === 'expired') {
    const claims = check.ok ? check.claims : null;
    if (claims) state.tokens.revokeGrant('login', claims.grant);
    else state.tokens.revoke('login', token);
    state.recordWrite('login.revoked', null, {});
  }
  return json(200, {});
}
