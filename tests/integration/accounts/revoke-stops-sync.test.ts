import { afterEach, expect, it, vi } from 'vitest';
import type { AccountsList } from '../../../src-shared/accounts';
import type { SyncHistory } from '../../../src-shared/sync';
import {
  type AccountsTestApp,
  connectThrough,
  makeAccountsApp,
  sandboxAdmin,
  sandboxRequests,
} from '../../helpers/accounts';
import { tsSyncWorker } from '../../helpers/sync-worker';

let t: AccountsTestApp | undefined;
afterEach(async () => {
  await t?.cleanup();
});

// The app as both transports build it (SyncRuns in the sync worker) and as most tests build it (inline).
it.each([
  ['in the sync worker', tsSyncWorker],
  ['on the service thread', undefined],
])(
  'a token TikTok revokes mid-sync stops that sync (%s), and the Account is never fetched again',
  async (_, syncWorker) => {
    // demo scale with slow order pages, so the revocation lands while pages are still being fetched.
    t = await makeAccountsApp({ sandbox: { scale: 'demo' }, ...(syncWorker ? { syncWorker } : {}) });
    const app = t.app;
    const { result } = await connectThrough(t, 'shop');
    const accountId = result.accountId!;
    await sandboxAdmin(t.sandbox, 'POST', '/faults', { latencyMs: 60, pathContains: '/orders/search' });

    await t.invoke('sync:run', { accountId });
    const orders = () => app.db.prepare('SELECT count(*) FROM orders').pluck().get() as number;
    await vi.waitFor(() => expect(orders()).toBeGreaterThan(0), { timeout: 20_000, interval: 25 });

    await sandboxAdmin(t.sandbox, 'POST', '/tokens/revoke', { provider: 'shop' });
    await app.sync.whenIdle();

    const list = await t.invoke<AccountsList>('accounts:list');
    expect(list.accounts.find((a) => a.id === accountId)?.status).toBe('revoked');
    const history = await t.invoke<SyncHistory>('sync:history', { accountId });
    expect(history.runs[0]?.outcome).not.toBe('ok');
    expect(history.runs[0]?.outcome).not.toBe('running');
    // Far fewer orders than the shop has: the run stopped instead of finishing.
    expect(orders()).toBeLessThan(20_000);

    // The sandbox logs a request when it answers it, so one the stopped sync left in flight shows up a little
    // later: count once the log has stopped growing.
    const sandbox = t.sandbox;
    const settledCount = async (): Promise<number> => {
      let previous = -1;
      return vi.waitFor(
        async () => {
          const n = (await sandboxRequests(sandbox, '/orders/search')).length;
          const stable = n === previous;
          previous = n;
          if (!stable) throw new Error('the sandbox is still answering');
          return n;
        },
        { timeout: 10_000, interval: 200 },
      );
    };
    const apiCalls = await settledCount();
    expect(apiCalls).toBeGreaterThan(0);
    // Background sync is off in tests, so once the engine is idle nothing else can fetch: no guessed wait.
    await t.invoke('sync:run', { accountId });
    await app.sync.whenIdle();
    expect(await settledCount()).toBe(apiCalls);
  },
);
