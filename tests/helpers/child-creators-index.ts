/**
 * A ShopMesh main process reduced to the creator index upkeep, run with `npx tsx` by the rebuild kill test:
 * it opens the database and re-indexes what is stale with a full rebuild, in batches of 250, printing one
 * `PROGRESS <json>` line after each batch; after the first batch it waits (blocked, as if busy) for the
 * parent, which kills it there. argv[2] is the database file.
 */
import { readSync } from 'node:fs';
import { CreatorsWorker } from '../../src-main/creators/worker';
import { openDatabase } from '../../src-main/db/connection';
import { silentLogger } from '../../src-main/log/logger';
import { quietCrm } from './quiet-crm';

const dbFile = process.argv[2];
if (!dbFile) throw new Error('usage: child-creators-index.ts <database file>');
const db = openDatabase(dbFile);
const now = Date.now();
const crm = quietCrm(db, now);
const worker = new CreatorsWorker({
  db,
  indexer: crm.indexer,
  rules: crm.rules,
  events: {
    scoreProgress: (p) => {
      process.stdout.write(`PROGRESS ${JSON.stringify(p)}\n`);
      // Mid-rebuild: some Creators are in the staging table, the swap has not happened. Wait to be killed.
      if (p.state === 'running' && p.done > 0) readSync(0, Buffer.alloc(1));
    },
    changed: () => {},
  },
  logger: silentLogger(),
  now: () => now,
  indexSliceMs: 0,
  progressEveryMs: 0,
  fullRebuildFrom: 1,
});
await worker.kick('startup');
process.stdout.write('DONE\n');
db.close();
