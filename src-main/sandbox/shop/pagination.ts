import { hashString } from '../data/rng';
import { invalidParam } from './errors';

/**
 * Page tokens are opaque standard base64 that always contains `+` and `/`, like TikTok's: a client that
 * forgets to URL-encode them (or signs the encoded form) fails here instead of in production.
 * A token carries a position and a fingerprint of the query it belongs to, so it cannot be replayed
 * against different filters.
 */
const magic = Buffer.from([0xfb, 0xff, 0xbf]);

export function fingerprint(...parts: unknown[]): number {
  return hashString(JSON.stringify(parts));
}

export function encodePageToken(position: number, fp: number): string {
  const buf = Buffer.alloc(11);
  magic.copy(buf, 0);
  buf.writeUInt32BE(position >>> 0, 3);
  buf.writeUInt32BE(fp >>> 0, 7);
  return buf.toString('base64');
}

/** Position encoded in `token`, 0 for a first call. */
export function decodePageToken(token: string | undefined, fp: number): number {
  if (token === undefined || token === '') return 0;
  const buf = Buffer.from(token, 'base64');
  if (buf.length !== 11 || buf.toString('base64') !== token || !buf.subarray(0, 3).equals(magic)) {
    throw invalidParam('page_token is invalid (was it URL-decoded exactly once?)');
  }
  if (buf.readUInt32BE(7) !== fp >>> 0) throw invalidParam('page_token does not belong to this query');
  return buf.readUInt32BE(3);
}

export interface Sequence {
  length: number;
  /** Item at position k of the walk (already in the requested sort order). */
  at(k: number): number;
}

/** Walks `seq` from `start`, keeping items that match, until a page is full. */
export function walk(
  seq: Sequence,
  start: number,
  pageSize: number,
  match: (item: number) => boolean,
): { items: number[]; next: number | null } {
  const items: number[] = [];
  let k = start;
  for (; k < seq.length && items.length < pageSize; k++) {
    const item = seq.at(k);
    if (match(item)) items.push(item);
  }
  // Look ahead so the last page has no token (the client never makes an empty extra call for nothing).
  let more = false;
  for (let j = k; j < seq.length; j++) {
    if (match(seq.at(j))) {
      more = true;
      k = j;
      break;
    }
  }
  return { items, next: more ? k : null };
}

/** Matches among the first `end` positions (all of them by default). */
export function countMatches(seq: Sequence, match: (item: number) => boolean, end = seq.length): number {
  let n = 0;
  for (let k = 0; k < end; k++) if (match(seq.at(k))) n++;
  return n;
}

export function arraySequence(length: number): Sequence {
  return { length, at: (k) => k };
}

/** First index in ascending `arr` whose key is >= value. */
export function lowerBound(arr: Uint32Array, key: (item: number) => number, value: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(arr[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
