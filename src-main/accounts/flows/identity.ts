import { startLoopbackListener } from '../../oauth/loopback';
import { createPkcePair } from '../../oauth/pkce';
import { identityTokenFromCode } from '../../tiktok/identity/auth';
import { getIdentityUser } from '../../tiktok/identity/user';
import { requireParam, type StartFlow } from './types';

export const identityScopes = ['user.info.basic', 'user.info.profile', 'user.info.stats'] as const;

/**
 * Login Kit for desktop (docs/tiktok-api/login-kit.md): any loopback port, so an ephemeral one; PKCE S256 in
 * TikTok's hex form; the code arrives URL-encoded (URLSearchParams has decoded it already).
 */
export const startIdentityFlow: StartFlow = async (ctx) => {
  const { profile, logger } = ctx;
  const pkce = createPkcePair('hex');
  const listener = await startLoopbackListener({
    expectedState: ctx.state,
    port: 0,
    callbackPath: '/callback/login',
    timeoutMs: ctx.timeoutMs,
    page: { provider: 'identity', language: ctx.language },
    logger,
  });
  const url = new URL(profile.identityAuthorizeUrl);
  url.searchParams.set('client_key', profile.identity.clientKey);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', identityScopes.join(','));
  url.searchParams.set('redirect_uri', listener.redirectUri);
  url.searchParams.set('state', ctx.state);
  url.searchParams.set('code_challenge', pkce.challenge);
  url.searchParams.set('code_challenge_method', pkce.method);
  return {
    authorizeUrl: url.toString(),
    listener,
    async complete(params) {
      const code = requireParam(params, ['code'], 'TikTok');
      const app = {
        base: profile.identityBase,
        clientKey: profile.identity.clientKey,
        clientSecret: profile.identity.clientSecret,
      };
      const tokens = await identityTokenFromCode(
        app,
        { code, redirectUri: listener.redirectUri, codeVerifier: pkce.verifier },
        ctx.now,
        logger,
      );
      const user = await getIdentityUser(app, tokens.accessToken, tokens.scopes, logger);
      return {
        record: {
          provider: 'identity',
          remoteId: tokens.openId,
          displayName: user.displayName,
          scopes: tokens.scopes,
          accessExpiresAt: tokens.accessExpiresAt,
          authorizationExpiresAt: tokens.refreshExpiresAt,
          identity: { ...user, openId: tokens.openId },
        },
        secrets: { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken },
      };
    },
  };
};
