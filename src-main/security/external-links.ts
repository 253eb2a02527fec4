/**
 * The one gate in front of the system browser. A URL reaches `shell.openExternal` only if it is https to a
 * host ShopMesh has a reason to send the user to, or one of the active Profile's OAuth hosts. Everything
 * else is refused, because `openExternal` hands the string to the OS, which will also launch `file:`,
 * `smb:`, custom protocol handlers and so on.
 */

/**
 * Hosts the app links to, each with its reason (see the TikTok API notes in the shared docs). Exact host
 * names, no wildcards: a wildcard would also admit user-content subdomains.
 */
export const externalHostAllowList: readonly string[] = Object.freeze([
  // Login Kit authorize page (`/v2/auth/authorize/`) and creator profile pages.
  'www.tiktok.com',
  // `profile_deep_link` values returned by the user-info API.
  'vm.tiktok.com',
  // TikTok for Developers: Login Kit and API docs linked from error messages and setup help.
  'developers.tiktok.com',
  // TikTok API for Business: advertiser authorization portal (`/portal/auth`) and Marketing API docs.
  'business-api.tiktok.com',
  // TikTok Shop Partner Center: app management and the Shop API docs.
  'partner.tiktokshop.com',
  // Shop authorization pages, rest of world and the two US variants.
  'services.tiktokshop.com',
  'services.us.tiktokshop.com',
  'services.tiktokshops.us',
  // Legacy shop authorization link still used by some production apps.
  'auth.tiktok-shops.com',
  // Seller Center (US and UK): "Open in Seller Center" from the order drawer (docs/orders.md).
  'seller-us.tiktok.com',
  'seller-uk.tiktok.com',
]);

/** `openExternal` forwards the string to the OS shell; very long ones break some launchers. */
export const maxExternalUrlLength = 4096;

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

function parse(url: string): URL | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > maxExternalUrlLength) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * An auth host entry is an origin (`https://auth.example.com`, `http://127.0.0.1:43123`) or a bare host
 * name meaning https on the default port. Plain http is honoured only for loopback entries: the sandbox
 * Profile's simulator runs there, and RFC 8252 loopback redirects are http by design.
 */
function authOrigin(entry: string): string | null {
  const parsed = parse(entry.includes('://') ? entry : `https://${entry}`);
  if (parsed === null || parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.protocol === 'https:') return parsed.origin;
  if (parsed.protocol === 'http:' && loopbackHosts.has(parsed.hostname)) return parsed.origin;
  return null;
}

/** The normalised URL to open, or null when it must not be opened. */
export function externalUrlToOpen(url: string, authHosts: readonly string[] = []): string | null {
  const parsed = parse(url);
  if (parsed === null) return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  const allowedByList =
    parsed.protocol === 'https:' && parsed.port === '' && externalHostAllowList.includes(parsed.hostname);
  const allowedByProfile = authHosts.some((entry) => authOrigin(entry) === parsed.origin);
  if (!allowedByList && !allowedByProfile) return null;
  // The re-serialised href, not the caller's string: what was checked is exactly what the OS receives.
  return parsed.href;
}

export function isAllowedExternalUrl(url: string, authHosts: readonly string[] = []): boolean {
  return externalUrlToOpen(url, authHosts) !== null;
}

export type OpenInBrowser = (url: string) => Promise<void>;

/** Opens the URL with the injected opener when allowed; resolves to whether it was opened. */
export async function openExternalSafely(
  url: string,
  open: OpenInBrowser,
  authHosts: readonly string[] = [],
): Promise<boolean> {
  const href = externalUrlToOpen(url, authHosts);
  if (href === null) return false;
  await open(href);
  return true;
}
