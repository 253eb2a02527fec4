import { createHmac, randomBytes } from 'node:crypto';

/**
 * Record ids. Every numeric id is a decimal string above 2^53 built as base + index·7919 + 13, so the
 * index is recoverable without a lookup table and an id that went through a JS number (and lost its low
 * digits) decodes to nothing instead of to a neighbouring record.
 */
const bases = {
  order: 576_460_100_000_000_000n,
  product: 1_729_380_000_000_000_000n,
  sku: 1_729_560_000_000_000_000n,
  shop: 7_494_010_000_000_000_000n,
  warehouse: 7_068_010_000_000_000_000n,
  collaboration: 7_301_250_000_000_000_000n,
  conversation: 7_398_110_000_000_000_000n,
  message: 7_398_990_000_000_000_000n,
  statement: 7_221_030_000_000_000_000n,
  creatorUser: 6_801_240_000_000_000_000n,
  advertiser: 7_002_238_000_000_000_000n,
  campaign: 1_800_170_000_000_000_000n,
  adgroup: 1_810_170_000_000_000_000n,
  ad: 1_820_170_000_000_000_000n,
  buyer: 7_494_900_000_000_000_000n,
  package: 1_152_800_000_000_000_000n,
  sampleApplication: 8_070_740_000_000_000_000n,
  activity: 7_136_100_000_000_000_000n,
} as const;

export type IdKind = keyof typeof bases;

const stride = 7919n;
const offset = 13n;

export function encodeId(kind: IdKind, index: number): string {
  return (bases[kind] + BigInt(index) * stride + offset).toString();
}

export function decodeId(kind: IdKind, id: string): number | null {
  if (!/^\d{1,20}$/.test(id)) return null;
  const delta = BigInt(id) - bases[kind] - offset;
  if (delta < 0n || delta % stride !== 0n) return null;
  const index = delta / stride;
  return index > 0xffffffffn ? null : Number(index);
}

/**
 * Creator Open IDs are per app (docs/tiktok-api/affiliate.md): an index sealed with an app-specific MAC, base64url, so
 * another app's id or a made-up one is rejected and no table of 200k strings is needed.
 */
export class CreatorIdCodec {
  constructor(private readonly key: string) {}

  encode(index: number): string {
    const buf = Buffer.alloc(12);
    buf.writeUInt32BE(index >>> 0, 0);
    createHmac('sha256', this.key).update(buf.subarray(0, 4)).digest().copy(buf, 4, 0, 8);
    return buf.toString('base64url');
  }

  decode(openId: string): number | null {
    if (!/^[A-Za-z0-9_-]{16}$/.test(openId)) return null;
    const buf = Buffer.from(openId, 'base64url');
    if (buf.length !== 12) return null;
    const mac = createHmac('sha256', this.key).update(buf.subarray(0, 4)).digest();
    return mac.subarray(0, 8).equals(buf.subarray(4)) ? buf.readUInt32BE(0) : null;
  }
}

let requestCounter = 0;

/** `yyyymmddhhmmss` + 20 upper-case hex characters: 34 characters like the documented samples. */
export function requestId(nowMs: number): string {
  const d = new Date(nowMs);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  const stamp = `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
  requestCounter = (requestCounter + 1) % 0xffffff;
  return (
    stamp + (requestCounter.toString(16).padStart(6, '0') + randomBytes(7).toString('hex')).toUpperCase()
  );
}

export function randomToken(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}
