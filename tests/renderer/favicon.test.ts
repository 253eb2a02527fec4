import { afterEach, describe, expect, it, vi } from 'vitest';

const icon = (): HTMLLinkElement | null => document.head.querySelector('link[rel="icon"]');

describe('the window icon waits for the first screen', () => {
  afterEach(() => {
    icon()?.remove();
    vi.resetModules();
  });

  it('is linked once the first screen is painted, not before, and only once', async () => {
    const { noteFirstCommit, whenFirstPaintDone } = await import('../../src-renderer/src/api/firstPaint');
    const { linkFaviconAfterFirstPaint, showFavicon } = await import('../../src-renderer/src/app/favicon');
    linkFaviconAfterFirstPaint();
    expect(icon()).toBeNull();

    noteFirstCommit(20);
    expect(icon()).toBeNull();
    await vi.waitFor(() => expect(icon()).not.toBeNull());
    expect(icon()!.getAttribute('href')).toBe('./favicon.svg');
    expect(icon()!.type).toBe('image/svg+xml');

    // Asked again after the paint: runs at once, and adds no second link.
    whenFirstPaintDone(() => showFavicon());
    expect(document.head.querySelectorAll('link[rel="icon"]')).toHaveLength(1);
  });
});
