import type { IncomingHttpHeaders } from 'node:http';
import type { JsonWriter } from './json-writer';

/** One request as the handlers see it: raw query and raw body kept, because signatures cover raw bytes. */
export interface SandboxRequest {
  method: string;
  /** Path below the family prefix, e.g. `/order/202309/orders/search`. */
  path: string;
  /** Query string without the leading `?`, undecoded. */
  rawQuery: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** Text is sent as UTF-8; bytes (a large reply already encoded) as they are. */
  body: string | Buffer;
  /** Code inside the body, kept for the request log. */
  code?: string | number;
}

export function json(status: number, value: unknown, code?: string | number): Reply {
  return jsonText(status, JSON.stringify(value), code);
}

/** A JSON reply whose body is already serialised (text or UTF-8 bytes). */
export function jsonText(status: number, text: string | Buffer, code?: string | number): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: text,
    code,
  };
}

/**
 * Data a handler writes as JSON itself rather than returning objects for JSON.stringify (order pages, see
 * json-writer.ts). The envelope calls `write` where the data goes, so the whole reply is written once,
 * straight into its bytes.
 */
export class RawJson {
  constructor(readonly write: (w: JsonWriter) => void) {}
}

export function html(status: number, body: string): Reply {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    body,
  };
}

export function redirect(location: string): Reply {
  return { status: 302, headers: { location, 'cache-control': 'no-store' }, body: '' };
}

export function header(req: SandboxRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

export function contentType(req: SandboxRequest): string {
  return (header(req, 'content-type') ?? '').toLowerCase();
}

/** Form body (`application/x-www-form-urlencoded`) as decoded pairs. */
export function formBody(req: SandboxRequest): URLSearchParams {
  return new URLSearchParams(req.body.toString('utf8'));
}

export type JsonParse = { ok: true; value: unknown } | { ok: false };

export function parseJsonBody(req: SandboxRequest): JsonParse {
  if (req.body.length === 0) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(req.body.toString('utf8')) as unknown };
  } catch {
    return { ok: false };
  }
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Appends params to a registered redirect URL that may already carry a query. */
export function withParams(base: string, params: Record<string, string>): string {
  const url = new URL(base);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}
