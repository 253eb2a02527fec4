import { api } from '../api';
import { askEarly } from '../api/early';
import { awaitOpeningContent } from '../api/firstPaint';
import { applyLanguage, languageReady } from '../i18n';
import { pageFromHash } from '../navigation/routes';
import { creatorsFirstPage } from '../pages/creators/firstPage';
import { preloadPage } from './pageModules';

/**
 * Imported first by main.tsx, so these are asked for before the rest of the bundle is evaluated
 * (api/early.ts): the lock's status and the settings, which every window waits for before its shell, the
 * code of the page the window opens on (pageModules.ts) and that page's first rows. None of them fails the
 * start: a query asks again, a page not loaded yet loads when it renders.
 */
const page = pageFromHash(window.location.hash);
const gates: Promise<unknown>[] = [
  askEarly(api, 'appLock:status'),
  // The catalogue of the language the settings name (only that one is loaded, i18n/index.ts): the first
  // frame is drawn in it rather than in the system's language and then again.
  Promise.all([languageReady, askEarly(api, 'settings:get')]).then(([, settings]) =>
    settings ? applyLanguage(settings.language) : undefined,
  ),
];
// Before the page's chunks: Chromium opens at most six connections to the bridge, and the chunks' requests
// queued the first rows' request behind them (it left ~100 ms after it was asked for).
if (page === 'creators') {
  askEarly(api, 'creators:search', creatorsFirstPage);
  // The shell's side reads wait for its rows to be painted, not for the shell's first frame.
  awaitOpeningContent();
}
gates.push(preloadPage(page).catch(() => {}));

/** How long the first render waits for the gates' answers before it shows the splash screen instead. */
const waitForGatesMs = 500;

/**
 * Settles when the lock's status, the settings (with their language's catalogue) and the page's code are in
 * (or failed), or after `waitForGatesMs`: rendered then, the first frame is the shell with its page rather
 * than a splash screen and two renders after it. A catalogue is always waited for: without one there is
 * nothing to draw but keys.
 */
export const openingAnswers: Promise<void> = Promise.all([
  languageReady,
  Promise.race([Promise.all(gates), new Promise<void>((resolve) => setTimeout(resolve, waitForGatesMs))]),
]).then(() => undefined);
