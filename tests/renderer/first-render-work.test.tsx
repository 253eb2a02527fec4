import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider, createQueryClient } from '../../src-renderer/src/api';
import { createApiClient } from '../../src-renderer/src/api/client';
import { Sidebar } from '../../src-renderer/src/app/Sidebar';
import { RecoveryScreen } from '../../src-renderer/src/features/recovery/RecoveryScreen';
import i18n from '../../src-renderer/src/i18n';
import { FakeBridge } from './fake-bridge';

/**
 * Work the window's first render no longer does (`creators.table.firstRows.ms`, docs/creators.md). Its own
 * file: the first screen is painted once per window (module state in api/firstPaint.ts).
 */

afterEach(() => vi.restoreAllMocks());

describe('the window’s first render', () => {
  it('builds no query for the recovery screen before the first screen is painted, and shows it after', async () => {
    const bridge = new FakeBridge()
      .handle('privacy:recovery', () => ({ cause: 'corrupt', keptFile: 'shopmesh.db.corrupt-1', at: 1 }))
      .handle('privacy:backups', () => ({ items: [] }) as never);
    const queryClient = createQueryClient(() => undefined);
    render(
      <ApiProvider api={createApiClient(bridge)} queryClient={queryClient} onMutationError={() => undefined}>
        <RecoveryScreen />
      </ApiProvider>,
    );
    // Committed, not yet painted: no observer, no query in the cache, nothing asked.
    expect(
      queryClient
        .getQueryCache()
        .getAll()
        .map((q) => q.queryKey),
    ).toEqual([]);
    expect(bridge.calls).toEqual([]);
    // Once painted, a start that needs recovery still gets its screen.
    expect(await screen.findByRole('dialog')).toBeTruthy();
    await waitFor(() => expect(bridge.callsOf('privacy:recovery')).toHaveLength(1));
  });

  it('translates each sidebar link’s name once', () => {
    const t = vi.spyOn(i18n, 't');
    const queryClient = createQueryClient(() => undefined);
    render(
      <ApiProvider
        api={createApiClient(new FakeBridge())}
        queryClient={queryClient}
        onMutationError={() => undefined}
      >
        <Sidebar current="creators" />
      </ApiProvider>,
    );
    const links = screen.getAllByRole('link');
    expect(links.length).toBe(14);
    const navKeys = t.mock.calls
      .map(([key]) => String(key))
      .filter((k) => k.startsWith('nav.') && k !== 'nav.label');
    expect(navKeys.length).toBe(links.length);
    expect(new Set(navKeys).size).toBe(links.length);
    expect(screen.getByRole('link', { name: 'Creators' }).getAttribute('title')).toBe('Creators');
  });
});
