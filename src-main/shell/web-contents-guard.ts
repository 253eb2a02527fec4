import type { WebContents } from 'electron';
import { originOf } from '../security/app-origin';
import { decideNavigation, windowOpenDecision } from '../security/navigation';
import type { Logger } from '../log/logger';

export interface WebContentsGuardDeps {
  /** Set only in an unpackaged development run (electron-vite's ELECTRON_RENDERER_URL). */
  devServerUrl?: string;
  /** The active Profile's OAuth origins, read at click time because the Profile can change. */
  authHosts: () => readonly string[];
  openInBrowser: (url: string, authHosts: readonly string[]) => Promise<boolean>;
  logger: Logger;
}

/**
 * Applied to every WebContents the app creates (via `web-contents-created`), so a window added later
 * cannot forget a guard. Only origins are logged: a full URL may carry an OAuth code.
 */
export function hardenWebContents(contents: WebContents, deps: WebContentsGuardDeps): void {
  const handOff = (url: string): void => {
    deps.openInBrowser(url, deps.authHosts()).then(
      (opened) => {
        if (!opened) deps.logger.warn({ origin: originOf(url) }, 'link not on the allow-list; not opened');
      },
      (err: unknown) =>
        deps.logger.warn({ err, origin: originOf(url) }, 'could not open link in the browser'),
    );
  };

  contents.on('will-navigate', (event) => {
    if (decideNavigation(event.url, deps.devServerUrl) === 'allow') return;
    event.preventDefault();
    // A link without a target lands here; the browser is where it belongs if it is allowed at all.
    handOff(event.url);
  });

  contents.on('will-redirect', (event) => {
    if (decideNavigation(event.url, deps.devServerUrl) === 'allow') return;
    event.preventDefault();
    deps.logger.warn({ origin: originOf(event.url) }, 'redirect away from the app blocked');
  });

  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url, deps.authHosts());
    if (decision.openExternally) handOff(url);
    return { action: decision.action };
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}
