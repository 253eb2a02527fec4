import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConfSettingsStore } from '../../../src-main/settings/conf-store';
import { createElectronSettingsStore } from '../../../src-main/shell/electron-settings-store';

// electron-store (loaded natively, so vi.mock cannot reach its own `import 'electron'`) imports electron at
// load time, which without a binary tries to download one and throws. Electron's documented override
// variable makes that import return a plain path string instead; electron-store then needs only `cwd`.
vi.hoisted(() => {
  process.env.ELECTRON_OVERRIDE_DIST_PATH ??= '/nonexistent-electron-dist';
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shopmesh-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('createElectronSettingsStore', () => {
  it('uses the same file as the conf store', () => {
    expect(createElectronSettingsStore(dir).path).toBe(createConfSettingsStore(dir).path);
    expect(createElectronSettingsStore(dir).path).toBe(join(dir, 'settings.json'));
  });

  it('reads what the web bridge wrote, and the other way round', () => {
    const viaConf = createConfSettingsStore(dir);
    viaConf.write({ language: 'zh-CN', closeToTray: false });
    const viaElectron = createElectronSettingsStore(dir);
    expect(viaElectron.read()).toEqual({ language: 'zh-CN', closeToTray: false });

    viaElectron.write({ language: 'en', theme: 'dark' });
    expect(createConfSettingsStore(dir).read()).toEqual({ language: 'en', theme: 'dark' });
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toEqual({
      settings: { language: 'en', theme: 'dark' },
    });
  });

  it('reports nothing stored on first run', () => {
    expect(createElectronSettingsStore(dir).read()).toBeUndefined();
  });
});
