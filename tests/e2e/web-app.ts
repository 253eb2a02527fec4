import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type APIRequestContext, type BrowserContext, expect, type Page, test } from '@playwright/test';
import type { SandboxInfo } from '../../src-main/profile/sandbox-info';
import { makeTempDir } from '../helpers/tmp';
import { reportSweep, type SandboxAdmin, SecretSweep } from './secret-sweep';

export interface RunningWebApp {
  url: string;
  origin: string;
  token: string;
  /** The embedded sandbox's admin API (its token: SHOPMESH_SANDBOX_ADMIN_TOKEN), when the app runs one. */
  sandboxAdminBase: string | null;
  /** False once the process has exited (stopped, or died). */
  readonly running: boolean;
  stop(): Promise<void>;
}

const root = join(import.meta.dirname, '..', '..');

/** Starts the built web bridge (`out/main/web.js`) on a free port with its own data folder. */
export async function startWebApp(
  dataDir: string,
  extraEnv: Record<string, string> = {},
): Promise<RunningWebApp> {
  const token = 'e2e-token-' + Math.random().toString(36).slice(2);
  const child: ChildProcess = spawn(process.execPath, [join(root, 'out', 'main', 'web.js')], {
    cwd: root,
    env: {
      ...process.env,
      SHOPMESH_DATA_DIR: dataDir,
      SHOPMESH_PORT: '0',
      SHOPMESH_WEB_TOKEN: token,
      // Every IPC result the journeys see is checked against the contract.
      SHOPMESH_VALIDATE_OUTPUTS: '1',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  let sandboxAdminBase: string | null = null;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web bridge did not start in 30 s:\n${stderr}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`web bridge exited with ${code}:\n${stderr}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      // Printed just before the line below (src-main/web/cli.ts).
      sandboxAdminBase = line.match(/^Sandbox admin API at (\S+)/)?.[1] ?? sandboxAdminBase;
      const m = line.match(/ShopMesh is running at (\S+)/);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
  return {
    url,
    origin: new URL(url).origin,
    token,
    sandboxAdminBase,
    get running() {
      return child.exitCode === null && child.signalCode === null;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Writes a profile file (`SHOPMESH_PROFILE_FILE`) that points the app at a sandbox the test runs itself, so
 * the test can set up its data and faults and read its write log; returns the file's path.
 */
/**
 * A Profile built on production whose every TikTok address is a closed port, written into `dir`: an app started
 * on it runs no simulator and reaches no TikTok, so a journey can check what works offline on the same data folder.
 */
export function offlineProfileFile(dir: string): string {
  const closed = 'http://127.0.0.1:9';
  const file = join(dir, 'offline-profile.json');
  writeFileSync(
    file,
    JSON.stringify({
      extends: 'production',
      shopAuthBase: `${closed}/shop-auth`,
      shopApiBase: `${closed}/shop-api`,
      shopAuthorizeUrl: `${closed}/shop-auth/oauth/authorize`,
      adsBase: `${closed}/ads`,
      adsAuthorizeUrl: `${closed}/ads/portal/auth`,
      identityBase: `${closed}/login`,
      identityAuthorizeUrl: `${closed}/login/authorize`,
    }),
  );
  return file;
}

export function sandboxProfileFile(dir: string, info: SandboxInfo): string {
  sweepSandbox(info);
  const file = join(dir, 'sandbox-profile.json');
  writeFileSync(
    file,
    JSON.stringify({
      extends: 'sandbox',
      shopAuthBase: info.shopAuthBase,
      shopApiBase: info.shopApiBase,
      shopAuthorizeUrl: info.shopAuthorizeUrl,
      adsBase: info.adsBase,
      adsAuthorizeUrl: `${info.adsBase}/portal/auth`,
      identityBase: info.identityBase,
      identityAuthorizeUrl: `${info.identityBase}/v2/auth/authorize/`,
      imageSources: [info.mediaBase],
      shop: info.shop,
      ads: info.ads,
      identity: { clientKey: info.identity.clientKey, clientSecret: info.identity.clientSecret },
    }),
  );
  return file;
}

/** The current test's secret sweep (webAppPerTest sets it), for the helpers below to report to. */
let activeSweep: SecretSweep | null = null;

/**
 * Names a sandbox the test runs itself (its profile not written by `sandboxProfileFile`), so the secret
 * sweep asks it for every token it minted. It must still run when the test's `afterEach` hooks start.
 */
export function sweepSandbox(admin: SandboxAdmin): void {
  activeSweep?.sandbox(admin);
}

/** What `webAppPerTest` hands a spec: a web bridge and a data folder of its own for every test. */
export interface WebAppPerTest {
  /** The current test's app (after `stop()`, the stopped one until `start()`). */
  readonly app: RunningWebApp;
  /** The current test's data folder. */
  readonly dataDir: string;
  /** Stops the app if it runs, then starts it on the same data folder with this test's env or `env`. */
  start(env?: Record<string, string>): Promise<RunningWebApp>;
  /** Stops the app (again is fine), e.g. to change its files before `start()`. */
  stop(): Promise<void>;
  /** A vault passphrase the test typed into the page, so the secret sweep can unwrap the data key. */
  vaultPassphrase(passphrase: string): void;
  /** Another secret the sweep must not find (one the test typed: an app lock passphrase, an app secret). */
  secret(label: string, value: string): void;
}

/**
 * The vault journeys run under unless they choose: a passphrase the sweep knows, so it can unwrap the data
 * key and search for it (there is no keychain where the e2e tests run).
 */
const sweepVault = {
  SHOPMESH_KEYSTORE: 'passphrase',
  SHOPMESH_VAULT_PASSPHRASE: 'e2e-default-vault-passphrase',
};

/**
 * Registers the hooks most journeys share: before each test a fresh data folder (`prefix` names it), filled
 * by `seed` if given, and the built web bridge started on it with `env`; after each, the secret sweep
 * (secret-sweep.ts: no token or key in the data folder, downloads, API replies or pages), the app stopped
 * and the folder removed. `env` may be a function of the data folder, for a journey that puts files there
 * (a profile) before the app starts.
 */
export function webAppPerTest(
  prefix: string,
  env: Record<string, string> | ((dataDir: string) => Promise<Record<string, string>>) = {},
  seed?: (dataDir: string) => Promise<void>,
): WebAppPerTest {
  let folder: { dir: string; cleanup: () => void } | null = null;
  let app: RunningWebApp | null = null;
  let sweep: SecretSweep | null = null;
  let testEnv: Record<string, string> = {};
  const current = <T>(value: T | null, what: string): T => {
    if (value === null) throw new Error(`no ${what}: webAppPerTest gives one inside a test only`);
    return value;
  };
  /** The running app's embedded sandbox, asked for its tokens before the app stops. */
  let embedded: SandboxAdmin | null = null;
  const startApp = async (startEnv: Record<string, string>) => {
    // A known admin token (the test's own if it sets one), so the sweep can ask the embedded sandbox.
    const adminToken =
      startEnv.SHOPMESH_SANDBOX_ADMIN_TOKEN ?? `e2e-sweep-${Math.random().toString(36).slice(2)}`;
    const withAdmin = { ...startEnv, SHOPMESH_SANDBOX_ADMIN_TOKEN: adminToken };
    app = await startWebApp(current(folder, 'data folder').dir, withAdmin);
    embedded = app.sandboxAdminBase ? { adminBase: app.sandboxAdminBase, adminToken } : null;
    sweep?.appStarted(app.token, withAdmin);
    sweep?.prewarm(current(folder, 'data folder').dir);
    await sweep?.tapEvents(app.origin, app.token);
    return app;
  };
  const stopApp = async () => {
    // The embedded sandbox (and what it minted) goes with the app: list its tokens first.
    if (app?.running && embedded) await sweep?.harvest(embedded);
    if (folder) sweep?.prewarm(folder.dir);
    embedded = null;
    await app?.stop();
  };
  test.beforeEach(async ({ context }) => {
    sweep = new SecretSweep();
    activeSweep = sweep;
    sweep.watch(context);
    folder = makeTempDir(prefix);
    sweep.watchVault(folder.dir);
    await seed?.(folder.dir);
    const chosen = typeof env === 'function' ? await env(folder.dir) : env;
    testEnv = chosen.SHOPMESH_KEYSTORE ? chosen : { ...sweepVault, ...chosen };
    await startApp(testEnv);
  });
  test.afterEach(async ({ context }, testInfo) => {
    try {
      if (sweep && folder) {
        const dataDir = folder.dir;
        await reportSweep(await sweep.run({ context, dataDir, stop: stopApp }), testInfo);
      }
    } finally {
      sweep?.close();
      await app?.stop();
      app = null;
      sweep = null;
      activeSweep = null;
      folder?.cleanup();
      folder = null;
    }
  });
  return {
    get app() {
      return current(app, 'app');
    },
    get dataDir() {
      return current(folder, 'data folder').dir;
    },
    async start(startEnv = testEnv) {
      await stopApp();
      return startApp(startEnv);
    },
    stop: stopApp,
    vaultPassphrase(passphrase) {
      current(sweep, 'secret sweep').vaultPassphrase(passphrase);
    },
    secret(label, value) {
      current(sweep, 'secret sweep').secret(label, value);
    },
  };
}

/** Calls a channel of the app's local API (setup a journey does not show) and expects it to succeed. */
export async function callApi<T>(
  app: RunningWebApp,
  request: APIRequestContext,
  channel: string,
  data: unknown,
): Promise<T> {
  const res = await request.post(`${app.origin}/ipc/${channel}`, {
    headers: { Authorization: `Bearer ${app.token}` },
    data,
  });
  const text = await res.text();
  activeSweep?.reply(channel, text);
  const body = JSON.parse(text);
  expect(body.ok, `${channel}: ${JSON.stringify(body.error)}`).toBe(true);
  return body.result as T;
}

/**
 * Switches the open app's language and theme through its own settings channel (no page to visit, the page
 * shown stays), and waits until the page shows them.
 */
export async function setLook(page: Page, language: 'en' | 'zh-CN', theme: 'light' | 'dark'): Promise<void> {
  const ok = await page.evaluate(
    async (body) =>
      (
        await fetch('/ipc/settings:update', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).ok,
    { language, theme },
  );
  expect(ok).toBe(true);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

export type Look = readonly ['en' | 'zh-CN', 'light' | 'dark'];

/** Both languages in both themes. */
export const allLooks: readonly Look[] = [
  ['en', 'light'],
  ['en', 'dark'],
  ['zh-CN', 'light'],
  ['zh-CN', 'dark'],
];

/**
 * Runs `step` once per look (English light and Chinese dark unless `looks` says otherwise), each after
 * switching the open app to it with `setLook`; `en` tells the step which language's names to use.
 */
export async function inEachLook(
  page: Page,
  step: (look: { language: Look[0]; theme: Look[1]; en: boolean }) => Promise<void>,
  looks: readonly Look[] = [
    ['en', 'light'],
    ['zh-CN', 'dark'],
  ],
): Promise<void> {
  for (const [language, theme] of looks) {
    await setLook(page, language, theme);
    await step({ language, theme, en: language === 'en' });
  }
}

/**
 * Connects the sandbox's shop Account from the Accounts page (consent in a new tab) and waits for the first
 * sync, which a new connection starts by itself. Returns the embedded sandbox's origin (the consent page is its
 * own), where its admin API answers.
 */
export async function connectShop(page: Page, context: BrowserContext): Promise<string> {
  const sandboxOrigin = await openConsentAndAuthorize(page, context);
  await expect(page.getByText(/Last synced/).first()).toBeVisible({ timeout: 60_000 });
  return sandboxOrigin;
}

/**
 * Connects the sandbox's shop Account from the Accounts page (consent in a new tab) and syncs it once.
 * Returns the embedded sandbox's origin, where its admin API answers.
 */
export async function connectShopAndSync(page: Page, context: BrowserContext): Promise<string> {
  const sandboxOrigin = await openConsentAndAuthorize(page, context);
  await expect(page.getByText('Your shop is connected.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Sync now' }).first().click();
  await expect(page.getByText(/Last synced/).first()).toBeVisible({ timeout: 60_000 });
  return sandboxOrigin;
}

async function openConsentAndAuthorize(page: Page, context: BrowserContext): Promise<string> {
  await page
    .getByRole('navigation', { name: /^(Main|主导航)$/ })
    .getByRole('link', { name: 'Accounts' })
    .click();
  const consentTab = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Connect TikTok Shop' }).click();
  const tab = await consentTab;
  const authorize = tab.getByRole('button', { name: 'Authorize' });
  await expect(authorize).toBeVisible();
  const sandboxOrigin = new URL(tab.url()).origin;
  await authorize.click();
  await expect(tab.getByText('You can close this tab and return to ShopMesh.')).toBeVisible();
  await tab.close();
  return sandboxOrigin;
}

/**
 * Connects an Account whose Connect button is `button` (e.g. "Connect TikTok Shop", "Connect TikTok Ads")
 * from the open Accounts page: clicks it, authorizes on the consent page that opens in a new tab, closes
 * that tab and waits for the page to say `done` (e.g. /Your shop is connected/).
 */
export async function approve(
  page: Page,
  context: BrowserContext,
  button: string,
  done: RegExp,
): Promise<void> {
  const consentTab = context.waitForEvent('page');
  await page.getByRole('button', { name: button }).click();
  const tab = await consentTab;
  await tab.getByRole('button', { name: 'Authorize' }).click();
  await tab.close();
  await expect(page.getByText(done).first()).toBeVisible();
}

/**
 * Changes settings through the open page's own settings channel (the page's session, as the UI would) and
 * expects the change to be accepted; unlike `setLook` it does not wait for the page to show it.
 */
export async function setting(page: Page, patch: Record<string, string>): Promise<void> {
  const ok = await page.evaluate(
    async (body) =>
      (
        await fetch('/ipc/settings:update', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).ok,
    patch,
  );
  expect(ok).toBe(true);
}

/**
 * A screenshot of the whole page at `path`: the window is made as tall as the content area's scrolled height
 * (the content scrolls inside the shell, so a full-page screenshot would stop at the window's bottom), then
 * given its size back.
 */
export async function wholePage(page: Page, path: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  const extra = await page
    .locator('.content')
    .evaluate((el) => Math.max(0, el.scrollHeight - el.clientHeight));
  await page.setViewportSize({ width: size.width, height: size.height + extra });
  await page.screenshot({ path });
  await page.setViewportSize(size);
}
