import { z } from 'zod';
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

/**
 * Target collaborations: the ones still valid are re-read every sync with their per-creator detail,
 * because acceptance (showcase counts) changes without the collaboration's update time moving. Finished
 * ones are read once, on the first sync; one that was valid at the last sync and no longer is (expired or
 * cancelled since) is read one last time, with its final counts.
 */
export async function collaborationsJob(env: ShopJobEnv): Promise<JobResult> {
  const cursor = env.cursors.load(env.accountId, env.scope, env.resource, cursorSchema) ?? {
    completedDone: false,
  };
  const phases: CollaborationStatusFilter[] = cursor.completedDone ? ['VALID'] : ['VALID', 'COMPLETED'];
  const total = emptyResult();
  const seenValid = new Set<string>();
  for (const [i, status] of phases.entries()) {
    const last = i === phases.length - 1;
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
    const r = await pagedLoop<string, Page<CollaborationWithCreators>>(phaseEnv, '', {
      fetch: (pageToken) =>
        env.withToken(async (token) => {
          const ctx = env.api(token);
          const page = await searchCollaborations(ctx, { status, pageToken });
          const items: CollaborationWithCreators[] = [];
          for (const collaboration of page.items) {
            if (status === 'VALID') seenValid.add(collaboration.collaborationId);
            const creators =
              status === 'VALID' ? await collaborationCreators(ctx, collaboration.collaborationId) : null;
            items.push({ collaboration, creators });
          }
          return { ...page, items };
        }),
      next: (_, page) => page.nextPageToken || null,
      rows: (page) => page.items.length,
      total: (page) => page.totalCount,
      write: (page, _, next) => {
        const now = env.now();
        const counts = env.writers.collaborations.write(env.accountId, env.scope, page.items, now);
        if (next === null && last)
          env.cursors.save(env.accountId, env.scope, env.resource, { completedDone: true }, now);
        return counts;
      },
    });
    total.pages += r.pages;
    total.rows += r.rows;
    total.inserted += r.inserted;
    total.updated += r.updated;
    if (status === 'VALID') {
      const left = env.writers.collaborations
        .validIds(env.accountId, env.scope)
        .filter((id) => !seenValid.has(id));
      const counts = await rereadFinished(env, left);
      total.pages += counts.pages;
      total.rows += counts.rows;
      total.inserted += counts.inserted;
      total.updated += counts.updated;
    }
  }
  return total;
}

/** Reads each collaboration that left VALID once more, by id, as COMPLETED (or marks it removed). */
async function rereadFinished(env: ShopJobEnv, ids: readonly string[]): Promise<JobResult> {
  const result = emptyResult();
  for (const id of ids) {
    throwIfAborted(env.signal);
    const item = await env.withToken(async (token) => {
      const ctx = env.api(token);
      const page = await searchCollaborations(ctx, { status: 'COMPLETED', collaborationId: id });
      const collaboration = page.items.find((c) => c.collaborationId === id);
      return collaboration ? { collaboration, creators: await collaborationCreators(ctx, id) } : null;
    });
    const counts = env.db
      .transaction(() => {
        if (item) return env.writers.collaborations.write(env.accountId, env.scope, [item], env.now());
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
