import { describe, expect, it, vi } from 'vitest';
import { channelNames } from '@shared/contract';
import { createBridge, type IpcRendererLike } from '../../../src-preload/bridge';

function fakeIpc(reply: unknown = { ok: true, result: {} }) {
  let eventListener: ((event: unknown, ...args: unknown[]) => void) | undefined;
  const ipc = {
    invoke: vi.fn(async (..._args: unknown[]) => reply),
    on: vi.fn((_channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      eventListener = listener;
    }),
  } satisfies IpcRendererLike;
  return { ipc, emit: (...args: unknown[]) => eventListener?.({ sender: 'ipc' }, ...args) };
}

describe('createBridge', () => {
  it('says it is the electron transport and exposes nothing else', () => {
    const bridge = createBridge(fakeIpc().ipc);
    expect(bridge.transport).toBe('electron');
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on', 'transport']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it.each(channelNames)('invoke(%s) goes over shopmesh:invoke', async (channel) => {
    const { ipc } = fakeIpc({ ok: true, result: 'r' });
    const bridge = createBridge(ipc);
    await expect(bridge.invoke(channel, {} as never)).resolves.toEqual({ ok: true, result: 'r' });
    expect(ipc.invoke).toHaveBeenCalledExactlyOnceWith('shopmesh:invoke', channel, {});
  });

  it.each(['nope:nothing', '', '__proto__', 'constructor', 'toString', 42, null])(
    'rejects unknown channel %j locally with NOT_FOUND, without IPC',
    async (channel) => {
      const { ipc } = fakeIpc();
      const result = await createBridge(ipc).invoke(channel as never, {} as never);
      expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(ipc.invoke).not.toHaveBeenCalled();
    },
  );

  it('turns an IPC rejection into an INTERNAL envelope', async () => {
    const { ipc } = fakeIpc();
    ipc.invoke.mockRejectedValueOnce(
      new Error("Error invoking remote method 'shopmesh:invoke': Error: Refused"),
    );
    await expect(createBridge(ipc).invoke('app:info', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });

  it('on() delivers known events to their listeners and unsubscribes', () => {
    const { ipc, emit } = fakeIpc();
    const bridge = createBridge(ipc);
    const settings = vi.fn();
    const activity = vi.fn();
    const stop = bridge.on('settings:changed', settings);
    bridge.on('activity:added', activity);
    expect(ipc.on).toHaveBeenCalledExactlyOnceWith('shopmesh:event', expect.any(Function));

    emit('settings:changed', { language: 'zh-CN' });
    expect(settings).toHaveBeenCalledExactlyOnceWith({ language: 'zh-CN' });
    expect(activity).not.toHaveBeenCalled();

    stop();
    emit('settings:changed', { language: 'en' });
    expect(settings).toHaveBeenCalledOnce();
  });

  it('ignores unknown or malformed event names from main, and one throwing listener does not stop others', () => {
    const { ipc, emit } = fakeIpc();
    const bridge = createBridge(ipc);
    const bad = vi.fn(() => {
      throw new Error('page bug');
    });
    const good = vi.fn();
    bridge.on('activity:added', bad);
    bridge.on('activity:added', good);
    emit('evil:event', {});
    emit(42, {});
    expect(good).not.toHaveBeenCalled();
    emit('activity:added', { id: 1 });
    expect(bad).toHaveBeenCalledOnce();
    expect(good).toHaveBeenCalledOnce();
  });

  it.each(['nope:event', '__proto__', 'hasOwnProperty'])('on(%j) throws for an unknown event', (event) => {
    const { ipc } = fakeIpc();
    expect(() => createBridge(ipc).on(event as never, () => undefined)).toThrow(/Unknown event/);
    expect(ipc.on).not.toHaveBeenCalled();
  });
});
