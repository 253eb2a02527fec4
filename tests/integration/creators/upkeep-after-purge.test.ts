import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput } from '@shared/contract';
import type { ShopmeshApp } from '../../../src-main/app';
import { invokeOk, makeTestApp, testVaultEnv } from '../../helpers/app';
import { makeTempDir } from '../../helpers/tmp';

/**
 * The creators' search index follows what deleting data changes, in the app as wired: an Account's purge
 * re-indexes the creators it touched at once (not at the next sync), and after "delete all my data" (which
 * pauses the re-index worker while it wipes) new creators are indexed again.
 */
const tmp = makeTempDir();
let app: ShopmeshApp;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ app, cleanup } = await makeTestApp({ dataDir: tmp.dir, env: testVaultEnv }));
});
afterAll(async () => {
  await cleanup();
  tmp.cleanup();
});

const invoke = <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> =>
  invokeOk(app, channel, input);
const handles = async (filter: ChannelInput<'creators:search'>['filter']) =>
  (await invoke('creators:search', { filter, sort: { column: 'handle', direction: 'asc' } })).items.map(
    (c) => c.handle,
  );
const dirty = (): number => app.db.prepare('SELECT COUNT(*) FROM creator_dirty').pluck().get() as number;

describe('creator re-indexing after data is deleted', () => {
  it('an Account purge re-indexes the creators it kept, without waiting for a sync', async () => {
    app.db
      .prepare(
        `INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
         VALUES ('acct-gone', 'shop', 'active', 'r-gone', 'Gone shop', 1, 1)`,
      )
      .run();
    const place = { accountId: 'acct-gone', shopId: 'shop-gone', source: 'collaboration' as const };
    const kept = app.db.transaction(() => {
      app.creators.resolve({ openId: 'OPEN-GONE', handle: 'only_synced' }, { origin: 'sync', place, now: 1 });
      return app.creators.resolve(
        { openId: 'OPEN-KEPT', handle: 'with_note' },
        { origin: 'sync', place, now: 1 },
      )!.creatorId;
    })();
    await invoke('creators:addNote', { creatorId: kept, body: 'Great fit for the spring launch' });
    await app.creators.worker.kick('sync');
    expect(await handles({ shopIds: ['shop-gone'] })).toEqual(['only_synced', 'with_note']);

    app.accounts.purgeAccountData('acct-gone');
    await app.creators.worker.idle();
    expect(dirty()).toBe(0);
    // The note keeps its creator (the merchant's own data); the shop it was seen in went with the Account.
    expect(await handles({})).toEqual(['with_note']);
    expect(await handles({ shopIds: ['shop-gone'] })).toEqual([]);
  });

  it('after "delete all my data" the worker runs again: a creator seen next is indexed and found', async () => {
    await invoke('privacy:eraseAll', { confirmation: 'DELETE' });
    expect(await handles({})).toEqual([]);
    // Seen the way a sync or a marketplace search sees one: marked dirty, indexed by the background worker.
    app.creators.resolve({ openId: 'OPEN-NEXT', handle: 'after_erase' }, { origin: 'marketplace', now: 2 });
    await app.creators.worker.kick('sync');
    expect(dirty()).toBe(0);
    expect(await handles({})).toEqual(['after_erase']);
  });
});
