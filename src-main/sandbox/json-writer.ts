/**
 * Writes JSON straight into UTF-8 bytes, for the sandbox's one large and frequent reply: order pages
 * (100 orders, ~250 kB, about a thousand of them per full sync; see shop/order-json.ts). Building an object
 * tree per order, JSON.stringify-ing the page and then encoding that string was most of the sandbox's CPU
 * during a sync, and the sync benchmark runs the sandbox beside the client on a 2-core machine.
 *
 * What it writes is byte for byte `Buffer.from(JSON.stringify(value))` for the same values in the same
 * order: a string with anything to escape goes through JSON.stringify itself, the rest (almost all) are
 * copied between quotes; numbers are written as JSON.stringify writes them.
 */

/**
 * Every character JSON.stringify escapes: `"`, `\\`, controls, and lone surrogates. Paired surrogates
 * (emoji) match too and take the JSON.stringify path, which keeps telling pairs from lone halves its job.
 * Everything else, non-ASCII included, it copies as is.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be found
const needsEscape = /["\\\u0000-\u001f\ud800-\udfff]/;

/** Reused between writers, grown to the largest page: a reply is written here, then copied out. */
let spare: Buffer | null = null;

export class JsonWriter {
  private buf: Buffer;
  private at = 0;

  constructor() {
    this.buf = spare ?? Buffer.allocUnsafeSlow(256 * 1024);
    spare = null;
  }

  /** Text that is already JSON (syntax, keys, numbers, values that need no escaping), as UTF-8. */
  raw(json: string): this {
    // A UTF-16 unit never takes more than 3 bytes of UTF-8 (a surrogate pair: 4 bytes for 2 units).
    this.ensure(json.length * 3);
    this.at += this.buf.write(json, this.at, 'utf8');
    return this;
  }

  /** A string value, quoted and escaped exactly as JSON.stringify does. */
  str(s: string): this {
    // Strings with nothing to escape (nearly all) are copied between quotes: the check and Buffer's native
    // copy cost about half of a JSON.stringify call per value, and less than a loop over characters in JS.
    if (needsEscape.test(s)) return this.raw(JSON.stringify(s));
    this.ensure(s.length * 3 + 2);
    const buf = this.buf;
    let at = this.at;
    buf[at++] = 0x22;
    at += buf.write(s, at, 'utf8');
    buf[at++] = 0x22;
    this.at = at;
    return this;
  }

  /** A number, as JSON.stringify writes it (`null` for NaN and the infinities). */
  num(n: number): this {
    return this.raw(Number.isFinite(n) ? String(n) : 'null');
  }

  /** The bytes written so far; the writer is finished after this. */
  bytes(): Buffer {
    const out = Buffer.from(this.buf.subarray(0, this.at));
    spare = this.buf;
    this.buf = Buffer.alloc(0);
    this.at = 0;
    return out;
  }

  private ensure(bytes: number): void {
    if (this.at + bytes <= this.buf.length) return;
    const bigger = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.at + bytes));
    this.buf.copy(bigger, 0, 0, this.at);
    this.buf = bigger;
  }
}
