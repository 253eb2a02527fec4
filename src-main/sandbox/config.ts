import { z } from 'zod';

/** A [min, max] span of seconds (max ≥ min), e.g. how long a creator takes to accept. */
const secondsSpan = z
  .tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])
  .refine(([min, max]) => max >= min, 'the second number (max) must not be below the first (min)');
const share = z.number().min(0).max(1);

/** Tunable behaviour. Defaults follow the docs; tests shrink them through the admin API to reach the edges. */
export const sandboxConfigSchema = z.object({
  /** Shop Open API: requests per second per API per app+shop (docs/tiktok-api/errors-and-limits.md). */
  shopQps: z.number().int().positive().default(50),
  /** API for Business: requests per second per app (default tier, docs/tiktok-api/ads.md). */
  adsQps: z.number().int().positive().default(10),
  /** Login Kit `/v2/user/info/`: requests per minute (docs/tiktok-api/login-kit.md). */
  loginUserInfoPerMinute: z.number().int().positive().default(600),
  /** Creator marketplace search and IM send, per app+shop per UTC day (45101004). */
  dailyQuota: z.number().int().positive().default(10_000),
  /** New creators a shop may contact per week, by shop index; null = unlimited (docs/tiktok-api/affiliate.md). */
  weeklyPool: z.array(z.number().int().nonnegative().nullable()).default([500, 50]),
  /** Results product search can page through before 12052180 (10,000; docs/tiktok-api/shop-conventions.md). */
  productSearchCap: z.number().int().positive().default(10_000),
  /**
   * The order Get Message in the Conversation serves, across pages and within each: TikTok's page does not
   * state it (docs/tiktok-api/affiliate.md), so tests can ask for oldest first to show the sync does not
   * rely on newest first.
   */
  messageOrder: z.enum(['newest_first', 'oldest_first']).default('newest_first'),
  /** Messages to one creator before they reply (docs/tiktok-api/affiliate.md). */
  messagesBeforeReply: z.number().int().positive().default(5),
  /**
   * What invited and messaged creators do (docs/sandbox.md "Behaviour over time"). Each is read when the
   * invitation or message is sent, so a change applies to what is sent afterwards. Outcomes are drawn from
   * the seed: the same seed and settings give the same creators accepting at the same times.
   * `acceptShare` null: by follower count (55% under 10k, 40% under 500k, 20% above).
   */
  acceptShare: share.nullable().default(null),
  acceptDelaySec: secondsSpan.default([3_600, 73 * 3_600]),
  /** Of the creators who accepted, the share who post content, and how long after accepting. */
  postShare: share.default(0.5),
  postDelaySec: secondsSpan.default([86_400, 6 * 86_400]),
  /** Affiliate orders each posting creator brings, [min, max], spread over `salesWithinSec` after the post. */
  salesPerPost: z
    .tuple([z.number().int().min(0).max(50), z.number().int().min(0).max(50)])
    .refine(([min, max]) => max >= min, 'the second number (max) must not be below the first (min)')
    .default([0, 4]),
  /** How long after the post those orders come (seconds). */
  salesWithinSec: z
    .number()
    .int()
    .positive()
    .default(14 * 86_400),
  /** Of the seller messages, the share a creator answers (once per round), and after how long. */
  replyShare: share.default(0.4),
  replyDelaySec: secondsSpan.default([600, 600 + 48 * 3_600]),
  shopAccessTtlSec: z
    .number()
    .int()
    .positive()
    .default(7 * 86_400),
  shopRefreshTtlSec: z
    .number()
    .int()
    .positive()
    .default(365 * 86_400),
  /** Newest Login Kit docs: 2 h access, 180 d refresh (docs/tiktok-api/login-kit.md). */
  loginAccessTtlSec: z.number().int().positive().default(7_200),
  loginRefreshTtlSec: z.number().int().positive().default(15_552_000),
  /** TikTok computes desktop PKCE as hex(sha256); RFC base64url is accepted only when this is on. */
  pkceAcceptBase64url: z.boolean().default(false),
  timestampPastSec: z.number().int().nonnegative().default(300),
  timestampFutureSec: z.number().int().nonnegative().default(30),
});

export type SandboxConfig = z.infer<typeof sandboxConfigSchema>;
export const sandboxConfigPatchSchema = sandboxConfigSchema.partial();
export type SandboxConfigPatch = z.infer<typeof sandboxConfigPatchSchema>;

/**
 * A patch changes only the keys it names. Parsing fills every absent key with its default (zod 4 applies
 * defaults inside `partial()`), which would quietly reset what an earlier patch or the start options set.
 */
export function onlyNamed(patch: SandboxConfigPatch, raw: unknown): SandboxConfigPatch {
  const named = raw !== null && typeof raw === 'object' ? Object.keys(raw) : [];
  return Object.fromEntries(Object.entries(patch).filter(([k]) => named.includes(k)));
}

export function defaultConfig(patch: SandboxConfigPatch = {}): SandboxConfig {
  return sandboxConfigSchema.parse(patch);
}
