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
 * - a worker that warms the locale's formatters and the fonts for the main thread (below).
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
// ICU's data and Chromium's font matching are per process, not per thread: a worker that makes the first
// screen's formatters and lays out its text (app/warmUpWorker.ts) spares the main thread their first, slow
// making (the first `new Intl.NumberFormat` of a window took ~40–190 ms on the main thread; made there in a
// timer, it still held the thread between the bundle's modules). Started before the chunks are asked for
// (their modulepreload links took ~75 ms of this module in a loaded trace): its script and thread took
// ~600 ms to start on a loaded machine, and its work is wasted once the first render has begun. Where no
// worker starts (CSP, an old engine), the page makes them itself, as before. Its end is marked in the
// page's timeline for the bench's traces.
try {
  const worker = new Worker(new URL('./warmUpWorker.ts', import.meta.url), {
    type: 'module',
    name: language,
  });
  const end = (outcome: 'done' | 'failed') => () => {
    performance.mark(`shopmesh:warm-up-${outcome}`);
    worker.terminate();
  };
  worker.addEventListener('message', end('done'), { once: true });
  worker.addEventListener('error', end('failed'), { once: true });
} catch {
  // Nothing is lost but the head start.
}
languageLoaders[language]().catch(() => undefined);
pageLoaders[page]().catch(() => undefined);
