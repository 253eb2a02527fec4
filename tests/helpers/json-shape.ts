import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The shape of a JSON value as `path → type` pairs (`data.creators[].gmv.amount → string`), merged over
 * every element of every array, so a sandbox reply can be compared field by field with TikTok's official
 * sample response for the same API.
 */
export function jsonShape(
  value: unknown,
  path = '',
  out = new Map<string, Set<string>>(),
): Map<string, Set<string>> {
  const add = (type: string): void => {
    const set = out.get(path) ?? new Set<string>();
    set.add(type);
    out.set(path, set);
  };
  if (value === null) add('null');
  else if (Array.isArray(value)) {
    add('array');
    for (const item of value) jsonShape(item, `${path}[]`, out);
  } else if (typeof value === 'object') {
    add('object');
    for (const [k, v] of Object.entries(value)) jsonShape(v, path ? `${path}.${k}` : k, out);
  } else add(typeof value);
  return out;
}

export interface ShapeDiff {
  /** In the reply but not in the official sample: a field TikTok does not send. */
  extra: string[];
  /** In the official sample but never in the reply. */
  missing: string[];
  /** In both with different JSON types. */
  typeMismatch: string[];
}

export function compareShapes(official: unknown, actual: unknown): ShapeDiff {
  const o = jsonShape(official);
  const a = jsonShape(actual);
  const extra = [...a.keys()].filter((k) => !o.has(k));
  const missing = [...o.keys()].filter((k) => !a.has(k));
  const typeMismatch = [...a.keys()].filter((k) => {
    const want = o.get(k);
    const got = a.get(k);
    return want !== undefined && got !== undefined && ![...got].every((t) => want.has(t));
  });
  return { extra, missing, typeMismatch };
}

export interface OfficialSample {
  source: string;
  api: string;
  query?: Record<string, string>;
  request?: Record<string, unknown>;
  response: { code: number; message: string; request_id: string; data: unknown };
}

/** TikTok's published sample request/response for one API (tests/fixtures/tiktok/<name>.json). */
export function officialSample(name: string): OfficialSample {
  const file = join(import.meta.dirname, '..', 'fixtures', 'tiktok', `${name}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as OfficialSample;
}
