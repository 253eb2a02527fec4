// Regenerates the PNG icons in this folder from the ShopMesh mark (src-renderer/src/components/Logo.tsx):
// a violet-to-pink rounded tile with three linked white nodes. Run: `node resources/generate-icons.mjs`.
// Dependency-free on purpose (zlib only), so icons never need an image toolchain.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Geometry in the logo's 32-unit viewBox.
const nodes = [
  [16, 10],
  [10, 21],
  [22, 21],
];
const edges = [
  [0, 1],
  [1, 2],
  [2, 0],
];
function distToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
function insideRoundedRect(x, y, size, r) {
  const cx = Math.min(Math.max(x, r), size - r);
  const cy = Math.min(Math.max(y, r), size - r);
  return Math.hypot(x - cx, y - cy) <= r;
}
const from = [0x6d, 0x5d, 0xfc];
const to = [0xe0, 0x40, 0x7b];

/** One sample in viewBox units: the colour (premultiplied-free RGBA, 0..1) at that point. */
function sample(x, y) {
  const onNode = nodes.some(([nx, ny]) => Math.hypot(x - nx, y - ny) <= 3);
  const onEdge = edges.some(([a, b]) => distToSegment(x, y, nodes[a], nodes[b]) <= 1);
  if (!insideRoundedRect(x, y, 32, 8)) return [0, 0, 0, 0];
  if (onNode) return [1, 1, 1, 1];
  const t = (x + y) / 64;
  const base = from.map((c, i) => (c + (to[i] - c) * t) / 255);
  if (onEdge) return base.map((c) => c + (1 - c) * 0.85).concat(1);
  return [...base, 1];
}

function render(size) {
  const ss = 4; // supersampling per axis, for smooth edges at 16 px
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = ((px + (sx + 0.5) / ss) / size) * 32;
          const y = ((py + (sy + 0.5) / ss) / size) * 32;
          const [cr, cg, cb, ca] = sample(x, y);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const i = (py * size + px) * 4;
      const n = ss * ss;
      out[i] = a ? Math.round((r / a) * 255) : 0;
      out[i + 1] = a ? Math.round((g / a) * 255) : 0;
      out[i + 2] = a ? Math.round((b / a) * 255) : 0;
      out[i + 3] = Math.round((a / n) * 255);
    }
  }
  return png(size, out);
}

const files = {
  // App window / taskbar icon.
  'icon.png': 512,
  // Tray: Electron picks the @2x file on HiDPI displays by itself.
  'tray.png': 16,
  'tray@2x.png': 32,
};
for (const [name, size] of Object.entries(files)) {
  writeFileSync(join(here, name), render(size));
}
