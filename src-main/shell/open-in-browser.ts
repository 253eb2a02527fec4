import { shell } from 'electron';
import { openExternalSafely } from '../security/external-links';

/**
 * The only call of `shell.openExternal` in ShopMesh (a lint rule bans it elsewhere): every URL is first
 * checked by the allow-list in `security/external-links`. Resolves to whether the URL was opened.
 */
export function openInBrowser(url: string, authHosts: readonly string[]): Promise<boolean> {
  return openExternalSafely(url, (href) => shell.openExternal(href), authHosts);
}
