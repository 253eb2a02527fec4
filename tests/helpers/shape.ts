/**
 * Compares the JSON shape of an answer with a reference sample: every field of the sample must be present
 * in the answer with the same JSON type, recursively; arrays compare their elements with the sample's
 * first element. Fields the reference documents as conditional can be listed (`conditional`, paths like
 * `products[].skus[].pre_sale`) and may then be absent; when present they are compared too.
 */

export type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

export function jsonType(v: unknown): JsonType {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  if (t === 'boolean' || t === 'number' || t === 'string' || t === 'object') return t;
  throw new Error(`not a JSON value: ${t}`);
}

export function shapeProblems(
  sample: unknown,
  actual: unknown,
  conditional: ReadonlySet<string> = new Set(),
  path = '',
): string[] {
  const want = jsonType(sample);
  const got = jsonType(actual);
  if (want !== got) return [`${path || '(root)'}: expected ${want}, got ${got}`];
  if (want === 'array') {
    const s = sample as unknown[];
    const a = actual as unknown[];
    if (s.length === 0) return [];
    if (a.length === 0)
      return conditional.has(`${path}[]`) ? [] : [`${path}: empty, so its elements cannot be compared`];
    return a.flatMap((item) => shapeProblems(s[0], item, conditional, `${path}[]`));
  }
  if (want === 'object') {
    const s = sample as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    const problems: string[] = [];
    for (const [key, value] of Object.entries(s)) {
      const p = path ? `${path}.${key}` : key;
      if (!(key in a)) {
        if (!conditional.has(p)) problems.push(`${p}: missing`);
        continue;
      }
      problems.push(...shapeProblems(value, a[key], conditional, p));
    }
    return problems;
  }
  return [];
}
