import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../../src-main/db/connection';
import { ContactStore } from '../../../src-main/creators/contacts';
import { chooseStats, type SourcedStats } from '../../../src-main/creators/figures-precedence';
import { CreatorIdentity } from '../../../src-main/creators/identity';
import { columnForHeader, type CreatorDraft } from '../../../src-main/creators/import/fields';
import { parseEngagement, parseMoneyCell } from '../../../src-main/creators/import/figures';
import { CreatorImporter } from '../../../src-main/creators/import/importer';
import { IndexSources } from '../../../src-main/creators/index-sources';
import { CreatorOrigins } from '../../../src-main/creators/origins';
import { noStats as none } from '../../../src-main/creators/stats-columns';
import { Vault } from '../../../src-main/vault/vault';
import { MemoryKeyStore } from '../vault/memory-keystore';

describe('import figures: headers', () => {
  it('knows each figure by English and Chinese names, with the unit its header names', () => {
    const read = (h: string) => columnForHeader(h);
    expect(read('GMV')).toEqual({ field: 'gmv', unit: {} });
    expect(read('GMV (USD)')).toEqual({ field: 'gmv', unit: { currency: 'USD' } });
    expect(read('gmv_gbp')).toEqual({ field: 'gmv', unit: { currency: 'GBP' } });
    expect(read('GMV GBP')).toEqual({ field: 'gmv', unit: { currency: 'GBP' } });
    expect(read('GMV(美元)')).toEqual({ field: 'gmv', unit: { currency: 'USD' } });
    expect(read('成交额（英镑）')).toEqual({ field: 'gmv', unit: { currency: 'GBP' } });
    expect(read('成交额')).toEqual({ field: 'gmv', unit: {} });
    expect(read('Currency')).toEqual({ field: 'currency', unit: {} });
    expect(read('币种')).toEqual({ field: 'currency', unit: {} });
    expect(read('Units sold')).toEqual({ field: 'unitsSold', unit: {} });
    expect(read('销量')).toEqual({ field: 'unitsSold', unit: {} });
    expect(read('Avg. video views')).toEqual({ field: 'avgVideoViews', unit: {} });
    expect(read('平均播放量')).toEqual({ field: 'avgVideoViews', unit: {} });
    expect(read('Engagement rate')).toEqual({ field: 'engagement', unit: {} });
    expect(read('Engagement rate (%)')).toEqual({ field: 'engagement', unit: { percent: true } });
    expect(read('互动率(%)')).toEqual({ field: 'engagement', unit: { percent: true } });
    expect(read('互动率')).toEqual({ field: 'engagement', unit: {} });
    // A suffix that is no unit of that figure leaves the column unread rather than read in the wrong unit.
    expect(read('粉丝数(万)')).toEqual({ field: null, unit: {} });
    expect(read('GMV (30 days)')).toEqual({ field: null, unit: {} });
    expect(read('GMV (%)')).toEqual({ field: null, unit: {} });
    expect(read('Engagement (USD)')).toEqual({ field: null, unit: {} });
    expect(read('Followers (USD)')).toEqual({ field: null, unit: {} });
  });
});

describe('import figures: values', () => {
  it('reads a GMV amount into minor units of the currency the row names', () => {
    const ok = (raw: string, header: string | null, row: string | null) => parseMoneyCell(raw, header, row);
    expect(ok('1,234.56', 'USD', null)).toEqual({ ok: true, amountMinor: 123_456, currency: 'USD' });
    expect(ok('1234.5', null, 'GBP')).toEqual({ ok: true, amountMinor: 123_450, currency: 'GBP' });
    expect(ok('12.5k', 'USD', null)).toEqual({ ok: true, amountMinor: 1_250_000, currency: 'USD' });
    expect(ok('3.4万', null, 'CNY')).toEqual({ ok: true, amountMinor: 3_400_000, currency: 'CNY' });
    expect(ok('1.2M', null, 'IDR')).toEqual({ ok: true, amountMinor: 1_200_000, currency: 'IDR' });
    expect(ok('$1,234.56', 'USD', null)).toEqual({ ok: true, amountMinor: 123_456, currency: 'USD' });
    expect(ok('99 SGD', null, null)).toEqual({ ok: true, amountMinor: 9_900, currency: 'SGD' });
    expect(ok('USD 99', null, 'USD')).toEqual({ ok: true, amountMinor: 9_900, currency: 'USD' });
    expect(ok('1 234 567', 'VND', null)).toEqual({ ok: true, amountMinor: 1_234_567, currency: 'VND' });
    expect(ok('0.125', 'USD', null)).toEqual({ ok: true, amountMinor: 13, currency: 'USD' });
    // Never a guess: no currency anywhere, a symbol alone, or two that disagree.
    expect(ok('1234.56', null, null)).toEqual({ ok: false, problem: 'missing_currency' });
    expect(ok('$1,234.56', null, null)).toEqual({ ok: false, problem: 'missing_currency' });
    expect(ok('1234', 'USD', 'GBP')).toEqual({ ok: false, problem: 'conflicting_currency' });
    expect(ok('£1234', 'USD', null)).toEqual({ ok: false, problem: 'conflicting_currency' });
    expect(ok('99 EUR', 'USD', null)).toEqual({ ok: false, problem: 'conflicting_currency' });
    for (const bad of ['-5', 'abc', '1,23', '1.234,56', '12..5', '1e6', '12 kg', '$$5', '5 XYZ'])
      expect(ok(bad, 'USD', null), bad).toEqual({ ok: false, problem: 'invalid' });
  });

  it('reads an engagement rate as a percentage or a fraction, and refuses the bare number that is either', () => {
    expect(parseEngagement('4.5%', false)).toBe(450);
    expect(parseEngagement('4.5 ％', false)).toBe(450);
    expect(parseEngagement('0.045', false)).toBe(450);
    expect(parseEngagement('.12', false)).toBe(1_200);
    expect(parseEngagement('0', false)).toBe(0);
    expect(parseEngagement('4.5', true)).toBe(450);
    expect(parseEngagement('4.5%', true)).toBe(450);
    expect(parseEngagement('12.345%', false)).toBe(1_235);
    expect(parseEngagement('4.5', false)).toBe('ambiguous');
    expect(parseEngagement('1', false)).toBe('ambiguous');
    expect(parseEngagement('100%', false)).toBe(10_000);
    expect(parseEngagement('120%', false)).toBeNull();
    expect(parseEngagement('-1%', false)).toBeNull();
    expect(parseEngagement('high', false)).toBeNull();
  });
});

let db: Database;
let vault: Vault;
let importer: CreatorImporter;
let origins: CreatorOrigins;
let clock = 1_000;

beforeEach(async () => {
  db = openDatabase(':memory:');
  vault = await Vault.open({ db, keyStore: new MemoryKeyStore() });
  const identity = new CreatorIdentity(db);
  origins = new CreatorOrigins(db, identity);
  clock = 1_000;
  importer = new CreatorImporter({
    db,
    origins,
    contacts: new ContactStore(db, vault, () => clock),
    vaultUnlocked: () => vault.unlocked,
    now: () => clock,
  });
});
afterEach(() => {
  vault.close();
  db.close();
});

function dryRun(text: string | Buffer) {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const { uploadId } = importer.upload({ offset: 0, data: bytes.toString('base64') });
  return importer.dryRun(uploadId, 'figures.csv', 'auto');
}

function importFile(text: string | Buffer) {
  const report = dryRun(text);
  importer.confirm(report.importId);
  return report;
}

interface Figures {
  followers: number | null;
  gmv_minor: number | null;
  gmv_currency: string | null;
  units_sold: number | null;
  avg_video_views: number | null;
  engagement_bp: number | null;
  source: string;
}

const statsOf = (handle: string): Figures | undefined =>
  db
    .prepare(
      `SELECT s.followers, s.gmv_minor, s.gmv_currency, s.units_sold, s.avg_video_views, s.engagement_bp, s.source
       FROM creator_stats s JOIN creators c ON c.id = s.creator_id WHERE c.handle = ?`,
    )
    .get(handle) as Figures | undefined;

/** A creator as the marketplace stores a search result (marketplace.ts `store`). */
function fromMarketplace(handle: string, openId: string, figures: Partial<CreatorDraft>): void {
  origins.save(
    {
      handle,
      openId,
      nickname: null,
      region: 'US',
      followers: null,
      gmv: null,
      unitsSold: null,
      avgVideoViews: null,
      engagementBp: null,
      contacts: {},
      ...figures,
    },
    { source: 'marketplace', detail: null },
    clock,
  );
}

describe('import figures: a file', () => {
  it('reads figures under English headers, with the currency from the header, and writes them on confirm', () => {
    const report = dryRun(
      [
        'handle,GMV (USD),Units sold,Avg video views,Engagement rate',
        'ann_a,"1,234.56",320,12.5k,4.5%',
        'ben_b,12.5k,1.2k,800,0.045',
        'cat_c,,,,',
      ].join('\n'),
    );
    expect(report.columns.map((c) => c.field)).toEqual([
      'handle',
      'gmv',
      'unitsSold',
      'avgVideoViews',
      'engagement',
    ]);
    expect(report).toMatchObject({ valid: 3, badRows: [] });
    expect(db.prepare('SELECT count(*) FROM creator_stats').pluck().get()).toBe(0);
    importer.confirm(report.importId);
    expect(statsOf('ann_a')).toEqual({
      followers: null,
      gmv_minor: 123_456,
      gmv_currency: 'USD',
      units_sold: 320,
      avg_video_views: 12_500,
      engagement_bp: 450,
      source: 'import',
    });
    expect(statsOf('ben_b')).toMatchObject({ gmv_minor: 1_250_000, units_sold: 1_200, engagement_bp: 450 });
    // A row without figures writes no figures.
    expect(statsOf('cat_c')).toBeUndefined();
  });

  it('reads Chinese headers from a GB18030 file, with the currency from a currency column', () => {
    const text = [
      '达人账号,成交额,币种,销量,平均播放量,互动率(%)',
      'mei_mei,3.4万,人民币,1.2万,5000,6.25',
      'wang_w,88.8,usd,12,300,0.5',
    ].join('\r\n');
    const report = dryRun(iconv.encode(text, 'gb18030'));
    expect(report).toMatchObject({ encoding: 'gb18030', valid: 2, badRows: [] });
    importer.confirm(report.importId);
    expect(statsOf('mei_mei')).toMatchObject({
      gmv_minor: 3_400_000,
      gmv_currency: 'CNY',
      units_sold: 12_000,
      avg_video_views: 5_000,
      engagement_bp: 625,
    });
    // In a "(%)" column a bare 0.5 is half a percent, not half of all viewers.
    expect(statsOf('wang_w')).toMatchObject({ gmv_minor: 8_880, gmv_currency: 'USD', engagement_bp: 50 });
  });

  it('names every bad figure with its line, and writes none of those rows', () => {
    const report = dryRun(
      [
        'handle,GMV,currency,units sold,avg video views,engagement',
        'no_cur,1234,,10,100,1%', // 2: GMV without a currency
        'bad_cur,1234,dollars,10,100,1%', // 3: not a currency
        'mixed,£1234,USD,10,100,1%', // 4: symbol and column disagree
        'vague,1234,USD,10,100,4.5', // 5: 4.5 or 450%?
        'junk,abc,USD,many,-3,200%', // 6: four bad figures at once
        'good_one,1234,USD,10,100,1%', // 7
        'cur_only,,EUR,,,', // 8: a currency with no GMV is harmless
      ].join('\n'),
    );
    expect(report.badRows).toEqual([
      { line: 2, problems: [{ code: 'missing_currency', field: 'gmv' }] },
      { line: 3, problems: [{ code: 'invalid', field: 'currency' }] },
      { line: 4, problems: [{ code: 'conflicting_currency', field: 'currency' }] },
      { line: 5, problems: [{ code: 'ambiguous_rate', field: 'engagement' }] },
      {
        line: 6,
        problems: [
          { code: 'invalid', field: 'unitsSold' },
          { code: 'invalid', field: 'avgVideoViews' },
          { code: 'invalid', field: 'gmv' },
          { code: 'invalid', field: 'engagement' },
        ],
      },
    ]);
    expect(report.valid).toBe(2);
    importer.confirm(report.importId);
    expect(db.prepare('SELECT handle FROM creators ORDER BY handle').pluck().all()).toEqual([
      'cur_only',
      'good_one',
    ]);
    expect(statsOf('good_one')).toMatchObject({
      gmv_minor: 123_400,
      gmv_currency: 'USD',
      engagement_bp: 100,
    });
  });

  it('rows of one creator in a file merge figure by figure: a later value replaces, a blank keeps', () => {
    importFile(
      [
        'handle,GMV (USD),units sold,engagement',
        'dup_d,100,5,2%',
        'DUP_D,,7,', // keeps the GMV and the rate, replaces the units
        'dup_d,250.5,,', // replaces the GMV
      ].join('\n'),
    );
    expect(statsOf('dup_d')).toMatchObject({ gmv_minor: 25_050, units_sold: 7, engagement_bp: 200 });
  });
});

describe('import figures: which source wins', () => {
  it("the marketplace's figures win over a file's, before and after it; a file fills what the marketplace lacks", () => {
    fromMarketplace('mkt_m', 'OPENID_MKT_0001', {
      followers: 50_000,
      gmv: { amountMinor: 900_000, currency: 'USD' },
      avgVideoViews: 4_000,
    });
    clock = 2_000;
    const report = importFile(
      'handle,followers,GMV (USD),units sold,avg video views,engagement\nmkt_m,1,111,42,7,3%\n',
    );
    expect(report.mergedIntoExisting).toBe(1);
    expect(statsOf('mkt_m')).toEqual({
      followers: 50_000,
      gmv_minor: 900_000,
      gmv_currency: 'USD',
      units_sold: 42,
      avg_video_views: 4_000,
      engagement_bp: 300,
      source: 'marketplace',
    });
    // A later marketplace result replaces its own figures and still leaves the file's others.
    clock = 3_000;
    fromMarketplace('mkt_m', 'OPENID_MKT_0001', {
      followers: 51_000,
      gmv: { amountMinor: 950_000, currency: 'USD' },
    });
    expect(statsOf('mkt_m')).toMatchObject({
      followers: 51_000,
      gmv_minor: 950_000,
      units_sold: 42,
      avg_video_views: 4_000,
      engagement_bp: 300,
    });
    // The file's own figures are kept per source (the detail's "what the file said").
    expect(
      db
        .prepare("SELECT followers, gmv_minor, units_sold FROM creator_origins WHERE source = 'import'")
        .get(),
    ).toEqual({ followers: 1, gmv_minor: 11_100, units_sold: 42 });
  });

  it('a file imported first yields to the marketplace when it finds the creator; a re-import replaces its own', () => {
    importFile('handle,open id,GMV,currency,units sold\nfirst_f,OPENID_FIRST_01,500,GBP,9\n');
    expect(statsOf('first_f')).toMatchObject({ gmv_minor: 50_000, gmv_currency: 'GBP', source: 'import' });
    clock = 2_000;
    fromMarketplace('first_f', 'OPENID_FIRST_01', { gmv: { amountMinor: 70_000, currency: 'USD' } });
    expect(statsOf('first_f')).toMatchObject({ gmv_minor: 70_000, gmv_currency: 'USD', units_sold: 9 });
    clock = 3_000;
    importFile('handle,units sold,GMV (GBP)\nfirst_f,11,1\n');
    expect(statsOf('first_f')).toMatchObject({ gmv_minor: 70_000, gmv_currency: 'USD', units_sold: 11 });
    // A re-import without a figure keeps the one the earlier file gave.
    clock = 4_000;
    importFile('handle,nickname\nfirst_f,First\n');
    expect(statsOf('first_f')).toMatchObject({ units_sold: 11 });
  });

  it('a Creator of two records shows the marketplace record’s figures first, the other’s where it has none', () => {
    // A handle-only import, then the marketplace finds the creator: the identity joins the records (rule 4).
    importFile('handle,GMV (USD),units sold,engagement\njoin_j,10,3,2%\n');
    clock = 2_000;
    fromMarketplace('join_j', 'OPENID_JOIN_001', {
      gmv: { amountMinor: 77_700, currency: 'USD' },
      engagementBp: 150,
    });
    const records = db
      .prepare("SELECT id, canonical_id FROM creators WHERE handle = 'join_j' ORDER BY id")
      .all();
    expect(records).toEqual([
      { id: 1, canonical_id: 1 },
      { id: 2, canonical_id: 1 },
    ]);
    const indexed = () => new IndexSources(db).read([1]).get(1)?.stats;
    const marketplaceFirst = {
      ...none,
      gmv_minor: 77_700,
      gmv_currency: 'USD',
      units_sold: 3,
      engagement_bp: 150,
    };
    expect(indexed()).toEqual(marketplaceFirst);
    // Even when the file's record holds the newer figures, the marketplace's record's figures come first.
    db.prepare('UPDATE creator_stats SET updated_at = 9_000 WHERE creator_id = 1').run();
    expect(indexed()).toEqual(marketplaceFirst);
  });

  it('between files and the form the newest figure wins', () => {
    const rows: SourcedStats[] = [
      { ...none, source: 'import', at: 1, followers: 10, units_sold: 5 },
      { ...none, source: 'manual', at: 2, followers: 20 },
      { ...none, source: 'marketplace', at: 0, avg_video_views: 9 },
    ];
    expect(chooseStats(rows)).toEqual({
      ...none,
      followers: 20,
      units_sold: 5,
      avg_video_views: 9,
      source: 'marketplace',
      at: 2,
    });
    expect(chooseStats([{ ...none, source: 'import', at: 5 }])).toBeNull();
    // A GMV amount without its currency is no GMV: the next source's pair is taken whole, never mixed.
    expect(
      chooseStats([
        { ...none, source: 'marketplace', at: 9, gmv_minor: 5, gmv_currency: null },
        { ...none, source: 'import', at: 1, gmv_minor: 7, gmv_currency: 'GBP' },
      ]),
    ).toMatchObject({ gmv_minor: 7, gmv_currency: 'GBP', source: 'import' });
    expect(
      chooseStats([
        { ...none, source: 'marketplace', at: 9, gmv_minor: 5, gmv_currency: 'USD' },
        { ...none, source: 'import', at: 1, gmv_minor: 7, gmv_currency: 'GBP' },
      ]),
    ).toMatchObject({ gmv_minor: 5, gmv_currency: 'USD', source: 'marketplace' });
  });
});
