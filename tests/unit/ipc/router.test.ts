import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Channel, channelNames } from '@shared/contract';
import type { ShopmeshApp } from '../../../src-main/app';
import { Router } from '../../../src-main/ipc/router';
import { silentLogger } from '../../../src-main/log/logger';
import { makeTestApp } from '../../helpers/app';

let app: ShopmeshApp;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ app, cleanup } = await makeTestApp()));
afterEach(async () => cleanup());

// Bad input for every channel: each must be refused with VALIDATION and leave stored state as it was.
const badInputs: [Channel, unknown][] = [
  ['app:info', { extra: 1 }],
  ['app:info', 'text'],
  ['settings:get', { x: true }],
  ['settings:update', {}],
  ['settings:update', { language: 'fr' }],
  ['settings:update', { theme: 42 }],
  ['settings:update', { syncIntervalMinutes: 1 }],
  ['settings:update', { syncIntervalMinutes: 10.5 }],
  ['settings:update', { closeToTray: 'yes' }],
  ['settings:update', { launchAtLogin: true, password: 'x' }],
  ['settings:update', null],
  ['settings:update', [1, 2]],
  ['settings:update', { activityRetentionDays: 1 }],
  ['settings:update', { accountDataRetentionDays: 0 }],
  ['settings:update', { financeRetentionYears: 2.5 }],
  ['privacy:retention', { all: true }],
  ['privacy:runRetention', { now: 1 }],
  ['privacy:backups', { all: 1 }],
  ['privacy:backupNow', { name: 'x' }],
  ['privacy:restoreBackup', {}],
  ['privacy:restoreBackup', { name: '../shopmesh.db' }],
  ['privacy:restoreBackup', { name: 'shopmesh-2026-01-01.db' }],
  ['privacy:recovery', { x: 1 }],
  ['privacy:startFresh', { keep: false }],
  ['settings:update', { backupsKept: 0 }],
  ['privacy:export', { includeContacts: 'yes' }],
  ['privacy:export', { includeContacts: false, folder: '/tmp' }],
  ['privacy:eraseAll', {}],
  ['privacy:eraseAll', { confirmation: 'delete' }],
  ['privacy:eraseAll', { confirmation: 'DELETE', keepBackups: true }],
  ['activity:list', { limit: 0 }],
  ['activity:list', { limit: 500 }],
  ['activity:list', { before: -3 }],
  ['activity:list', { kind: 'nope' }],
  ['accounts:list', { all: true }],
  ['accounts:connect', { provider: 'instagram' }],
  ['accounts:connect', {}],
  ['accounts:connect', { provider: 'shop', accountId: '' }],
  ['accounts:cancelConnect', {}],
  ['accounts:cancelConnect', { attemptId: 7 }],
  ['accounts:disconnect', { accountId: '' }],
  ['accounts:disconnect', { accountId: 'a1', deleteData: 'later' }],
  ['vault:unlock', { passphrase: 'short' }],
  ['vault:unlock', { passphrase: 'long-enough-passphrase', keep: true }],
  ['vault:changePassphrase', { currentPassphrase: 'long-enough-passphrase', newPassphrase: 'short' }],
  ['vault:changePassphrase', { currentPassphrase: '', newPassphrase: 'long-enough-passphrase' }],
  ['vault:changePassphrase', { newPassphrase: 'long-enough-passphrase' }],
  ['identity:get', { open_id: 'x' }],
  ['sync:run', { resources: ['everything'] }],
  ['sync:run', { resources: [] }],
  ['sync:run', { trigger: 'cron' }],
  ['sync:cancel', { accountId: 5 }],
  ['sync:status', { verbose: true }],
  ['sync:summary', { shopId: 'x' }],
  ['sync:history', { limit: 0 }],
  ['sync:history', { before: 'yesterday' }],
  ['sync:quarantine', { runId: '' }],
  ['collaborations:list', { status: 'CANCELLING' }],
  ['orders:list', { limit: 1000 }],
  ['orders:list', { search: 'x'.repeat(201) }],
  ['orders:list', { shopId: '' }],
  ['orders:list', { status: ['SHIPPED'] }],
  ['orders:list', { sort: { by: 'shipBy', desc: true } }],
  ['orders:list', { late: false }],
  ['orders:summary', { from: -1 }],
  ['orders:detail', { orderId: '' }],
  ['orders:refresh', {}],
  ['orders:export', { headers: { orderId: 5 } }],
  ['orders:views', { all: true }],
  ['orders:saveView', { name: '', filters: {} }],
  ['orders:saveView', { name: 'x', filters: { colour: 'red' } }],
  ['orders:deleteView', {}],
  ['products:list', { cursor: 5 }],
  ['products:list', { unknown: 1 }],
  ['products:list', { lowStockBelow: -1 }],
  ['products:list', { salesFrom: 'last week' }],
  ['products:detail', {}],
  ['products:refresh', { productId: 42 }],
  ['products:image', { productId: 'p1', index: -1 }],
  ['products:reviewChange', { kind: 'colour', items: [] }],
  ['products:reviewChange', { kind: 'price', items: [] }],
  ['products:updatePrices', { items: [{ skuId: 'S1', price: 12.99 }] }],
  ['products:updatePrices', { items: [] }],
  ['products:updateInventory', { items: [{ skuId: 'S1', quantity: 1.5 }] }],
  ['products:change', {}],
  ['products:changes', { limit: 0 }],
  ['products:undoChange', { changeId: '' }],
  ['products:costs', { skuIds: [] }],
  ['products:setCosts', { items: [] }],
  ['products:setCosts', { items: [{ skuId: 'S1', cost: 4.2 }] }],
  ['products:importCosts', { csv: 5 }],
  ['products:importCosts', { csv: 'a', mode: 'write' }],
  ['products:exportCosts', { shopId: '' }],
  ['orders:list', { sort: { by: 'sla', desc: false } }],
  ['products:list', { sort: { by: 'title', desc: 'yes' } }],
  ['analytics:scopes', { extra: 1 }],
  ['analytics:overview', { filter: { range: { preset: 'custom', from: '2024-02-30', to: '2024-03-01' } } }],
  ['analytics:overview', { filter: { range: { preset: 'custom', from: '2024-03-02', to: '2024-03-01' } } }],
  ['analytics:overview', { filter: { range: { preset: 'last90' }, reportingCurrency: 'usd' } }],
  ['analytics:timeseries', { filter: { range: { preset: 'last7' } }, grain: 'hour' }],
  ['analytics:breakdown', { filter: { range: { preset: 'last7' } }, kind: 'buyers' }],
  ['analytics:breakdown', { filter: { range: { preset: 'last7' } }, kind: 'products', limit: 0 }],
  ['analytics:adsTree', { filter: { range: { preset: 'forever' } } }],
  ['analytics:statements', { filter: { range: { preset: 'last7' } }, limit: 501 }],
  ['analytics:affiliateOrders', { filter: { range: { preset: 'last7' } }, creatorId: -1 }],
  [
    'analytics:affiliateOrders',
    { filter: { range: { preset: 'last7' } }, collaboration: { kind: 'campaign', id: '1' } },
  ],
  ['analytics:collaborations', { filter: { range: { preset: 'last7' } }, kind: 'open' }],
  ['analytics:affiliateView', { creatorId: 1 }],
  ['analytics:saveAffiliateView', { creatorId: null, collaboration: { kind: 'open', id: '' } }],
  ['analytics:freshness', { filter: { range: { preset: 'last7' } }, sources: ['payouts'] }],
  ['analytics:freshness', { filter: { range: { preset: 'last7' } }, sources: [] }],
  ['analytics:export', { table: 'orders', filter: { range: { preset: 'last7' } } }],
  ['analytics:rebuild', { now: true }],
  ['analytics:rates', { all: true }],
  ['analytics:setRate', { currency: 'GBP', reportingCurrency: 'USD', rate: '-1.2', asOf: '2024-01-01' }],
  ['analytics:setRate', { currency: 'GBP', reportingCurrency: 'USD', rate: '0', asOf: '2024-01-01' }],
  ['analytics:setRate', { currency: 'GBP', reportingCurrency: 'USD', rate: '1.27', asOf: 'yesterday' }],
  ['analytics:deleteRate', { currency: 'GB' }],
  ['analytics:view', { x: 1 }],
  ['analytics:saveView', { filter: { range: { preset: 'last7' }, shopIds: [''] } }],
  ['templates:list', { all: true }],
  ['templates:save', { name: 'Hi', kind: 'email', language: 'en', body: 'x' }],
  ['templates:save', { name: 'Hi', kind: 'message', language: 'fr', body: 'x' }],
  ['templates:save', { name: 'Hi', kind: 'message', language: 'en', body: '   ' }],
  ['templates:delete', { id: 0 }],
  ['templates:preview', { kind: 'message', body: 'x', creatorId: -1 }],
  [
    'outreach:plan',
    { ...{ accountId: 'a', shopId: 's', name: 'n', action: 'message', creatorIds: [1] }, creatorIds: [] },
  ],
  [
    'outreach:plan',
    { ...{ accountId: 'a', shopId: 's', name: 'n', action: 'message', creatorIds: [1] }, action: 'spam' },
  ],
  [
    'outreach:create',
    {
      ...{ accountId: 'a', shopId: 's', name: 'n', action: 'message', creatorIds: [1] },
      products: [{ productId: 'p', commissionBp: 999 }],
    },
  ],
  [
    'outreach:create',
    { ...{ accountId: 'a', shopId: 's', name: 'n', action: 'message', creatorIds: [1] }, ratePerMinute: 0 },
  ],
  [
    'outreach:create',
    {
      ...{ accountId: 'a', shopId: 's', name: 'n', action: 'message', creatorIds: [1] },
      window: { startMinute: 0, endMinute: 2000 },
    },
  ],
  [
    'outreach:create',
    {
      ...{ accountId: 'a', shopId: 's', name: 'n', action: 'message', creatorIds: [1] },
      sellerEmail: 'not-an-email',
    },
  ],
  ['outreach:start', { id: 'one' }],
  ['outreach:pauseAll', { everything: true }],
  ['outreach:pause', {}],
  ['outreach:resume', { id: -1 }],
  ['outreach:cancel', { id: 1.5 }],
  ['outreach:retryFailed', { id: 0 }],
  ['outreach:retryFailed', { id: 1, reasons: ['privacy'] }],
  ['outreach:get', { id: 0 }],
  ['outreach:list', { status: 'sending' }],
  ['outreach:deliveries', { outreachId: 1, limit: 1000 }],
  ['outreach:deliveries', { outreachId: 1, cursor: 'abc' }],
  ['outreach:deliveries', { outreachId: 1, state: 'lost' }],
  [
    'outreach:create',
    {
      ...{ accountId: 'a', shopId: 's', name: 'n', action: 'message', creatorIds: [1] },
      followUps: [{ afterDays: 0, templateId: 1 }],
    },
  ],
  ['outreach:results', { id: 'one' }],
  ['inbox:list', { limit: 0 }],
  ['inbox:list', { cursor: 'not-a-cursor' }],
  ['inbox:counts', { shopId: 's1' }],
  ['inbox:messages', { conversationId: '' }],
  ['inbox:messages', { conversationId: 'c1', cursor: '12ab' }],
  ['inbox:reply', { conversationId: 'c1', text: '   ', key: 'abcdefgh' }],
  ['templates:image', { id: 0 }],
  ['templates:save', { name: 'n', kind: 'message', language: 'en', messageType: 'VIDEO', body: 'x' }],
  ['templates:save', { name: 'n', kind: 'invitation', language: 'en', messageType: 'IMAGE', body: '' }],
  [
    'templates:save',
    { name: 'n', kind: 'message', language: 'en', messageType: 'PRODUCT_CARD', body: 'text' },
  ],
  [
    'templates:save',
    {
      name: 'n',
      kind: 'message',
      language: 'en',
      messageType: 'IMAGE',
      image: { fileName: 'a.png', data: '***' },
    },
  ],
  [
    'templates:save',
    { name: 'n', kind: 'message', language: 'en', messageType: 'IMAGE', productId: 'p1', body: '' },
  ],
  ['promotionLinks:get', { shopId: 's1', productIds: [] }],
  ['promotionLinks:get', { shopId: 's1', productIds: Array.from({ length: 101 }, (_, i) => `p${i}`) }],
  ['promotionLinks:generate', { shopId: 's1' }],
  ['promotionLinks:generate', { shopId: 's1', productId: '  ' }],
  ['promotionLinks:generate', { shopId: 's1', productId: 'p1', regenerate: 'yes' }],
  ['inbox:reply', { conversationId: 'c1', text: 'x'.repeat(2_001), key: 'abcdefgh' }],
  ['inbox:reply', { conversationId: 'c1', text: 'Thanks!' }],
  ['inbox:markRead', { conversationIds: [] }],
  ['profile:get', { secrets: true }],
  ['profile:update', {}],
  ['profile:update', { production: { shop: { redirectPort: 80 } } }],
  ['profile:update', { selected: 'staging' }],
  ['profile:update', { production: { shop: { appSecret: 42 } } }],
  ['creators:search', { limit: 0 }],
  ['creators:search', { sort: { column: 'password', direction: 'asc' } }],
  ['creators:search', { filter: { followers: { min: 10, max: 5 } } }],
  ['creators:search', { filter: { stages: ['famous'] } }],
  ['creators:search', { cursor: 7 }],
  ['creators:count', { filter: { regions: [''] } }],
  ['creators:facets', { all: true }],
  ['creators:get', { id: 0 }],
  ['creators:timeline', { id: 1, kinds: ['gossip'] }],
  ['creators:update', { id: 1 }],
  ['creators:update', { id: 1, stage: 'blocked' }],
  ['creators:update', { id: 1, scoreOverride: 101 }],
  ['creators:addNote', { creatorId: 1, body: '   ' }],
  ['creators:editNote', { noteId: 1 }],
  ['creators:deleteNote', { noteId: 'x' }],
  ['creators:merge', { keepId: 3, mergeId: 3 }],
  ['creators:split', {}],
  ['creators:bulk', { selection: { ids: [] }, action: { kind: 'addTag', tag: 'x' } }],
  ['creators:bulk', { selection: { ids: [1] }, action: { kind: 'delete' } }],
  ['creators:export', { selection: { everything: true } }],
  ['creators:scoreRules', { x: 1 }],
  ['creators:scoreRulesUse', { all: true }],
  [
    'creators:setScoreRules',
    { version: 1, rules: [{ kind: 'followers', weight: 10, min: 100, target: 10 }] },
  ],
  ['creators:setScoreRules', { version: 1, rules: [{ kind: 'acceptance', weight: 0 }] }],
  ['creators:scoreStatus', { now: true }],
  ['lists:list', { kind: 'static' }],
  ['lists:create', { name: '', kind: 'static' }],
  ['lists:create', { name: 'L', kind: 'dynamic', filter: { listIds: [1] } }],
  ['lists:update', { id: 1 }],
  ['lists:delete', { id: -1 }],
  ['lists:addMembers', { listId: 1 }],
  ['lists:removeMembers', { listId: 1, selection: { ids: [0] } }],
  ['blocklist:list', { limit: 1000 }],
  ['blocklist:add', { creatorIds: [1], reason: '' }],
  ['blocklist:remove', { creatorIds: [] }],
  ['creators:importUpload', { offset: -1, data: '' }],
  ['creators:importUpload', { offset: 0, data: 'not base64!' }],
  ['creators:import', { step: 'dryRun', uploadId: 'u1' }],
  ['creators:import', { step: 'confirm' }],
  ['creators:import', { step: 'write', importId: 'i1' }],
  ['creators:import', { step: 'dryRun', uploadId: 'u1', fileName: 'a.csv', encoding: 'latin1' }],
  ['creators:add', { handle: 'x', followers: -5 }],
  ['creators:add', { handle: 'x', contacts: { email: 'not-an-email' } }],
  ['creators:add', { handle: 'x', tags: ['a'] }],
  ['creators:contacts', { creatorId: 0 }],
  ['creators:setContacts', { creatorId: 1, contacts: { phone: '12' } }],
  ['creators:setContacts', { creatorId: 1, contacts: { fax: '+15550100' } }],
  ['creators:clearContacts', { creatorId: 1, kinds: [] }],
  ['creators:clearContacts', { creatorId: 1, kinds: ['fax'] }],
  ['creators:revealContact', { creatorId: 1 }],
  ['creators:revealContact', { creatorId: 1, kind: 'password' }],
  ['marketplace:search', { shopId: 's1', pageSize: 10 }],
  ['marketplace:search', { shopId: 's1', pageToken: 'abc' }],
  ['marketplace:search', { shopId: 's1', filters: { followersMin: 100, followersMax: 10 } }],
  ['marketplace:search', { shopId: 's1', filters: { gmvRanges: ['GMV_RANGE_ANY'] } }],
  ['marketplace:quota', { shopId: '' }],
  ['marketplace:performance', { creatorId: 1 }],
  ['marketplace:creatorStats', { creatorId: 'one' }],
  ['marketplace:savedSearches', { all: true }],
  ['marketplace:saveSearch', { name: '', shopId: 's1', filters: {} }],
  ['marketplace:saveSearch', { name: 'x', shopId: 's1', filters: {}, maxPages: 51 }],
  ['marketplace:deleteSearch', { id: -1 }],
  ['marketplace:refreshSearch', {}],
  ['marketplace:searchResults', { id: 1, limit: 500 }],
  ['samples:list', { group: 'late' }],
  ['samples:list', { limit: 0 }],
  ['samples:get', {}],
  ['samples:review', { applicationId: 'a1', decision: 'REJECT' }],
  ['samples:review', { applicationId: 'a1', decision: 'REJECT', reason: 'TOO_EXPENSIVE' }],
  ['samples:review', { applicationId: 'a1', decision: 'MAYBE' }],
  ['samples:overdue', { since: 5 }],
  ['appLock:status', { locked: false }],
  ['appLock:unlock', { passphrase: '' }],
  ['appLock:unlock', { passphrase: 'x'.repeat(1025) }],
  ['appLock:lock', { now: true }],
  ['appLock:activity', 'clicked'],
  ['appLock:enable', { passphrase: 'short' }],
  ['appLock:enable', { passphrase: 'long enough passphrase', idle: 5 }],
  ['appLock:change', { currentPassphrase: 'current passphrase' }],
  ['appLock:change', { currentPassphrase: '', newPassphrase: 'long enough passphrase' }],
  ['appLock:disable', {}],
  ['settings:update', { appLockIdleSeconds: 1 }],
];

describe('router', () => {
  it('has a bad-input case for every channel of the contract', () => {
    expect(new Set(badInputs.map(([c]) => c))).toEqual(new Set(channelNames));
  });

  it.each(badInputs)('%s rejects %j with VALIDATION and changes nothing', async (channel, input) => {
    const settingsBefore = app.settings.get();
    const activityBefore = app.activity.list({ limit: 200 });
    const profileBefore = await app.router.invoke('profile:get', {});
    const accountsBefore = await app.router.invoke('accounts:list', {});
    const ratesBefore = await app.router.invoke('analytics:rates', {});
    const viewBefore = await app.router.invoke('analytics:view', {});
    const res = await app.router.invoke(channel, input);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('VALIDATION');
    expect(res.error.message).toContain(channel);
    expect(app.settings.get()).toEqual(settingsBefore);
    expect(app.activity.list({ limit: 200 })).toEqual(activityBefore);
    expect(await app.router.invoke('profile:get', {})).toEqual(profileBefore);
    expect(await app.router.invoke('accounts:list', {})).toEqual(accountsBefore);
    expect(await app.router.invoke('analytics:rates', {})).toEqual(ratesBefore);
    expect(await app.router.invoke('analytics:view', {})).toEqual(viewBefore);
  });

  it('names the offending field in the message', async () => {
    const res = await app.router.invoke('settings:update', { syncIntervalMinutes: 99999 });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.message).toMatch(/syncIntervalMinutes/);
      expect(res.error.details?.issues?.[0]?.path).toBe('syncIntervalMinutes');
    }
  });

  it('answers an unknown channel with NOT_FOUND', async () => {
    const res = await app.router.invoke('orders:delete-everything', {});
    expect(res).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Unknown channel "orders:delete-everything"' },
    });
  });

  it('updates settings and records the change in the activity log', async () => {
    const res = await app.router.invoke('settings:update', { theme: 'dark' });
    expect(res).toMatchObject({ ok: true, result: { theme: 'dark' } });
    const page = await app.router.invoke('activity:list', { kind: 'settings.updated' });
    expect(page).toMatchObject({
      ok: true,
      result: { total: 1, items: [{ kind: 'settings.updated', params: { fields: 'theme' } }] },
    });
  });

  it('folds settings changes made in quick succession into one activity entry', async () => {
    await app.router.invoke('settings:update', { theme: 'dark' });
    await app.router.invoke('settings:update', { language: 'zh-CN' });
    await app.router.invoke('settings:update', { theme: 'light' });
    const page = await app.router.invoke('activity:list', { kind: 'settings.updated' });
    expect(page).toMatchObject({
      ok: true,
      result: { total: 1, items: [{ kind: 'settings.updated', params: { fields: 'theme, language' } }] },
    });
  });

  it('pages the activity log newest first without overlap', async () => {
    for (let i = 0; i < 7; i++) app.activity.record('settings.updated', { fields: `f${i}` });
    const seen: number[] = [];
    let before: number | undefined;
    for (;;) {
      const res = await app.router.invoke('activity:list', { limit: 3, ...(before ? { before } : {}) });
      if (!res.ok) throw new Error(res.error.message);
      const page = res.result as { items: { id: number }[]; nextBefore: number | null; total: number };
      expect(page.total).toBe(8); // 7 + app.started
      seen.push(...page.items.map((i) => i.id));
      if (page.nextBefore === null) break;
      before = page.nextBefore;
    }
    expect(seen).toHaveLength(8);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
    expect(new Set(seen).size).toBe(8);
  });

  it('hides internal errors behind INTERNAL without leaking their message', async () => {
    const handlers = {
      'app:info': () => {
        throw new Error('secret TTP_abcdefghijklmnop leaked?');
      },
    } as unknown as ConstructorParameters<typeof Router>[0];
    const router = new Router(handlers, { validateOutputs: true, logger: silentLogger() });
    const res = await router.invoke('app:info', {});
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('INTERNAL');
      expect(res.error.message).not.toMatch(/TTP_|secret/);
    }
  });
});
