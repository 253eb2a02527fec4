import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const exposed: [string, unknown][] = [];
  return {
    exposed,
    // A plain function, not vi.fn: the record must survive mock clearing between tests.
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]) },
    ipcRenderer: {
      invoke: vi.fn(async () => ({ ok: true, result: { transport: 'electron' } })),
      on: vi.fn(),
      send: vi.fn(),
      sendSync: vi.fn(),
    },
  };
});
vi.mock('electron', () => electron);

await import('../../../src-preload/index');

function exposedApi(): unknown {
  return electron.exposed.find(([key]) => key === 'shopmesh')?.[1];
}

describe('preload', () => {
  it('exposes exactly one global, window.shopmesh', () => {
    expect(electron.exposed.map(([key]) => key)).toEqual(['shopmesh']);
  });

  it('exposes invoke/on/transport and never ipcRenderer or its methods', () => {
    const api = exposedApi() as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on', 'transport']);
    expect(api.transport).toBe('electron');
    for (const value of Object.values(api)) {
      expect(value).not.toBe(electron.ipcRenderer);
      expect(Object.values(electron.ipcRenderer)).not.toContain(value);
    }
  });

  it('routes invoke through ipcRenderer.invoke on shopmesh:invoke', async () => {
    const api = exposedApi() as { invoke(c: string, i: unknown): Promise<unknown> };
    await expect(api.invoke('app:info', {})).resolves.toEqual({
      ok: true,
      result: { transport: 'electron' },
    });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('shopmesh:invoke', 'app:info', {});
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.sendSync).not.toHaveBeenCalled();
  });
});
