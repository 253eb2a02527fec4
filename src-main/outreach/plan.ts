import type { DeliveryReason, OutreachInput, OutreachPlan, TemplateProblem } from '@shared/outreach';
import { nextOpen, nextWeeklyReset, weekStart } from './calendar';

/**
 * The dry run shown before anything is sent (docs/outreach.md, "Plan"): who is skipped and why, who is
 * exempt from the weekly pool (already connected), who fits in this week's pool and who waits for the next
 * reset (Sunday 12:00 GMT-8). Creators keep the order they were given in (the CRM gives best-scored first).
 */

const WEEK = 7 * 86_400_000;

/** A creator as the plan and the queue see it (from the CRM's creators table). */
export interface AudienceCreator {
  id: number;
  openId: string | null;
  handle: string | null;
  nickname: string | null;
  region: string | null;
}

/**
 * Why a creator is not contacted (`leftOut` null), or why one action of a `both` Outreach is left out for
 * them while the other still goes.
 */
export interface CreatorSkip {
  reason: DeliveryReason;
  leftOut: 'invite' | 'message' | null;
}

export interface OutreachLimits {
  weeklyPool: number | null;
  ratePerMinute: number;
}

export interface PlanInput {
  now: number;
  input: OutreachInput;
  creators: AudienceCreator[];
  zone: string;
  /** The pool and pace this Outreach runs with (the input's, else the shop's from Settings). */
  limits: OutreachLimits;
  skip: (c: AudienceCreator) => CreatorSkip | null;
  /** Why contacting this creator costs nothing from the pool; null: it costs one. */
  exempt: (c: AudienceCreator) => 'connected' | 'counted' | null;
  poolUsed: number;
  poolExhausted: boolean;
  cooldownDays: number;
  problems: TemplateProblem[];
  /** When a blocklisted creator was blocked (the CRM's entry). */
  blockedAt?: (c: AudienceCreator) => number | null;
}

export function buildPlan(p: PlanInput): OutreachPlan {
  const { input, now } = p;
  const start = Math.max(now, input.startAt ?? 0);
  const reset = nextWeeklyReset(start);
  const size = p.limits.weeklyPool;
  let left = p.poolExhausted ? 0 : size === null ? Number.POSITIVE_INFINITY : Math.max(0, size - p.poolUsed);
  // Requests per creator: invitations go 50 to a request, messages one each.
  const perCreator =
    (input.action === 'message' ? 1 : 0) +
    (input.action === 'invite' ? 1 / 50 : 0) +
    (input.action === 'both' ? 1 + 1 / 50 : 0);
  const interval = (60_000 / p.limits.ratePerMinute) * perCreator;
  let sendIndex = 0;
  let waiting = 0;
  const due = (): number => nextOpen(start + Math.floor(sendIndex++ * interval), input.window, p.zone);
  const counts = { thisWeek: 0, nextWeek: 0, exempt: 0, skipped: 0 };
  const rows: OutreachPlan['rows'] = p.creators.map((c) => {
    const skip = p.skip(c);
    const partly = skip?.leftOut ? { reason: skip.reason, leftOut: skip.leftOut } : null;
    if (skip && !skip.leftOut) {
      const reason = skip.reason;
      counts.skipped++;
      const blockedAt = reason === 'blocklisted' ? (p.blockedAt?.(c) ?? null) : null;
      return {
        creatorId: c.id,
        handle: c.handle,
        outcome: 'skipped',
        reason,
        leftOut: null,
        dueAt: null,
        blockedAt,
        exemptBecause: null,
      };
    }
    const exemptBecause = p.exempt(c);
    if (exemptBecause) {
      counts.exempt++;
      return {
        creatorId: c.id,
        handle: c.handle,
        outcome: 'exempt',
        reason: partly?.reason ?? null,
        leftOut: partly?.leftOut ?? null,
        dueAt: due(),
        blockedAt: null,
        exemptBecause,
      };
    }
    if (left > 0) {
      left--;
      counts.thisWeek++;
      return {
        creatorId: c.id,
        handle: c.handle,
        outcome: 'this_week',
        reason: partly?.reason ?? null,
        leftOut: partly?.leftOut ?? null,
        dueAt: due(),
        blockedAt: null,
        exemptBecause: null,
      };
    }
    counts.nextWeek++;
    // Weeks after next when the pool is smaller than the queue.
    const weeksAhead = size === null || size === 0 ? 0 : Math.floor(waiting++ / size);
    const opens = reset + weeksAhead * WEEK;
    return {
      creatorId: c.id,
      handle: c.handle,
      outcome: 'next_week',
      reason: partly?.reason ?? null,
      leftOut: partly?.leftOut ?? null,
      dueAt: nextOpen(opens, input.window, p.zone),
      blockedAt: null,
      exemptBecause: null,
    };
  });
  return {
    weekStart: weekStart(start),
    nextReset: reset,
    poolSize: size,
    ratePerMinute: p.limits.ratePerMinute,
    cooldownDays: p.cooldownDays,
    poolUsed: p.poolUsed,
    counts,
    rows,
    problems: p.problems,
  };
}
