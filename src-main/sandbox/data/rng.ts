/**
 * Deterministic randomness. `hash`/`unit` derive a value from (seed, parts) with no state, which is what
 * lets the generator keep only a few typed-array columns and rebuild every other field of a record on demand.
 */

/** murmur3's 32-bit finaliser: good avalanche for cheap. */
export function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function step(h: number, p: number): number {
  return mix32(h ^ Math.imul((p | 0) + 0x7f4a7c15, 0x27d4eb2f) ^ ((p / 4294967296) | 0));
}

/** Fixed arity instead of rest parameters: this runs tens of millions of times while generating. */
export function hash(seed: number, a: number, b?: number, c?: number, d?: number): number {
  let h = step(mix32(seed ^ 0x9e3779b9), a);
  if (b !== undefined) h = step(h, b);
  if (c !== undefined) h = step(h, c);
  if (d !== undefined) h = step(h, d);
  return h;
}

/** Uniform in [0, 1). */
export function unit(seed: number, a: number, b?: number, c?: number, d?: number): number {
  return hash(seed, a, b, c, d) / 4294967296;
}

export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return mix32(h);
}

/** sfc32: a small, fast sequential generator for places that draw many values in a row. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = mix32(seed ^ 0xa511e9b3);
    this.b = mix32(seed ^ 0x63d83595);
    this.c = mix32(seed ^ 0x4b7a1c2d);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  float(): number {
    return this.next() / 4294967296;
  }

  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.float() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Index drawn with the given relative weights. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.float() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
}

export function pickBy<T>(items: readonly T[], u: number): T {
  const item = items[Math.min(items.length - 1, Math.floor(u * items.length))];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}
