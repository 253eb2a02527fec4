import { cjkNames, latinNames, thaiNames } from './creator-world';
import { seededRandom } from './seeded-random';

/**
 * A generated creator list as a merchant's file from another tool: the same kinds of names, regions and
 * figures as `buildWorld`'s, but as CSV text for the app's own import (creators:import), so a journey's
 * creators come in through the product rather than by SQL. Deterministic per seed; `rows` are the values
 * each line was written from, for a test that computes by brute force what a filter should find.
 */

export interface WorldCsvRow {
  openId: string;
  handle: string;
  nickname: string;
  region: string;
  followers: number | null;
  gmv: { amountMinor: number; currency: 'USD' | 'GBP' } | null;
  unitsSold: number | null;
  avgVideoViews: number | null;
  engagementBp: number | null;
  categories: string[];
}

export interface WorldCsv {
  csv: string;
  rows: WorldCsvRow[];
}

const words = ['beauty', 'fitness', 'gamer', 'chef', 'travel', 'mom', 'tech', 'style', 'daily'];
const regions = ['US', 'GB', 'TH', 'MY', 'SG'];

const cell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function worldCsv(n: number, seed: number, categories: readonly string[]): WorldCsv {
  const r = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const maybe = <T>(p: number, v: () => T): T | null => (r() < p ? v() : null);
  const rows: WorldCsvRow[] = [];
  const lines = [
    'Creator open ID,TikTok handle,Nickname,Region,Followers,GMV,Currency,Units sold,Avg video views,Engagement rate,Categories',
  ];
  for (let i = 0; i < n; i++) {
    const script = r();
    const base = script < 0.6 ? pick(latinNames) : script < 0.85 ? pick(cjkNames) : pick(thaiNames);
    // "." where the sandbox's own creators have "_" (src-main/sandbox/data/world.ts): a file's creator never
    // shares a handle with one the shop's sync brought, so each row is a new creator.
    const handle = `${pick(latinNames).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}.${pick(words)}${i}`;
    const row: WorldCsvRow = {
      openId: `import-${seed}-${i}`,
      handle,
      nickname: r() < 0.5 ? `${base} ${pick(words)}` : base,
      region: pick(regions),
      followers: null,
      gmv: null,
      unitsSold: null,
      avgVideoViews: null,
      engagementBp: null,
      categories: [],
    };
    if (r() < 0.8) {
      row.followers = Math.floor(10 ** (2 + r() * 5));
      const currency = pick(['USD', 'USD', 'GBP'] as const);
      row.gmv = maybe(0.9, () => ({ amountMinor: Math.floor(10 ** (3 + r() * 5)), currency }));
      row.unitsSold = maybe(0.9, () => Math.floor(r() * 5000));
      row.avgVideoViews = maybe(0.9, () => Math.floor(10 ** (2 + r() * 4)));
      row.engagementBp = maybe(0.9, () => Math.floor(r() * 1500));
    }
    if (r() < 0.6) row.categories.push(pick(categories));
    if (r() < 0.2) {
      const second = pick(categories);
      if (!row.categories.includes(second)) row.categories.push(second);
    }
    rows.push(row);
    const gmv = row.gmv;
    lines.push(
      [
        row.openId,
        // As other tools write them: sometimes with the "@", the region in lower case.
        i % 7 === 0 ? `@${row.handle}` : row.handle,
        row.nickname,
        i % 5 === 0 ? row.region.toLowerCase() : row.region,
        row.followers === null ? '' : row.followers.toLocaleString('en-US'),
        gmv === null
          ? ''
          : `${Math.floor(gmv.amountMinor / 100)}.${String(gmv.amountMinor % 100).padStart(2, '0')}`,
        gmv === null ? '' : gmv.currency,
        row.unitsSold === null ? '' : String(row.unitsSold),
        row.avgVideoViews === null ? '' : String(row.avgVideoViews),
        row.engagementBp === null
          ? ''
          : i % 2
            ? `${row.engagementBp / 100}%`
            : String(row.engagementBp / 10_000),
        row.categories.join(';'),
      ]
        .map(cell)
        .join(','),
    );
  }
  return { csv: lines.join('\r\n'), rows };
}
