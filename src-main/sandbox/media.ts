import { crc32, deflateSync } from 'node:zlib';
import { hashString } from './data/rng';
import type { Reply, SandboxRequest } from './http';

/**
 * The simulator's picture CDN (`/media`). TikTok's answers name pictures on its CDN
 * (`https://p16-oec-va.ibyteimg.com/<uri>~tplv-o3syd03w52-resize-jpeg:300:300.jpeg?from=…`, Get Product's
 * official sample), which the sandbox cannot serve; its answers keep that path shape under its own address
 * and this serves a picture for every such path: a PNG drawn from the image's uri (colours and shape), so a
 * product always looks the same and two products differ. `origin` is the full picture, `resize-…:W:H` a
 * thumbnail. docs/sandbox.md "Product pictures".
 */

const template = 'tplv-o3syd03w52';
const fullSize = 800;
const thumbSize = 300;

/** The `urls` / `thumb_urls` Get Product gives for the picture `uri`, on the simulator's CDN. */
export function pictureUrls(mediaBase: string, uri: string): { url: string; thumbUrl: string } {
  const from = hashString(uri) % 1_000_000_000;
  return {
    url: `${mediaBase}/${uri}~${template}-origin-png.png?from=${from}`,
    thumbUrl: `${mediaBase}/${uri}~${template}-resize-png:${thumbSize}:${thumbSize}.png?from=${from}`,
  };
}

const pathPattern = new RegExp(
  `^/(tos-[a-z0-9-]+/[A-Za-z0-9-]+)~${template}-(?:origin-png|resize-png:(\\d{2,4}):(\\d{2,4}))\\.png$`,
);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An RGB PNG of `size`×`size` from `pixel`, which writes one pixel's red, green and blue at `at`. */
function png(size: number, pixel: (x: number, y: number, out: Buffer, at: number) => void): Buffer {
  const row = 1 + size * 3;
  const raw = Buffer.alloc(row * size);
  for (let y = 0; y < size; y++) {
    raw[y * row] = 0; // filter: none
    for (let x = 0; x < size; x++) pixel(x, y, raw, y * row + 1 + x * 3);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function hsl(h: number, s: number, l: number): [number, number, number] {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [Math.round(f(0) * 255), Math.round(f(8) * 255), Math.round(f(4) * 255)];
}

/** A product shot: a soft backdrop, the product (a rounded box or a round jar) and its shadow. */
export function drawPicture(uri: string, size: number): Buffer {
  const h = hashString(uri);
  const hue = h % 360;
  const round = (h >>> 9) % 2 === 0;
  const top = hsl(hue, 0.35, 0.93);
  const bottom = hsl(hue, 0.3, 0.84);
  const body = hsl((hue + 180 + ((h >>> 11) % 60)) % 360, 0.55, 0.5);
  const lid = hsl((hue + 200) % 360, 0.35, 0.3);
  const mix = (a: number, b: number, t: number) => Math.round(a + (b - a) * t);
  const half = size / 2;
  const w = size * (round ? 0.26 : 0.22);
  const hgt = size * 0.28;
  const cy = size * 0.5;
  return png(size, (x, y, out, at) => {
    const t = y / size;
    let c: [number, number, number] = [
      mix(top[0], bottom[0], t),
      mix(top[1], bottom[1], t),
      mix(top[2], bottom[2], t),
    ];
    // Shadow under the product.
    const sx = (x - half) / (w * 1.3);
    const sy = (y - (cy + hgt + size * 0.02)) / (size * 0.04);
    const shadow = sx * sx + sy * sy;
    if (shadow < 1) c = c.map((v) => Math.round(v * (0.8 + 0.2 * shadow))) as [number, number, number];
    const dx = (x - half) / w;
    const dy = (y - cy) / hgt;
    const inside = round ? dx * dx + dy * dy * 0.55 < 1 : Math.max(Math.abs(dx), Math.abs(dy)) < 1;
    if (inside) {
      const isLid = dy < (round ? -0.72 : -0.78);
      const shade = 1 - 0.25 * Math.max(0, dx);
      const base = isLid ? lid : body;
      c = [base[0] * shade, base[1] * shade, base[2] * shade].map(Math.round) as [number, number, number];
      // A highlight down the left side.
      if (!isLid && dx > -0.7 && dx < -0.5) c = c.map((v) => mix(v, 255, 0.35)) as [number, number, number];
    }
    out[at] = c[0];
    out[at + 1] = c[1];
    out[at + 2] = c[2];
  });
}

const drawn = new Map<string, Buffer>();

/** `GET /media/<uri>~…png`: the picture, or 404 as a CDN answers an unknown address. */
export function handleMedia(req: SandboxRequest): Reply {
  const match = pathPattern.exec(req.path);
  if (req.method !== 'GET' || !match) {
    return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Not Found' };
  }
  const uri = match[1]!;
  const size = match[2] ? Math.min(Number(match[2]), fullSize) : fullSize;
  const key = `${uri}@${size}`;
  let bytes = drawn.get(key);
  if (!bytes) {
    bytes = drawPicture(uri, size);
    // A few dozen products are looked at in a session; the oldest drawing goes first past that.
    if (drawn.size >= 64) drawn.delete(drawn.keys().next().value!);
    drawn.set(key, bytes);
  }
  return {
    status: 200,
    headers: { 'content-type': 'image/png', 'cache-control': 'public, max-age=31536000, immutable' },
    body: bytes,
  };
}
