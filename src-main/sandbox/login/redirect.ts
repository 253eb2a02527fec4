/**
 * Login Kit desktop redirect rules (docs/tiktok-api/login-kit.md): absolute http(s), no query or fragment,
 * host localhost or 127.0.0.1, an explicit port, exact path; a registered `*` port matches any port.
 */
const pattern = /^(https?):\/\/(localhost|127\.0\.0\.1):(\d{1,5}|\*)(\/[^?#]*)?$/;

interface Parsed {
  scheme: string;
  host: string;
  port: string;
  path: string;
}

function parse(uri: string): Parsed | null {
  const m = pattern.exec(uri);
  if (!m) return null;
  return { scheme: m[1] ?? '', host: m[2] ?? '', port: m[3] ?? '', path: m[4] ?? '/' };
}

export function loopbackRedirectAllowed(uri: string, registered: readonly string[]): boolean {
  const u = parse(uri);
  if (!u || u.port === '*' || Number(u.port) < 1 || Number(u.port) > 65_535) return false;
  return registered.some((r) => {
    const p = parse(r);
    return (
      p !== null &&
      p.scheme === u.scheme &&
      p.host === u.host &&
      p.path === u.path &&
      (p.port === '*' || p.port === u.port)
    );
  });
}
