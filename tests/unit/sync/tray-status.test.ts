import { describe, expect, it } from 'vitest';
import { notificationFor, type TrayHealth, trayStatus } from '../../../src-main/sync/tray-status';
import type { AccountSyncStatus, SyncStatus } from '../../../src-shared/sync';

function account(over: Partial<AccountSyncStatus> = {}): AccountSyncStatus {
  return {
    accountId: 'a',
    provider: 'shop',
    displayName: 'Shop',
    state: 'idle',
    accountStatus: 'active',
    runId: null,
    progress: [],
    lastSuccessAt: 1000,
    lastOutcome: 'ok',
    lastError: null,
    ...over,
  };
}
const status = (accounts: AccountSyncStatus[], online = true): SyncStatus => ({ online, accounts });

describe('trayStatus', () => {
  it('derives the health of all Accounts, worst first', () => {
    expect(trayStatus(status([account()])).health).toBe('healthy');
    expect(trayStatus(status([account({ lastSuccessAt: null, lastOutcome: null })])).health).toBe('never');
    expect(trayStatus(status([account(), account({ lastOutcome: 'partial' })])).health).toBe('failing');
    expect(trayStatus(status([account()], false)).health).toBe('offline');
    expect(
      trayStatus(status([account({ lastOutcome: 'failed' }), account({ accountStatus: 'revoked' })])).health,
    ).toBe('reconnect');
  });

  it('shows a sync under way and the latest successful sync time', () => {
    const t = trayStatus(
      status([account({ state: 'running', lastSuccessAt: 5 }), account({ lastSuccessAt: 9 })]),
    );
    expect(t).toMatchObject({
      syncing: true,
      lastSyncAt: 9,
      labelKey: 'tray.sync.syncing',
      health: 'healthy',
    });
  });
});

describe('notificationFor', () => {
  const seq = (...hs: TrayHealth[]) => hs.map((h, i) => notificationFor(i === 0 ? null : hs[i - 1]!, h));

  it('notifies only on changes', () => {
    expect(seq('healthy', 'healthy', 'failing', 'failing', 'failing', 'healthy', 'healthy')).toEqual([
      null,
      null,
      'firstFailure',
      null,
      null,
      'backToHealthy',
      null,
    ]);
  });

  it('asks to reconnect once, and says when it is fixed', () => {
    expect(seq('healthy', 'reconnect', 'reconnect', 'healthy')).toEqual([
      null,
      'reconnectNeeded',
      null,
      'backToHealthy',
    ]);
  });

  it('does not notify for going offline or coming back from offline', () => {
    expect(seq('healthy', 'offline', 'healthy', 'never')).toEqual([null, null, null, null]);
  });
});
