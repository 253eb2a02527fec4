import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * TikTok Shop request signing, API version 202309 and later (docs/tiktok-api/shop-signing.md):
 * hex(HMAC-SHA256(secret, secret + path + sorted(key+value…) + body + secret)), excluding `sign` and
 * `access_token` from the parameters and the body for multipart requests. Shared by the simulator (which
 * verifies over the raw values it received) and the app's client; the official vectors test both.
 */

export type ShopQueryInput =
  | URLSearchParams
  | ReadonlyArray<readonly [string, string]>
  | Readonly<Record<string, string | number | boolean | ReadonlyArray<string | number> | null | undefined>>;

export interface SignShopRequestInput {
  appSecret: string;
  /** Path only, no host and no query string, e.g. `/order/202309/orders/search`. */
  path: string;
  /** Decoded query values. Arrays are joined with `,` as the official SDK does before both signing and sending. */
  query: ShopQueryInput;
  /** The exact bytes that go on the wire. A string is taken as UTF-8. */
  body?: string | Uint8Array | null;
  contentType?: string;
}

const excludedKeys = new Set(['sign', 'access_token']);

/** Normalises every accepted query shape to decoded [key, value] pairs; repeated keys are joined with `,`. */
export function queryPairs(query: ShopQueryInput): Array<[string, string]> {
  const merged = new Map<string, string>();
  const put = (k: string, v: string): void => {
    const prev = merged.get(k);
    merged.set(k, prev === undefined ? v : `${prev},${v}`);
  };
  if (query instanceof URLSearchParams) {
    for (const [k, v] of query) put(k, v);
  } else if (Array.isArray(query)) {
    for (const [k, v] of query as ReadonlyArray<readonly [string, string]>) put(k, v);
  } else {
    for (const [k, v] of Object.entries(query as Record<string, unknown>)) {
      if (v === undefined || v === null) continue;
      put(k, Array.isArray(v) ? v.map(String).join(',') : String(v));
    }
  }
  return [...merged];
}

/** Byte-order comparison of UTF-8 encodings: JS `<` compares UTF-16 units, which differs above U+FFFF. */
function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export function shopSignatureBase(input: SignShopRequestInput): Buffer {
  const pairs = queryPairs(input.query)
    .filter(([k]) => !excludedKeys.has(k))
    .sort(([a], [b]) => compareBytes(a, b));
  const parts: Buffer[] = [Buffer.from(input.appSecret + input.path, 'utf8')];
  for (const [k, v] of pairs) parts.push(Buffer.from(k + v, 'utf8'));
  const isMultipart = (input.contentType ?? '').toLowerCase().startsWith('multipart/form-data');
  if (!isMultipart && input.body !== undefined && input.body !== null && input.body.length > 0) {
    parts.push(typeof input.body === 'string' ? Buffer.from(input.body, 'utf8') : Buffer.from(input.body));
  }
  parts.push(Buffer.from(input.appSecret, 'utf8'));
  return Buffer.concat(parts);
}

export function signShopRequest(input: SignShopRequestInput): string {
  return createHmac('sha256', input.appSecret).update(shopSignatureBase(input)).digest('hex');
}

/** Every implementation emits lower-case hex; the sandbox accepts only that (upper case is [U] upstream). */
export function verifyShopSignature(input: SignShopRequestInput, sign: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(sign)) return false;
  const expected = Buffer.from(signShopRequest(input), 'hex');
  return timingSafeEqual(expected, Buffer.from(sign, 'hex'));
}

/**
 * Parses a raw query string the way the gateway does (form decoding, `+` is a space) while keeping repeated
 * keys, so verification runs over the values the client actually sent.
 */
export function parseRawQuery(rawQuery: string): Array<[string, string]> {
  return [...new URLSearchParams(rawQuery)];
}
