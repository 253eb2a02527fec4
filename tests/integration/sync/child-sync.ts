/**
 * Run by resume.test.ts with `npx tsx`: syncs orders of the test shop Account into the given database,
 * printing one line per committed page so the parent knows when to kill it mid-sync.
 * argv[2] is JSON: { dbFile, profile, accountId, accessToken, killAtLine? }.
 *
 * With `killAtLine` the process SIGKILLs itself while SQLite inserts the n-th order line: inside a page's
 * write transaction, in the middle of a statement, which no kill sent from outside can aim at (the parent
 * reads a progress line only after the page committed). A TEMP trigger calls back into this process, so the
 * database the product uses is unchanged. It prints `KILL <n> <inTransaction>` just before.
 */
import { writeSync } from 'node:fs';
import { z } from 'zod';
import { openDatabase } from '../../../src-main/db/connection';
import { silentLogger } from '../../../src-main/log/logger';
import { profileSchema } from '../../../src-main/profile/profile';
import { createSyncService } from '../../../src-main/sync/service';

const args = z
  .object({
    dbFile: z.string(),
    profile: profileSchema,
    accountId: z.string(),
    accessToken: z.string(),
    killAtLine: z.number().int().positive().optional(),
  })
  .parse(JSON.parse(process.argv[2] ?? '{}'));
process.stdout.write(`PID ${process.pid}\n`);
const db = openDatabase(args.dbFile);
if (args.killAtLine !== undefined) {
  const killAt = args.killAtLine;
  let lines = 0;
  db.function('sigkill_at_line', () => {
    if (++lines === killAt) {
      writeSync(1, `KILL ${lines} ${db.inTransaction}\n`);
      process.kill(process.pid, 'SIGKILL');
    }
    return null;
  });
  db.exec(
    'CREATE TEMP TRIGGER sigkill_at_line AFTER INSERT ON main.order_lines BEGIN SELECT sigkill_at_line(); END',
  );
}
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
