import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unzipSync } from 'fflate';

/**
 * Finds secrets (tokens, client secrets, the web bridge token, vault keys) in bytes the app left behind or
 * showed: files, API replies, pages. A secret is searched for in every form a leak plausibly takes — as
 * text, UTF-16, JSON-escaped, percent-encoded (also inside a %-decoded copy of the place, which catches
 * every spelling of an encoded URL), hex and base64/base64url at each of the three byte alignments, so a
 * secret inside a longer encoded blob is found too. One pass over each place, however many secrets.
 */

export interface Secret {
  /** Names the secret in a finding, never its value: e.g. `shop_access token 2`, `vault data key`. */
  label: string;
  value: string | Buffer;
}

export interface Place {
  /** Where the bytes come from: a file's path in the data folder, `reply of /ipc/x`, `page https://…`. */
  name: string;
  bytes: Buffer;
}

export interface Finding {
  secret: string;
  place: string;
  /** How it was spelled there: `text`, `base64 (offset 1)`, `percent-encoded`… */
  form: string;
}

/** Secrets shorter than this would match by chance; every real one is far longer. */
export const MIN_SECRET_LENGTH = 12;

/** Bytes compared per probe; a form must be at least this long (every form of a 12-byte secret is). */
const GRAM = 8;

interface Form {
  secret: number;
  name: string;
  bytes: Buffer;
}

/** The middle of base64(pad + bytes) that depends only on `bytes`, for a secret starting at any offset mod 3. */
function base64Cores(bytes: Buffer): Array<{ offset: number; text: string }> {
  const cores: Array<{ offset: number; text: string }> = [];
  for (const offset of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    // The first group holds pad bytes unless offset is 0; the last is partial unless the length fits.
    const start = offset === 0 ? 0 : 4;
    const end = Math.floor((offset + bytes.length) / 3) * 4;
    if (end - start >= GRAM) cores.push({ offset, text: encoded.slice(start, end) });
  }
  return cores;
}

/** Every spelling of one secret that the matcher looks for (deduplicated: a plain token has few). */
export function secretForms(secret: Secret): Array<{ name: string; bytes: Buffer }> {
  const forms = new Map<string, { name: string; bytes: Buffer }>();
  const add = (name: string, bytes: Buffer) => {
    const key = bytes.toString('latin1');
    if (bytes.length >= GRAM && !forms.has(key)) forms.set(key, { name, bytes });
  };
  const raw = typeof secret.value === 'string' ? Buffer.from(secret.value, 'utf8') : secret.value;
  add(typeof secret.value === 'string' ? 'text' : 'raw bytes', raw);
  if (typeof secret.value === 'string') {
    const text = secret.value;
    add('UTF-16', Buffer.from(text, 'utf16le'));
    add('JSON-escaped', Buffer.from(JSON.stringify(text).slice(1, -1)));
    add('JSON-escaped', Buffer.from(JSON.stringify(text).slice(1, -1).replaceAll('/', '\\/')));
    const percent = encodeURIComponent(text);
    add('percent-encoded', Buffer.from(percent));
    add('percent-encoded', Buffer.from(percent.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())));
    add('form-encoded', Buffer.from(new URLSearchParams({ s: text }).toString().slice(2)));
  }
  const hex = raw.toString('hex');
  add('hex', Buffer.from(hex));
  add('hex', Buffer.from(hex.toUpperCase()));
  for (const { offset, text } of base64Cores(raw)) {
    add(`base64 (offset ${offset})`, Buffer.from(text));
    add(`base64url (offset ${offset})`, Buffer.from(text.replaceAll('+', '-').replaceAll('/', '_')));
  }
  return [...forms.values()];
}

const gramKey = (bytes: Buffer, at: number): number =>
  (bytes.readUInt32LE(at) ^ Math.imul(bytes.readUInt32LE(at + 4), 0x9e3779b1)) >>> 0;

/** A byte's value as a hex digit, or -1. */
const HEX_DIGIT = new Int8Array(256).fill(-1);
for (const [i, c] of [...'0123456789abcdef'].entries()) {
  HEX_DIGIT[c.charCodeAt(0)] = i;
  HEX_DIGIT[c.toUpperCase().charCodeAt(0)] = i;
}

/**
 * The place with every `%XX` decoded (twice, for double encoding), or null when it has none: a secret
 * percent-encoded in any mix of escaped and plain characters reads as itself in the copy.
 */
export function percentDecoded(bytes: Buffer): Buffer | null {
  let current = bytes;
  let changed = false;
  for (let round = 0; round < 2; round++) {
    let at = current.indexOf(0x25);
    if (at < 0) break;
    const out = Buffer.allocUnsafe(current.length);
    let written = 0;
    let from = 0;
    let decodedAny = false;
    while (at >= 0) {
      const high = at + 2 < current.length ? HEX_DIGIT[current[at + 1]!]! : -1;
      const low = high >= 0 ? HEX_DIGIT[current[at + 2]!]! : -1;
      if (low >= 0) {
        written += current.copy(out, written, from, at);
        out[written++] = high * 16 + low;
        from = at + 3;
        decodedAny = true;
      }
      at = current.indexOf(0x25, at + 1);
    }
    if (!decodedAny) break;
    written += current.copy(out, written, from);
    current = out.subarray(0, written);
    changed = true;
  }
  return changed ? current : null;
}

export class SecretMatcher {
  private readonly forms: Form[] = [];
  private readonly index = new Map<number, Array<{ form: number; offset: number }>>();
  /** One bit per 24-bit slice of a gram key: most probes of a place miss, and a bit test is cheaper. */
  private readonly bloom = new Uint8Array(1 << 21);
  private readonly step: number;

  constructor(readonly secrets: readonly Secret[]) {
    secrets.forEach((secret, i) => {
      const length = typeof secret.value === 'string' ? Buffer.byteLength(secret.value) : secret.value.length;
      if (length < MIN_SECRET_LENGTH)
        throw new Error(
          `secret "${secret.label}" is ${length} bytes; at least ${MIN_SECRET_LENGTH} are needed`,
        );
      for (const form of secretForms(secret)) this.forms.push({ secret: i, ...form });
    });
    let shortest = Number.POSITIVE_INFINITY;
    this.forms.forEach((form, f) => {
      shortest = Math.min(shortest, form.bytes.length);
      for (let offset = 0; offset + GRAM <= form.bytes.length; offset++) {
        const key = gramKey(form.bytes, offset);
        this.bloom[(key & 0xffffff) >>> 3]! |= 1 << (key & 7);
        const list = this.index.get(key);
        if (list) list.push({ form: f, offset });
        else this.index.set(key, [{ form: f, offset }]);
      }
    });
    // Any occurrence of a form covers `shortest` bytes, so probing every `step`th position lands a whole
    // gram inside it: the scan reads one gram per step instead of comparing every form at every byte.
    this.step = Number.isFinite(shortest) ? shortest - GRAM + 1 : 1;
  }

  /** How many spellings are searched for, over all secrets. */
  get formCount(): number {
    return this.forms.length;
  }

  /** Every secret found in the place (each secret and form once), also in its %-decoded copy. */
  search(place: Place): Finding[] {
    const found = new Map<string, Finding>();
    /** Secrets the place shows as they are (their %-decoded finds would only repeat them). */
    const seen = new Set<number>();
    const scan = (bytes: Buffer, decoded: boolean) => {
      if (this.forms.length === 0) return;
      for (let at = 0; at + GRAM <= bytes.length; at += this.step) {
        const key = gramKey(bytes, at);
        if ((this.bloom[(key & 0xffffff) >>> 3]! & (1 << (key & 7))) === 0) continue;
        const candidates = this.index.get(key);
        if (!candidates) continue;
        for (const { form: f, offset } of candidates) {
          const form = this.forms[f]!;
          const start = at - offset;
          const end = start + form.bytes.length;
          if (
            start < 0 ||
            end > bytes.length ||
            bytes.compare(form.bytes, 0, form.bytes.length, start, end) !== 0
          )
            continue;
          // The %-decoded copy only adds secrets the place did not already show as they are.
          if (decoded && seen.has(form.secret)) continue;
          if (!decoded) seen.add(form.secret);
          const secret = this.secrets[form.secret]!.label;
          const name = !decoded
            ? form.name
            : form.name === 'text'
              ? 'percent-encoded'
              : `${form.name}, %-encoded`;
          found.set(`${form.secret}:${name}`, { secret, place: place.name, form: name });
        }
      }
    };
    scan(place.bytes, false);
    const decoded = percentDecoded(place.bytes);
    if (decoded) scan(decoded, true);
    return [...found.values()];
  }
}

/** A zip's entries as places of their own (exports, downloads): compressed bytes hide their text. */
export function zipEntries(place: Place): Place[] {
  const b = place.bytes;
  if (b.length < 4 || b.readUInt32LE(0) !== 0x04034b50) return [];
  try {
    return Object.entries(unzipSync(b)).map(([name, bytes]) => ({
      name: `${place.name} → ${name}`,
      bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length),
    }));
  } catch {
    return [{ name: `${place.name} (unreadable zip)`, bytes: Buffer.alloc(0) }];
  }
}

/** Every file under `dir` (and every entry of a zip among them), named by its path inside `dir`. */
export function folderPlaces(dir: string, skip: ReadonlySet<string> = new Set()): Place[] {
  const places: Place[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (skip.has(path)) continue;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const place = { name: relative(dir, path), bytes: readFileSync(path) };
        places.push(place, ...zipEntries(place));
      }
    }
  };
  walk(dir);
  return places;
}
