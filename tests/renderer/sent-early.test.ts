import { afterEach, describe, expect, it, vi } from 'vitest';
import { sendEarly } from '../../src-renderer/src/api/sentEarly';
import { createWebTransport } from '../../src-renderer/src/api/webTransport';

const answer = (body: unknown): Response =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('calls sent by the boot module before the web transport exists', () => {
  it('are taken once by the transport, which reads and checks their answer as its own', async () => {
    const fetch = vi.fn(() => Promise.resolve(answer({ ok: true, result: { locked: false } })));
    vi.stubGlobal('fetch', fetch);
    sendEarly('/ipc/appLock:status', '{}');
    expect(fetch).toHaveBeenCalledTimes(1);

    const transport = createWebTransport();
    await expect(transport.invoke('appLock:status', {} as never)).resolves.toEqual({
      ok: true,
      result: { locked: false },
    });
    // Taken: the same call again goes to the bridge.
    await transport.invoke('appLock:status', {} as never);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('are not taken for another input, and an early answer that breaks the envelope is refused', async () => {
    const fetch = vi
      .fn<(url: string, init: RequestInit) => Promise<Response>>()
      .mockResolvedValueOnce(answer({ nonsense: true }))
      .mockImplementation(() => Promise.resolve(answer({ ok: true, result: { items: [] } })));
    vi.stubGlobal('fetch', fetch);
    sendEarly('/ipc/lists:list', '{}');
    const transport = createWebTransport();
    await transport.invoke('lists:list', { kind: 'static' } as never);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch.mock.calls[1]?.[1].body).toBe('{"kind":"static"}');

    const refused = await transport.invoke('lists:list', {} as never);
    expect(refused.ok).toBe(false);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
