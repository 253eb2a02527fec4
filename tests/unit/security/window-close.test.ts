import { describe, expect, it } from 'vitest';
import { onWindowClose, quitWhenAllWindowsClosed } from '../../../src-main/security/window-close';

describe('onWindowClose', () => {
  it.each([
    [{ closeToTray: true, quitting: false, platform: 'linux' }, 'hide'],
    [{ closeToTray: false, quitting: false, platform: 'linux' }, 'close'],
    [{ closeToTray: true, quitting: true, platform: 'linux' }, 'close'],
    [{ closeToTray: true, quitting: false, platform: 'win32' }, 'hide'],
    [{ closeToTray: false, quitting: false, platform: 'win32' }, 'close'],
    [{ closeToTray: true, quitting: true, platform: 'win32' }, 'close'],
    [{ closeToTray: false, quitting: false, platform: 'darwin' }, 'hide'],
    [{ closeToTray: true, quitting: false, platform: 'darwin' }, 'hide'],
    [{ closeToTray: false, quitting: true, platform: 'darwin' }, 'close'],
  ] as const)('%j → %s', (context, action) => {
    expect(onWindowClose(context)).toBe(action);
  });
});

describe('quitWhenAllWindowsClosed', () => {
  it.each([
    ['linux', true],
    ['win32', true],
    ['darwin', false],
  ] as const)('%s → %j', (platform, expected) => {
    expect(quitWhenAllWindowsClosed(platform)).toBe(expected);
  });
});
