import { layoutJourney } from './layout-audit';

/**
 * Issue 16: every page as a merchant sees it in a 1920 px window, with a shop and an ad account synced: no
 * text cut without a way to read it whole, no placeholder cut, nothing scrolling sideways, toolbar controls
 * of one height, one top bar height. Two looks here, the other two at 1280 px (layout-1280.spec.ts), so each page
 * is seen in English and Chinese, light and dark.
 */
layoutJourney([
  {
    size: { width: 1920, height: 1080 },
    looks: [
      ['en', 'dark'],
      ['zh-CN', 'light'],
    ],
  },
]);
