import { afterAll, beforeAll, expect, it } from 'vitest';
import { type AccountsTestApp, connectThrough, makeAccountsApp } from '../../helpers/accounts';
import { tableChecksums } from '../../helpers/db-checksum';

/**
 * SQL injection through every search, filter, cursor and sort input that reaches SQL (issue 15 item 7).
 * Every payload carries the word `zzqx`, which no synced record contains: whatever SQL or FTS5 syntax
 * surrounds it, a search or filter built from bound parameters and quoted full-text terms finds nothing,
 * while one spliced into SQL (`' OR '1'='1`) or into an FTS5 query (`a OR b`, `*`, `NEAR`) would find
 * rows, fail with a syntax error (`INTERNAL`) or change data. Nothing stored may change.
 */

let t: AccountsTestApp;
beforeAll(async () => {
  t = await makeAccountsApp();
  await connectThrough(t, 'shop');
  await t.invoke('sync:run', {});
  await t.app.sync.whenIdle();
  await t.app.creators.worker.idle();
}, 60_000);
afterAll(async () => t?.cleanup());

const injections = [
  `zzqx' OR '1'='1`,
  `zzqx" OR 1=1 --`,
  `zzqx%' OR 1=1 --`,
  `zzqx'); DROP TABLE orders; --`,
  `zzqx' UNION SELECT key_id, key_id, key_id FROM vault_keys --`,
  `zzqx' || (SELECT group_concat(name) FROM sqlite_master) || '`,
  `zzqx' AND 0=(SELECT count(*) FROM secrets) --`,
  `zzqx OR a`,
  `zzqx OR *`,
  `zzqx*`,
  `"zzqx`,
  `zzqx NEAR(a b)`,
  `title:zzqx`,
  `^zzqx`,
  `- zzqx`,
  `zzqx AND NOT a`,
  `zzqx\\`,
  `zzqx%_`,
  `zzqx; PRAGMA writable_schema = 1`,
  `zzqx\u0000' OR 1=1`,
];

type Input = Record<string, unknown>;
/** Each channel, and how one injected string becomes its input. */
const targets: Array<[string, (s: string) => Input]> = [
  ['orders:list', (s) => ({ search: s })],
  ['orders:list', (s) => ({ shopId: s })],
  ['orders:list', (s) => ({ search: s, awaitingShipment: true, sort: { by: 'sla', desc: true } })],
  ['orders:summary', (s) => ({ shopId: s })],
  ['orders:export', (s) => ({ search: s })],
  ['products:list', (s) => ({ search: s })],
  ['products:list', (s) => ({ status: s })],
  ['products:list', (s) => ({ shopId: s, sort: { by: 'title', desc: false } })],
  ['collaborations:list', (s) => ({ search: s })],
  ['collaborations:list', (s) => ({ shopId: s })],
  ['creators:search', (s) => ({ filter: { text: s } })],
  ['creators:search', (s) => ({ filter: { categories: [s] } })],
  ['creators:search', (s) => ({ filter: { regions: [s.slice(0, 8)] } })],
  ['creators:search', (s) => ({ filter: { shopIds: [s] } })],
  ['creators:count', (s) => ({ filter: { text: s } })],
  ['samples:list', (s) => ({ shopId: s })],
];

const countOf = (result: unknown): number | null => {
  const r = result as { items?: unknown[]; total?: number | null; count?: number; rows?: number };
  if (Array.isArray(r.items)) return r.items.length;
  if (typeof r.count === 'number') return r.count;
  if (typeof r.total === 'number') return r.total;
  if (typeof r.rows === 'number') return r.rows;
  return null;
};

it('search and filter inputs stay data: nothing matches, nothing fails, nothing changes', async () => {
  // The lists are not empty to begin with, so "nothing matches" means the filter held.
  for (const channel of ['orders:list', 'products:list', 'creators:search']) {
    const all = await t.app.router.invoke(channel, {});
    expect(all.ok && countOf(all.result)! > 0, channel).toBe(true);
  }
  const before = tableChecksums(t.app.db);
  const problems: string[] = [];
  for (const [channel, input] of targets) {
    for (const s of injections) {
      const reply = await t.app.router.invoke(channel, input(s));
      if (!reply.ok) {
        // A value the schema refuses (too long, wrong shape) is fine; anything else is not.
        if (reply.error.code !== 'VALIDATION')
          problems.push(`${channel} ${JSON.stringify(s)}: ${reply.error.code}`);
        continue;
      }
      const n = countOf(reply.result);
      if (n !== null && n > 0) problems.push(`${channel} ${JSON.stringify(s)}: ${n} rows`);
    }
  }
  expect(problems).toEqual([]);
  expect(tableChecksums(t.app.db)).toEqual(before);
});

it('sort columns and cursors are refused unless they are ours', async () => {
  const before = tableChecksums(t.app.db);
  const refused: Array<[string, Input]> = [
    ['orders:list', { sort: { by: 'created; DROP TABLE orders', desc: true } }],
    ['products:list', { sort: { by: 'title) --', desc: false } }],
    ['creators:search', { sort: { column: 'score DESC; --', direction: 'desc' } }],
    ['creators:search', { sort: { column: 'score', direction: 'desc; DELETE FROM creators' } }],
  ];
  for (const [channel, input] of refused) {
    const reply = await t.app.router.invoke(channel, input);
    expect(reply.ok ? 'ok' : reply.error.code, channel).toBe('VALIDATION');
  }
  // A forged cursor never reaches SQL as text: it is refused or read as a position, never as a failure.
  for (const [channel, cursor] of [
    ['orders:list', `x' OR 1=1 --`],
    ['products:list', `1'; DROP TABLE products; --`],
    ['collaborations:list', `') UNION SELECT * FROM secrets --`],
    ['creators:search', `eyJhIjoiJyBPUiAxPTEgLS0ifQ==`],
    ['samples:list', `'`],
  ] as const) {
    const reply = await t.app.router.invoke(channel, { cursor });
    if (!reply.ok) expect(reply.error.code, channel).toBe('VALIDATION');
  }
  expect(tableChecksums(t.app.db)).toEqual(before);
});

it('LIKE wildcards in a search are taken literally', async () => {
  // No creator handle or nickname of the synced conversations holds `%` or `\`; spliced into LIKE
  // unescaped, `%` matches every row. (Handles do hold `_`, so it is not a probe here.)
  const all = await t.app.router.invoke('inbox:list', {});
  expect(all.ok && countOf(all.result)! > 0, 'inbox:list has rows to find').toBe(true);
  for (const search of ['%', '%%', '\\%', '%\\']) {
    const reply = await t.app.router.invoke('inbox:list', { search });
    expect(reply.ok ? countOf(reply.result) : reply.error.code, `inbox:list ${search}`).toBe(0);
  }
});
