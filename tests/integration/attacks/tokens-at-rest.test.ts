import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, expect, it } from 'vitest';
import type { BackupInfo, ExportResult } from '../../../src-shared/privacy';
import { secretKinds, secretOwner } from '../../../src-main/accounts/types';
import { connectThrough, makeAccountsApp, type AccountsTestApp } from '../../helpers/accounts';
import { tsSyncWorker } from '../../helpers/sync-worker';
import { makeTempDir } from '../../helpers/tmp';

/**
 * After a sync (run in the sync worker, which asks the app's thread for each access token), a backup, an
 * export and a token refresh, no access or refresh token appears in plaintext anywhere in the data folder —
 * the database, its WAL, the logs at debug level, the settings, the backups, the files inside the export zip —
 * nor in an IPC reply or an event (issue 15 item 7). Tokens are searched for as raw bytes, in UTF-16 and
 * base64 too, so a copy in another encoding is caught.
 */

const tmp = makeTempDir();
let t: AccountsTestApp | undefined;
const previousLevel = process.env.SHOPMESH_LOG_LEVEL;
afterAll(async () => {
  await t?.cleanup();
  tmp.cleanup();
  if (previousLevel === undefined) delete process.env.SHOPMESH_LOG_LEVEL;
  else process.env.SHOPMESH_LOG_LEVEL = previousLevel;
});

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

const encodings = (secret: string): Buffer[] => [
  Buffer.from(secret, 'utf8'),
  Buffer.from(secret, 'utf16le'),
  Buffer.from(Buffer.from(secret).toString('base64').slice(0, -4)),
];

it('no token in plaintext in the data folder, the logs, the export, the backups, replies or events', async () => {
  process.env.SHOPMESH_LOG_LEVEL = 'debug';
  // The real file logger (not the tests' silent one), writing into the data folder's logs/.
  t = await makeAccountsApp({ dataDir: tmp.dir, logger: undefined, syncWorker: tsSyncWorker });
  const app = t.app;
  const ids: string[] = [];
  for (const provider of ['shop', 'ads'] as const)
    ids.push((await connectThrough(t, provider)).result.accountId!);
  await t.invoke('sync:run', {});
  await app.sync.whenIdle();
  expect(app.db.prepare('SELECT count(*) FROM orders').pluck().get()).toBeGreaterThan(0);
  const secrets = new Set<string>();
  const collect = () => {
    for (const id of ids)
      for (const kind of [secretKinds.access, secretKinds.refresh]) {
        const v = app.vault.getSecret(secretOwner(id), kind);
        if (v) secrets.add(v);
      }
  };
  collect();
  // A refresh rotates the tokens: the old and the new ones must both stay hidden.
  await app.accounts.tokens.refreshNow(ids[0]!);
  collect();
  await t.invoke('sync:run', {});
  await app.sync.whenIdle();
  await t.invoke<BackupInfo>('privacy:backupNow');
  const exported = await t.invoke<ExportResult>('privacy:export', { includeContacts: true });
  app.logger.flush();
  expect(secrets.size).toBeGreaterThanOrEqual(4);
  for (const s of secrets) expect(s.length).toBeGreaterThan(8);

  const places: Array<[string, Buffer]> = filesUnder(tmp.dir).map((f) => [f, readFileSync(f)]);
  for (const [name, bytes] of Object.entries(unzipSync(readFileSync(exported.path))))
    places.push([`${exported.name}:${name}`, Buffer.from(bytes)]);
  places.push(['IPC replies', Buffer.from(JSON.stringify(t.replies))]);
  places.push(['events', Buffer.from(JSON.stringify(t.events))]);
  // The places that matter were searched, and the log did record the sync.
  const names = places.map(([n]) => n);
  for (const part of ['shopmesh.db', 'shopmesh.log', 'backups/', 'data/orders.csv'])
    expect(
      names.some((n) => n.includes(part)),
      part,
    ).toBe(true);
  const log = places.find(([n]) => n.endsWith('shopmesh.log'))![1].toString();
  expect(log).toContain('sync run finished');

  const leaks: string[] = [];
  for (const [name, bytes] of places)
    for (const s of secrets)
      if (encodings(s).some((e) => bytes.includes(e))) leaks.push(`${name} holds a token`);
  expect(leaks).toEqual([]);
}, 90_000);
