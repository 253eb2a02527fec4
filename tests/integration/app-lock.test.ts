import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Channel, channelNames } from '@shared/contract';
import { channelsWhileLocked } from '../../src-main/app-lock/gate';
import { startWebBridge, type WebBridge } from '../../src-main/web/bridge';
import { type AccountsTestApp, connectThrough, makeAccountsApp } from '../helpers/accounts';
import { makeTempDir } from '../helpers/tmp';
import { until } from '../helpers/until';

/**
 * The app lock enforced in main (issue 15 item 5): while locked, every channel but the lock's own is refused
 * with a translated LOCKED error, over the router and over the web bridge, the renderer's event stream carries
 * nothing but the lock's own event, and the background work goes on: a sync started while locked finishes.
 */
let t: AccountsTestApp;
let bridge: WebBridge;
let staticDir: { dir: string; cleanup: () => void };
const passphrase = 'an app lock passphrase';

beforeAll(async () => {
  t = await makeAccountsApp();
  await connectThrough(t, 'shop');
  staticDir = makeTempDir();
  writeFileSync(join(staticDir.dir, 'index.html'), '<!doctype html><title>ShopMesh</title>');
  mkdirSync(join(staticDir.dir, 'assets'));
  bridge = await startWebBridge({ app: t.app, staticDir: staticDir.dir, token: 'app-lock-token' });
});
afterAll(async () => {
  await bridge?.close();
  await t?.cleanup();
  staticDir?.cleanup();
});

const post = (channel: string, body: unknown = {}) =>
  fetch(`http://127.0.0.1:${bridge.port}/ipc/${channel}`, {
    method: 'POST',
    headers: { Authorization: 'Bearer app-lock-token', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

/** Reads the bridge's event stream into `seen` (event names, as they arrive) until `stop` is called. */
async function recordStream(): Promise<{ stop: () => void; seen: string[] }> {
  const controller = new AbortController();
  // The bridge subscribes the stream before it sends the headers this fetch resolves with.
  const res = await fetch(`http://127.0.0.1:${bridge.port}/events`, {
    headers: { Authorization: 'Bearer app-lock-token' },
    signal: controller.signal,
  });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const seen: string[] = [];
  void (async () => {
    let text = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
        const lines = text.split('\n');
        text = lines.pop() ?? '';
        for (const line of lines) if (line.startsWith('event: ')) seen.push(line.slice(7));
      }
    } catch {
      // aborted: the recording is over
    }
  })();
  return { stop: () => controller.abort(), seen };
}

describe('app lock in main', () => {
  it('refuses every data channel while locked, over the router and the web bridge, and answers its own', async () => {
    await t.invoke('appLock:enable', { passphrase });
    await t.invoke('appLock:lock');
    expect(t.app.appLock.isLocked()).toBe(true);

    const refused = channelNames.filter((c) => !channelsWhileLocked.has(c));
    expect(refused.length).toBeGreaterThan(100);
    for (const channel of refused) {
      // Whatever the input, even a valid one: the gate runs before validation.
      const reply = await t.app.router.invoke(channel, {});
      expect(reply, channel).toMatchObject({
        ok: false,
        error: { code: 'LOCKED', key: 'appLock.errors.locked', details: { appLock: 'locked' } },
      });
    }
    const overHttp = await post('orders:list', { limit: 10 });
    expect(overHttp.status).toBe(423);
    expect(await overHttp.json()).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    const settings = await post('settings:update', { theme: 'dark' });
    expect(settings.status).toBe(423);
    expect(t.app.settings.get().theme).not.toBe('dark');

    const status = await post('appLock:status');
    expect(await status.json()).toMatchObject({ ok: true, result: { enabled: true, locked: true } });
  });

  it('keeps syncing while locked, and the renderer hears nothing of it until unlocked', async () => {
    expect(t.app.appLock.isLocked()).toBe(true);
    const recording = await recordStream();
    const ordersBefore = (t.app.db.prepare('SELECT COUNT(*) AS n FROM orders').get() as { n: number }).n;
    const syncEventsBefore = t.events.filter((e) => e.name === 'sync:progress').length;
    // What the scheduler does on its interval: the lock does not stop it.
    const run = await t.app.sync.run({ trigger: 'schedule' });
    expect(run.started.length).toBeGreaterThan(0);
    await t.app.sync.whenIdle();
    const history = t.app.sync.history({ limit: 5 }).runs;
    expect(history.find((r) => run.started.includes(r.id))?.outcome).toBe('ok');
    const ordersAfter = (t.app.db.prepare('SELECT COUNT(*) AS n FROM orders').get() as { n: number }).n;
    expect(ordersAfter).toBeGreaterThan(ordersBefore);
    // Main did emit progress, but none of it went to the renderer's stream.
    expect(t.events.filter((e) => e.name === 'sync:progress').length).toBeGreaterThan(syncEventsBefore);

    // A wrong passphrase: refused, counted, and the lock's own event is what the stream carries.
    const wrong = await post('appLock:unlock', { passphrase: 'not the passphrase' });
    expect(await wrong.json()).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', key: 'appLock.errors.wrongPassphrase' },
    });
    const early = await post('appLock:unlock', { passphrase });
    expect(await early.json()).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    await until(() => t.app.appLock.status().retryAt === null, 10_000);
    const unlocked = await post('appLock:unlock', { passphrase });
    expect(await unlocked.json()).toMatchObject({ ok: true, result: { locked: false, failedAttempts: 0 } });
    // After the unlock, events flow again.
    t.app.events.emit('accounts:changed', {});
    await until(() => recording.seen.includes('accounts:changed'));
    recording.stop();
    const seen = recording.seen;
    expect(seen.filter((n) => n.startsWith('sync:'))).toEqual([]);
    expect(seen).toContain('appLock:changed');
    expect(seen.at(-1)).toBe('accounts:changed');

    const orders = await post('orders:list', { limit: 1 });
    expect(orders.status).toBe(200);
  });

  it('a restart starts locked; turning the lock off needs the current passphrase', async () => {
    const again = await makeAccountsApp({ dataDir: t.dataDir });
    try {
      expect(again.app.appLock.isLocked()).toBe(true);
      const reply = await again.app.router.invoke('accounts:list', {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
      await again.invoke('appLock:unlock', { passphrase });
      const off = await again.app.router.invoke('appLock:disable', { currentPassphrase: 'wrong' });
      expect(off).toMatchObject({ ok: false, error: { key: 'appLock.errors.wrongCurrentPassphrase' } });
      await until(() => again.app.appLock.status().retryAt === null, 10_000);
      await again.invoke('appLock:disable', { currentPassphrase: passphrase });
      expect(again.app.appLock.status()).toMatchObject({ enabled: false, locked: false });
      const lockOff = await again.app.router.invoke('appLock:lock' satisfies Channel, {});
      expect(lockOff).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    } finally {
      await again.app.close();
    }
  });
});
