import type { Reply } from './http';

/**
 * The `corruptRecord` fault: one field of one record changed to a value of the wrong type, as when TikTok
 * changes a field's type without notice. The record is the first element of the first list of objects
 * under `data`; the field a dotted path inside it. Answers without such a list pass unchanged.
 */
export function corruptFirstRecord(reply: Reply, field: string, value: unknown): Reply {
  const text = typeof reply.body === 'string' ? reply.body : reply.body.toString('utf8');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return reply;
  }
  const data = (body as { data?: unknown } | null)?.data;
  if (data === null || typeof data !== 'object') return reply;
  const list = Object.values(data as Record<string, unknown>).find(
    (v): v is Array<Record<string, unknown>> =>
      Array.isArray(v) && v.length > 0 && v[0] !== null && typeof v[0] === 'object',
  );
  const record = list?.[0];
  if (!record) return reply;
  const steps = field.split('.');
  let node: Record<string, unknown> = record;
  for (const step of steps.slice(0, -1)) {
    const next = node[step];
    if (next === null || typeof next !== 'object') return reply;
    node = next as Record<string, unknown>;
  }
  node[steps.at(-1)!] = value;
  return { ...reply, body: JSON.stringify(body) };
}
