import { timingSafeEqual } from 'node:crypto';

/** Pure checks of the web bridge, unit-tested without a socket. */

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** DNS-rebinding defence: only loopback names with our own port. */
export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader !== undefined && allowedHosts(port).includes(hostHeader.toLowerCase());
}

/** Browsers send Origin on cross-site requests; a missing Origin is a same-origin GET or a non-browser client. */
export function isAllowedOrigin(originHeader: string | undefined, port: number): boolean {
  if (originHeader === undefined) return true;
  return allowedHosts(port).some((h) => originHeader.toLowerCase() === `http://${h}`);
}

/**
 * A write the browser authenticated with the session cookie must say where it comes from: Chromium sends
 * Origin on every POST, so one without it was made outside a browser page and is refused unless it carries
 * the token itself (the automation API's Bearer header, which no page on another port can know).
 */
export function writeNeedsOrigin(method: string | undefined, auth: 'cookie' | 'bearer' | 'query'): boolean {
  return auth === 'cookie' && method !== 'GET' && method !== 'HEAD';
}

export function tokensEqual(expected: string, given: string | undefined | null): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const sessionCookieName = 'shopmesh_session';

/** `decodeURIComponent` that answers undefined instead of throwing on broken %-encoding. */
export function tryDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * Every decodable value of the cookie `name`, in header order. Cookies do not separate ports, so a page on
 * another localhost port can plant a cookie of the same name that the browser sends first: the caller
 * accepts the request when any of them is the token, and an undecodable one is skipped, never an error.
 */
export function readCookies(cookieHeader: string | undefined, name: string): string[] {
  if (!cookieHeader) return [];
  const values: string[] = [];
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = tryDecode(part.slice(eq + 1).trim());
    if (value !== undefined) values.push(value);
  }
  return values;
}

/**
 * Where the token swap sends the browser: the same path on this origin. A path that begins with two
 * slashes (or a backslash, which browsers read as one) would be a protocol-relative URL to another host.
 */
export function sameOriginLocation(pathname: string, search: string): string {
  return `/${pathname.replace(/^[/\\]+/, '')}${search}`;
}

export function readBearer(authorization: string | undefined): string | undefined {
  const m = authorization?.match(/^Bearer\s+(\S+)$/i);
  return m?.[1];
}

export function sessionCookie(token: string): string {
  return `${sessionCookieName}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
}
