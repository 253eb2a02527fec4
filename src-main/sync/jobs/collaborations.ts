import { z } from 'zod';
import type { RejectedRecord } from '../../tiktok/records';
import {
  collaborationCreators,
  type CollaborationStatusFilter,
  searchCollaborations,
} from '../../tiktok/shop/collaborations';
import type { Page } from '../../tiktok/shop/data-call';
import { emptyResult, type JobResult, pagedLoop, throwIfAborted } from '../job';
import type { CollaborationWithCreators } from '../store/collaborations';
import type { ShopJobEnv } from './env';

const cursorSchema = z.object({ completedDone: z.boolean() });

/** Filters whose collaborations are still running: re-read every sync, with their per-creator detail. */
const activeFilters: readonly CollaborationStatusFilter[] = ['VALID', 'CANCELING'];

/**
 * Target collaborations. TikTok's search filters by status and returns none: VALID (ongoing + expiring),
 * CANCELING (removed by the seller, winding down) and COMPLETED are separate queries, so each is asked
 * for (docs/tiktok-api/affiliate.md). The running ones (VALID, CANCELING) are re-read every sync with
 * their per-creator detail, because acceptance changes without the collaboration's update time moving.
 * Finished ones are read once, on the first sync; one that was running at the last sync and is in neither
 * running list now (completed since) is read one last time by id, with its final counts.
 */
export async function collaborationsJob(env: ShopJobEnv): Promise<JobResult> {
  const cursor = env.cursors.load(env.accountId, env.scope, env.resource, cursorSchema) ?? {
    completedDone: false,
  };
  const phases: CollaborationStatusFilter[] = cursor.completedDone
    ? [...activeFilters]
    : [...activeFilters, 'COMPLETED'];
  const total = emptyResult();
  const seenActive = new Set<string>();
  const add = (r: JobResult): void => {
    total.pages += r.pages;
    total.rows += r.rows;
    total.inserted += r.inserted;
    total.updated += r.updated;
  };
  for (const [i, status] of phases.entries()) {
    const last = i === phases.length - 1;
    const active = activeFilters.includes(status);
    // Progress across phases is cumulative, like a single loop's.
    const base = { ...total };
    const phaseEnv: ShopJobEnv = {
      ...env,
      progress: (p) =>
        env.progress({
          pages: base.pages + p.pages,
          rows: base.rows + p.rows,
          inserted: base.inserted + p.inserted,
          updated: base.updated + p.updated,
          total: null,
        }),
    };
    add(
      await pagedLoop<string, Page<CollaborationWithCreators>>(phaseEnv, '', {
        fetch: (pageToken) =>
          env.withToken(async (token) => {
            const ctx = env.api(token);
            const page = await searchCollaborations(ctx, { status, pageToken });
            const items: CollaborationWithCreators[] = [];
            const rejected: RejectedRecord[] = [...page.rejected];
            for (const collaboration of page.items) {
              if (active) seenActive.add(collaboration.collaborationId);
              let creators = null;
              let productIds = null;
              if (active) {
                const detail = await collaborationCreators(ctx, collaboration.collaborationId);
                creators = detail.creators;
                productIds = detail.productIds;
                rejected.push(...detail.rejected);
              }
              items.push({ collaboration, creators, productIds });
            }
            return { ...page, items, rejected };
          }),
        next: (_, page) => page.nextPageToken || null,
        rows: (page) => page.items.length,
        total: (page) => page.totalCount,
        rejected: (page) => page.rejected,
        write: (page, _, next) => {
          const now = env.now();
          const counts = env.writers.collaborations.write(env.accountId, env.scope, page.items, now);
          if (next === null && last)
            env.cursors.save(env.accountId, env.scope, env.resource, { completedDone: true }, now);
          return counts;
        },
      }),
    );
    if (status === activeFilters.at(-1)) {
      const left = env.writers.collaborations
        .activeIds(env.accountId, env.scope)
        .filter((id) => !seenActive.has(id));
      add(await rereadFinished(env, left));
    }
  }
  return total;
}

/** Reads each collaboration that stopped running once more, by id, as COMPLETED (or marks it removed). */
async function rereadFinished(env: ShopJobEnv, ids: readonly string[]): Promise<JobResult> {
  const result = emptyResult();
  for (const id of ids) {
    throwIfAborted(env.signal);
    const found = await env.withToken(async (token) => {
      const ctx = env.api(token);
      const page = await searchCollaborations(ctx, { status: 'COMPLETED', collaborationId: id });
      const collaboration = page.items.find((c) => c.collaborationId === id);
      if (!collaboration) return { item: null, rejected: page.rejected };
      const detail = await collaborationCreators(ctx, id);
      return {
        item: { collaboration, creators: detail.creators, productIds: detail.productIds },
        rejected: [...page.rejected, ...detail.rejected],
      };
    });
    const counts = env.db
      .transaction(() => {
        if (found.rejected.length > 0) env.quarantine(found.rejected);
        if (found.item)
          return env.writers.collaborations.write(env.accountId, env.scope, [found.item], env.now());
        env.writers.collaborations.markRemoved(id);
        return { inserted: 0, updated: 1 };
      })
      .immediate();
    result.pages += 1;
    result.rows += 1;
    result.inserted += counts.inserted;
    result.updated += counts.updated;
  }
  return result;
}
