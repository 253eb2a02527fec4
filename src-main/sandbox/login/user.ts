import { header, json, type Reply, type SandboxRequest } from '../http';
import { requestId } from '../ids';
import { hasScope } from '../shop/scopes';
import type { SandboxState } from '../state';
import { loginScopes } from './oauth';

type LoginScope = (typeof loginScopes)[number];

/** Field → scope table from the user-info reference (C5). */
const fieldScope: Record<string, LoginScope> = {
  open_id: 'user.info.basic',
  union_id: 'user.info.basic',
  avatar_url: 'user.info.basic',
  avatar_url_100: 'user.info.basic',
  avatar_large_url: 'user.info.basic',
  display_name: 'user.info.basic',
  bio_description: 'user.info.profile',
  profile_deep_link: 'user.info.profile',
  is_verified: 'user.info.profile',
  username: 'user.info.profile',
  follower_count: 'user.info.stats',
  following_count: 'user.info.stats',
  likes_count: 'user.info.stats',
  video_count: 'user.info.stats',
};

function apiError(state: SandboxState, status: number, code: string, message: string): Reply {
  return json(status, { data: {}, error: { code, message, log_id: requestId(state.clock.nowMs()) } }, code);
}

export function userInfo(state: SandboxState, req: SandboxRequest): Reply {
  const auth = header(req, 'authorization') ?? '';
  const token = auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
  const check = token === '' ? null : state.tokens.check(token, 'login_access', state.clock.nowSec());
  if (!check || !check.ok)
    return apiError(
      state,
      401,
      'access_token_invalid',
      'The access token is invalid or not found in the request.',
    );
  if (
    !state.perMinute.hit(
      `login-userinfo:${state.creds.login.clientKey}`,
      state.config.loginUserInfoPerMinute,
      state.clock.nowMs(),
    )
  ) {
    return apiError(
      state,
      429,
      'rate_limit_exceeded',
      'The API rate limit was exceeded. Please try again later.',
    );
  }
  if (!hasScope(loginScopes, check.claims.scopes, 'user.info.basic')) {
    return apiError(
      state,
      401,
      'scope_not_authorized',
      'The user did not authorize the scope required for this endpoint.',
    );
  }
  const raw = req.query.get('fields');
  if (raw === null || raw.trim() === '') return apiError(state, 400, 'invalid_params', 'fields is required.');
  const fields = raw.split(',').map((f) => f.trim());
  const unknown = fields.filter((f) => !(f in fieldScope));
  if (unknown.length > 0)
    return apiError(state, 400, 'invalid_params', `Unknown field(s): ${unknown.join(', ')}.`);
  const missing = fields.filter(
    (f) => !hasScope(loginScopes, check.claims.scopes, fieldScope[f] ?? 'user.info.basic'),
  );
  if (missing.length > 0) {
    return apiError(
      state,
      400,
      'scope_permission_missed',
      `The token lacks the scope for: ${missing.join(', ')}.`,
    );
  }
  const u = state.dataset.loginUser;
  const avatar = 'https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/sandbox~c5_168x168.jpeg';
  const all: Record<string, unknown> = {
    open_id: u.openId,
    union_id: u.unionId,
    avatar_url: avatar,
    avatar_url_100: avatar.replace('168x168', '100x100'),
    avatar_large_url: avatar.replace('168x168', '1080x1080'),
    display_name: u.displayName,
    bio_description: u.bio,
    profile_deep_link: `https://vm.tiktok.com/ZMsandbox${u.username.length}/`,
    is_verified: u.isVerified,
    username: u.username,
    follower_count: u.followerCount,
    following_count: u.followingCount,
    likes_count: u.likesCount,
    video_count: u.videoCount,
  };
  const user = Object.fromEntries(fields.map((f) => [f, all[f]]));
  return json(
    200,
    { data: { user }, error: { code: 'ok', message: '', log_id: requestId(state.clock.nowMs()) } },
    'ok',
  );
}
