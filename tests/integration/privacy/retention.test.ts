import { afterEach, describe, expect, it } from 'vitest';
import type { RetentionStatus } from '../../../src-shared/privacy';
import { type AccountsTestApp, connectThrough, makeAccountsApp } from '../../helpers/accounts';

const DAY = 86_400_000;
let t: AccountsTestApp | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

describe('retention rules', () => {
  it('runs at start-up, deletes activity entries past the rule and records counts, never contents', async () => {
    let nowMs = Date.now();
    t = await makeAccountsApp({ now: () => nowMs });
    const started = await t.invoke<RetentionStatus>('privacy:retention');
    expect(started.lastRun).toMatchObject({ at: nowMs, activityEntries: 0, accounts: 0 });

    t.app.activity.record('settings.updated', { fields: 'theme' });
    nowMs += 100 * DAY;
    t.app.activity.record('settings.updated', { fields: 'language' });
    nowMs += 81 * DAY; // the first entry is now 181 days old, the second 81
    const report = await t.invoke<{ activityEntries: number }>('privacy:runRetention');
    // app.started, written at start-up with the first entry, goes with it.
    expect(report.activityEntries).toBe(2);
    const left = t.app.activity.list({ limit: 10 }).items;
    expect(left.map((e) => e.kind)).toEqual(['privacy.retentionRan', 'settings.updated']);
    expect(left[0]!.params).toEqual({
      activityEntries: 2,
      accounts: 0,
      accountRows: 0,
      financeRecords: 0,
      accountsForgotten: 0,
    });

    // A shorter rule in Settings applies at once.
    await t.invoke('settings:update', { activityRetentionDays: 30 });
    expect(
      t.app.activity.list({ limit: 10, kind: 'settings.updated' }).items.map((e) => e.params.fields),
    ).toEqual(['activityRetentionDays']);
  });

  it('a new account rule moves the dates already scheduled, and the data goes when they come', async () => {
    const startMs = Date.now();
    let nowMs = startMs;
    t = await makeAccountsApp({ now: () => nowMs });
    const id = (await connectThrough(t, 'ads')).result.accountId!;
    const out = await t.invoke<{ dataDeletionAt: number }>('accounts:disconnect', { accountId: id });
    expect(out.dataDeletionAt).toBe(startMs + 90 * DAY);
    nowMs += 5 * DAY;
    await t.invoke('settings:update', { accountDataRetentionDays: 10 });
    const status = await t.invoke<RetentionStatus>('privacy:retention');
    expect(status.scheduled).toEqual([
      { accountId: id, name: expect.any(String), dataDeletionAt: startMs + 10 * DAY },
    ]);
    nowMs = startMs + 10 * DAY;
    const report = await t.invoke<{ accounts: number; accountRows: number }>('privacy:runRetention');
    expect(report.accounts).toBe(1);
    expect(report.accountRows).toBeGreaterThan(0);
    expect((await t.invoke<RetentionStatus>('privacy:retention')).scheduled).toEqual([]);
    expect(t.app.accounts.repo.get(id)).toBeUndefined();
    // Nothing in the activity log names the Account any more.
    const names = JSON.stringify(t.app.activity.list({ limit: 100 }).items);
    expect(names).not.toContain(status.scheduled[0]!.name);
  });

  it('new disconnections use the rule from Settings', async () => {
    const nowMs = Date.now();
    t = await makeAccountsApp({ now: () => nowMs });
    await t.invoke('settings:update', { accountDataRetentionDays: 7 });
    const id = (await connectThrough(t, 'shop')).result.accountId!;
    const out = await t.invoke<{ dataDeletionAt: number }>('accounts:disconnect', { accountId: id });
    expect(out.dataDeletionAt).toBe(nowMs + 7 * DAY);
  });
});
