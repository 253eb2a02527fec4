import { whenFirstPaintDone } from '../api/firstPaint';

/**
 * The window's icon (a browser tab's, over the web bridge), linked once the first screen is painted rather than
 * from index.html: an SVG icon is an isolated SVG document that Chromium builds on the page's main thread when
 * the icon arrives, which was inside the first frame (13–18 ms traced between the first commit and the rows
 * painted, `creators.table.firstRows.ms`, docs/creators.md "Benchmarks").
 */
export function showFavicon(doc: Document = document): void {
  if (doc.head.querySelector('link[rel="icon"]')) return;
  const link = doc.createElement('link');
  link.rel = 'icon';
  link.type = 'image/svg+xml';
  link.href = './favicon.svg';
  doc.head.append(link);
}

/** Called once as the window starts (main.tsx). */
export function linkFaviconAfterFirstPaint(): void {
  whenFirstPaintDone(() => showFavicon());
}
