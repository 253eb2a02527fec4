/**
 * A ShopMesh main process reduced to its catalogue write queue, run with `npx tsx` by the kill tests and
 * the `catalogue.write.duplicates` bench: it opens the database, optionally submits a price change, works
 * through the queue (resuming whatever an earlier, killed process left), and prints one line per event so
 * the parent knows when to kill it. argv[2] is JSON: { dbFile, profile, accessToken, items?, reconcileDelayMs }.
 */
import { z } from 'zod';
import { ActivityLog } from '../../src-main/activity/activity-log';
import { createCatalogue } from '../../src-main/catalogue/catalogue';
import { openDatabase } from '../../src-main/db/connection';
import { silentLogger } from '../../src-main/log/logger';
import { profileSchema } from '../../src-main/profile/profile';

const args = z
  .object({
    dbFile: z.string(),
    profile: profileSchema,
    accessToken: z.string(),
    items: z.array(z.object({ skuId: z.string(), price: z.string() })).optional(),
    reconcileDelayMs: z.number().int().nonnegative().default(500),
  })
  .parse(JSON.parse(process.argv[2] ?? '{}'));
process.stdout.write(`PID ${process.pid}\n`);
const db = openDatabase(args.dbFile);
const catalogue = createCatalogue({
  db,
  activity: new ActivityLog(db, Date.now),
  now: Date.now,
  logger: silentLogger(),
  profile: args.profile,
  tokens: {
    accessToken: async () => args.accessToken,
    reportAuthFailure: async () => {
      throw new Error('unexpected auth failure in child');
    },
  },
  isOnline: async () => true,
  emitChange: (change) =>
    process.stdout.write(`${JSON.stringify({ id: change.id, counts: change.counts })}\n`),
  queue: { reconcileDelayMs: args.reconcileDelayMs, retryUnknownMs: 200 },
});
if (args.items) await catalogue.edits.updatePrices({ items: args.items });
// Until nothing is open: lost answers wait for their read-back, which the queue retries on its own.
for (;;) {
  await catalogue.queue.kick();
  const open = db
    .prepare(`SELECT COUNT(*) FROM catalogue_writes WHERE state IN ('queued', 'sending', 'unknown')`)
    .pluck()
    .get() as number;
  if (open === 0) break;
  await new Promise((r) => setTimeout(r, 100));
}
process.stdout.write('DONE\n');
await catalogue.close();
db.close();
