/**
 * What kind of picture some bytes are and how large, read from the file's own header: the four formats
 * TikTok's message image upload takes (jpg, png, gif, webp; docs/tiktok-api/outreach.md, "Message
 * types"). Null for anything else, a file cut short included. Shared by the app (checking a template's
 * picture before anything is queued) and the sandbox (answering the upload as TikTok does).
 */

export type ImageMime = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp';

export interface ImageInfo {
  mime: ImageMime;
  width: number;
  height: number;
}

const ascii = (b: Uint8Array, at: number, text: string): boolean =>
  b.length >= at + text.length && [...text].every((c, i) => b[at + i] === c.charCodeAt(0));

function u16be(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
}
function u16le(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}
function u24le(b: Uint8Array, at: number): number {
  return u16le(b, at) | ((b[at + 2] ?? 0) << 16);
}
function u32be(b: Uint8Array, at: number): number {
  return u16be(b, at) * 65_536 + u16be(b, at + 2);
}

function sized(mime: ImageMime, width: number, height: number): ImageInfo | null {
  return width > 0 && height > 0 ? { mime, width, height } : null;
}

function jpeg(b: Uint8Array): ImageInfo | null {
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1] ?? 0;
    // Fill bytes and markers without a length.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = u16be(b, at + 2);
    // Start of frame (baseline, progressive, …), but not DHT (c4), JPG (c8) or DAC (cc).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return sized('image/jpeg', u16be(b, at + 7), u16be(b, at + 5));
    if (length < 2) return null;
    at += 2 + length;
  }
  return null;
}

function webp(b: Uint8Array): ImageInfo | null {
  if (ascii(b, 12, 'VP8 ') && b.length >= 30) {
    return sized('image/webp', u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
  }
  if (ascii(b, 12, 'VP8L') && b.length >= 25) {
    const bits = (b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24);
    return sized('image/webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (ascii(b, 12, 'VP8X') && b.length >= 30) {
    return sized('image/webp', u24le(b, 24) + 1, u24le(b, 27) + 1);
  }
  return null;
}

export function imageInfo(bytes: Uint8Array): ImageInfo | null {
  const b = bytes;
  if (ascii(b, 1, 'PNG') && b[0] === 0x89 && ascii(b, 12, 'IHDR') && b.length >= 24)
    return sized('image/png', u32be(b, 16), u32be(b, 20));
  if ((ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a')) && b.length >= 10)
    return sized('image/gif', u16le(b, 6), u16le(b, 8));
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpeg(b);
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return webp(b);
  return null;
}
