import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput } from '@shared/contract';
import type { CreatorFilter } from '@shared/creators';
import type { ShopmeshApp } from '../../../src-main/app';
import { invokeOk, makeTestApp, testVaultEnv } from '../../helpers/app';
import { seededRandom } from '../../helpers/seeded-random';
import { makeTempDir } from '../../helpers/tmp';

/**
 * Figures a merchant's file carries (GMV with its currency, units sold, average video views, engagement) reach
 * the Creators filters: a file of generated creators, its figures written the many ways spreadsheets write
 * them, is imported through the channels the import dialog uses, and each filter's answer is compared with a
 * brute-force filter over the figures the file was generated from. A second file then updates some creators
 * (a value replaces, a blank keeps) and repeats some rows, and the filters are compared again.
 */
const tmp = makeTempDir();
let app: ShopmeshApp;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ app, cleanup } = await makeTestApp({ dataDir: tmp.dir, env: testVaultEnv }));
});
afterAll(async () => {
  await cleanup();
  tmp.cleanup();
});

const invoke = <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> =>
  invokeOk(app, channel, input);

/** Every creator a filter finds, page by page. */
async function found(filter: CreatorFilter): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await invoke('creators:search', {
      filter,
      sort: { column: 'handle', direction: 'asc' },
      limit: 97,
      ...(cursor ? { cursor } : {}),
    });
    out.push(...page.items.map((c) => c.handle ?? ''));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out.sort();
}

async function importCsv(csv: string, fileName: string) {
  const up = await invoke('creators:importUpload', { offset: 0, data: Buffer.from(csv).toString('base64') });
  const dry = await invoke('creators:import', { step: 'dryRun', uploadId: up.uploadId, fileName });
  if (dry.step !== 'dryRun') throw new Error('expected a dry run');
  const done = await invoke('creators:import', { step: 'confirm', importId: dry.report.importId });
  if (done.step !== 'confirm') throw new Error('expected a confirm');
  await app.creators.worker.kick('manual');
  return { report: dry.report, done };
}

interface Truth {
  gmv: { amountMinor: number; currency: 'USD' | 'GBP' | 'VND' } | null;
  unitsSold: number | null;
  avgVideoViews: number | null;
  engagementBp: number | null;
}

/** mulberry32: the same file every run. */
const rnd = seededRandom(23);
const int = (max: number): number => Math.floor(rnd() * (max + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
const grouped = (n: number): string => n.toLocaleString('en-US');

function amountText(minor: number, currency: string): string {
  const exp = currency === 'VND' ? 0 : 2;
  const major =
    exp === 0 ? String(minor) : `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
  const [whole = '0', frac] = major.split('.');
  const withCommas = `${grouped(Number(whole))}${frac !== undefined ? `.${frac}` : ''}`;
  return pick([major, withCommas]);
}

/** One cell pair (GMV, currency column) for `gmv`, the currency in the cell or in the column. */
function gmvCells(gmv: Truth['gmv']): [string, string] {
  if (gmv === null) return ['', pick(['', 'USD'])];
  const amount = amountText(gmv.amountMinor, gmv.currency);
  const form = int(3);
  if (form === 0) return [amount, gmv.currency];
  if (form === 1) return [amount, gmv.currency === 'USD' ? '美元' : gmv.currency.toLowerCase()];
  if (form === 2) return [`${amount} ${gmv.currency}`, ''];
  return [gmv.currency === 'GBP' ? `£${amount}` : `${gmv.currency} ${amount}`, gmv.currency];
}

function countText(n: number): string {
  if (n % 1_000 === 0 && n > 0) return pick([`${n / 1_000}k`, String(n), `${n / 10_000}万`]);
  return pick([String(n), grouped(n)]);
}

function engagementText(bp: number): string {
  return pick([`${bp / 100}%`, `${(bp / 10_000).toString()}`]);
}

function makeTruth(): Truth {
  const currency = pick(['USD', 'USD', 'GBP', 'VND'] as const);
  return {
    gmv:
      rnd() < 0.75 ? { amountMinor: currency === 'VND' ? int(900_000_000) : int(5_000_000), currency } : null,
    unitsSold: rnd() < 0.7 ? (rnd() < 0.2 ? int(40) * 1_000 : int(30_000)) : null,
    avgVideoViews: rnd() < 0.7 ? int(2_000_000) : null,
    engagementBp: rnd() < 0.7 ? int(2_500) : null,
  };
}

const header = 'Handle,GMV,Currency,Units sold,Avg video views,Engagement rate';

function row(handle: string, t: Truth): string {
  const [gmv, currency] = gmvCells(t.gmv);
  const cells = [
    handle,
    gmv,
    currency,
    t.unitsSold === null ? '' : countText(t.unitsSold),
    t.avgVideoViews === null ? '' : countText(t.avgVideoViews),
    t.engagementBp === null ? '' : engagementText(t.engagementBp),
  ];
  return cells.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
}

const N = 400;
const truth = new Map<string, Truth>();

function matches(t: Truth, f: CreatorFilter): boolean {
  const within = (v: number | null, r: { min?: number; max?: number } | undefined): boolean =>
    r === undefined ||
    (v !== null && (r.min === undefined || v >= r.min) && (r.max === undefined || v <= r.max));
  if (f.gmv) {
    if (t.gmv === null || t.gmv.currency !== f.gmv.currency) return false;
    if (!within(t.gmv.amountMinor, f.gmv)) return false;
  }
  return (
    within(t.unitsSold, f.unitsSold) &&
    within(t.avgVideoViews, f.avgVideoViews) &&
    within(t.engagementBp, f.engagement)
  );
}

const filters: CreatorFilter[] = [
  { gmv: { currency: 'USD', min: 1_000_000, max: 3_000_000 } },
  { gmv: { currency: 'USD' } },
  { gmv: { currency: 'GBP', min: 2_500_000 } },
  { gmv: { currency: 'VND', max: 300_000_000 } },
  { unitsSold: { min: 10_000, max: 20_000 } },
  { unitsSold: { min: 25_000 } },
  { avgVideoViews: { max: 500_000 }, gmv: { currency: 'USD', min: 2_000_000 } },
  { engagement: { min: 1_000 } },
  { engagement: { max: 250 }, unitsSold: { max: 5_000 } },
];

async function compareAll(): Promise<void> {
  for (const f of filters) {
    const expected = [...truth]
      .filter(([, t]) => matches(t, f))
      .map(([h]) => h)
      .sort();
    expect(expected.length, JSON.stringify(f)).toBeGreaterThan(0);
    expect(await found(f), JSON.stringify(f)).toEqual(expected);
  }
}

describe('imported figures in the Creators filters', () => {
  it('finds exactly the creators whose imported figures match, as a brute-force filter over the file does', async () => {
    const lines = [header];
    for (let i = 0; i < N; i++) {
      const handle = `fig_${String(i).padStart(3, '0')}`;
      const t = makeTruth();
      truth.set(handle, t);
      lines.push(row(handle, t));
    }
    // Rows refused whole: a GMV with no currency, an engagement that could be 4.5% or 450%.
    lines.push('no_currency_1,1234.56,,5,5,1%');
    lines.push('vague_rate_1,12 USD,,5,5,4.5');
    const { report, done } = await importCsv(lines.join('\r\n'), 'figures-1.csv');
    expect(report.badRows).toEqual([
      { line: N + 2, problems: [{ code: 'missing_currency', field: 'gmv' }] },
      { line: N + 3, problems: [{ code: 'ambiguous_rate', field: 'engagement' }] },
    ]);
    expect(done).toMatchObject({ created: N, merged: 0, skippedBadRows: 2 });
    expect(await found({ text: 'no_currency_1' })).toEqual([]);
    await compareAll();
  });

  it('a second file updates what it gives, keeps what it leaves blank, and merges its repeated rows', async () => {
    const lines = [header];
    const handles = [...truth.keys()];
    for (let i = 0; i < 150; i++) {
      const handle = pick(handles);
      const before = truth.get(handle) as Truth;
      const next = makeTruth();
      // A blank cell keeps the figure the first file gave.
      const after: Truth = {
        gmv: next.gmv ?? before.gmv,
        unitsSold: next.unitsSold ?? before.unitsSold,
        avgVideoViews: next.avgVideoViews ?? before.avgVideoViews,
        engagementBp: next.engagementBp ?? before.engagementBp,
      };
      truth.set(handle, after);
      // Upper case: the same creator (handles compare without case), repeated rows of one file merge.
      lines.push(row(rnd() < 0.3 ? handle.toUpperCase() : handle, next));
    }
    const { report, done } = await importCsv(lines.join('\n'), 'figures-2.csv');
    expect(report.badRows).toEqual([]);
    expect(report.duplicatesInFile).toBeGreaterThan(0);
    expect(done.created).toBe(0);
    await compareAll();
    // The detail shows the figures the filters found, said to come from a file.
    for (const handle of ['fig_007', 'fig_123', 'fig_321']) {
      const one = (await invoke('creators:search', { filter: { text: handle } })).items[0];
      const detail = await invoke('creators:get', { id: one?.id ?? 0 });
      const t = truth.get(handle) as Truth;
      const figures = {
        gmv: t.gmv,
        unitsSold: t.unitsSold,
        avgVideoViews: t.avgVideoViews,
        engagementBp: t.engagementBp,
      };
      expect(detail.creator).toMatchObject(figures);
      expect(detail.stats).toMatchObject({ source: 'import', ...figures });
    }
  });
});
