/**
 * A tiny path router. Patterns use `:name` for parameters and `{202309|202312}` for the API-version segment,
 * so a known path with an unsupported version can be told apart from an unknown path (36009014 vs 36009009).
 */

type Segment =
  | { kind: 'literal'; value: string }
  | { kind: 'param'; name: string }
  | { kind: 'version'; allowed: Set<string> };

interface Route<M> {
  method: string;
  segments: Segment[];
  meta: M;
}

export type Match<M> =
  | { kind: 'ok'; meta: M; params: Record<string, string>; version: string | undefined }
  | { kind: 'method'; allowed: string[] }
  | { kind: 'version' }
  | { kind: 'none' };

function compile(pattern: string): Segment[] {
  return pattern
    .split('/')
    .filter((s) => s.length > 0)
    .map((s): Segment => {
      if (s.startsWith(':')) return { kind: 'param', name: s.slice(1) };
      if (s.startsWith('{') && s.endsWith('}'))
        return { kind: 'version', allowed: new Set(s.slice(1, -1).split('|')) };
      return { kind: 'literal', value: s };
    });
}

export class Router<M> {
  private readonly routes: Route<M>[] = [];

  add(method: string, pattern: string, meta: M): this {
    this.routes.push({ method: method.toUpperCase(), segments: compile(pattern), meta });
    return this;
  }

  match(method: string, path: string): Match<M> {
    // Trailing slashes are kept significant by the callers that care (API for Business); here they are
    // dropped so `/a/b/` and `/a/b` address the same pattern.
    const parts = path.split('/').filter((s) => s.length > 0);
    const allowed: string[] = [];
    let versionMiss = false;
    for (const route of this.routes) {
      const r = this.tryRoute(route, parts);
      if (r === 'version') versionMiss = true;
      if (r === null || r === 'version') continue;
      if (route.method !== method.toUpperCase()) {
        allowed.push(route.method);
        continue;
      }
      return { kind: 'ok', meta: route.meta, params: r.params, version: r.version };
    }
    if (allowed.length > 0) return { kind: 'method', allowed };
    if (versionMiss) return { kind: 'version' };
    return { kind: 'none' };
  }

  private tryRoute(
    route: Route<M>,
    parts: string[],
  ): { params: Record<string, string>; version: string | undefined } | 'version' | null {
    if (route.segments.length !== parts.length) return null;
    const params: Record<string, string> = {};
    let version: string | undefined;
    let versionMiss = false;
    for (let i = 0; i < parts.length; i++) {
      const seg = route.segments[i];
      const part = parts[i];
      if (seg === undefined || part === undefined) return null;
      if (seg.kind === 'literal') {
        if (seg.value !== part) return null;
      } else if (seg.kind === 'param') {
        let decoded: string;
        try {
          decoded = decodeURIComponent(part);
        } catch {
          return null;
        }
        params[seg.name] = decoded;
      } else if (seg.allowed.has(part)) {
        version = part;
      } else if (/^\d{6}$/.test(part)) {
        versionMiss = true;
      } else {
        return null;
      }
    }
    return versionMiss ? 'version' : { params, version };
  }
}
