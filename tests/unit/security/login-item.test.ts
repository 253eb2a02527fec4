import { describe, expect, it } from 'vitest';
import { loginItemDecision, startHidden, startHiddenFlag } from '../../../src-main/security/login-item';

describe('loginItemDecision', () => {
  it.each([
    [
      { launchAtLogin: true, platform: 'win32', isPackaged: true },
      { apply: true, settings: { openAtLogin: true, args: [startHiddenFlag] } },
    ],
    [
      { launchAtLogin: false, platform: 'win32', isPackaged: true },
      { apply: true, settings: { openAtLogin: false, args: [] } },
    ],
    [
      { launchAtLogin: true, platform: 'darwin', isPackaged: true },
      { apply: true, settings: { openAtLogin: true } },
    ],
    [
      { launchAtLogin: false, platform: 'darwin', isPackaged: true },
      { apply: true, settings: { openAtLogin: false } },
    ],
  ] as const)('%j → %j', (context, expected) => {
    expect(loginItemDecision(context)).toEqual(expected);
  });

  it.each([
    { launchAtLogin: true, platform: 'linux', isPackaged: true },
    { launchAtLogin: true, platform: 'win32', isPackaged: false },
    { launchAtLogin: true, platform: 'darwin', isPackaged: false },
  ] as const)('%j is not applied, with a reason', (context) => {
    const decision = loginItemDecision(context);
    expect(decision.apply).toBe(false);
    if (!decision.apply) expect(decision.reason).toMatch(/launch at login/);
  });
});

describe('startHidden', () => {
  it.each([
    [['ShopMesh.exe'], false, false],
    [['ShopMesh.exe', startHiddenFlag], false, true],
    [['ShopMesh'], true, true],
  ] as const)('argv %j, openedAtLogin %j → %j', (argv, opened, expected) => {
    expect(startHidden(argv, opened)).toBe(expected);
  });
});
