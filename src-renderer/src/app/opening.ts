import { api } from '../api';
import { askEarly } from '../api/early';
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
const gates = [
  askEarly(api, 'appLock:status'),
  askEarly(api, 'settings:get'),
  preloadPage(page).catch(() => {}),
];
if (page === 'creators') askEarly(api, 'creators:search', creatorsFirstPage);

/** How long the first render waits for the gates' answers before it shows the splash screen instead. */
const waitForGatesMs = 500;

/**
 * Settles when the lock's status, the settings and the page's code are in (or failed), or after
 * `waitForGatesMs`: rendered then, the first frame is the shell with its page rather than a splash screen
 * and two renders after it.
 */
export const openingAnswers: Promise<void> = Promise.race([
  Promise.all(gates).then(() => undefined),
  new Promise<void>((resolve) => setTimeout(resolve, waitForGatesMs)),
]);
