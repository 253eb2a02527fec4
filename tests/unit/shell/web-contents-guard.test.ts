import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../src-main/log/logger';
import { hardenWebContents } from '../../../src-main/shell/web-contents-guard';

type Listener = (event: { url?: string; preventDefault: () => void }) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  return {
    listeners,
    open: (url: string) => openHandler?.({ url }),
    on: vi.fn((event: string, listener: Listener) => {
      listeners.set(event, listener);
    }),
    setWindowOpenHandler: vi.fn((handler: (details: { url: string }) => { action: string }) => {
      openHandler = handler;
    }),
    fire(event: string, url?: string) {
      const e = { url, preventDefault: vi.fn() };
      listeners.get(event)?.(e);
      return e;
    },
  };
}

function setup(devServerUrl?: string, authHosts: string[] = []) {
  const contents = fakeContents();
  const openInBrowser = vi.fn(async () => true);
  hardenWebContents(contents as never, {
    devServerUrl,
    authHosts: () => authHosts,
    openInBrowser,
    logger: silentLogger(),
  });
  return { contents, openInBrowser };
}

describe('hardenWebContents', () => {
  it.each([
    ['https://www.tiktok.com/@creator', true],
    ['https://evil.example/', true],
    ['file:///etc/passwd', true],
    ['app://shopmesh/settings', false],
  ])('will-navigate to %j: prevented=%j; blocked URLs are handed to the safe opener', (url, blocked) => {
    const { contents, openInBrowser } = setup();
    const event = contents.fire('will-navigate', url);
    expect(event.preventDefault).toHaveBeenCalledTimes(blocked ? 1 : 0);
    if (blocked) expect(openInBrowser).toHaveBeenCalledWith(url, []);
    else expect(openInBrowser).not.toHaveBeenCalled();
  });

  it('allows the dev server only in dev', () => {
    expect(
      setup().contents.fire('will-navigate', 'http://localhost:5173/').preventDefault,
    ).toHaveBeenCalled();
    expect(
      setup('http://localhost:5173').contents.fire('will-navigate', 'http://localhost:5173/').preventDefault,
    ).not.toHaveBeenCalled();
  });

  it.each([
    ['https://www.tiktok.com/', true],
    ['http://127.0.0.1:9/', true],
    ['app://shopmesh/index.html', false],
  ])('will-redirect to %j: prevented=%j, never opened externally', (url, blocked) => {
    const { contents, openInBrowser } = setup();
    expect(contents.fire('will-redirect', url).preventDefault).toHaveBeenCalledTimes(blocked ? 1 : 0);
    expect(openInBrowser).not.toHaveBeenCalled();
  });

  it.each([
    ['https://partner.tiktokshop.com/docv2', [], true],
    ['https://evil.example/', [], false],
    ['app://shopmesh/index.html', [], false],
    ['http://127.0.0.1:43123/authorize', ['http://127.0.0.1:43123'], true],
  ])('window.open(%j) is denied; opened externally=%j', (url, auth, external) => {
    const { contents, openInBrowser } = setup(undefined, auth);
    expect(contents.open(url)).toEqual({ action: 'deny' });
    if (external) expect(openInBrowser).toHaveBeenCalledWith(url, auth);
    else expect(openInBrowser).not.toHaveBeenCalled();
  });

  it('refuses <webview>', () => {
    const { contents } = setup();
    expect(contents.fire('will-attach-webview').preventDefault).toHaveBeenCalled();
  });

  it('survives an opener failure', async () => {
    const contents = fakeContents();
    const openInBrowser = vi.fn(async () => {
      throw new Error('xdg-open missing');
    });
    hardenWebContents(contents as never, { authHosts: () => [], openInBrowser, logger: silentLogger() });
    contents.fire('will-navigate', 'https://www.tiktok.com/');
    await Promise.resolve();
    expect(openInBrowser).toHaveBeenCalled();
  });
});
