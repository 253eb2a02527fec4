import { lazy } from 'react';

/**
 * What the creators table does not draw with its first rows, in chunks of their own: the bulk bar (it brings
 * the outreach wizard with its date picker) and the creator detail (merge, notes, score override). They are
 * asked for once the first rows are in (`preloadCreatorParts`), so a tick or a click later finds them loaded;
 * the first rows do not wait for their code (`creators.table.firstRows.ms`, docs/creators.md).
 */
const loadBulkBar = () => import('./BulkBar');
const loadDetail = () => import('./CreatorDetailDialog');

export const LazyBulkBar = lazy(() => loadBulkBar().then((m) => ({ default: m.BulkBar })));
export const LazyCreatorDetailDialog = lazy(() =>
  loadDetail().then((m) => ({ default: m.CreatorDetailDialog })),
);

let preloaded = false;

/** Loads both parts' code in the background (once); a failure is left to the part's own load when shown. */
export function preloadCreatorParts(): void {
  if (preloaded) return;
  preloaded = true;
  void Promise.all([loadBulkBar(), loadDetail()]).catch(() => {
    preloaded = false;
  });
}
