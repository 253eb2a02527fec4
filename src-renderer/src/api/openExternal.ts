/** Only web pages may be opened: an event must never make the renderer follow a `javascript:` or `file:` URL. */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Opens a web page in a new tab, as `noopener,noreferrer` would, and says whether the browser let it open.
 *
 * `window.open(url, '_blank', 'noopener,noreferrer')` returns null whether or not the popup was blocked, so it
 * cannot tell a blocked tab from an opened one. Instead: open a blank tab (null = blocked), cut its link back
 * to this window, and navigate it with a `rel=noreferrer` link clicked inside it, so the page sees no referrer.
 */
export function openInNewTab(url: string): boolean {
  if (!isWebUrl(url)) return false;
  const tab = window.open('about:blank', '_blank');
  if (!tab) return false;
  tab.opener = null;
  try {
    const link = tab.document.createElement('a');
    link.href = url;
    link.rel = 'noreferrer';
    tab.document.body.append(link);
    link.click();
  } catch {
    tab.location.replace(url);
  }
  return true;
}
