import { contentSecurityPolicy } from './csp';
import { appHost, appScheme } from './app-origin';
import { loadAsset, resolveAssetPath } from './static-files';

export interface AppProtocolRequest {
  method: string;
  url: string;
}

export interface AppProtocolResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

function refuse(status: number, text: string): AppProtocolResponse {
  return { status, headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' }, body: text };
}

/**
 * The `app://shopmesh/…` handler minus Electron: read-only, one host, files from the built renderer only.
 * Path checks are the web bridge's (`resolveAssetPath`), so both transports refuse the same paths.
 */
export async function appProtocolResponse(
  request: AppProtocolRequest,
  rendererRoot: string,
): Promise<AppProtocolResponse> {
  if (request.method !== 'GET') return refuse(405, 'Method Not Allowed');
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return refuse(400, 'Bad Request');
  }
  if (
    url.protocol !== `${appScheme}:` ||
    url.host.toLowerCase() !== appHost ||
    url.username !== '' ||
    url.password !== ''
  ) {
    return refuse(404, 'Not Found');
  }
  // URL parsing already folds plain `..` segments; the raw path is checked too, so an encoded or
  // backslashed escape attempt is refused outright rather than quietly folded into a 404.
  const rawPath = rawPathOf(request.url);
  if (
    resolveAssetPath(rendererRoot, rawPath) === null ||
    resolveAssetPath(rendererRoot, url.pathname) === null
  ) {
    return refuse(403, 'Forbidden');
  }
  const asset = await loadAsset(rendererRoot, url.pathname);
  if (asset === 'forbidden') return refuse(403, 'Forbidden');
  if (asset === 'missing') return refuse(404, 'Not Found');
  return {
    status: 200,
    headers: { ...securityHeaders, 'Content-Type': asset.contentType, 'Cache-Control': 'no-cache' },
    body: asset.body,
  };
}

/** The path exactly as written in the request, before URL normalisation. */
function rawPathOf(url: string): string {
  const afterScheme = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  const end = afterScheme.search(/[?#]/);
  return (end < 0 ? afterScheme : afterScheme.slice(0, end)) || '/';
}
