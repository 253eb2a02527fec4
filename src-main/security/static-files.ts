import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Maps a URL path to a file inside `root`, or null when it would escape it (`..`, encoded dots,
 * backslashes, NUL). Shared by the web bridge and the Electron `app://` protocol handler.
 */
export function resolveAssetPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded.replace(/^\/+/, '') || 'index.html';
  const rootAbs = resolve(root);
  const full = resolve(rootAbs, relative);
  if (full !== rootAbs && !full.startsWith(rootAbs + sep)) return null;
  return full;
}

export function contentTypeFor(file: string): string {
  return contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface Asset {
  body: Buffer;
  contentType: string;
}

/** Reads an asset; unknown paths without an extension fall back to index.html (client-side routes). */
export async function loadAsset(root: string, urlPath: string): Promise<Asset | 'forbidden' | 'missing'> {
  const file = resolveAssetPath(root, urlPath);
  if (file === null) return 'forbidden';
  const candidates = extname(file) === '' ? [file, resolve(root, 'index.html')] : [file];
  for (const candidate of candidates) {
    try {
      const s = await stat(candidate);
      if (!s.isFile()) continue;
      return { body: await readFile(candidate), contentType: contentTypeFor(candidate) };
    } catch {
      // try the next candidate
    }
  }
  return 'missing';
}
