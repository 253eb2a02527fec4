import { sendEarly, ipcUrl } from '../api/sentEarly';
import { guessLanguage, languageLoaders } from '../i18n/languageLoaders';
import { pageFromHash } from '../navigation/pages';
import { creatorsFirstPage } from '../pages/creators/firstPage';
import { pageLoaders } from './pageLoaders';

/**
 * The first module the window evaluates (a chunk of its own that the entry imports first, with nothing but
 * dependency-free modules behind it; electron.vite.config.ts): what the first screen waits for starts
 * travelling now, while Chromium still evaluates React, the contract's schemas and the shell, instead of once
 * they are done (`creators.table.firstRows.ms`, docs/creators.md):
 * - the guessed language's catalogue (i18next would ask for it only after the whole bundle had run),
 * - the code of the page the window opens on,
 * - over the web bridge, the opening calls (app/opening.ts): the lock's status, the settings and, on the
 *   Creators page, its first rows. Their answers are read and checked by the web transport as usual.
 * - the locale's number and date formatting, made once (below).
 * Nothing here fails the start: each is asked for again by its owner if this one fails.
 */
const page = pageFromHash(window.location.hash);
const language = guessLanguage();
// The calls first: Chromium gives the bridge six connections, and the page's dozen chunks can queue the
// calls behind them (app/opening.ts saw the rows' request leave ~100 ms after it was asked for).
if (!window.shopmesh) {
  sendEarly(ipcUrl('', 'appLock:status'), '{}');
  sendEarly(ipcUrl('', 'settings:get'), '{}');
  if (page === 'creators') sendEarly(ipcUrl('', 'creators:search'), JSON.stringify(creatorsFirstPage));
}
languageLoaders[language]().catch(() => undefined);
pageLoaders[page]().catch(() => undefined);
// A window's first Intl number formatter is slow to make (the trace of one load: 190 ms inside the first
// render, in the top bar's first `new Intl.NumberFormat`, on a loaded machine), later ones are not. Made in
// the first task after the bundle has run, while the first render usually still waits for the page's code
// and answers, so that render finds it made.
setTimeout(() => {
  new Intl.NumberFormat(language).format(1234.5);
  new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(0);
}, 0);
