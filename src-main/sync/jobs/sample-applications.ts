import { z } from 'zod';
import type { Page, ShopDataContext } from '../../tiktok/shop/data-call';
import {
  openSampleStatuses,
  type SampleApplication,
  type SampleApplicationStatus,
  type SampleSearchQuery,
  searchSampleApplications,
  searchSampleFulfillments,
} from '../../tiktok/shop/sample-applications';
import { DAY_MS } from '../../core/time';
import { emptyResult, type JobResult, pagedLoop, throwIfAborted } from '../job';
import type { SampleWithContent } from '../store/sample-applications';
import type { ShopJobEnv } from './env';

const cursorSchema = z.object({ fullScanAt: z.number().int() });

/** A full pass catches applications that opened and closed between two syncs (withdrawn within hours). */
const FULL_SCAN_EVERY_MS = DAY_MS;

/**
 * Free-sample applications. The search has no update-time filter, so a pass reads by status: every
 * application still open (PENDING → CONTENT_PENDING) each sync, and all of them once a day. An application
 * stored as open that no open-status search returns any more has moved on: it is looked up once by its
 * creator and product to learn its final status. The creator's posts are read with the page that shows
 * them, so a page and its content are written in one transaction.
 */
export async function sampleApplicationsJob(env: ShopJobEnv): Promise<JobResult> {
  const cursor = env.cursors.load(env.accountId, env.scope, env.resource, cursorSchema);
  const full = cursor === null || env.now() - cursor.fullScanAt >= FULL_SCAN_EVERY_MS;
  const passes: Array<SampleApplicationStatus | null> = full ? [null] : [...openSampleStatuses];
  const total = emptyResult();
  const seen = new Set<string>();
  const started = env.now();
  for (const [i, status] of passes.entries()) {
    const last = i === passes.length - 1;
    const base = { ...total };
    const passEnv: ShopJobEnv = {
      ...env,
      progress: (p) =>
        env.progress({
          pages: base.pages + p.pages,
          rows: base.rows + p.rows,
          inserted: base.inserted + p.inserted,
          updated: base.updated + p.updated,
          total: status === null ? p.total : null,
        }),
    };
    const r = await pagedLoop<string, Page<SampleWithContent>>(passEnv, '', {
      fetch: (pageToken) =>
        env.withToken(async (token) => {
          const ctx = env.api(token);
          const page = await searchSampleApplications(ctx, { pageToken, ...(status ? { status } : {}) });
          return { ...page, items: await withContent(env, ctx, page.items) };
        }),
      next: (_, page) => page.nextPageToken || null,
      rows: (page) => page.items.length,
      rejected: (page) => page.rejected,
      total: (page) => page.totalCount,
      write: (page, _, next) => {
        for (const item of page.items) seen.add(item.application.applicationId);
        const counts = env.writers.sampleApplications.write(env.accountId, env.scope, page.items, env.now());
        if (next === null && last && full)
          env.cursors.save(env.accountId, env.scope, env.resource, { fullScanAt: started }, env.now());
        return counts;
      },
    });
    total.pages += r.pages;
    total.rows += r.rows;
    total.inserted += r.inserted;
    total.updated += r.updated;
  }
  const left = env.writers.sampleApplications
    .openApplications(env.accountId, env.scope)
    .filter((a) => !seen.has(a.applicationId));
  const more = await rereadMovedOn(env, left);
  total.pages += more.pages;
  total.rows += more.rows;
  total.inserted += more.inserted;
  total.updated += more.updated;
  return total;
}

async function withContent(
  env: ShopJobEnv,
  ctx: ShopDataContext,
  items: readonly SampleApplication[],
): Promise<SampleWithContent[]> {
  const out: SampleWithContent[] = [];
  for (const application of items) {
    const contents = env.writers.sampleApplications.needsContent(application)
      ? await searchSampleFulfillments(ctx, application.applicationId)
      : null;
    out.push({ application, contents });
  }
  return out;
}

/** Looks up, by creator and product, each application that left the open statuses since the last sync. */
async function rereadMovedOn(
  env: ShopJobEnv,
  apps: ReadonlyArray<{ applicationId: string; creatorOpenId: string | null; productId: string | null }>,
): Promise<JobResult> {
  const result = emptyResult();
  for (const app of apps) {
    throwIfAborted(env.signal);
    if (!app.creatorOpenId && !app.productId) continue;
    const query: SampleSearchQuery = {
      ...(app.creatorOpenId ? { creatorOpenId: app.creatorOpenId } : {}),
      ...(app.productId ? { productId: app.productId } : {}),
    };
    const found = await env.withToken(async (token) => {
      const ctx = env.api(token);
      let pageToken = '';
      for (;;) {
        const page = await searchSampleApplications(ctx, { ...query, pageToken });
        if (page.rejected.length > 0) env.quarantine(page.rejected);
        const hit = page.items.find((x) => x.applicationId === app.applicationId);
        if (hit) return (await withContent(env, ctx, [hit]))[0] ?? null;
        if (!page.nextPageToken) return null;
        pageToken = page.nextPageToken;
      }
    });
    result.pages += 1;
    if (!found) continue;
    const counts = env.db
      .transaction(() => env.writers.sampleApplications.write(env.accountId, env.scope, [found], env.now()))
      .immediate();
    result.rows += 1;
    result.inserted += counts.inserted;
    result.updated += counts.updated;
  }
  return result;
}
