import type { Database } from 'better-sqlite3';
import type { EventPayload } from '@shared/contract';
import type { Logger } from '../log/logger';
import type { Profile } from '../profile/profile';
import { RateLimiter } from '../tiktok/token-bucket';
import type { TokenSource } from '../tiktok/token-source';
import { OutreachQueue } from './queue';
import { lastContactedFacts, type OutreachCrm, pipelineMover } from './crm';
import type { OutreachLimits } from './plan';
import { OutreachService, type OutreachServiceDeps } from './service';
import { OutreachAlerts } from './alerts';

export interface OutreachDeps {
  db: Database;
  tokens: TokenSource;
  profile: Profile;
  logger: Logger;
  now: () => number;
  emit: (payload: EventPayload<'outreach:progress'>) => void;
  /** Outreach news (finished, quota pause and reset, repeated failures), once per occurrence. */
  alert?: (payload: EventPayload<'outreach:alert'>) => void;
  /** The creator CRM: its blocklist is obeyed, its pipeline and "last contacted" follow what was sent. */
  crm?: OutreachCrm;
  /** The shop's tier (weekly pool) and pace, as set in Settings. */
  limitsOf?: (shopId: string) => OutreachLimits;
  /** The merchant's sensitive-word warning list, as set in Outreach → Templates. */
  sensitiveWords?: () => readonly string[];
  /** Days in which a creator another Outreach contacted is skipped, as set in Settings → Outreach limits. */
  cooldownDays?: () => number;
  /** Creators whose stage or last contact changed (the Creators page refreshes them). */
  creatorsChanged?: (creatorIds: number[]) => void;
  /** The stored promotion links of a shop's products (`{{promotion_link}}` in templates). */
  promotionLinks?: OutreachServiceDeps['promotionLinks'];
}

/** TikTok's default limit is 50 requests per second per API per app+shop (docs/tiktok-api/errors-and-limits.md). */
const shopQps = 50;

/** Builds the outreach service and its queue; the caller starts the queue (`queue.start()`). */
export function createOutreach(deps: OutreachDeps): { service: OutreachService; queue: OutreachQueue } {
  const limiter = new RateLimiter(() => shopQps);
  let service: OutreachService | null = null;
  let alerts: OutreachAlerts | null = null;
  const crm = deps.crm;
  crm?.extensions.register('outreach', { facts: lastContactedFacts });
  const progress = (outreachId: number): void => {
    const o = service?.store.outreach(outreachId);
    if (!service || !o) return;
    const s = service.summary(o);
    deps.emit({ outreachId, status: s.status, counts: s.counts, total: s.total, etaAt: s.etaAt });
    for (const a of alerts?.observe(s, deps.now()) ?? []) deps.alert?.(a);
  };
  const queue = new OutreachQueue({
    db: deps.db,
    tokens: deps.tokens,
    app: {
      apiBase: deps.profile.shopApiBase,
      appKey: deps.profile.shop.appKey,
      appSecret: deps.profile.shop.appSecret,
    },
    now: deps.now,
    logger: deps.logger,
    onProgress: progress,
    bucket: (shopId, api) => limiter.bucket(`shop|${deps.profile.shop.appKey}|${shopId}|${api}`),
    ...(crm
      ? {
          blocklist: crm.blocklist,
          onSent: pipelineMover(crm, deps.db, deps.logger, deps.creatorsChanged),
        }
      : {}),
  });
  service = new OutreachService({
    db: deps.db,
    now: deps.now,
    queue,
    onProgress: progress,
    ...(deps.promotionLinks ? { promotionLinks: deps.promotionLinks } : {}),
    ...(deps.limitsOf ? { limitsOf: deps.limitsOf } : {}),
    ...(deps.sensitiveWords ? { sensitiveWords: deps.sensitiveWords } : {}),
    ...(deps.cooldownDays ? { cooldownDays: deps.cooldownDays } : {}),
    ...(crm ? { blocklist: crm.blocklist, selectionIds: (s) => crm.selectionIds(s) } : {}),
  });
  alerts = new OutreachAlerts(service.list({}));
  return { service, queue };
}
