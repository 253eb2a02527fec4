import { z } from 'zod';

export const families = ['shop-auth', 'shop-api', 'ads', 'login'] as const;
export type Family = (typeof families)[number];

/**
 * Fault injection knobs. "Every Nth" counts only requests the fault applies to (matching family and path
 * filter), so a test can say "the 3rd order search fails" and know exactly which call that is.
 */
export const faultConfigSchema = z.object({
  rateLimitEveryN: z.number().int().positive().optional(),
  serverErrorEveryN: z.number().int().positive().optional(),
  malformedJsonEveryN: z.number().int().positive().optional(),
  dropConnectionEveryN: z.number().int().positive().optional(),
  /** HTTP 501 with the family's error body: a permanent refusal, which clients must not retry. */
  notImplementedEveryN: z.number().int().positive().optional(),
  /** The request is carried out (a write is committed), then the socket is destroyed with no answer. */
  commitThenDropEveryN: z.number().int().positive().optional(),
  /** The request is carried out (a write is committed), then answered as a server error (HTTP 500). */
  commitThenServerErrorEveryN: z.number().int().positive().optional(),
  /** The request is carried out, then a gateway answers HTTP 504 with an HTML page (TikTok's answer is lost). */
  commitThenGatewayTimeoutEveryN: z.number().int().positive().optional(),
  latencyMs: z.number().int().nonnegative().max(60_000).optional(),
  families: z.array(z.enum(families)).optional(),
  /** Only requests whose path (below the family prefix) contains this string. */
  pathContains: z.string().optional(),
});
export type FaultConfig = z.infer<typeof faultConfigSchema>;

export type FaultAction =
  | 'rateLimit'
  | 'serverError'
  | 'notImplemented'
  | 'malformedJson'
  | 'drop'
  | 'commitThenDrop'
  | 'commitThenServerError'
  | 'commitThenGatewayTimeout';

export class Faults {
  private config: FaultConfig = {};
  private matched = 0;
  readonly injected: Record<FaultAction, number> = {
    rateLimit: 0,
    serverError: 0,
    notImplemented: 0,
    malformedJson: 0,
    drop: 0,
    commitThenDrop: 0,
    commitThenServerError: 0,
    commitThenGatewayTimeout: 0,
  };

  set(config: FaultConfig): void {
    this.config = config;
    this.matched = 0;
  }

  get(): FaultConfig & { matched: number; injected: Record<FaultAction, number> } {
    return { ...this.config, matched: this.matched, injected: { ...this.injected } };
  }

  clear(): void {
    this.set({});
  }

  /** Decides the fate of one request; latency applies on top of any action. */
  decide(family: Family, path: string): { latencyMs: number; action: FaultAction | null } {
    const c = this.config;
    if (c.families && !c.families.includes(family)) return { latencyMs: 0, action: null };
    if (c.pathContains !== undefined && !path.includes(c.pathContains)) return { latencyMs: 0, action: null };
    const n = ++this.matched;
    const every = (k: number | undefined): boolean => k !== undefined && n % k === 0;
    let action: FaultAction | null = null;
    if (every(c.dropConnectionEveryN)) action = 'drop';
    else if (every(c.commitThenDropEveryN)) action = 'commitThenDrop';
    else if (every(c.commitThenServerErrorEveryN)) action = 'commitThenServerError';
    else if (every(c.commitThenGatewayTimeoutEveryN)) action = 'commitThenGatewayTimeout';
    else if (every(c.notImplementedEveryN)) action = 'notImplemented';
    else if (every(c.rateLimitEveryN)) action = 'rateLimit';
    else if (every(c.serverErrorEveryN)) action = 'serverError';
    else if (every(c.malformedJsonEveryN)) action = 'malformedJson';
    if (action) this.injected[action] += 1;
    return { latencyMs: c.latencyMs ?? 0, action };
  }
}
