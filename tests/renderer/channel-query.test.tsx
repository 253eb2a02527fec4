import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '@shared/sync';
import { useChannelMutation, useChannelQuery } from '../../src-renderer/src/api';
import { createApiClient } from '../../src-renderer/src/api/client';
import { askEarly } from '../../src-renderer/src/api/early';
import { deferred, FakeBridge, withApi } from './fake-bridge';

const status = (online: boolean): SyncStatus => ({ online, accounts: [] });

describe('useChannelQuery', () => {
  it('renders an answer asked for as the bundle started from the first render, and asks main after', async () => {
    let calls = 0;
    const bridge = new FakeBridge().handle('sync:status', () => status(++calls === 1));
    await askEarly(createApiClient(bridge), 'sync:status');
    const renders: Array<boolean | undefined> = [];
    const wrapper = withApi(bridge);
    const { result, unmount } = renderHook(
      () => {
        const query = useChannelQuery('sync:status');
        renders.push(query.data?.online);
        return query;
      },
      { wrapper },
    );
    expect(renders[0]).toBe(true);
    expect(result.current.isSuccess).toBe(true);
    expect(calls).toBe(1);
    unmount();
    // Taken once: a query made later in another window's cache asks main.
    const again = renderHook(() => useChannelQuery('sync:status'), { wrapper: withApi(bridge) });
    await waitFor(() => expect(again.result.current.data?.online).toBe(false));
    expect(calls).toBe(2);
  });

  it('asks main itself when the early answer failed', async () => {
    let calls = 0;
    const bridge = new FakeBridge().handle('sync:status', () => {
      calls += 1;
      if (calls === 1) throw new Error('main not ready');
      return status(true);
    });
    askEarly(createApiClient(bridge), 'sync:status');
    const { result } = renderHook(() => useChannelQuery('sync:status'), { wrapper: withApi(bridge) });
    await waitFor(() => expect(result.current.data?.online).toBe(true));
    expect(result.current.isError).toBe(false);
    expect(calls).toBe(2);
  });

  it('fetches again after an invalidateOn event, once however many components listen', async () => {
    let version = 0;
    const bridge = new FakeBridge().handle('identity:get', () => {
      version += 1;
      return { account: null, version } as never;
    });
    const wrapper = withApi(bridge);
    const { result } = renderHook(
      () => ({
        topBar: useChannelQuery('identity:get', undefined, { invalidateOn: ['accounts:changed'] }),
        menu: useChannelQuery('identity:get', undefined, { invalidateOn: ['accounts:changed'] }),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.topBar.isSuccess).toBe(true));
    expect(bridge.callsOf('identity:get')).toHaveLength(1);
    expect(bridge.listenerCount('accounts:changed')).toBe(1);

    act(() => bridge.emit('accounts:changed', {}));
    await waitFor(() => expect(bridge.callsOf('identity:get')).toHaveLength(2));
    await waitFor(() => expect((result.current.menu.data as unknown as { version: number }).version).toBe(2));
  });

  it('drops an answer that an updateOn event overtook while it was in flight', async () => {
    const answers = [deferred<SyncStatus>(), deferred<SyncStatus>()];
    let call = 0;
    const bridge = new FakeBridge()
      .handle('sync:status', () => answers[call++]!.promise)
      .handle('accounts:list', () => ({ accounts: [] }) as never);
    const { result } = renderHook(
      () => {
        const query = useChannelQuery('sync:status', undefined, {
          invalidateOn: ['accounts:changed'],
          updateOn: { 'sync:statusChanged': (next) => next },
        });
        // Read during render so the hook re-renders when the fetch ends (TanStack tracks what is read).
        void query.isFetching;
        return query;
      },
      { wrapper: withApi(bridge) },
    );
    act(() => answers[0]!.resolve(status(true)));
    await waitFor(() => expect(result.current.data?.online).toBe(true));

    // A refetch starts; before it answers, main announces a newer status; then the old answer lands.
    act(() => bridge.emit('accounts:changed', {}));
    await waitFor(() => expect(bridge.callsOf('sync:status')).toHaveLength(2));
    expect(bridge.listenerCount('sync:statusChanged')).toBe(1);
    act(() => bridge.emit('sync:statusChanged', status(false)));
    await waitFor(() => expect(result.current.data?.online).toBe(false));
    await act(async () => answers[1]!.resolve(status(true)));
    await waitFor(() => expect(result.current.isFetching).toBe(false));
    expect(result.current.data?.online).toBe(false);
  });

  it('takes an updateOn event that makes a whole answer as the answer, before the older first one lands', async () => {
    const first = deferred<SyncStatus>();
    const bridge = new FakeBridge().handle('sync:status', () => first.promise);
    const { result } = renderHook(
      () => {
        const query = useChannelQuery('sync:status', undefined, {
          updateOn: { 'sync:statusChanged': (next) => next },
        });
        void query.data;
        void query.isFetching;
        return query;
      },
      { wrapper: withApi(bridge) },
    );
    await waitFor(() => expect(bridge.listenerCount('sync:statusChanged')).toBe(1));
    act(() => bridge.emit('sync:statusChanged', status(false)));
    await waitFor(() => expect(result.current.data?.online).toBe(false));
    await act(async () => first.resolve(status(true)));
    await waitFor(() => expect(result.current.isFetching).toBe(false));
    expect(result.current.data?.online).toBe(false);
    expect(bridge.callsOf('sync:status')).toHaveLength(1);
  });

  it('asks again when an updateOn event arrives before the first answer, which may be older', async () => {
    const answers = [deferred<SyncStatus>(), deferred<SyncStatus>()];
    let call = 0;
    const bridge = new FakeBridge().handle('sync:status', () => answers[call++]!.promise);
    const { result } = renderHook(
      () => {
        // This updater needs an answer to fold the event into.
        const query = useChannelQuery('sync:status', undefined, {
          updateOn: { 'sync:statusChanged': (next, current) => (current ? next : undefined) },
        });
        void query.isFetching;
        return query;
      },
      { wrapper: withApi(bridge) },
    );
    await waitFor(() => expect(bridge.listenerCount('sync:statusChanged')).toBe(1));
    // Main moves on while its first answer, read before that, is still travelling.
    act(() => bridge.emit('sync:statusChanged', status(false)));
    await act(async () => answers[0]!.resolve(status(true)));
    await waitFor(() => expect(bridge.callsOf('sync:status')).toHaveLength(2));
    expect(result.current.data).toBeUndefined();
    await act(async () => answers[1]!.resolve(status(false)));
    await waitFor(() => expect(result.current.data?.online).toBe(false));
  });

  it('asks again on the next mount: an unmounted query did not hear the events that would have invalidated it', async () => {
    const bridge = new FakeBridge().handle('identity:get', () => ({ account: null }) as never);
    const wrapper = withApi(bridge);
    const first = renderHook(
      () => useChannelQuery('identity:get', undefined, { invalidateOn: ['accounts:changed'] }),
      {
        wrapper,
      },
    );
    await waitFor(() => expect(first.result.current.isSuccess).toBe(true));
    first.unmount();
    const again = renderHook(
      () => useChannelQuery('identity:get', undefined, { invalidateOn: ['accounts:changed'] }),
      {
        wrapper,
      },
    );
    await waitFor(() => expect(bridge.callsOf('identity:get')).toHaveLength(2));
    await waitFor(() => expect(again.result.current.isSuccess).toBe(true));
  });

  it('asks again on the next mount when it was left with an answer still on its way', async () => {
    // The answer lands after the reader left: it is as old as the question, and events sent after it are
    // not heard by anyone, so it must not count as fresh for the next mount.
    let release: (() => void) | null = null;
    let calls = 0;
    const bridge = new FakeBridge().handle('identity:get', () => {
      calls += 1;
      if (calls > 1) return { account: null } as never;
      return new Promise((resolve) => {
        release = () => resolve({ account: null } as never);
      });
    });
    const wrapper = withApi(bridge);
    const read = () => useChannelQuery('identity:get', undefined, { invalidateOn: ['accounts:changed'] });
    const first = renderHook(read, { wrapper });
    await waitFor(() => expect(release).not.toBeNull());
    first.unmount();
    await act(async () => release?.());
    const again = renderHook(read, { wrapper });
    await waitFor(() => expect(calls).toBe(2));
    await waitFor(() => expect(again.result.current.isSuccess).toBe(true));
  });

  it('stops listening to main when the last component using the query unmounts', async () => {
    const bridge = new FakeBridge().handle('identity:get', () => ({ account: null }) as never);
    const { unmount, result } = renderHook(
      () => useChannelQuery('identity:get', undefined, { invalidateOn: ['accounts:changed'] }),
      { wrapper: withApi(bridge) },
    );
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(bridge.listenerCount('accounts:changed')).toBe(1);
    unmount();
    expect(bridge.listenerCount('accounts:changed')).toBe(0);
  });

  it('shows a failure as an error with main’s code, not as empty data', async () => {
    const bridge = new FakeBridge(); // no handler: NOT_FOUND
    const { result } = renderHook(() => useChannelQuery('app:info'), { wrapper: withApi(bridge) });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.code).toBe('NOT_FOUND');
    expect(result.current.data).toBeUndefined();
  });
});

describe('useChannelMutation', () => {
  it('invalidates the channels it names and reports failures unless silent', async () => {
    let lists = 0;
    const bridge = new FakeBridge()
      .handle('accounts:list', () => {
        lists += 1;
        return { accounts: [], vault: { state: 'unlocked' } } as never;
      })
      .handle('vault:unlock', () => ({ state: 'unlocked' }) as never);
    const errors: unknown[] = [];
    const wrapper = withApi(bridge, errors);
    const { result } = renderHook(
      () => ({
        list: useChannelQuery('accounts:list'),
        unlock: useChannelMutation('vault:unlock', { invalidates: ['accounts:list'] }),
        failing: useChannelMutation('sync:run'),
        silent: useChannelMutation('sync:cancel', { silent: true }),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    await act(() => result.current.unlock.mutateAsync({ passphrase: 'correct horse battery' }));
    await waitFor(() => expect(lists).toBe(2));

    await act(async () => {
      await result.current.failing.mutateAsync({ trigger: 'manual' }).catch(() => undefined);
      await result.current.silent.mutateAsync({}).catch(() => undefined);
    });
    expect(errors).toHaveLength(1);
  });
});
