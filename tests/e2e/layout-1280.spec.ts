import { layoutJourney } from './layout-audit';

/**
 * Issue 16: every page as a merchant sees it in a 1280 px window, with a shop and an ad account synced: no
 * text cut without a way to read it whole, no placeholder cut, nothing scrolling sideways, toolbar controls
 * of one height, one top bar height. Two looks here, the other two at 1920 px (layout-1920.spec.ts), so each page
 * is seen in English and Chinese, light and dark.
 */
layoutJourney({ width: 1280, height: 860 }, [
  ['en', 'light'],
  ['zh-CN', 'dark'],
]);
