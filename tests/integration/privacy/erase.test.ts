import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { AccountsList } from '../../../src-shared/accounts';
import { defaultSettings } from '../../../src-shared/settings';
import { startWebBridge, type WebBridge } from '../../../src-main/web/bridge';
import { type AccountsTestApp, connectThrough, makeAccountsApp, sandboxAdmin } from '../../helpers/accounts';
import { makeTestApp, testVaultEnv } from '../../helpers/app';

let t: AccountsTestApp | undefined;
let bridge: WebBridge | undefined;
afterEach(async () => {
  await bridge?.close();
  await t?.cleanup();
  bridge = undefined;
  t = undefined;
});

/** Every table but FTS5 search indexes and their shadow tables (emptied with their own command). */
const tables = (t: AccountsTestApp): string[] => {
  const all = t.app.db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .all() as Array<{ name: string; sql: string }>;
  const virtual = all.filter((x) => x.sql.startsWith('CREATE VIRTUAL TABLE')).map((x) => x.name);
  return all
    .map((x) => x.name)
    .filter((name) => !virtual.includes(name) && !virtual.some((v) => name.startsWith(`${v}_`)));
};

it('"delete all my data" over the web bridge: typed confirmation, grants revoked, everything wiped, first run again', async () => {
  t = await makeAccountsApp();
  const app = t.app;
  const staticDir = mkdtempSync(join(tmpdir(), 'shopmesh-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>ShopMesh</title>');
  bridge = await startWebBridge({ app, staticDir, token: 'erase-token' });
  const call = async (channel: string, input: unknown) => {
    const res = await fetch(`http://127.0.0.1:${bridge!.port}/ipc/${channel}`, {
      method: 'POST',
      headers: { Authorization: 'Bearer erase-token', 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    return {
      status: res.status,
      body: (await res.json()) as { ok: boolean; result?: unknown; error?: { code: string } },
    };
  };

  const ids = [];
  for (const provider of ['shop', 'ads', 'identity'] as const)
    ids.push((await connectThrough(t, provider)).result.accountId!);
  await t.invoke('sync:run', {});
  await app.sync.whenIdle();
  await t.invoke('settings:update', { theme: 'dark', activityRetentionDays: 60 });
  const shopName = app.db
    .prepare('SELECT display_name FROM accounts WHERE id = ?')
    .pluck()
    .get(ids[0]) as string;
  const dir = t.dataDir;
  mkdirSync(join(dir, 'backups'), { recursive: true });
  writeFileSync(join(dir, 'backups', 'shopmesh-2026-01-01.db'), 'backup bytes');
  mkdirSync(join(dir, 'logs'), { recursive: true });
  writeFileSync(join(dir, 'logs', 'shopmesh.log'), `synced ${shopName}\n`);
  writeFileSync(join(dir, 'logs', 'shopmesh.log.1'), `older ${shopName}\n`);
  writeFileSync(join(dir, 'settings.json.corrupt-1700000000000'), '{"broken":');
  const orders = app.db.prepare('SELECT count(*) FROM orders').pluck().get() as number;
  expect(orders).toBeGreaterThan(0);
  const oldKey = app.db.prepare('SELECT key_id FROM vault_keys').pluck().get() as string;

  // Without the typed word nothing happens.
  for (const input of [{}, { confirmation: 'delete' }, { confirmation: 'DELETE', all: true }]) {
    const refused = await call('privacy:eraseAll', input);
    expect(refused.status).toBe(400);
    expect(refused.body.error?.code).toBe('VALIDATION');
  }
  expect(app.db.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(orders);

  const done = await call('privacy:eraseAll', { confirmation: 'DELETE' });
  expect(done.status).toBe(200);
  expect(done.body.result).toMatchObject({ revoked: 2, withoutRevokeApi: 1 });

  // TikTok was asked to end the grants it has an API for.
  const writes = await sandboxAdmin<{ entries: Array<{ kind: string }> }>(t.sandbox, 'GET', '/writes');
  expect(writes.entries.map((w) => w.kind)).toEqual(expect.arrayContaining(['ads.revoked', 'login.revoked']));

  // Every table is empty but the vault's fresh key and the migration ledger; no secret is left.
  const nonEmpty = Object.fromEntries(
    tables(t)
      .map((name) => [name, app.db.prepare(`SELECT count(*) FROM "${name}"`).pluck().get() as number])
      .filter(([, n]) => n !== 0),
  );
  const migrations = app.db.prepare('SELECT count(*) FROM schema_migrations').pluck().get() as number;
  expect(migrations).toBeGreaterThan(0);
  expect(nonEmpty).toEqual({ vault_keys: 1, schema_migrations: migrations });
  expect(app.db.prepare('SELECT key_id FROM vault_keys').pluck().get()).not.toBe(oldKey);
  expect(app.db.prepare("SELECT count(*) FROM creator_fts WHERE creator_fts MATCH 'a*'").pluck().get()).toBe(
    0,
  );
  // No deleted row lingers in the file or its log.
  const bytes = readFileSync(join(dir, 'shopmesh.db'));
  expect(bytes.includes(Buffer.from(shopName))).toBe(false);
  const wal = join(dir, 'shopmesh.db-wal');
  if (existsSync(wal)) expect(readFileSync(wal).includes(Buffer.from(shopName))).toBe(false);

  // Settings are the defaults, on disk too; backups, logs and leftovers are gone.
  expect((await call('settings:get', {})).body.result).toEqual(defaultSettings);
  expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).settings).toEqual(defaultSettings);
  expect(existsSync(join(dir, 'backups'))).toBe(false);
  expect(readdirSync(join(dir, 'logs'))).toEqual(['shopmesh.log']);
  expect(statSync(join(dir, 'logs', 'shopmesh.log')).size).toBe(0);
  expect(readdirSync(dir).filter((n) => n.includes('corrupt'))).toEqual([]);

  // First run: no accounts, storage unlocked with its new key, and connecting works again.
  const list = (await call('accounts:list', {})).body.result as AccountsList;
  expect(list.accounts).toEqual([]);
  expect(list.vault.state).toBe('unlocked');
  expect((await connectThrough(t, 'shop')).result.outcome).toBe('connected');

  // And the next start opens the same folder as it is: no migration runs again, nothing is kept aside.
  await bridge.close();
  bridge = undefined;
  await app.close();
  const again = await makeTestApp({ dataDir: dir, env: { ...testVaultEnv } });
  try {
    expect(again.app.privacy.recovery()).toBeNull();
    expect(again.app.db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(migrations);
    expect(readdirSync(dir).filter((n) => n.includes('.db.'))).toEqual([]);
  } finally {
    await again.app.close();
  }
});
