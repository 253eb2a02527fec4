import { z } from 'zod';

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
  /** Messages to one creator before they reply (docs/tiktok-api/affiliate.md). */
  messagesBeforeReply: z.number().int().positive().default(5),
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

export function defaultConfig(patch: SandboxConfigPatch = {}): SandboxConfig {
  return sandboxConfigSchema.parse(patch);
}
