import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../src-main/db/connection';
import { buildWorld } from '../helpers/creator-world';
import { quietCrm } from '../helpers/quiet-crm';
import { makeTempDir } from '../helpers/tmp';
import { reportFirstRows } from './first-rows';
import type { Report } from './report';

/**
 * `npm run bench creators-first-rows`: only `creators.table.firstRows.ms` and its steps, over the same 200k
 * world as `creators` but without its search, deep-page and recompute runs (minutes less per measure while
 * working on the page's start-up). BENCH_FIRST_ROWS_TRACE=<file> also saves a Chromium performance trace of one
 * more load (open it in chrome://tracing or Perfetto): where the main thread's time goes up to the rows painted.
 */
export async function benchCreatorsFirstRows(
  report: Report,
  size = Number(process.env.BENCH_CREATORS ?? 200_000),
): Promise<void> {
  const tmp = makeTempDir();
  try {
    const now = Date.UTC(2026, 5, 1);
    const db = openDatabase(join(tmp.dir, 'shopmesh.db'));
    const crm = quietCrm(db, now);
    buildWorld(db, size, 2026, now);
    await crm.worker.kick('startup');
    await crm.worker.idle();
    await crm.close();
    db.close();
    const trace = process.env.BENCH_FIRST_ROWS_TRACE;
    await reportFirstRows(tmp.dir, report, {
      build: true,
      validate: false,
      ...(trace ? { trace: (json) => writeFileSync(trace, json) } : {}),
    });
  } finally {
    tmp.cleanup();
  }
}
