/**
 * Run by sigkill.test.ts with `npx tsx`: syncs orders of the test shop Account into the given database,
 * printing one line per committed page so the parent knows when to kill it mid-sync.
 * argv[2] is JSON: { dbFile, profile, accountId, accessToken }.
 */
import { z } from 'zod';
import { openDatabase } from '../../../src-main/db/connection';
import { silentLogger } from '../../../src-main/log/logger';
import { profileSchema } from '../../../src-main/profile/profile';
import { createSyncService } from '../../../src-main/sync/service';

const args = z
  .object({ dbFile: z.string(), profile: profileSchema, accountId: z.string(), accessToken: z.string() })
  .parse(JSON.parse(process.argv[2] ?? '{}'));
process.stdout.write(`PID ${process.pid}\n`);
const db = openDatabase(args.dbFile);
const service = createSyncService({
  db,
  profile: args.profile,
  logger: silentLogger(),
  tokenSource: {
    accessToken: async () => args.accessToken,
    reportAuthFailure: async () => {
      throw new Error('unexpected auth failure in child');
    },
  },
  limits: { shopQps: 1000 },
  emit: (event, payload) => {
    if (event === 'sync:progress') process.stdout.write(`${JSON.stringify(payload)}\n`);
  },
});
const r = await service.run({ accountId: args.accountId, resources: ['orders'] });
await service.whenIdle(r.started);
process.stdout.write('DONE\n');
db.close();
