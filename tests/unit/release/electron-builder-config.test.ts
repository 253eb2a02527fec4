import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FuseState, FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { afterEach, describe, expect, it } from 'vitest';
import { resourcesDir } from '../../../src-main/paths';
import { makeTempDir } from '../../helpers/tmp';

/**
 * The release build (issue 15 item 6) cannot run here: electron-builder downloads Electron. This reads its
 * configuration and checks every promise it makes — targets per platform, the Electron fuses, what goes into
 * the package — and flips the configured fuses on a stand-in binary with @electron/fuses (the module
 * electron-builder uses for `electronFuses`) to show the wire they produce.
 */

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  extraResources: Array<{ from: string; to: string }>;
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  mac: { target: string[]; icon: string; hardenedRuntime: boolean };
}

const root = join(import.meta.dirname, '../../..');
const config = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  productName: string;
};

/** electron-builder's `electronFuses` names → the fuse they set in Electron's fuse wire. */
const fuseOf: Record<string, FuseV1Options> = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
};

const tmp: Array<{ cleanup: () => void }> = [];
afterEach(() => tmp.splice(0).forEach((d) => d.cleanup()));

describe('release configuration (electron-builder.json)', () => {
  it('builds AppImage and deb for Linux, NSIS for Windows, dmg for macOS, each with the app icon', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    for (const platform of [config.linux, config.win, config.mac]) {
      expect(existsSync(join(root, platform.icon))).toBe(true);
    }
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.productName).toBe(pkg.productName);
  });

  it('sets every fuse the issue lists, and the rest closed', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packages only the build in an ASAR archive, native modules unpacked, resources beside it', () => {
    expect(config.asar).toBe(true);
    // Native addons cannot be loaded from inside the archive.
    expect(config.asarUnpack).toContain('**/*.node');
    // better-sqlite3 and keytar ship N-API prebuilds: nothing is rebuilt against Electron's headers.
    expect(config.npmRebuild).toBe(false);
    expect(config.files).toContain('out/**/*');
    expect(config.files).toContain('package.json');
    expect(config.files.some((f) => /src-|tests|\.ts$/.test(f) && !f.startsWith('!'))).toBe(false);
    expect(pkg.main.startsWith('out/')).toBe(true);
    // Every file the shell loads from the resources folder is copied there, under the name it asks for.
    const shell = readFileSync(join(root, 'src-main/index.ts'), 'utf8');
    const asked = [...shell.matchAll(/join\(resources, '([^']+)'\)/g)].map((m) => m[1]);
    expect(asked.length).toBeGreaterThan(0);
    for (const name of asked) {
      const entry = config.extraResources.find((r) => r.to === name);
      expect(entry, name).toBeDefined();
      expect(existsSync(join(root, entry!.from)), name).toBe(true);
    }
  });

  it('the packaged app finds its resources through process.resourcesPath', () => {
    expect(
      resourcesDir({ packaged: true, resourcesPath: '/opt/ShopMesh/resources', mainDir: '/x/out/main' }),
    ).toBe('/opt/ShopMesh/resources');
    expect(resourcesDir({ packaged: false, resourcesPath: '/ignored', mainDir: '/repo/out/main' })).toBe(
      '/repo/resources',
    );
  });

  it('the configured fuses flip a binary carrying the fuse sentinel to the expected wire', async () => {
    const dir = makeTempDir();
    tmp.push(dir);
    // A stand-in for the Electron executable: bytes, the sentinel, fuse wire version 1, nine fuses in
    // Electron's defaults (RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, …), more bytes.
    const sentinel = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX');
    const defaults = '101100011';
    const binary = join(dir.dir, 'shopmesh');
    writeFileSync(
      binary,
      Buffer.concat([
        Buffer.alloc(4096, 7),
        sentinel,
        Buffer.from([1, defaults.length]),
        Buffer.from(defaults),
        Buffer.alloc(4096, 9),
      ]),
    );
    const before = readFileSync(binary);
    const fuses = Object.fromEntries(
      Object.entries(config.electronFuses).map(([name, on]) => {
        expect(fuseOf[name], `unknown fuse ${name}`).toBeDefined();
        return [fuseOf[name]!, on];
      }),
    );
    await flipFuses(binary, { version: FuseVersion.V1, ...fuses });
    const wire = await getCurrentFuseWire(binary);
    const state = (fuse: FuseV1Options) => wire[fuse];
    expect(state(FuseV1Options.RunAsNode)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe(FuseState.DISABLE);
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe(FuseState.ENABLE);
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(FuseState.DISABLE);
    // Only the wire changed: every other byte of the binary is as it was.
    const after = readFileSync(binary);
    const wireAt = 4096 + sentinel.length + 2;
    expect(after.subarray(0, wireAt).equals(before.subarray(0, wireAt))).toBe(true);
    expect(after.subarray(wireAt + defaults.length).equals(before.subarray(wireAt + defaults.length))).toBe(
      true,
    );

    // A binary without the sentinel is refused, not silently left as it was.
    const plain = join(dir.dir, 'not-electron');
    copyFileSync(join(root, 'resources/icon.png'), plain);
    await expect(flipFuses(plain, { version: FuseVersion.V1, ...fuses })).rejects.toThrow(/sentinel/);
  });
});
