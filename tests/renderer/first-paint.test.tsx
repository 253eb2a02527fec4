import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '@shared/sync';
import { useChannelQuery } from '../../src-renderer/src/api';
import { FakeBridge, withApi } from './fake-bridge';

const status: SyncStatus = { online: true, accounts: [] };

describe('reads deferred until the first screen is painted', () => {
  it('asks the opening page with the first commit and a shell’s side read only after that frame', async () => {
    const bridge = new FakeBridge()
      .handle('sync:status', () => status)
      .handle('app:info', () => ({ version: '1.0.0' }) as never);
    const { result } = renderHook(
      () => ({
        page: useChannelQuery('sync:status'),
        side: useChannelQuery('app:info', undefined, { deferred: true }),
      }),
      { wrapper: withApi(bridge) },
    );
    // The first commit's effects have run (renderHook flushes them); its frame has not been drawn yet.
    expect(bridge.calls.map((c) => c.channel)).toEqual(['sync:status']);
    expect(result.current.side.isPending).toBe(true);

    await waitFor(() => expect(result.current.side.isSuccess).toBe(true));
    expect(bridge.calls.map((c) => c.channel)).toEqual(['sync:status', 'app:info']);
  });
});
