import { z } from 'zod';
import { AppError } from '@shared/errors';
import type { Logger } from '../../log/logger';
import { TokenRejected } from '../auth-failure';
import { callWithRetry, type HttpResponse, type Outcome, parseJson, statusOutcome } from '../http-core';
import { type IdentityApp, identityService } from './auth';
import { tiktokTexts } from '../texts';

/** `GET /v2/user/info/` (C5). Each field needs its scope; asking for one the user unticked fails the call. */
const fieldsByScope = {
  'user.info.basic': ['open_id', 'display_name', 'avatar_url'],
  'user.info.profile': ['username'],
  'user.info.stats': ['follower_count', 'following_count', 'likes_count', 'video_count'],
} as const;

const userSchema = z.object({
  open_id: z.string().optional(),
  display_name: z.string().optional(),
  avatar_url: z.string().optional(),
  username: z.string().optional(),
  follower_count: z.number().int().optional(),
  following_count: z.number().int().optional(),
  likes_count: z.number().int().optional(),
  video_count: z.number().int().optional(),
});

const envelopeSchema = z.object({
  data: z.object({ user: userSchema.optional() }).loose().optional(),
  error: z.object({ code: z.string(), message: z.string().optional() }),
});

export interface IdentityUser {
  openId: string | null;
  displayName: string;
  avatarUrl: string | null;
  followerCount: number | null;
  followingCount: number | null;
  likesCount: number | null;
  videoCount: number | null;
}

function classify(res: HttpResponse): Outcome<IdentityUser> {
  const byStatus = statusOutcome(res.status, identityService);
  if (byStatus) return byStatus;
  try {
    const env = parseJson(identityService, res.text, envelopeSchema);
    if (env.error.code !== 'ok') {
      const message = tiktokTexts.refused({
        service: identityService,
        message: env.error.message ?? env.error.code,
        code: env.error.code,
      });
      // Login Kit says `access_token_invalid` for expired and revoked alike; a refresh tells them apart.
      if (env.error.code === 'access_token_invalid')
        return { kind: 'fail', error: new TokenRejected('expired', message) };
      return { kind: 'fail', error: new AppError('REMOTE', message) };
    }
    const u = env.data?.user ?? {};
    return {
      kind: 'ok',
      value: {
        openId: u.open_id ?? null,
        displayName: u.display_name || u.username || 'TikTok user',
        avatarUrl: u.avatar_url ?? null,
        followerCount: u.follower_count ?? null,
        followingCount: u.following_count ?? null,
        likesCount: u.likes_count ?? null,
        videoCount: u.video_count ?? null,
      },
    };
  } catch (err) {
    return { kind: 'fail', error: err as AppError };
  }
}

export function getIdentityUser(
  app: IdentityApp,
  accessToken: string,
  grantedScopes: readonly string[],
  logger?: Logger,
): Promise<IdentityUser> {
  const fields = Object.entries(fieldsByScope)
    .filter(([scope]) => scope === 'user.info.basic' || grantedScopes.includes(scope))
    .flatMap(([, f]) => f);
  return callWithRetry({
    service: identityService,
    logger,
    classify,
    request: () => {
      const url = new URL(`${app.base}/v2/user/info/`);
      url.searchParams.set('fields', fields.join(','));
      return { method: 'GET', url: url.toString(), headers: { authorization: `Bearer ${accessToken}` } };
    },
  });
}
