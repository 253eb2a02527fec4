import { describe, expect, it } from 'vitest';
import type { AccountsList } from '../../../src-shared/accounts';
import { statusLines } from '../../../src-main/web/status-lines';

const vault = (state: 'locked' | 'unlocked'): AccountsList['vault'] => ({
  state,
  message: null,
  canUnlockWithPassphrase: state === 'locked',
  firstRun: false,
  keyStore: 'passphrase',
});
const account = (provider: 'shop' | 'ads' | 'identity', reaches = 1) =>
  ({
    provider,
    shops: provider === 'shop' ? Array.from({ length: reaches }, () => ({})) : [],
    advertisers: provider === 'ads' ? Array.from({ length: reaches }, () => ({})) : [],
  }) as unknown as AccountsList['accounts'][number];

describe('npm start status lines', () => {
  it('counts in words a reader expects and says when the passphrase is awaited', () => {
    const text = statusLines({
      profile: 'sandbox',
      list: { vault: vault('locked'), accounts: [] },
      logFile: '/data/logs/shopmesh.log',
    });
    expect(text).toContain('TikTok: the built-in sandbox');
    expect(text).toContain('Connected: 0 shops, 0 ad accounts\n');
    expect(text).toContain('Secure storage is locked: open the link and enter your passphrase.');
    expect(text).toContain('Log: /data/logs/shopmesh.log');
    expect(text.split('\n').length).toBeLessThanOrEqual(7);
  });

  it('uses the singular for one and mentions the TikTok sign-in', () => {
    const text = statusLines({
      profile: 'production',
      list: {
        vault: vault('unlocked'),
        accounts: [account('shop', 1), account('ads', 2), account('identity')],
      },
      logFile: 'x.log',
    });
    expect(text).toContain('Connected: 1 shop, 2 ad accounts, signed in with TikTok\n');
    expect(text).toContain('Secure storage: unlocked');
    expect(text).toContain('TikTok: live');
  });
});
