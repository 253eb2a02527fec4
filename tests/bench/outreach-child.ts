/**
 * Run by outreach.bench.ts (the chaos run): drains the outreach queue of the given database against the
 * sandbox, as the app's main process would, printing one line per Delivery change so the parent can kill
 * it at any moment. argv[2] is JSON: { dbFile, app, accessToken }.
 */
import { z } from 'zod';
import { openDatabase } from '../../src-main/db/connection';
import { silentLogger } from '../../src-main/log/logger';
import { OutreachQueue } from '../../src-main/outreach/queue';

const args = z
  .object({
    dbFile: z.string(),
    app: z.object({ apiBase: z.string(), appKey: z.string(), appSecret: z.string() }),
    accessToken: z.string(),
  })
  .parse(JSON.parse(process.argv[2] ?? '{}'));
process.stdout.write(`PID ${process.pid}\n`);
const db = openDatabase(args.dbFile);
const queue = new OutreachQueue({
  db,
  tokens: {
    accessToken: async () => args.accessToken,
    reportAuthFailure: async () => {
      throw new Error('unexpected auth failure in the chaos child');
    },
  },
  app: args.app,
  now: () => Date.now(),
  logger: silentLogger(),
  onProgress: (id) => process.stdout.write(`P ${id}\n`),
});
queue.recover();
await queue.drain();
process.stdout.write('DONE\n');
db.close();
