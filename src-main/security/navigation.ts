import { isTrustedOrigin } from './app-origin';
import { isAllowedExternalUrl } from './external-links';

export type NavigationVerdict = 'allow' | 'block';

/**
 * `will-navigate` / `will-redirect`: an app window only ever shows the app. Anything else (a link without
 * target, `location.href = …`, a server redirect) is blocked; an allowed link may then go to the browser.
 */
export function decideNavigation(url: string, devServerUrl?: string): NavigationVerdict {
  return isTrustedOrigin(url, devServerUrl) ? 'allow' : 'block';
}

export interface WindowOpenDecision {
  /** Never a second Electron window: it would be one more surface to harden, and nothing needs it. */
  readonly action: 'deny';
  /** Whether the URL is one the system browser may open (it still goes through `openExternalSafely`). */
  readonly openExternally: boolean;
}

export function windowOpenDecision(url: string, authHosts: readonly string[] = []): WindowOpenDecision {
  return { action: 'deny', openExternally: isAllowedExternalUrl(url, authHosts) };
}
