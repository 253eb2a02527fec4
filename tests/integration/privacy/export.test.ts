import { readFileSync, statSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { afterEach, expect, it } from 'vitest';
import type { ExportResult } from '../../../src-shared/privacy';
import { secretKinds, secretOwner } from '../../../src-main/accounts/types';
import { packSealed } from '../../../src-main/vault/crypto';
import { contactAad } from '../../../src-main/creators/contacts';
import { type AccountsTestApp, connectThrough, makeAccountsApp } from '../../helpers/accounts';

let t: AccountsTestApp | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const unzip = (path: string) => {
  const entries = unzipSync(readFileSync(path));
  return Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name, strFromU8(bytes)]));
};

it('exports one zip with a manifest and a CSV per table, with progress, and never a secret', async () => {
  t = await makeAccountsApp();
  const shop = (await connectThrough(t, 'shop')).result.accountId!;
  await connectThrough(t, 'ads');
  await t.invoke('sync:run', {});
  await t.app.sync.whenIdle();
  const token = t.app.vault.getSecret(secretOwner(shop), secretKinds.access)!;
  expect(token.length).toBeGreaterThan(8);

  const result = await t.invoke<ExportResult>('privacy:export', {});
  expect(result.name).toMatch(/^shopmesh-export-\d{8}-\d{6}\.zip$/);
  expect(statSync(result.path).mode & 0o777).toBe(0o600);
  expect(result.sizeBytes).toBe(statSync(result.path).size);
  const files = unzip(result.path);
  const manifest = JSON.parse(files['manifest.json']!) as {
    files: Array<{ table: string; rows: number }>;
    creatorContacts: string;
    notExported: Array<{ table: string }>;
  };
  expect(manifest.creatorContacts).toBe('left out (not ticked)');
  expect(manifest.notExported.map((x) => x.table)).toEqual(expect.arrayContaining(['secrets', 'vault_keys']));
  expect(Object.keys(files)).not.toContain('data/secrets.csv');
  expect(Object.keys(files)).not.toContain('data/vault_keys.csv');
  // Every row of every exported table is there.
  for (const f of manifest.files) {
    const csv = Papa.parse<Record<string, string>>(files[`data/${f.table}.csv`]!, {
      header: true,
      skipEmptyLines: true,
    });
    expect(csv.data.length, f.table).toBe(f.rows);
    // The activity log gained one entry since: the export's own.
    const now = t.app.db.prepare(`SELECT count(*) FROM "${f.table}"`).pluck().get() as number;
    expect(f.rows, f.table).toBe(f.table === 'activity_log' ? now - 1 : now);
  }
  expect(manifest.files.find((f) => f.table === 'orders')!.rows).toBeGreaterThan(0);
  // No token, anywhere in the archive.
  for (const [name, text] of Object.entries(files)) expect(text.includes(token), name).toBe(false);
  const progress = t.events.filter((e) => e.name === 'privacy:exportProgress');
  expect(progress.length).toBeGreaterThan(0);
  expect(progress.at(-1)!.payload).toMatchObject({ tables: manifest.files.length });
  expect(t.app.activity.list({ limit: 1, kind: 'privacy.exported' }).total).toBe(1);
});

it("creators' private contacts are in the export only when ticked; formulas are defused", async () => {
  t = await makeAccountsApp();
  const db = t.app.db;
  // A creator with a sealed email, as the contacts feature stores it (creators/contacts.ts).
  db.prepare(
    "INSERT INTO creators (id, canonical_id, handle, first_seen_at, updated_at) VALUES (7, 7, 'maya', 1, 1)",
  ).run();
  // A nickname that is a spreadsheet formula.
  db.prepare(
    `INSERT INTO creators (id, canonical_id, handle, nickname, first_seen_at, updated_at)
       VALUES (8, 8, 'formula', '=HYPERLINK("http://evil.example","x")', 1, 1)`,
  ).run();
  const sealed = packSealed(t.app.vault.seal('maya@example.com', contactAad(7, 'email')));
  db.prepare(
    'INSERT INTO creator_contacts (creator_id, email, phone, updated_at) VALUES (7, ?, NULL, 1)',
  ).run(sealed);

  const without = unzip((await t.invoke<ExportResult>('privacy:export', { includeContacts: false })).path);
  expect(Object.keys(without)).not.toContain('data/creator_contacts.csv');
  expect(Object.values(without).some((text) => text.includes('maya@example.com'))).toBe(false);
  expect(JSON.parse(without['manifest.json']!).creatorContacts).toBe('left out (not ticked)');

  await new Promise((r) => setTimeout(r, 1100)); // a new second, so a new file name
  const withContacts = await t.invoke<ExportResult>('privacy:export', { includeContacts: true });
  expect(withContacts.contactsIncluded).toBe(true);
  const files = unzip(withContacts.path);
  expect(files['data/creator_contacts.csv']).toContain('maya@example.com');
  // Every CSV ShopMesh writes defuses spreadsheet formulas (src-main/core/csv-cell.ts).
  const creators = Papa.parse<Record<string, string>>(files['data/creators.csv']!, {
    header: true,
    skipEmptyLines: true,
  }).data;
  expect(creators.find((c) => c.handle === 'formula')?.nickname).toBe(
    `'=HYPERLINK("http://evil.example","x")`,
  );
});
