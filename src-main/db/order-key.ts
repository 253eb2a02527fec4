/**
 * The `rowid` of an order: its creation second in the high bits and a hash of its id in the low 21 bits.
 * Rowid order is then creation order, so "newest first" reads the table (and the search index, whose rows
 * share these rowids) backwards with no sort, and a date range is a rowid range. The key stays below 2^53
 * (JavaScript numbers hold it exactly) until 2106. Two orders of the same second whose hashes meet take
 * the next free slot (`nextOrderKey`).
 */

export const ORDER_KEY_BITS = 21;
const SLOTS = 2 ** ORDER_KEY_BITS;

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The preferred key of an order created at `createTimeMs`. */
export function orderKey(createTimeMs: number, orderId: string): number {
  return Math.floor(createTimeMs / 1000) * SLOTS + (fnv1a(orderId) % SLOTS);
}

/** The next slot of the same second (wrapping within it), for when `key` is taken. */
export function nextOrderKey(key: number): number {
  const second = Math.floor(key / SLOTS);
  return second * SLOTS + (((key % SLOTS) + 1) % SLOTS);
}

/**
 * A rowid bound for a creation-time bound: `create_time >= ms` holds for exactly the keys `>= keyAt(ms)`, and
 * `create_time < ms` for the keys `< keyAt(ms)`, because TikTok's creation times are whole seconds.
 */
export function keyAt(ms: number): number {
  return Math.ceil(ms / 1000) * SLOTS;
}
