import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../../src-main/db/connection';
import { ContactStore } from '../../../src-main/creators/contacts';
import { CreatorImporter } from '../../../src-main/creators/import/importer';
import { readRecords } from '../../../src-main/creators/import/read-csv';
import { CreatorIdentity } from '../../../src-main/creators/identity';
import { CreatorOrigins } from '../../../src-main/creators/origins';
import { Vault } from '../../../src-main/vault/vault';
import { MemoryKeyStore } from '../vault/memory-keystore';

let db: Database;
let vault: Vault;
let contacts: ContactStore;
let importer: CreatorImporter;
let identity: CreatorIdentity;
const imported: Array<{ fileName: string; created: number; merged: number }> = [];

beforeEach(async () => {
  db = openDatabase(':memory:');
  vault = await Vault.open({ db, keyStore: new MemoryKeyStore() });
  contacts = new ContactStore(db, vault, () => 1_000);
  identity = new CreatorIdentity(db);
  imported.length = 0;
  importer = new CreatorImporter({
    db,
    origins: new CreatorOrigins(db, identity),
    contacts,
    vaultUnlocked: () => vault.unlocked,
    now: () => 1_000,
    onImported: (s) => imported.push(s),
  });
});
afterEach(() => {
  vault.close();
  db.close();
});

/** Uploads `bytes` in small chunks the way the renderer does, then runs the dry run. */
function dryRun(bytes: Buffer, encoding: 'auto' | 'utf-8' | 'gb18030' = 'auto') {
  let uploadId: string | undefined;
  for (let offset = 0; offset < bytes.length; offset += 7) {
    const r = importer.upload({
      uploadId,
      offset,
      data: bytes.subarray(offset, offset + 7).toString('base64'),
    });
    uploadId = r.uploadId;
  }
  return importer.dryRun(uploadId as string, 'creators.csv', encoding);
}

const count = (table: string): number => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

/** A creator the sync met before the import. */
function existing(handle: string, openId: string | null = null): number {
  return identity.resolve({ handle, openId, nickname: 'Old name' }, { origin: 'sync', now: 0 })!.creatorId;
}

const csv = [
  'TikTok handle,Nickname,Email,WhatsApp,Followers,Region,Notes',
  '@mia.makes,Mia 🌸 Chen,mia@example.com,+1 415 555 0100,"12,400",us,',
  'lin_chef,林大厨 🍜,not-an-email,,1.2万,CN,',
  ',Nobody,nobody@example.com,,,,',
  '"bad handle 😀",Bad,,,,,',
  'kofi.k,"Kofi ""The Chef""',
  'K",kofi@example.com,,3k,GB,',
  'MIA.MAKES,Mia Chen,,+1 415 555 0199,,,',
  'sam_s,Sam,,,,,,extra',
  'olduser,Returning creator,old@example.com,,,,',
].join('\r\n');

describe('CSV import: dry run', () => {
  it('reports every bad row with its line and reasons, merges duplicates, and writes nothing', () => {
    const old = existing('olduser');
    const before = {
      creators: count('creators'),
      contacts: count('creator_contacts'),
      origins: count('creator_origins'),
    };
    const report = dryRun(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]));
    expect(report).toMatchObject({ encoding: 'utf-8', bom: true, rows: 8 });
    expect(report.columns.map((c) => c.field)).toEqual([
      'handle',
      'nickname',
      'email',
      'whatsapp',
      'followers',
      'region',
      null,
    ]);
    expect(report.badRows).toEqual([
      { line: 3, problems: [{ code: 'invalid', field: 'email' }] },
      { line: 4, problems: [{ code: 'missing_identity', field: null }] },
      { line: 5, problems: [{ code: 'invalid', field: 'handle' }] },
      { line: 9, problems: [{ code: 'extra_columns', field: null }] },
    ]);
    // mia twice (case differs) → one creator; kofi's quoted nickname spans lines 6–7; olduser merges.
    expect(report).toMatchObject({
      valid: 4,
      newCreators: 2,
      mergedIntoExisting: 1,
      duplicatesInFile: 1,
      withContacts: 3,
    });
    expect({
      creators: count('creators'),
      contacts: count('creator_contacts'),
      origins: count('creator_origins'),
    }).toEqual(before);

    const done = importer.confirm(report.importId);
    expect(done).toMatchObject({ created: 2, merged: 1, contactsSaved: 3, skippedBadRows: 4 });
    const mia = db
      .prepare("SELECT id, handle, nickname, region FROM creators WHERE handle = 'mia.makes'")
      .get() as {
      id: number;
      nickname: string;
      region: string;
    };
    expect(mia).toMatchObject({ nickname: 'Mia Chen', region: 'US' });
    // The later row's WhatsApp number replaced the earlier one; the email of the first row stays.
    expect(contacts.reveal(mia.id, 'whatsapp')).toBe('+14155550199');
    expect(contacts.reveal(mia.id, 'email')).toBe('mia@example.com');
    const kofi = db.prepare("SELECT id, nickname FROM creators WHERE handle = 'kofi.k'").get() as {
      id: number;
      nickname: string;
    };
    expect(kofi.nickname).toBe('Kofi "The Chef"\r\nK');
    expect(db.prepare('SELECT nickname FROM creators WHERE id = ?').pluck().get(old)).toBe(
      'Returning creator',
    );
    expect(contacts.reveal(old, 'email')).toBe('old@example.com');
    expect(db.prepare('SELECT followers FROM creator_origins WHERE creator_id = ?').pluck().get(mia.id)).toBe(
      12_400,
    );
    expect(imported).toEqual([{ fileName: 'creators.csv', created: 2, merged: 1 }]);
    // A confirmed import cannot be written twice.
    expect(() => importer.confirm(report.importId)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('reads GB18030 (Chinese Excel) with CJK and emoji, and UTF-8 without a BOM alike', () => {
    const text =
      '用户名,昵称,邮箱,粉丝数\nxiaomei.cn,小美 💄 美妆,mei@example.cn,3.5万\nchef_wang,王师傅,,8800\n';
    const gb = dryRun(iconv.encode(text, 'gb18030'));
    expect(gb).toMatchObject({ encoding: 'gb18030', bom: false, valid: 2, badRows: [] });
    importer.confirm(gb.importId);
    const names = db.prepare('SELECT nickname FROM creators ORDER BY id').pluck().all();
    expect(names).toEqual(['小美 💄 美妆', '王师傅']);
    expect(db.prepare('SELECT followers FROM creator_origins ORDER BY creator_id').pluck().all()).toEqual([
      35_000, 8_800,
    ]);
    const utf8 = dryRun(Buffer.from(text, 'utf8'));
    expect(utf8).toMatchObject({ encoding: 'utf-8', bom: false, newCreators: 0, mergedIntoExisting: 2 });
  });

  it('reads UTF-16 "Unicode text" and semicolon-separated files', () => {
    const tsv = '\ufeffhandle\tnickname\nalpha_1\tÅsa\n';
    expect(dryRun(iconv.encode(tsv, 'utf16-le', { addBOM: false }))).toMatchObject({
      encoding: 'utf-16le',
      valid: 1,
    });
    expect(dryRun(Buffer.from('handle;email\nbeta_2;b@example.com\n'))).toMatchObject({
      valid: 1,
      withContacts: 1,
    });
  });

  it('refuses a whole file that cannot be a creator list, naming why', () => {
    const problem = (bytes: Buffer) => {
      try {
        dryRun(bytes);
      } catch (err) {
        return (err as { details?: { importProblem?: string } }).details?.importProblem;
      }
      return 'accepted';
    };
    expect(problem(Buffer.from('nickname,email\nMia,m@example.com\n'))).toBe('no_identity_column');
    expect(problem(Buffer.from('handle,username\na,b\n'))).toBe('duplicate_column');
    expect(problem(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]))).toBe(
      'not_text',
    );
    expect(problem(Buffer.from('handle\n"unclosed,\n'))).toBe('malformed');
    expect(() => importer.upload({ offset: 0, data: '' })).not.toThrow();
  });

  it('the open id decides who a row is; a handle alone never merges two identified creators', () => {
    const first = existing('first_one', 'OPENID_AAAA1111');
    const second = existing('second_one', 'OPENID_BBBB2222');
    const report = dryRun(
      Buffer.from('handle,open id\nsecond_one,OPENID_AAAA1111\nthird_one,OPENID_CCCC3333\n'),
    );
    expect(report).toMatchObject({ badRows: [], valid: 2, newCreators: 1, mergedIntoExisting: 1 });
    importer.confirm(report.importId);
    // TikTok handles are renamed and reused: the open id's holder is now called second_one.
    const handleOf = (id: number) => db.prepare('SELECT handle FROM creators WHERE id = ?').pluck().get(id);
    expect(handleOf(first)).toBe('second_one');
    expect(db.prepare('SELECT canonical_id FROM creators WHERE id = ?').pluck().get(second)).toBe(second);
    expect(count('creators')).toBe(3);
  });

  it('two rows of one file naming one handle with two open ids are refused', () => {
    const report = dryRun(
      Buffer.from('handle,open id\nsame_one,OPENID_AAAA1111\nsame_one,OPENID_BBBB2222\n'),
    );
    expect(report.badRows).toEqual([{ line: 3, problems: [{ code: 'conflicting_identity', field: null }] }]);
    expect(report).toMatchObject({ valid: 1, newCreators: 1 });
  });

  it('contacts cannot be imported while the Vault is locked: the dry run says so, the confirm writes nothing', () => {
    const report = dryRun(Buffer.from('handle,phone\nlocked_one,+44 7700 900123\n'));
    vault.close();
    expect(importer.confirm.bind(importer, report.importId)).toThrow(
      expect.objectContaining({ code: 'LOCKED' }),
    );
    expect(count('creators')).toBe(0);
    const again = dryRun(Buffer.from('handle,phone\nlocked_one,+44 7700 900123\n'));
    expect(again.needsUnlock).toBe(true);
  });
});

describe('readRecords', () => {
  it('gives each record the line it starts on, across quoted line breaks and blank lines', () => {
    const records = readRecords('a,b\n"x\ny\nz",1\n\n\nq,2\nr,"3\n4"\ns,5');
    expect(records.map((r) => r.line)).toEqual([1, 2, 7, 8, 10]);
    expect(records[3]?.fields).toEqual(['r', '3\n4']);
    const windows = readRecords('h\r\n"中\r\nb",1\r\n\r\nc,2\r\nd,3');
    expect(windows.map((r) => r.line)).toEqual([1, 2, 5, 6]);
  });
});
