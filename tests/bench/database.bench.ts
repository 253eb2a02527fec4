import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../src-main/db/connection';
import { makeTempDir } from '../helpers/tmp';
import { percentile, type Report } from './report';

/** Start-up cost of the database: a first run (create + every migration) and a later run (open only). */
export async function benchDatabase(report: Report): Promise<void> {
  const fresh: number[] = [];
  const reopen: number[] = [];
  for (let i = 0; i < 20; i++) {
    const { dir, cleanup } = makeTempDir('shopmesh-bench-');
    const file = join(dir, 'shopmesh.db');
    let t = performance.now();
    openDatabase(file).close();
    fresh.push(performance.now() - t);
    t = performance.now();
    openDatabase(file).close();
    reopen.push(performance.now() - t);
    cleanup();
  }
  fresh.sort((a, b) => a - b);
  reopen.sort((a, b) => a - b);
  report('db_open_and_migrate_fresh_p50', percentile(fresh, 50), 'ms');
  report('db_open_existing_p50', percentile(reopen, 50), 'ms');
}
