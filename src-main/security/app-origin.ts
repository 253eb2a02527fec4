/**
 * Where the app's own pages live. The renderer is served from a privileged custom scheme rather than
 * `file://`, so the origin is a real, checkable value and no local file outside `out/renderer` is reachable.
 */
export const appScheme = 'app';
export const appHost = 'shopmesh';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** `standard` gives the scheme a real host and origin; `secure` lets it use secure-context APIs. */
export const appSchemePrivileges = Object.freeze({
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
});

/** The origin of a URL, or null when it is malformed or carries credentials (never a trusted page). */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.username !== '' || parsed.password !== '') return null;
  // Non-special schemes report the opaque origin "null"; rebuild it so app://shopmesh compares as itself.
  if (parsed.protocol === `${appScheme}:`)
    return parsed.port === '' && parsed.host !== '' ? `${appScheme}://${parsed.host.toLowerCase()}` : null;
  return parsed.origin === 'null' ? null : parsed.origin;
}

/**
 * The origins whose pages may be shown in an app window and may call IPC: the app itself and, only in an
 * unpackaged development run, the electron-vite dev server.
 */
export function trustedOrigins(devServerUrl?: string): readonly string[] {
  if (!devServerUrl) return [appOrigin];
  const dev = originOf(devServerUrl);
  return dev === null ? [appOrigin] : [appOrigin, dev];
}

export function isTrustedOrigin(url: string, devServerUrl?: string): boolean {
  const origin = originOf(url);
  return origin !== null && trustedOrigins(devServerUrl).includes(origin);
}
