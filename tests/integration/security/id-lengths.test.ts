import type { z } from 'zod';
import { expect, it } from 'vitest';
import { channels } from '../../../src-shared/contract';

/**
 * Issue 15 item 8, "ids have no length limit": every id an IPC input takes (a field named `…Id`, `…Ids` or
 * `id`) refuses a 10,000-character value by naming that field. The fuzz test cannot catch a missing limit:
 * it skips payloads the schema accepts, and an over-long id is accepted exactly when the limit is missing.
 * The audit found 13 fields without one (shop, account and run ids of eight channels).
 */

const long = 'x'.repeat(10_000);

/** The object shape of a channel's input, through optional/default/pipe wrappers. */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | null {
  let s: unknown = schema;
  for (let i = 0; i < 5 && s; i++) {
    const def = (s as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
    if (def.type === 'object') return def.shape as Record<string, z.ZodType>;
    s = def.innerType ?? def.in;
  }
  return null;
}

it('every id field of every channel refuses a 10,000-character value by name', () => {
  const unbounded: string[] = [];
  let checked = 0;
  for (const [name, c] of Object.entries(channels)) {
    const shape = shapeOf(c.input as z.ZodType);
    if (!shape) continue;
    for (const key of Object.keys(shape).filter((k) => /(^id|Id|Ids)$/.test(k))) {
      // A string id gets the long string; a list of ids gets a list holding it.
      const value = /Ids$/.test(key) ? [long] : long;
      const parsed = (c.input as z.ZodType).safeParse({ [key]: value });
      const named = !parsed.success && parsed.error.issues.some((i) => i.path[0] === key);
      if (!named) unbounded.push(`${name} ${key}`);
      checked += 1;
    }
  }
  expect(unbounded).toEqual([]);
  expect(checked).toBeGreaterThan(50);
});
