import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../src-main/db/connection';
import { ContactStore } from '../../src-main/creators/contacts';
import { CreatorImporter } from '../../src-main/creators/import/importer';
import { CreatorIdentity } from '../../src-main/creators/identity';
import { CreatorOrigins } from '../../src-main/creators/origins';
import { Vault } from '../../src-main/vault/vault';
import { makeTempDir } from '../helpers/tmp';
import { MemoryKeyStore } from '../unit/vault/memory-keystore';
import type { Report } from './report';

const ROWS = 50_000;
const nicknames = [
  'Mia 🌸 Chen',
  '林大厨 🍜',
  'Kofi "The Chef"',
  'Åsa Lind',
  'ศิริพร ✨',
  'Zoë',
  '小美 💄 美妆',
];

/**
 * A 50,000-row creator CSV like a merchant's export: a UTF-8 BOM, CJK, Thai and emoji nicknames, a contact
 * on a third of the rows, 2% bad rows and 2% repeated creators, and 5,000 creators already in the database.
 */
function makeCsv(withFigures: boolean): Buffer {
  const figureHeader = withFigures ? ',GMV,Currency,Units sold,Avg video views,Engagement rate' : '';
  const lines = [`TikTok handle,Nickname,Followers,Region,Email,WhatsApp${figureHeader}`];
  for (let i = 0; i < ROWS; i++) {
    const handle = i % 50 === 7 ? 'bad handle!' : `creator_${i % 50 === 9 ? i - 1 : i}`;
    const nick = `${nicknames[i % nicknames.length]} ${i}`.replace(/"/g, '""');
    const email = i % 3 === 0 ? `c${i}@example.com` : '';
    const wa = i % 6 === 0 ? `+1 415 555 ${String(i % 10_000).padStart(4, '0')}` : '';
    // Figures written the ways other tools export them: grouped amounts, "k" counts, rates with "%" or as fractions.
    const figures = withFigures
      ? `,"${(i * 37) % 90_000}.${String(i % 100).padStart(2, '0')}",${i % 2 ? 'USD' : 'GBP'},${i % 4 === 0 ? `${i % 90}k` : i % 5_000},${(i * 13) % 400_000},${i % 3 === 0 ? `${(i % 2_000) / 100}%` : `0.0${i % 100}`}`
      : '';
    lines.push(`${handle},"${nick}",${1000 + i},${i % 2 ? 'US' : 'GB'},${email},${wa}${figures}`);
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n'), 'utf8')]);
}

/**
 * `creators.import.rowsPerSec`: decode, parse, check every row, plan, then write (creators + sealed contacts).
 * `creators.import.figures.*`: the same file with GMV, currency, units sold, average views and engagement.
 */
export async function benchCreatorsImport(report: Report): Promise<void> {
  await benchOnce(report, 'creators.import', false);
  await benchOnce(report, 'creators.import.figures', true);
}

async function benchOnce(report: Report, name: string, withFigures: boolean): Promise<void> {
  const { dir, cleanup } = makeTempDir('shopmesh-bench-');
  const db = openDatabase(join(dir, 'shopmesh.db'));
  try {
    const vault = await Vault.open({ db, keyStore: new MemoryKeyStore() });
    const insert = db.prepare(
      'INSERT INTO creators (canonical_id, handle, first_seen_at, updated_at) VALUES (0, ?, 0, 0)',
    );
    db.transaction(() => {
      for (let i = 0; i < ROWS; i += 10) insert.run(`creator_${i}`);
      db.exec(`UPDATE creators SET canonical_id = id;
        INSERT INTO creator_handles SELECT id, handle, 0, 0 FROM creators;`);
    })();
    const importer = new CreatorImporter({
      db,
      origins: new CreatorOrigins(db, new CreatorIdentity(db)),
      contacts: new ContactStore(db, vault, Date.now),
      vaultUnlocked: () => vault.unlocked,
      now: Date.now,
    });
    const csv = makeCsv(withFigures);
    const t0 = performance.now();
    const plan = importer.plan(csv, 'bench.csv', 'auto');
    const t1 = performance.now();
    const written = importer.write(plan);
    const t2 = performance.now();
    report(`${name}.rowsPerSec`, Math.round(ROWS / ((t2 - t0) / 1000)), 'rows/s');
    report(`${name}.validate.ms`, t1 - t0, 'ms');
    report(`${name}.write.ms`, t2 - t1, 'ms');
    report(`${name}.badRows`, plan.report.badRows.length, 'rows');
    report(`${name}.created`, written.created, 'creators');
    report(`${name}.merged`, written.merged, 'creators');
  } finally {
    db.close();
    cleanup();
  }
}
