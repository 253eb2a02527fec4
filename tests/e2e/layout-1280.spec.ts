import { layoutJourney } from './layout-audit';

/**
 * Issue 16: every page as a merchant sees it in a 1280 px window and in a 1360 px one (a common laptop
 * width, where the toolbars wrap differently), with a shop and an ad account synced: no text cut without a
 * way to read it whole, no placeholder cut, nothing scrolling sideways, the window itself never scrolling,
 * toolbar controls of one height, one top bar height. Each width in both languages and both themes between
 * them; 1920 px in layout-1920.spec.ts.
 */
layoutJourney([
  {
    size: { width: 1280, height: 860 },
    looks: [
      ['en', 'light'],
      ['zh-CN', 'dark'],
    ],
  },
  {
    size: { width: 1360, height: 800 },
    looks: [
      ['zh-CN', 'light'],
      ['en', 'dark'],
    ],
  },
]);
