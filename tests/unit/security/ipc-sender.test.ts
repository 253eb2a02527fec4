import { describe, expect, it } from 'vitest';
import { isTrustedSender, type SenderFrame } from '../../../src-main/security/ipc-sender';

const dev = 'http://localhost:5173';

describe('isTrustedSender', () => {
  it.each<[string, SenderFrame | null | undefined, string | undefined, boolean]>([
    ['app main frame', { url: 'app://shopmesh/index.html', isMainFrame: true }, undefined, true],
    [
      'app main frame, deep route',
      { url: 'app://shopmesh/settings?x=1#y', isMainFrame: true },
      undefined,
      true,
    ],
    ['app iframe', { url: 'app://shopmesh/index.html', isMainFrame: false }, undefined, false],
    ['foreign origin', { url: 'https://www.tiktok.com/', isMainFrame: true }, undefined, false],
    ['other app host', { url: 'app://evil/index.html', isMainFrame: true }, undefined, false],
    ['app host with port', { url: 'app://shopmesh:1/', isMainFrame: true }, undefined, false],
    ['credentials', { url: 'app://x:y@shopmesh/', isMainFrame: true }, undefined, false],
    ['about:blank', { url: 'about:blank', isMainFrame: true }, undefined, false],
    ['empty url', { url: '', isMainFrame: true }, undefined, false],
    ['file', { url: 'file:///tmp/index.html', isMainFrame: true }, undefined, false],
    ['dev server without dev', { url: 'http://localhost:5173/', isMainFrame: true }, undefined, false],
    ['dev server in dev', { url: 'http://localhost:5173/', isMainFrame: true }, dev, true],
    ['dev server iframe', { url: 'http://localhost:5173/', isMainFrame: false }, dev, false],
    ['other port in dev', { url: 'http://localhost:5174/', isMainFrame: true }, dev, false],
    ['app in dev', { url: 'app://shopmesh/index.html', isMainFrame: true }, dev, true],
    ['null frame (navigated away)', null, undefined, false],
    ['undefined frame', undefined, undefined, false],
  ])('%s → %j', (_name, frame, devUrl, expected) => {
    expect(isTrustedSender(frame, devUrl)).toBe(expected);
  });

  it.each([
    { url: 123, isMainFrame: true },
    { url: 'app://shopmesh/', isMainFrame: 'yes' },
    { url: 'app://shopmesh/' },
    {},
  ])('malformed frame %j → false', (frame) => {
    expect(isTrustedSender(frame as unknown as SenderFrame)).toBe(false);
  });
});
