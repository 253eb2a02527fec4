import { isAppError } from '@shared/errors';
import { isTokenRejected } from '../tiktok/auth-failure';
import { nextUtcDay, nextWeeklyReset } from './calendar';

/**
 * What a refused outreach request means, as TikTok documents its codes (docs/tiktok-api/outreach.md,
 * "Refusals"). Each refusal proves the request did nothing, so the queue may act on it without reconciling.
 */
export type Refusal =
  /** 16024022: every creator+product pair of the request was already invited: done, not failed. */
  | { kind: 'already_invited' }
  /** 16024019 / 16030002 / 45101004: the shop's quota is used up until `resumeAt`. */
  | { kind: 'quota'; resumeAt: number; weekly: boolean; message: string }
  /** 50001703: sensitive words in the text. */
  | { kind: 'sensitive_words'; message: string }
  /** 45101021: the creator's privacy settings refuse messages from shops. */
  | { kind: 'privacy'; message: string }
  /** 16032001: the creator and the shop are in different regions. */
  | { kind: 'region_mismatch'; message: string }
  /** 50001702 and other refusals that may concern one creator of a batch. */
  | { kind: 'creator'; reason: 'unavailable' | 'remote'; message: string }
  /** Rate limits and outages that outlasted the HTTP layer's own retries: try again later. */
  | { kind: 'retry'; message: string }
  /** The Account's grant is gone (expired and not refreshable, or revoked). */
  | { kind: 'auth'; message: string };

export const refusalCodes = {
  alreadyInvited: 16024022,
  invitationQuota: 16024019,
  imQuota: 16030002,
  dailyQuota: 45101004,
  unavailable: 50001702,
  sensitiveWords: 50001703,
  privacy: 45101021,
  regionMismatch: 16032001,
} as const;

export function classifyRefusal(err: unknown, now: number): Refusal {
  const message = err instanceof Error ? err.message : String(err);
  if (isTokenRejected(err)) return { kind: 'auth', message };
  if (!isAppError(err)) return { kind: 'retry', message };
  if (err.code === 'AUTH_EXPIRED' || err.code === 'AUTH_REVOKED' || err.code === 'LOCKED')
    return { kind: 'auth', message };
  if (err.code === 'RATE_LIMITED' || err.code === 'OFFLINE') return { kind: 'retry', message };
  const remote = err.details?.remoteCode;
  switch (remote) {
    case refusalCodes.alreadyInvited:
      return { kind: 'already_invited' };
    case refusalCodes.invitationQuota:
    case refusalCodes.imQuota:
      return { kind: 'quota', resumeAt: nextWeeklyReset(now), weekly: true, message };
    case refusalCodes.dailyQuota:
      return { kind: 'quota', resumeAt: nextUtcDay(now), weekly: false, message };
    case refusalCodes.sensitiveWords:
      return { kind: 'sensitive_words', message };
    case refusalCodes.privacy:
      return { kind: 'privacy', message };
    case refusalCodes.regionMismatch:
      return { kind: 'region_mismatch', message };
    case refusalCodes.unavailable:
      return { kind: 'creator', reason: 'unavailable', message };
    default:
      // No TikTok code: the answer was an HTTP-level failure after retries (a 501, a bad response).
      if (remote === undefined && err.code !== 'REMOTE') return { kind: 'retry', message };
      return { kind: 'creator', reason: 'remote', message };
  }
}
