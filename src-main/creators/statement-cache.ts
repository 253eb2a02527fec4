import type { Database, Statement } from 'better-sqlite3';

/**
 * Prepared statements for SQL built per request (filters, sorts): compiling costs more than running a page
 * over the index, and the same few shapes come back as the user scrolls. Bounded, oldest out first.
 */
const caches = new WeakMap<Database, Map<string, Statement>>();
const MAX = 200;

export function prepareCached(db: Database, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (stmt) {
    cache.delete(sql);
  } else {
    stmt = db.prepare(sql);
    if (cache.size >= MAX) cache.delete(cache.keys().next().value!);
  }
  cache.set(sql, stmt);
  return stmt;
}
