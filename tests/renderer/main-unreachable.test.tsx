import { act, render, screen, waitFor } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '@shared/sync';
import { useChannelQuery } from '../../src-renderer/src/api';
import { offlineError } from '../../src-renderer/src/api/errors';
import { LoadFailed } from '../../src-renderer/src/components/LoadFailed';
import { WriteGate } from '../../src-renderer/src/components/WriteGate';
import { ToastProvider } from '../../src-renderer/src/components/Toasts';
import { ConnectionNotice } from '../../src-renderer/src/features/sync/ConnectionNotice';
import { SyncStatusProvider } from '../../src-renderer/src/features/sync/SyncStatusProvider';
import { TopBarSync } from '../../src-renderer/src/features/sync/TopBarSync';
import { FakeBridge, withApi } from './fake-bridge';

/**
 * Issue 16 item 9: when main goes away, the first request that finds it gone makes the whole window say
 * so (top bar, "Sync now", one page notice) instead of "Last synced 2 minutes ago"; what a page showed stays
 * on screen (never turned into an error or an empty state), every write control is disabled, and once main
 * answers again the pages on screen load again by themselves.
 */
const status: SyncStatus = {
  online: true,
  accounts: [
    {
      accountId: 'acc_1',
      provider: 'shop',
      displayName: 'Maple & Moss',
      state: 'idle',
      accountStatus: 'active',
      runId: null,
      progress: [],
      lastSuccessAt: Date.now() - 120_000,
      lastOutcome: 'ok',
      lastError: null,
    },
  ],
};

/** A page's own data: reloaded by its button, as a merchant's click or a filter change would. */
function Page(): ReactElement {
  const identity = useChannelQuery('identity:get');
  if (identity.isError)
    return <LoadFailed title="page failed" error={identity.error} onRetry={() => void identity.refetch()} />;
  return (
    <button type="button" onClick={() => void identity.refetch()}>
      page loaded
    </button>
  );
}

/** Disabled as the browser decides it: by its own attribute or by a disabled fieldset around it. */
const isDisabled = (el: HTMLElement) =>
  el.hasAttribute('disabled') || el.closest('fieldset[disabled]') !== null;

/** A bridge whose event stream can drop, as the web transport's EventSource does when main goes. */
class DroppingBridge extends FakeBridge {
  private readonly connection = new Set<() => void>();
  onConnectionChange(listener: () => void): () => void {
    this.connection.add(listener);
    return () => this.connection.delete(listener);
  }
  streamChanged(): void {
    for (const l of this.connection) l();
  }
}

function bridgeFor(isDown: () => boolean): DroppingBridge {
  const answer = <T,>(value: T) => {
    if (isDown()) throw offlineError();
    return value;
  };
  return new DroppingBridge()
    .handle('sync:status', () => answer(status))
    .handle('accounts:list', () =>
      answer({
        accounts: [],
        vault: {
          state: 'unlocked',
          message: null,
          canUnlockWithPassphrase: false,
          firstRun: false,
          keyStore: 'keychain',
        },
      }),
    )
    .handle('identity:get', () => answer({ account: null })) as DroppingBridge;
}

describe('main unreachable', () => {
  it('shows a page that never loaded as failed, not as empty', async () => {
    const bridge = bridgeFor(() => true);
    const Wrapper = withApi(bridge);
    render(
      <Wrapper>
        <ToastProvider>
          <SyncStatusProvider unreachableRetryMs={60_000}>
            <ConnectionNotice />
            <Page />
          </SyncStatusProvider>
        </ToastProvider>
      </Wrapper>,
    );
    await screen.findByText('page failed');
    await screen.findByText("ShopMesh can't be reached");
  });

  it('is noticed from the event stream dropping, even on a page that loads nothing', async () => {
    let down = false;
    const bridge = bridgeFor(() => down);
    const Wrapper = withApi(bridge);
    render(
      <Wrapper>
        <ToastProvider>
          <SyncStatusProvider unreachableRetryMs={60_000}>
            <TopBarSync showButton />
            <ConnectionNotice />
          </SyncStatusProvider>
        </ToastProvider>
      </Wrapper>,
    );
    await screen.findByText('Last synced 2 minutes ago');
    down = true;
    act(() => bridge.streamChanged());
    await screen.findByText("Can't reach ShopMesh");
    down = false;
    act(() => bridge.streamChanged()); // the stream reconnects
    await screen.findByText('Last synced 2 minutes ago');
  });

  it('flips the top bar, Sync now and the page notice together, and reloads the page when main is back', async () => {
    let down = false;
    const bridge = bridgeFor(() => down);
    const Wrapper = withApi(bridge);
    render(
      <Wrapper>
        <ToastProvider>
          <SyncStatusProvider unreachableRetryMs={50}>
            <TopBarSync showButton />
            <ConnectionNotice />
            <WriteGate>
              <Page />
              <button type="button">Change prices…</button>
            </WriteGate>
          </SyncStatusProvider>
        </ToastProvider>
      </Wrapper>,
    );
    await screen.findByText('Last synced 2 minutes ago');
    const syncNow = screen.getByRole('button', { name: 'Sync now' });
    expect(syncNow.getAttribute('aria-disabled')).toBe('false');
    await screen.findByText('page loaded');

    expect(isDisabled(screen.getByRole('button', { name: 'Change prices…' }))).toBe(false);

    down = true;
    act(() => screen.getByRole('button', { name: 'page loaded' }).click());
    await screen.findByText("Can't reach ShopMesh");
    // What the page showed stays; the failed refetch is not shown as an error (the notice says why).
    expect(screen.getByText('page loaded')).toBeTruthy();
    expect(screen.queryByText('page failed')).toBeNull();
    expect(isDisabled(screen.getByRole('button', { name: 'Change prices…' }))).toBe(true);
    expect(screen.queryByText(/Last synced/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Sync now' }).getAttribute('aria-disabled')).toBe('true');
    // One notice for the page: the failed part names what failed, the notice says why.
    expect(screen.getAllByText(/can't be reached/)).toHaveLength(1);

    const pageCalls = bridge.callsOf('identity:get').length;
    down = false;
    await screen.findByText('Last synced 2 minutes ago');
    await waitFor(() => expect(bridge.callsOf('identity:get').length).toBeGreaterThan(pageCalls));
    await screen.findByText('page loaded');
    expect(screen.queryByText("ShopMesh can't be reached")).toBeNull();
    expect(isDisabled(screen.getByRole('button', { name: 'Change prices…' }))).toBe(false);
    expect(screen.getByRole('button', { name: 'Sync now' }).getAttribute('aria-disabled')).toBe('false');
  });
});
