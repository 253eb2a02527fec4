import { createHash } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isOAuthCallbackError, OAuthCallbackError } from '../../../src-main/oauth/errors';
import { type LoopbackListener, startLoopbackListener } from '../../../src-main/oauth/loopback';
import { callbackPage } from '../../../src-main/oauth/loopback-pages';
import { createState } from '../../../src-main/oauth/state';

const CODE = 'CODE*secret!value_1234567890';
let listener: LoopbackListener | undefined;
const servers: Server[] = [];

afterEach(async () => {
  listener?.cancel();
  listener = undefined;
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function start(extra: Partial<Parameters<typeof startLoopbackListener>[0]> = {}) {
  const state = createState();
  listener = await startLoopbackListener({ expectedState: state, ...extra });
  return { state, listener };
}

function callbackUrl(l: LoopbackListener, query: Record<string, string>): string {
  return `${l.redirectUri}?${new URLSearchParams(query).toString()}`;
}

async function failure(l: LoopbackListener): Promise<OAuthCallbackError> {
  try {
    await l.waitForCallback();
  } catch (err) {
    if (err instanceof OAuthCallbackError) return err;
    throw err;
  }
  throw new Error('expected the wait to fail');
}

/** Raw request with a chosen Host header (fetch does not let us set one). */
function rawGet(port: number, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

async function occupiedPort(): Promise<number> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

describe('loopback redirect listener', () => {
  it('binds 127.0.0.1 on an ephemeral port and resolves with the callback params', async () => {
    const { state, listener: l } = await start();
    expect(l.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const res = await fetch(callbackUrl(l, { code: CODE, state, scopes: 'user.info.basic' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const page = await res.text();
    expect(page).toContain('You can close this tab and return to ShopMesh');
    // One language only (the app's; English by default), never both at once.
    expect(page).not.toContain('您可以关闭此标签页');
    expect(page).not.toContain(CODE);
    expect(page).not.toContain(encodeURIComponent(CODE));
    expect(page).not.toContain(state);
    const { params } = await l.waitForCallback();
    expect(params.get('code')).toBe(CODE);
    expect(params.get('scopes')).toBe('user.info.basic');
    await l.closed;
    await expect(fetch(callbackUrl(l, { code: CODE, state }))).rejects.toThrow();
  });

  it('rejects a wrong state with state_mismatch and an error page that echoes nothing', async () => {
    const { listener: l } = await start();
    const wrong = createState();
    const res = await fetch(callbackUrl(l, { code: CODE, state: wrong }));
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('not valid');
    expect(page).not.toContain(CODE);
    expect(page).not.toContain(wrong);
    const err = await failure(l);
    expect(err.outcome).toBe('state_mismatch');
    expect(err.toShape().details).toMatchObject({ outcome: 'state_mismatch' });
    expect(err.message).not.toContain(wrong);
  });

  it('treats a missing or repeated state as a mismatch', async () => {
    const a = await start();
    await fetch(callbackUrl(a.listener, { code: CODE }));
    expect((await failure(a.listener)).outcome).toBe('state_mismatch');
    const b = await start();
    await fetch(`${b.listener.redirectUri}?code=x&state=${b.state}&state=${b.state}`);
    expect((await failure(b.listener)).outcome).toBe('state_mismatch');
  });

  it('accepts one callback only: a second one gets 410 (or finds the listener closed) and changes nothing', async () => {
    const { state, listener: l } = await start();
    const [first, second] = await Promise.allSettled([
      fetch(callbackUrl(l, { code: 'first-code-1234', state })),
      fetch(callbackUrl(l, { code: 'second-code-5678', state })),
    ]);
    const statuses = [first, second].map((r) => (r.status === 'fulfilled' ? r.value.status : 'closed'));
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 410 || s === 'closed')).toHaveLength(1);
    const { params } = await l.waitForCallback();
    const winner = statuses[0] === 200 ? 'first-code-1234' : 'second-code-5678';
    expect(params.get('code')).toBe(winner);
  });

  it('a later callback finds the listener closed (or 410) and changes nothing', async () => {
    const { state, listener: l } = await start({ timeoutMs: 5_000 });
    // A wrong-path request does not consume the attempt; a right one does. The listener closes as soon as
    // that answer is sent, so a later callback normally meets a closed port; one racing in before gets 410.
    expect((await fetch(`${l.redirectUri}/extra`)).status).toBe(404);
    await fetch(callbackUrl(l, { code: CODE, state }));
    const late = await fetch(callbackUrl(l, { code: CODE, state })).then(
      (r) => r.status,
      () => 'closed',
    );
    expect([410, 'closed']).toContain(late);
    expect((await l.waitForCallback()).params.get('code')).toBe(CODE);
  });

  it('times out with a distinct outcome and closes', async () => {
    const { listener: l } = await start({ timeoutMs: 50 });
    const err = await failure(l);
    expect(err.outcome).toBe('timeout');
    await l.closed;
  });

  it('cancel() rejects with a distinct outcome and closes; cancelling before waiting is safe', async () => {
    const { listener: l } = await start();
    l.cancel();
    l.cancel();
    const err = await failure(l);
    expect(isOAuthCallbackError(err, 'cancelled')).toBe(true);
    await l.closed;
  });

  it('serves 404 for other paths, 405 for other methods, 403 for a foreign Host, without consuming the attempt', async () => {
    const { state, listener: l } = await start();
    const origin = new URL(l.redirectUri).origin;
    expect((await fetch(`${origin}/`)).status).toBe(404);
    expect((await fetch(`${origin}/callback/`)).status).toBe(404);
    expect((await fetch(`${origin}/CALLBACK?state=${state}`)).status).toBe(404);
    const post = await fetch(callbackUrl(l, { code: CODE, state }), { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
    expect(await rawGet(l.port, `/callback?code=x&state=${state}`, 'evil.example:80')).toBe(403);
    expect(await rawGet(l.port, `/callback?code=x&state=${state}`, `localhost:${l.port}`)).toBe(403);
    const ok = await fetch(callbackUrl(l, { code: CODE, state }));
    expect(ok.status).toBe(200);
    expect((await l.waitForCallback()).params.get('code')).toBe(CODE);
  });

  it.each(['access_denied', 'auth_denied'])('reports a provider error (%s) as denied', async (error) => {
    const { state, listener: l } = await start();
    const res = await fetch(
      callbackUrl(l, { error, error_description: 'User cancelled\u0000 the flow', state }),
    );
    const page = await res.text();
    expect(page).toContain('declined');
    expect(page).not.toContain(state);
    expect(page).not.toContain('User cancelled');
    const err = await failure(l);
    expect(err.outcome).toBe('denied');
    expect(err.details).toMatchObject({ outcome: 'denied', providerError: error });
    expect(err.details?.providerErrorDescription).toBe('User cancelled  the flow');
  });

  it('listens on a fixed port from the Profile, and names a busy one', async () => {
    const busy = await occupiedPort();
    const attempt = startLoopbackListener({ expectedState: createState(), port: busy });
    await expect(attempt).rejects.toMatchObject({
      outcome: 'port_in_use',
      message: expect.stringContaining(`Port ${busy}`),
    });

    const free = await occupiedPort();
    await new Promise((r) => servers.pop()?.close(r));
    const { state, listener: l } = await start({ port: free, callbackPath: '/oauth/shop' });
    expect(l.redirectUri).toBe(`http://127.0.0.1:${free}/oauth/shop`);
    await fetch(callbackUrl(l, { code: CODE, state }));
    expect((await l.waitForCallback()).params.get('code')).toBe(CODE);
  });

  it('validates its options', async () => {
    await expect(startLoopbackListener({ expectedState: 'short' })).rejects.toThrow();
    await expect(
      startLoopbackListener({ expectedState: createState(), callbackPath: 'no-slash' }),
    ).rejects.toThrow();
    await expect(startLoopbackListener({ expectedState: createState(), port: 70000 })).rejects.toThrow();
  });
});

describe('loopback callback page', () => {
  it('names what was connected, in the app’s language only, with the mark and a self-closing script', () => {
    const shopEn = callbackPage('success', { provider: 'shop', language: 'en' });
    expect(shopEn).toContain('<h1>TikTok Shop connected</h1>');
    expect(shopEn).toContain('<html lang="en">');
    expect(shopEn).toContain('<svg');
    expect(shopEn).toContain('window.close()');
    expect(callbackPage('success', { provider: 'ads', language: 'en' })).toContain(
      '<h1>Ad account connected</h1>',
    );
    expect(callbackPage('success', { provider: 'identity', language: 'en' })).toContain('<h1>Signed in</h1>');

    const shopZh = callbackPage('success', { provider: 'shop', language: 'zh-CN' });
    expect(shopZh).toContain('<h1>TikTok Shop 已连接</h1>');
    expect(shopZh).toContain('您可以关闭此标签页并返回 ShopMesh。');
    expect(shopZh).not.toContain('You can close');
    expect(callbackPage('success', { provider: 'ads', language: 'zh-CN' })).toContain('广告账户已连接');

    // Failures do not try to close the tab: the merchant has to read them.
    expect(callbackPage('denied', { provider: 'shop', language: 'zh-CN' })).not.toContain('<script');
  });

  it('allows exactly its own inline script through the CSP', async () => {
    const { state, listener: l } = await start();
    const res = await fetch(callbackUrl(l, { code: CODE, state }));
    const csp = res.headers.get('content-security-policy') ?? '';
    const page = await res.text();
    const script = /<script>(.*)<\/script>/.exec(page)?.[1] ?? '';
    const hash = createHash('sha256').update(script).digest('base64');
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
    expect(csp).toContain("default-src 'none'");
    await l.waitForCallback();
  });
});
