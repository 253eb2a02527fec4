import type { z } from 'zod';
import type { JsonKind, RecordIssue } from '@shared/sync';

/**
 * One malformed record must not sink a page. Each record of a list is validated on its own; what cannot be
 * read is handed back as a RejectedRecord (the sync keeps it aside with its raw JSON) and the rest of the
 * page goes on. Each reader names the fields it can do without: a record whose only problems are in those
 * is stored without them, and the problem is still reported, never dropped silently.
 */

export interface RejectedRecord {
  /** The record's id as TikTok sent it (`id`, `message_body.id`, …), when it could be found. */
  key: string | null;
  /** TikTok's JSON for the record, as received. */
  raw: unknown;
  issues: RecordIssue[];
  /** true: stored without the non-essential fields in `issues`; false: kept aside, not stored. */
  stored: boolean;
}

export interface RecordSpec<S extends z.ZodType> {
  schema: S;
  /** The record's id in its raw JSON, for the quarantine and the sync history. */
  key: (raw: unknown) => string | null;
  /**
   * Field names the app can do without (display-only fields, hints). A bad value in one of them is
   * ignored; anything else wrong makes the record unreadable.
   */
  optional?: readonly string[];
}

export interface ReadRecords<T> {
  items: T[];
  rejected: RejectedRecord[];
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let node = raw;
  for (const step of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[step];
  }
  return node;
}

function kindOf(value: unknown): JsonKind {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  return t === 'string' || t === 'number' || t === 'boolean' || t === 'object' ? t : 'other';
}

const expectedKinds = new Set<string>(['string', 'number', 'boolean', 'object', 'array', 'null']);

/** At most ten issues per record; a wrong type also names, as kinds the UI translates, what was expected. */
function issuesOf(error: z.ZodError, raw: unknown): RecordIssue[] {
  return error.issues.slice(0, 10).map((i) => {
    const issue: RecordIssue = { path: i.path.map(String).join('.'), message: i.message };
    if (i.code !== 'invalid_type') return issue;
    const expected = expectedKinds.has(i.expected) ? (i.expected as JsonKind) : 'other';
    return { ...issue, expected, received: kindOf(valueAt(raw, i.path)) };
  });
}

/** The index in `path` of the first optional field, or -1. */
function optionalAt(path: readonly PropertyKey[], optional: ReadonlySet<string>): number {
  return path.findIndex((p) => typeof p === 'string' && optional.has(p));
}

function withoutPaths(raw: unknown, paths: ReadonlyArray<readonly PropertyKey[]>): unknown {
  const copy = structuredClone(raw);
  for (const path of paths) {
    let node: unknown = copy;
    for (const step of path.slice(0, -1)) {
      node = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[step] : null;
    }
    const last = path.at(-1);
    if (node !== null && typeof node === 'object' && last !== undefined)
      delete (node as Record<PropertyKey, unknown>)[last];
  }
  return copy;
}

export function readRecords<S extends z.ZodType>(
  raws: readonly unknown[],
  spec: RecordSpec<S>,
): ReadRecords<z.output<S>> {
  const optional = new Set(spec.optional ?? []);
  const items: Array<z.output<S>> = [];
  const rejected: RejectedRecord[] = [];
  for (const raw of raws) {
    const first = spec.schema.safeParse(raw);
    if (first.success) {
      items.push(first.data);
      continue;
    }
    const key = safeKey(spec, raw);
    const issues = issuesOf(first.error, raw);
    const cut = first.error.issues.map((i) => optionalAt(i.path, optional));
    if (optional.size > 0 && cut.every((k) => k >= 0)) {
      const paths = first.error.issues.map((i, n) => i.path.slice(0, (cut[n] ?? 0) + 1));
      const second = spec.schema.safeParse(withoutPaths(raw, paths));
      if (second.success) {
        items.push(second.data);
        rejected.push({ key, raw, issues, stored: true });
        continue;
      }
    }
    rejected.push({ key, raw, issues, stored: false });
  }
  return { items, rejected };
}

function safeKey(spec: RecordSpec<z.ZodType>, raw: unknown): string | null {
  try {
    return spec.key(raw);
  } catch {
    return null;
  }
}

/** `raw.id` when it is a string or a number: the key of most TikTok records. */
export function idKey(field = 'id'): (raw: unknown) => string | null {
  return (raw) => {
    const v = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>)[field] : undefined;
    return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
  };
}
