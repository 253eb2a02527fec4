import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, type ElectronApplication, expect, type Page, test } from '@playwright/test';
import type { ShopmeshBridge } from '@shared/contract';

const repoRoot = resolve(import.meta.dirname, '../..');
const mainEntry = join(repoRoot, 'out/main/index.js');

/**
 * Whether Electron's binary is on disk, decided without `require('electron')`: in plain Node that
 * require starts a download and throws when the binary is missing.
 */
function electronBinaryInstalled(): boolean {
  const packageDir = join(repoRoot, 'node_modules/electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return false;
  const executable = readFileSync(pathFile, 'utf8').trim();
  return executable !== '' && existsSync(join(packageDir, 'dist', executable));
}

const skipReason =
  'Electron binary not installed (node_modules/electron/dist missing); skipping Electron e2e';
const binaryMissing = !electronBinaryInstalled();
// The list reporter does not print skip reasons; CI logs should still say why nothing ran.
if (binaryMissing && !process.env.TEST_WORKER_INDEX) process.stderr.write(`${skipReason}\n`);
test.skip(binaryMissing, skipReason);

/** The page's globals as seen from page.evaluate (this tsconfig has no DOM lib). */
interface PageWindow {
  shopmesh?: ShopmeshBridge;
  location: { href: string };
  open(url: string): unknown;
}

interface E2EGlobals {
  shopmeshE2E?: { tray(): { label: string; enabled: boolean }[] | null };
  openedExternally?: string[];
}

let app: ElectronApplication;
let page: Page;
let dataDir: string;

test.beforeAll(async () => {
  if (!existsSync(mainEntry)) throw new Error(`${mainEntry} is missing: run npm run build first`);
  dataDir = mkdtempSync(join(tmpdir(), 'shopmesh-electron-e2e-'));
  app = await electron.launch({
    args: [mainEntry],
    cwd: repoRoot,
    env: { ...process.env, SHOPMESH_DATA_DIR: dataDir, SHOPMESH_E2E: '1', NODE_ENV: 'test' },
  });
  // Record instead of opening a browser; the app's wrapper still runs its allow-list first.
  await app.evaluate(({ shell }) => {
    const opened: string[] = [];
    (globalThis as E2EGlobals).openedExternally = opened;
    shell.openExternal = async (url: string) => {
      opened.push(url);
    };
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const openedExternally = (): Promise<string[]> =>
  app.evaluate(() => [...((globalThis as E2EGlobals).openedExternally ?? [])]);

test('the window opens on the app origin with the title ShopMesh and the navigation', async () => {
  expect(page.url()).toMatch(/^app:\/\/shopmesh\//);
  const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
  expect(title).toBe('ShopMesh');
  await expect(page.getByRole('navigation').first()).toBeVisible();
});

test('the page sees no Node: sandboxed, context-isolated', async () => {
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
});

test('window.shopmesh talks to the main process over IPC', async () => {
  const info = await page.evaluate(() =>
    (globalThis as unknown as PageWindow).shopmesh?.invoke('app:info', {}),
  );
  expect(info).toMatchObject({ ok: true, result: { name: 'ShopMesh', transport: 'electron', dataDir } });
  const unknown = await page.evaluate(() =>
    (globalThis as unknown as PageWindow).shopmesh?.invoke('nope:nothing' as 'app:info', {}),
  );
  expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(
    await page.evaluate(() => Object.keys((globalThis as unknown as PageWindow).shopmesh ?? {}).sort()),
  ).toEqual(['invoke', 'on', 'transport']);
});

test('app pages carry the CSP header', async () => {
  const csp = await page.evaluate(async () =>
    (await fetch('/index.html')).headers.get('content-security-policy'),
  );
  expect(csp).toContain("default-src 'self'");
});

test('navigation to an external URL is blocked; allowed links go to the browser', async () => {
  const before = page.url();
  await page.evaluate(() => {
    (globalThis as unknown as PageWindow).location.href = 'https://evil.example/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);

  await page.evaluate(() => {
    (globalThis as unknown as PageWindow).location.href = 'https://partner.tiktokshop.com/docv2';
  });
  await expect.poll(openedExternally).toContain('https://partner.tiktokshop.com/docv2');
  expect(page.url()).toBe(before);
  expect(await openedExternally()).not.toContain('https://evil.example/');
});

test('window.open is denied', async () => {
  const windowsBefore = app.windows().length;
  const opened = await page.evaluate(
    () => (globalThis as unknown as PageWindow).open('https://www.tiktok.com/@shopmesh') === null,
  );
  expect(opened).toBe(true);
  const appOpened = await page.evaluate(
    () => (globalThis as unknown as PageWindow).open('app://shopmesh/index.html') === null,
  );
  expect(appOpened).toBe(true);
  await page.waitForTimeout(300);
  expect(app.windows().length).toBe(windowsBefore);
  await expect.poll(openedExternally).toContain('https://www.tiktok.com/@shopmesh');
});

test('the tray shows the sync status with Open / Sync now / Quit', async () => {
  const menu = await app.evaluate(() => (globalThis as E2EGlobals).shopmeshE2E?.tray() ?? null);
  expect(menu).toEqual([
    { label: 'Not synced yet', enabled: false },
    { label: 'Open', enabled: true },
    { label: 'Sync now', enabled: true },
    { label: 'Quit', enabled: true },
  ]);
});

test('the tray menu follows the language setting', async () => {
  await page.evaluate(() =>
    (globalThis as unknown as PageWindow).shopmesh?.invoke('settings:update', { language: 'zh-CN' }),
  );
  const menu = await app.evaluate(() => (globalThis as E2EGlobals).shopmeshE2E?.tray() ?? null);
  expect(menu?.map((item) => item.label)).toEqual(['尚未同步', '打开', '立即同步', '退出']);
  await page.evaluate(() =>
    (globalThis as unknown as PageWindow).shopmesh?.invoke('settings:update', { language: 'en' }),
  );
});
