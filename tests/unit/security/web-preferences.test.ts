import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../src-main/security/web-preferences';

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences('/opt/shopmesh/out/preload/index.cjs');

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['enableBlinkFeatures', ''],
    ['webviewTag', false],
    ['navigateOnDragDrop', false],
    ['spellcheck', false],
    ['safeDialogs', true],
  ] as const)('%s is %j', (key, value) => {
    expect(prefs[key]).toBe(value);
  });

  it('carries the preload path and nothing unexpected', () => {
    expect(prefs.preload).toBe('/opt/shopmesh/out/preload/index.cjs');
    expect(Object.keys(prefs).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'devTools',
        'enableBlinkFeatures',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'safeDialogs',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });

  it('is frozen', () => {
    expect(Object.isFrozen(prefs)).toBe(true);
    expect(() => {
      (prefs as { sandbox: boolean }).sandbox = false;
    }).toThrow(TypeError);
  });

  it('devTools follows the option, on by default', () => {
    expect(prefs.devTools).toBe(true);
    expect(secureWebPreferences('/p/index.cjs', { devTools: false }).devTools).toBe(false);
  });

  it.each(['index.cjs', './out/preload/index.cjs', '../preload/index.cjs', ''])(
    'refuses relative preload path %j',
    (p) => {
      expect(() => secureWebPreferences(p)).toThrow(/absolute/);
    },
  );
});
