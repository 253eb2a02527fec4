import { afterEach, describe, expect, it } from 'vitest';
import type { AccountsList } from '../../../src-shared/accounts';
import { callWithAccount } from '../../../src-main/accounts/with-token';
import { getAuthorizedShops } from '../../../src-main/tiktok/shop/shops';
import { connectThrough, makeAccountsApp } from '../../helpers/accounts';
import { makeTempDir } from '../../helpers/tmp';

const dirs: Array<() => void> = [];
afterEach(() => dirs.splice(0).forEach((c) => c()));

describe('restart', () => {
  it('keeps every Account connected and its tokens usable after the app is closed and created again', async () => {
    const tmp = makeTempDir();
    dirs.push(tmp.cleanup);
    const first = await makeAccountsApp({ dataDir: tmp.dir });
    for (const p of ['shop', 'ads', 'identity'] as const) {
      expect((await connectThrough(first, p)).result.outcome).toBe('connected');
    }
    const before = await first.invoke<AccountsList>('accounts:list');
    await first.cleanup();

    const second = await makeAccountsApp({ dataDir: tmp.dir });
    try {
      const after = await second.invoke<AccountsList>('accounts:list');
      expect(after.vault.state).toBe('unlocked');
      expect(after.accounts).toEqual(before.accounts);
      expect(after.accounts.map((a) => a.status)).toEqual(['active', 'active', 'active']);
      // A new sandbox process with the same seed accepts the stored token.
      const shop = after.accounts.find((a) => a.provider === 'shop')!;
      const p = second.app.profile;
      const shops = await callWithAccount(second.app.accounts.tokens, shop.id, (token) =>
        getAuthorizedShops(
          { apiBase: p.shopApiBase, appKey: p.shop.appKey, appSecret: p.shop.appSecret },
          token,
        ),
      );
      expect(shops).toHaveLength(2);
      expect((await second.invoke<{ account: unknown }>('identity:get')).account).not.toBeNull();
    } finally {
      await second.cleanup();
    }
  });
});
