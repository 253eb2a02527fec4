import { z } from 'zod';
import { type AdPage, getAdGroups, getAds, getAdCampaigns } from '../../tiktok/ads/ad-entities';
import type { AdsDataContext } from '../../tiktok/ads/data-call';
import { getAdReportDays } from '../../tiktok/ads/reports';
import { type Counts, type JobResult, pagedLoop } from '../job';
import { addDays, dayStartMs, DAY_MS, utcDay } from '../../core/time';
import type { AdsJobEnv } from './env';

/**
 * Ad entities are few (hundreds), so every sync re-lists them, page by page; unchanged rows cost nothing.
 */
function entityJob<T>(
  env: AdsJobEnv,
  fetch: (ctx: AdsDataContext, page: number) => Promise<AdPage<T>>,
  write: (items: readonly T[], now: number) => Counts,
): Promise<JobResult> {
  return pagedLoop<number, AdPage<T>>(env, 1, {
    fetch: (page) => env.withToken((token) => fetch(env.api(token), page)),
    next: (page, data) => (page < data.totalPages ? page + 1 : null),
    rows: (data) => data.items.length,
    total: (data) => data.totalNumber,
    rejected: (data) => data.rejected,
    write: (data, _, next) => {
      const now = env.now();
      const counts = write(data.items, now);
      if (next === null) env.cursors.save(env.accountId, env.scope, env.resource, { lastRunAt: now }, now);
      return counts;
    },
  });
}

export const adCampaignsJob = (env: AdsJobEnv): Promise<JobResult> =>
  entityJob(env, getAdCampaigns, (items, now) =>
    env.writers.adEntities.campaigns(env.accountId, env.scope, env.advertiser.currency, items, now),
  );

export const adGroupsJob = (env: AdsJobEnv): Promise<JobResult> =>
  entityJob(env, getAdGroups, (items, now) =>
    env.writers.adEntities.adGroups(env.accountId, env.scope, env.advertiser.currency, items, now),
  );

export const adsJob = (env: AdsJobEnv): Promise<JobResult> =>
  entityJob(env, getAds, (items, now) => env.writers.adEntities.ads(env.accountId, env.scope, items, now));

const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const windowSchema = z.object({
  from: daySchema,
  to: daySchema,
  windowStart: daySchema,
  page: z.number().int().min(1),
});
const reportCursorSchema = z.object({ highDay: daySchema.nullable(), pass: windowSchema.nullable() });
type ReportWindow = z.infer<typeof windowSchema>;

/** TikTok's longest date range for a report by stat_time_day. */
const MAX_WINDOW_DAYS = 30;

/** Today's date in the advertiser's time zone (report dates are the advertiser's calendar days). */
export function advertiserToday(nowMs: number, timezone: string | null): string {
  if (timezone) {
    try {
      return new Intl.DateTimeFormat('en-CA', {
        timeZone: timezone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }).format(nowMs);
    } catch {
      // An unknown zone name: fall back to UTC rather than fail the sync.
    }
  }
  return utcDay(nowMs);
}

function windowEnd(w: ReportWindow): string {
  const end = addDays(w.windowStart, MAX_WINDOW_DAYS - 1);
  return end < w.to ? end : w.to;
}

/**
 * Daily ad metrics at ad level, in 30-day windows. Each sync re-reads the last few days already stored,
 * because TikTok's figures settle late; the cursor records window and page so a cancel resumes mid-range.
 */
export function adReportDaysJob(env: AdsJobEnv): Promise<JobResult> {
  const cursor = env.cursors.load(env.accountId, env.scope, env.resource, reportCursorSchema) ?? {
    highDay: null,
    pass: null,
  };
  const today = advertiserToday(env.now(), env.advertiser.timezone);
  const from =
    cursor.highDay !== null
      ? addDays(cursor.highDay, -(env.options.adReportRereadDays - 1))
      : utcDay(dayStartMs(today) - (env.options.adReportLookbackDays - 1) * DAY_MS);
  const start: ReportWindow = cursor.pass ?? { from, to: today, windowStart: from, page: 1 };
  return pagedLoop<ReportWindow, Awaited<ReturnType<typeof getAdReportDays>>>(env, start, {
    fetch: (w) =>
      env.withToken((token) =>
        getAdReportDays(env.api(token), { startDay: w.windowStart, endDay: windowEnd(w), page: w.page }),
      ),
    next: (w, data) => {
      if (w.page < data.totalPages) return { ...w, page: w.page + 1 };
      const end = windowEnd(w);
      return end < w.to ? { ...w, windowStart: addDays(end, 1), page: 1 } : null;
    },
    rows: (data) => data.items.length,
    rejected: (data) => data.rejected,
    write: (data, w, next) => {
      const now = env.now();
      const counts = env.writers.adReports.write(
        env.accountId,
        env.scope,
        env.advertiser.currency,
        data.items,
        now,
      );
      env.cursors.save(
        env.accountId,
        env.scope,
        env.resource,
        next ? { highDay: cursor.highDay, pass: next } : { highDay: w.to, pass: null },
        now,
      );
      return counts;
    },
  });
}
