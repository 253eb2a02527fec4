import { describe, expect, it, vi } from 'vitest';
import type { ResultEnvelope } from '@shared/contract';
import { silentLogger } from '../../../src-main/log/logger';
import { describeFrame, forwardEvents, registerInvokeHandler } from '../../../src-main/shell/ipc';
import { eventChannel, invokeChannel } from '@shared/ipc-channels';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: vi.fn((channel: string, handler: Handler) => {
      handlers.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => {
      handlers.delete(channel);
    }),
  };
}

function frame(url: string, isTop = true) {
  return { url, parent: isTop ? null : { url: 'app://shopmesh/index.html' } };
}

function setup(devServerUrl?: string) {
  const ipcMain = fakeIpcMain();
  const envelope: ResultEnvelope = { ok: true, result: { name: 'ShopMesh' } };
  const router = { invoke: vi.fn(async () => envelope) };
  const dispose = registerInvokeHandler(ipcMain as never, { router, devServerUrl, logger: silentLogger() });
  const handler = ipcMain.handlers.get(invokeChannel);
  if (!handler) throw new Error('no handler registered');
  return { ipcMain, router, handler, envelope, dispose };
}

describe('registerInvokeHandler', () => {
  it('registers exactly one handler, on shopmesh:invoke, and can remove it', () => {
    const { ipcMain, dispose } = setup();
    expect(ipcMain.handle).toHaveBeenCalledTimes(1);
    expect([...ipcMain.handlers.keys()]).toEqual(['shopmesh:invoke']);
    dispose();
    expect(ipcMain.removeHandler).toHaveBeenCalledWith('shopmesh:invoke');
  });

  it('forwards a trusted sender to the router and returns its envelope', async () => {
    const { handler, router, envelope } = setup();
    const result = await handler({ senderFrame: frame('app://shopmesh/index.html') }, 'app:info', {});
    expect(result).toBe(envelope);
    expect(router.invoke).toHaveBeenCalledExactlyOnceWith('app:info', {});
  });

  it('passes unknown channels and raw input to the router, which owns validation', async () => {
    const { handler, router } = setup();
    await handler({ senderFrame: frame('app://shopmesh/') }, 'nope:nothing', { x: 1 });
    expect(router.invoke).toHaveBeenCalledWith('nope:nothing', { x: 1 });
  });

  it.each([
    ['a foreign origin', { senderFrame: frame('https://evil.example/') }],
    ['an iframe of the app', { senderFrame: frame('app://shopmesh/index.html', false) }],
    ['another app:// host', { senderFrame: frame('app://other/index.html') }],
    ['a file:// page', { senderFrame: frame('file:///tmp/index.html') }],
    ['about:blank', { senderFrame: frame('about:blank') }],
    ['a frame that is gone', { senderFrame: null }],
    ['no frame at all', {}],
    [
      'a destroyed frame',
      {
        senderFrame: {
          get url(): string {
            throw new Error('Render frame was disposed');
          },
          parent: null,
        },
      },
    ],
    ['the dev server outside dev', { senderFrame: frame('http://localhost:5173/') }],
  ])('rejects %s without calling the router', async (_name, event) => {
    const { handler, router } = setup();
    await expect(handler(event, 'settings:update', { closeToTray: false })).rejects.toThrow('Refused');
    expect(router.invoke).not.toHaveBeenCalled();
  });

  it('trusts the dev server only when running against it', async () => {
    const { handler, router } = setup('http://localhost:5173/');
    await handler({ senderFrame: frame('http://localhost:5173/') }, 'app:info', {});
    expect(router.invoke).toHaveBeenCalledOnce();
  });

  it.each([[42], [undefined], [''], [{ toString: () => 'app:info' }], ['x'.repeat(201)]])(
    'answers VALIDATION for channel argument %j',
    async (channel) => {
      const { handler, router } = setup();
      const result = await handler({ senderFrame: frame('app://shopmesh/') }, channel, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(router.invoke).not.toHaveBeenCalled();
    },
  );
});

describe('describeFrame', () => {
  it('reduces a frame to url + main-frame flag', () => {
    expect(describeFrame(frame('app://shopmesh/') as never)).toEqual({
      url: 'app://shopmesh/',
      isMainFrame: true,
    });
    expect(describeFrame(frame('app://shopmesh/', false) as never)).toEqual({
      url: 'app://shopmesh/',
      isMainFrame: false,
    });
    expect(describeFrame(null)).toBeNull();
  });
});

describe('forwardEvents', () => {
  function contents(url: string, destroyed = false) {
    return { getURL: () => url, isDestroyed: () => destroyed, send: vi.fn() };
  }

  it('sends app events on shopmesh:event to app windows only', () => {
    let listener: ((name: string, payload: unknown) => void) | undefined;
    const unsubscribe = vi.fn();
    const bus = {
      subscribe: vi.fn((l: (name: string, payload: unknown) => void) => {
        listener = l;
        return unsubscribe;
      }),
    };
    const app = contents('app://shopmesh/index.html');
    const foreign = contents('https://evil.example/');
    const gone = contents('app://shopmesh/index.html', true);
    const stop = forwardEvents(bus as never, () => [app, foreign, gone] as never);

    listener?.('settings:changed', { language: 'en' });
    expect(app.send).toHaveBeenCalledExactlyOnceWith(eventChannel, 'settings:changed', { language: 'en' });
    expect(foreign.send).not.toHaveBeenCalled();
    expect(gone.send).not.toHaveBeenCalled();

    stop();
    expect(unsubscribe).toHaveBeenCalled();
  });
});
