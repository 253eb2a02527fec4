import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '@shared/sync';
import { useChannelQuery } from '../../src-renderer/src/api';
import { awaitOpeningContent, noteOpeningContentDrawn } from '../../src-renderer/src/api/firstPaint';
import { FakeBridge, withApi } from './fake-bridge';

const status: SyncStatus = { online: true, accounts: [] };
const frames = (n: number): Promise<void> =>
  new Promise((resolve) => {
    const next = (left: number): void => {
      if (left === 0) resolve();
      else requestAnimationFrame(() => setTimeout(() => next(left - 1), 0));
    };
    next(n);
  });

// Its own file: the first screen is painted once per window (module state), and this window opens on a
// page that reports its content.
describe('a window opening on a page that reports its first content', () => {
  it('asks a shell’s side read only once that content is painted, not after the shell’s first frame', async () => {
    awaitOpeningContent();
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
    await waitFor(() => expect(result.current.page.isSuccess).toBe(true));
    // Several frames painted since the first commit: the page's rows are not drawn yet, so the side waits.
    await frames(5);
    expect(bridge.calls.map((c) => c.channel)).toEqual(['sync:status']);

    noteOpeningContentDrawn();
    await waitFor(() => expect(result.current.side.isSuccess).toBe(true));
    expect(bridge.calls.map((c) => c.channel)).toEqual(['sync:status', 'app:info']);
  });
});
