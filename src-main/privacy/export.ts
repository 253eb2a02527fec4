import { chmodSync, createWriteStream, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import Papa from 'papaparse';
import { csvCell } from '../core/csv-cell';
import type { ExportProgress, ExportResult } from '@shared/privacy';
import type { Database } from '../db/connection';
import type { Vault } from '../vault/vault';
import { quoteId, readSchema } from './schema';

/** Tables never exported, and why (the manifest repeats the reasons). */
export const notExported: Record<string, string> = {
  secrets: 'sealed sign-in tokens and app secrets: never exported',
  vault_keys: 'records of the encryption keys: never exported',
  creator_dirty: 'a queue of creators waiting to be re-indexed: derived work, no data',
  creator_index_build: 'the creator search index being rebuilt: derived work, no data',
  rollup_dirty: 'a queue of days waiting to be re-counted: derived work, no data',
  product_image_cache: "copies of TikTok's product pictures: a cache, fetched again when needed",
};

/** Tables of creators' private contacts: exported only when the merchant ticks it (docs/privacy.md). */
export const contactTables: readonly string[] = ['creator_contacts'];

const batchRows = 2_000;

export interface ExportDeps {
  db: Database;
  vault: Vault;
  folder: string;
  now: number;
  appVersion: string;
  includeContacts: boolean;
  /** The app's settings (they hold no secret), exported as `settings.json`. */
  settings: unknown;
  onProgress: (p: ExportProgress) => void;
}

const stampOf = (at: number) =>
  new Date(at).toISOString().slice(0, 19).replaceAll('-', '').replace('T', '-').replaceAll(':', '');

/**
 * "Export my data": one zip with `manifest.json` and one CSV per table (the schema drives it, so new tables
 * are exported the day they land), written as `exports/shopmesh-export-<UTC>.zip`. Secrets and key records
 * are never in it; sealed columns (creators' private contacts) are opened only when `includeContacts`, and
 * left out otherwise. Rows are read in batches with a pause between them, so the app answers meanwhile.
 */
export async function exportData(deps: ExportDeps): Promise<ExportResult> {
  const { db, vault } = deps;
  const virtual = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`)
    .pluck()
    .all() as string[];
  const tables = readSchema(db).filter(
    (t) => !(t.name in notExported) && !virtual.some((v) => t.name.startsWith(`${v}_`)),
  );
  const contactsPresent = tables.some((t) => contactTables.includes(t.name));
  // Without the tick the contacts tables are not part of the export at all (nor of its progress count).
  const exported = tables.filter((t) => deps.includeContacts || !contactTables.includes(t.name));
  mkdirSync(deps.folder, { recursive: true, mode: 0o700 });
  const name = `shopmesh-export-${stampOf(deps.now)}.zip`;
  const file = join(deps.folder, name);
  const partial = `${file}.partial`;
  const out = createWriteStream(partial, { mode: 0o600 });
  const written = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  let failure: Error | null = null;
  const zip = new Zip((err, chunk, final) => {
    if (err) failure = err;
    else out.write(chunk);
    if (final || err) out.end();
  });
  const files: ExportResult['files'] = [];
  try {
    for (const [index, t] of exported.entries()) {
      const sealed = vault.sealedColumns(t.name);
      // Sealed columns without the tick are left out; with it they are opened (only contacts are sealed).
      const columns = t.columns.filter((c) => deps.includeContacts || !sealed.includes(c));
      const entry = new ZipDeflate(`data/${t.name}.csv`, { level: 6 });
      zip.add(entry);
      entry.push(strToU8(Papa.unparse({ fields: columns, data: [] }, { newline: '\r\n' })), false);
      let rows = 0;
      let batch: unknown[][] = [];
      const flush = async (last: boolean) => {
        const csv = batch.length ? `\r\n${Papa.unparse(batch, { newline: '\r\n' })}` : '';
        entry.push(strToU8(csv), last);
        batch = [];
        deps.onProgress({ table: t.name, tableIndex: index, tables: exported.length, rows });
        // Between batches the thread answers IPC (a big table takes seconds).
        await new Promise((resolve) => setImmediate(resolve));
      };
      const select = db.prepare(`SELECT ${t.columns.map(quoteId).join(', ')} FROM ${quoteId(t.name)}`);
      for (const row of select.iterate() as Iterable<Record<string, unknown>>) {
        batch.push(
          columns.map((c) => {
            const value = row[c];
            if (sealed.includes(c) && value instanceof Uint8Array)
              return csvCell(vault.openSealedColumn(t.name, row, c));
            // Texts are defused like every CSV ShopMesh writes (a creator's nickname may be a formula);
            // binary values are base64, which a reader decodes as it is.
            return value instanceof Uint8Array ? Buffer.from(value).toString('base64') : csvCell(value);
          }),
        );
        rows += 1;
        if (batch.length >= batchRows) await flush(false);
      }
      await flush(true);
      files.push({ file: `data/${t.name}.csv`, table: t.name, rows, columns });
    }
    const manifest = {
      app: 'ShopMesh',
      version: deps.appVersion,
      exportedAt: new Date(deps.now).toISOString(),
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      format:
        'One CSV file per table (UTF-8, RFC 4180, header row). Times are UTC epoch milliseconds, money is integer minor units with its currency beside it. A text starting with = + - @, a tab or a carriage return (and not a plain number) has an apostrophe in front, so a spreadsheet cannot run it as a formula; binary values are base64.',
      creatorContacts: !contactsPresent
        ? 'not stored by this version'
        : deps.includeContacts
          ? 'included'
          : 'left out (not ticked)',
      files,
      notExported: Object.entries(notExported).map(([table, why]) => ({ table, why })),
    };
    const s = new ZipDeflate('settings.json', { level: 6 });
    zip.add(s);
    s.push(strToU8(JSON.stringify(deps.settings, null, 2)), true);
    const m = new ZipDeflate('manifest.json', { level: 6 });
    zip.add(m);
    m.push(strToU8(JSON.stringify(manifest, null, 2)), true);
    zip.end();
    await written;
    if (failure) throw failure;
    chmodSync(partial, 0o600);
    renameSync(partial, file);
  } catch (err) {
    zip.terminate();
    out.destroy();
    rmSync(partial, { force: true });
    throw err;
  }
  return {
    name,
    path: file,
    sizeBytes: statSync(file).size,
    files,
    contactsIncluded: deps.includeContacts && contactsPresent,
  };
}
