import type { Database, Statement } from 'better-sqlite3';

/**
 * Prefix words of an order search, turned into the index's own terms before the search runs.
 *
 * FTS5 answers a prefix query (`"cand"*`) by reading and merging the whole list of every matching term
 * before it yields a first row: on 1M orders "candle"* took 40 ms at p50 whatever the page size. The same
 * words as exact terms (`"candle" OR "candles"`) are read lazily, newest first, and a first page costs well
 * under a millisecond. The index's vocabulary (fts5vocab over `order_search`, a temp table per connection)
 * lists the terms a prefix stands for; a prefix with no term or too many (one or two letters) keeps the
 * prefix query, which is exact, only slower.
 *
 * Reading the vocabulary for a prefix still reads the lists of its terms (a few ms for a common word), so
 * the answer is kept per prefix until the index changes: FTS5's structure record (rowid 10 of
 * `order_search_data`, which carries a counter every write bumps) is the version the cache is checked
 * against on each search, so a word written a moment ago is never missed.
 */

const MAX_TERMS = 32;

const statements = new WeakMap<Database, Statement<[string, string], string>>();

interface Cached {
  version: Buffer;
  terms: Map<string, string[] | null>;
}
const caches = new WeakMap<Database, Cached>();
const MAX_CACHED = 256;

function indexVersion(db: Database): Buffer {
  const block = db.prepare('SELECT block FROM order_search_data WHERE id = 10').pluck().get() as
    Buffer | undefined;
  return block ?? Buffer.alloc(0);
}

/** Forget the cached expansions (the bench measures the uncached path with it). */
export function clearSearchTermCache(db: Database): void {
  caches.delete(db);
}

function termsStatement(db: Database): Statement<[string, string], string> {
  let st = statements.get(db);
  if (!st) {
    db.exec(
      `CREATE VIRTUAL TABLE IF NOT EXISTS temp.order_search_terms USING fts5vocab(main, 'order_search', 'row')`,
    );
    st = db
      .prepare<[string, string], string>(
        `SELECT term FROM temp.order_search_terms WHERE term >= ? AND term < ? LIMIT ${MAX_TERMS + 1}`,
      )
      .pluck();
    statements.set(db, st);
  }
  return st;
}

/** The word as the index's tokenizer (unicode61, remove_diacritics 2) stores it: lower case, no accents. */
export function indexForm(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The index terms `word` is a prefix of, or null to keep the prefix query (none, too many, or too short). */
export function expandPrefix(db: Database, word: string): string[] | null {
  const prefix = indexForm(word);
  if ([...prefix].length < 3) return null;
  const version = indexVersion(db);
  let cache = caches.get(db);
  if (!cache || !cache.version.equals(version)) {
    cache = { version, terms: new Map() };
    caches.set(db, cache);
  }
  const known = cache.terms.get(prefix);
  if (known !== undefined) return known;
  const terms = termsStatement(db).all(prefix, `${prefix}\u{10FFFF}`);
  const answer = terms.length === 0 || terms.length > MAX_TERMS ? null : terms;
  if (cache.terms.size >= MAX_CACHED) cache.terms.clear();
  cache.terms.set(prefix, answer);
  return answer;
}
