import { afterAll, beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import { channels } from '../../../src-shared/contract';
import { segmentForIndex } from '../../../src-main/creators/fts-text';
import { type AccountsTestApp, connectThrough, makeAccountsApp, sandboxAdmin } from '../../helpers/accounts';
import { tableChecksums } from '../../helpers/db-checksum';

/**
 * SQL and FTS5 syntax typed into every free-text search of the app (issue 15 item 7). Each search must
 * answer exactly what a brute-force filter over the stored rows answers, following the search's documented
 * meaning (a substring for LIKE searches, word prefixes for the full-text ones), or fail only with
 * `VALIDATION`; and nothing stored may change. Hostile names are planted first (a product title, a creator
 * nickname, a collaboration name holding `%`, `_`, `\`, quotes and FTS5 operators), so a wildcard taken
 * as one, or an operator obeyed, finds rows the brute force does not.
 */

const hostile = `50% off_now \\ "vip" NEAR( creator: it's * ' OR 1=1 -- `;
const payloads = [
  `' OR 1=1 --`,
  `"; DROP TABLE orders; --`,
  `%`,
  `_`,
  `\\`,
  `NEAR(`,
  `"`,
  `*`,
  `creator:`,
  `' OR '1'='1`,
  `%' OR 1=1 --`,
  `') UNION SELECT name, name FROM sqlite_master --`,
  `a OR b`,
  `NOT x`,
  `^`,
  `x\u0000' OR 1=1`,
];
/** The payloads around a word that does occur, so the expected answer is not empty. */
const around = (w: string) => [
  `${w}' OR 1=1 --`,
  `${w}"; DROP TABLE orders; --`,
  `${w}%`,
  `%${w}`,
  `${w.slice(0, 1)}_${w.slice(2)}`,
  `${w}\\`,
  `${w} NEAR(`,
  `"${w}`,
  `${w}*`,
  `creator:${w}`,
  `${w} OR zzqx`,
];

// ---- brute force: the documented meaning of each search, over plain rows ---------------------------------

/** Words as SQLite's unicode61 tokenizer (remove_diacritics 2) cuts them, lower case, accents off. */
const tokens = (text: string): string[] =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
/** LIKE: case-insensitive for ASCII only, as SQLite. */
const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const contains = (hay: string | null, needle: string) =>
  hay !== null && asciiLower(hay).includes(asciiLower(needle));
/** Orders and product titles: each of the first 8 words starts a word of the text. */
const prefixWords = (text: string, query: string): boolean => {
  const words = tokens(query).slice(0, 8);
  const have = tokens(text);
  return words.length > 0 && words.every((w) => have.some((h) => h.startsWith(w)));
};
/** Creators: every whitespace-separated word is a phrase whose last word is a prefix, in one column. */
const creatorMatch = (columns: string[], query: string): boolean => {
  const words = query
    .replace(/\p{Cc}/gu, ' ')
    .trim()
    .split(/\s+/u)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  // Nothing searchable typed (only punctuation): the text does not filter.
  if (words.length === 0) return true;
  return words.every((w) => {
    const phrase = tokens(segmentForIndex(w));
    return columns.some((col) => {
      const have = tokens(segmentForIndex(col));
      for (let i = 0; i + phrase.length <= have.length; i++) {
        const ok = phrase.every((p, j) =>
          j === phrase.length - 1 ? have[i + j]!.startsWith(p) : have[i + j] === p,
        );
        if (ok) return true;
      }
      return false;
    });
  });
};

// ---- the app -----------------------------------------------------------------------------------------------

let t: AccountsTestApp;
beforeAll(async () => {
  t = await makeAccountsApp();
  await connectThrough(t, 'shop');
  await t.invoke('sync:run', {});
  await t.app.sync.whenIdle();
  // A product renamed "in Seller Center" and synced again: its title is the hostile text.
  const p = t.app.db.prepare('SELECT product_id FROM products ORDER BY product_id LIMIT 1').pluck().get();
  await sandboxAdmin(t.sandbox, 'POST', '/products', { productId: p, title: `Candle ${hostile}` });
  await t.invoke('sync:run', {});
  await t.app.sync.whenIdle();
  // TikTok sends creator nicknames and collaboration names; these stand for hostile ones.
  t.app.db
    .prepare(
      `UPDATE creators SET nickname = ? WHERE id = (SELECT MIN(creator_id) FROM conversations WHERE creator_id IS NOT NULL)`,
    )
    .run(`Mia ${hostile}`);
  t.app.db.prepare('INSERT OR IGNORE INTO creator_dirty SELECT id FROM creators').run();
  // The tiny sandbox has no collaborations yet: three as a sync stores them, one with the hostile name.
  const shop = t.app.db.prepare('SELECT account_id AS a, shop_id AS s FROM orders LIMIT 1').get() as {
    a: string;
    s: string;
  };
  const collaboration = t.app.db.prepare(
    `INSERT INTO collaborations (collaboration_id, account_id, shop_id, name, start_time, etag, synced_at)
     VALUES (?, ?, ?, ?, ?, 'e', 1)`,
  );
  collaboration.run('7000000000000000001', shop.a, shop.s, `Spring ${hostile}`, 3);
  collaboration.run('7000000000000000002', shop.a, shop.s, 'Spring launch', 2);
  collaboration.run('7000000000000000003', shop.a, shop.s, 'Summer 100 percent', 1);
  await t.app.creators.worker.kick('sync');
  await t.app.creators.worker.idle();
}, 90_000);
afterAll(async () => t?.cleanup());

type Page = { items: Array<Record<string, unknown>>; nextCursor: string | null };
/** Every item a channel lists for the input, page after page. */
async function all(
  channel: string,
  input: Record<string, unknown>,
  limit: number,
): Promise<Page['items'] | string> {
  const items: Page['items'] = [];
  let cursor: string | null = null;
  do {
    const reply = await t.app.router.invoke(channel, { ...input, limit, ...(cursor ? { cursor } : {}) });
    if (!reply.ok) return reply.error.code;
    const page = reply.result as Page;
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

interface Target {
  channel: string;
  /** The input field that takes the text, as a path. */
  field: string;
  /** Ids the channel answers for the text (or the error code). */
  run(text: string): Promise<string[] | string>;
  /** Ids the brute force finds. */
  expected(text: string): string[];
  /** A word that occurs in the searched text. */
  word(): string;
}

const ids = (items: Page['items'] | string, key: string) =>
  typeof items === 'string' ? items : items.map((i) => String(i[key])).sort();
const sorted = (xs: Iterable<string | number>) => [...xs].map(String).sort();

function orderRows() {
  const rows = t.app.db
    .prepare(
      `SELECT o.order_id AS id, group_concat(concat_ws(' ', l.product_name, l.sku_name, l.seller_sku), ' ') AS text
       FROM orders o JOIN order_lines l ON l.order_id = o.order_id GROUP BY o.order_id`,
    )
    .all() as Array<{ id: string; text: string }>;
  return rows;
}
function productRows() {
  const products = t.app.db.prepare('SELECT product_id AS id, title FROM products').all() as Array<{
    id: string;
    title: string;
  }>;
  const skus = t.app.db
    .prepare('SELECT product_id AS id, sku_id, seller_sku FROM product_skus')
    .all() as Array<{
    id: string;
    sku_id: string;
    seller_sku: string | null;
  }>;
  return products.map((p) => ({ ...p, skus: skus.filter((s) => s.id === p.id) }));
}
function creatorColumns(): Map<number, string[]> {
  const q = (sql: string) => t.app.db.prepare(sql).all() as Array<{ cid: number; v: string }>;
  const cols = new Map<number, [string[], string[], string[]]>();
  const at = (cid: number) => cols.get(cid) ?? (cols.set(cid, [[], [], []]), cols.get(cid)!);
  for (const r of q(`SELECT c.canonical_id AS cid, h.handle AS v FROM creators c JOIN creator_handles h ON h.creator_id = c.id
      UNION SELECT canonical_id, handle FROM creators WHERE handle IS NOT NULL
      UNION SELECT canonical_id, nickname FROM creators WHERE nickname IS NOT NULL`))
    at(r.cid)[0].push(r.v);
  for (const r of q(
    `SELECT c.canonical_id AS cid, n.body AS v FROM creators c JOIN creator_notes n ON n.creator_id = c.id`,
  ))
    at(r.cid)[1].push(r.v);
  for (const r of q(`SELECT c.canonical_id AS cid, g.name AS v FROM creators c JOIN creator_tags ct ON ct.creator_id = c.id
      JOIN tags g ON g.id = ct.tag_id`))
    at(r.cid)[2].push(r.v);
  return new Map([...cols].map(([cid, c]) => [cid, c.map((x) => x.join(' | '))]));
}

const targets: Target[] = [
  {
    channel: 'orders:list',
    field: 'search',
    run: async (s) => ids(await all('orders:list', { search: s }, 500), 'orderId'),
    expected: (s) =>
      orderRows()
        .filter((o) => o.id === s.trim() || prefixWords(o.text, s))
        .map((o) => o.id),
    word: () => tokens(orderRows()[0]!.text)[0]!,
  },
  {
    channel: 'orders:summary',
    field: 'search',
    run: async (s) => {
      const r = await t.app.router.invoke('orders:summary', { search: s });
      return r.ok ? [String((r.result as { count: number }).count)] : r.error.code;
    },
    expected: (s) => [String(orderRows().filter((o) => prefixWords(o.text, s)).length)],
    word: () => tokens(orderRows()[1]!.text)[0]!,
  },
  {
    channel: 'orders:export',
    field: 'search',
    run: async (s) => {
      const r = await t.app.router.invoke('orders:export', { search: s });
      return r.ok ? [String((r.result as { rows: number }).rows)] : r.error.code;
    },
    expected: (s) => [String(orderRows().filter((o) => prefixWords(o.text, s)).length)],
    word: () => tokens(orderRows()[2]!.text)[0]!,
  },
  {
    channel: 'products:list',
    field: 'search',
    run: async (s) => ids(await all('products:list', { search: s }, 500), 'productId'),
    expected: (s) => {
      const q = s.trim();
      return productRows()
        .filter(
          (p) =>
            p.id === q ||
            p.skus.some((k) => k.sku_id === q || (k.seller_sku !== null && k.seller_sku.startsWith(q))) ||
            prefixWords(p.title, q),
        )
        .map((p) => p.id);
    },
    word: () => 'candle',
  },
  {
    channel: 'collaborations:list',
    field: 'search',
    run: async (s) => ids(await all('collaborations:list', { search: s }, 500), 'collaborationId'),
    expected: (s) => {
      const q = s.trim();
      const rows = t.app.db
        .prepare('SELECT collaboration_id AS id, name FROM collaborations')
        .all() as Array<{
        id: string;
        name: string;
      }>;
      return rows.filter((c) => c.id === q || contains(c.name, q)).map((c) => c.id);
    },
    word: () => 'Spring',
  },
  {
    channel: 'inbox:list',
    field: 'search',
    run: async (s) => ids(await all('inbox:list', { search: s }, 200), 'conversationId'),
    expected: (s) => {
      const q = s.trim().replace(/^@/, '');
      const rows = t.app.db
        .prepare(
          `SELECT c.conversation_id AS id, COALESCE(root.handle, rec.handle) AS handle,
                  COALESCE(root.nickname, rec.nickname) AS nickname
           FROM conversations c LEFT JOIN creators rec ON rec.id = c.creator_id
           LEFT JOIN creators root ON root.id = rec.canonical_id`,
        )
        .all() as Array<{ id: string; handle: string | null; nickname: string | null }>;
      return rows.filter((c) => contains(c.handle, q) || contains(c.nickname, q)).map((c) => c.id);
    },
    word: () => 'Mia',
  },
  {
    channel: 'creators:search',
    field: 'filter.text',
    run: async (s) => ids(await all('creators:search', { filter: { text: s } }, 500), 'id'),
    expected: (s) => {
      const listed = new Set(creatorUniverse);
      return [...creatorColumns()]
        .filter(([cid, cols]) => listed.has(String(cid)) && creatorMatch(cols, s))
        .map(([cid]) => String(cid));
    },
    word: () => 'mia',
  },
  {
    channel: 'creators:count',
    field: 'filter.text',
    run: async (s) => {
      const r = await t.app.router.invoke('creators:count', { filter: { text: s } });
      return r.ok ? [String((r.result as { total: number }).total)] : r.error.code;
    },
    expected: (s) => {
      const listed = new Set(creatorUniverse);
      return [
        String(
          [...creatorColumns()].filter(([cid, cols]) => listed.has(String(cid)) && creatorMatch(cols, s))
            .length,
        ),
      ];
    },
    word: () => 'off',
  },
];

/** Creators the table lists with no filter: the brute force searches among them. */
let creatorUniverse: string[] = [];

it('lists every channel that takes free text, and each is covered here or said why not', () => {
  // Walk each channel's input schema for free-text fields: a new search box is in this test or fails it.
  const found: string[] = [];
  const walk = (s: z.ZodType, path: string): void => {
    const def = (s as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
    const inner = (k: string) => walk(def[k] as z.ZodType, path);
    if (def.type === 'object')
      for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>))
        walk(v, path ? `${path}.${k}` : k);
    else if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch'].includes(def.type))
      inner('innerType');
    else if (def.type === 'pipe') inner('in');
    else if (def.type === 'union') for (const o of def.options as z.ZodType[]) walk(o, path);
    else if (def.type === 'string' && /(^|\.)(search|text|keyword|query|q)$/.test(path)) found.push(path);
  };
  const textual = Object.entries(channels).flatMap(([name, c]) => {
    const paths: string[] = [];
    const before = found.length;
    walk(c.input as z.ZodType, '');
    paths.push(...found.splice(before));
    return [...new Set(paths)].map((p) => `${name} ${p}`);
  });
  const covered = targets.map((x) => `${x.channel} ${x.field}`);
  /** Free text that is not a search of stored rows, or is searched by the same code as a covered channel. */
  const sameFilter =
    'the creators filter SQL of creators:search and creators:count (src-main/creators/filter-sql.ts)';
  const elsewhere: Record<string, string> = {
    'creators:export selection.filter.text': sameFilter,
    'creators:bulk selection.filter.text': sameFilter,
    'lists:create filter.text': sameFilter,
    'lists:update filter.text': sameFilter,
    'lists:addMembers selection.filter.text': sameFilter,
    'lists:removeMembers selection.filter.text': sameFilter,
    'outreach:plan selection.filter.text': sameFilter,
    'outreach:create selection.filter.text': sameFilter,
    'orders:saveView filters.search': 'stored as a value; applied through orders:list',
    'marketplace:search filters.keyword': 'sent to TikTok as a JSON value, never to SQL',
    'marketplace:saveSearch filters.keyword': 'stored as a value; run through marketplace:search',
    'inbox:reply text': 'a message sent to TikTok, not a search',
  };
  const uncovered = textual.filter((x) => !covered.includes(x) && !(x in elsewhere));
  expect(uncovered).toEqual([]);
  expect(textual.length).toBeGreaterThan(covered.length);
});

it('every search answers what a brute-force filter answers, and nothing stored changes', async () => {
  creatorUniverse = ids(await all('creators:search', {}, 500), 'id') as string[];
  expect(creatorUniverse.length).toBeGreaterThan(0);
  const before = tableChecksums(t.app.db);
  const problems: string[] = [];
  let nonEmpty = 0;
  for (const target of targets) {
    const texts = [...payloads, ...around(target.word()), hostile];
    for (const s of texts) {
      const got = await target.run(s);
      if (typeof got === 'string') {
        if (got !== 'VALIDATION') problems.push(`${target.channel} ${JSON.stringify(s)}: ${got}`);
        continue;
      }
      const want = sorted(target.expected(s));
      if (JSON.stringify(sorted(got)) !== JSON.stringify(want))
        problems.push(
          `${target.channel} ${JSON.stringify(s)}: got ${got.length} ${JSON.stringify(sorted(got).slice(0, 3))}, want ${want.length} ${JSON.stringify(want.slice(0, 3))}`,
        );
      if (want.length > 0 && want[0] !== '0') nonEmpty += 1;
    }
  }
  expect(problems).toEqual([]);
  // The comparison had rows to find: the planted names and the real words are found through the syntax.
  expect(nonEmpty).toBeGreaterThan(targets.length * 4);
  expect(tableChecksums(t.app.db)).toEqual(before);
}, 120_000);
