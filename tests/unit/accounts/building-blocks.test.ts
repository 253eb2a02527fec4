import { describe, expect, it } from 'vitest';
import { profileAuthOrigins } from '../../../src-main/profile/app-profile';
import { fixedRedirect, requireParam } from '../../../src-main/accounts/flows/types';
import { AccountHooks } from '../../../src-main/accounts/hooks';
import { silentLogger } from '../../../src-main/log/logger';
import { productionProfile, sandboxProfile } from '../../../src-main/profile/profile';
import { makeCredentials } from '../../../src-main/sandbox/state';
import { externalUrlToOpen } from '../../../src-main/security/external-links';
import { currencyForRegion } from '../../../src-main/tiktok/shop/shops';
import type { Database } from '../../../src-main/db/connection';

describe('accounts building blocks', () => {
  it('derives a shop currency from its region', () => {
    expect(currencyForRegion('US')).toBe('USD');
    expect(currencyForRegion('gb')).toBe('GBP');
    expect(currencyForRegion('ID')).toBe('IDR');
    expect(currencyForRegion('ZZ')).toBe('XXX');
  });

  it('takes a fixed redirect URL only as http://127.0.0.1:<port>/path', () => {
    expect(fixedRedirect('http://127.0.0.1:53682/callback/shop', 'Shop')).toEqual({
      port: 53682,
      path: '/callback/shop',
    });
    for (const bad of [
      '',
      'https://127.0.0.1:1/x',
      'http://localhost:53682/cb',
      'http://127.0.0.1/cb',
      'http://127.0.0.1:1/cb?x=1',
    ]) {
      expect(() => fixedRedirect(bad, 'Shop'), bad).toThrow(/redirect URL/);
    }
  });

  it('reads the code from a callback and treats TikTok Shop\'s literal "null" as missing', () => {
    expect(requireParam(new URLSearchParams('auth_code=a&code=a'), ['auth_code', 'code'], 'X')).toBe('a');
    expect(() => requireParam(new URLSearchParams('code=null'), ['code'], 'TikTok Shop')).toThrow(
      /without an authorization code/,
    );
  });

  it('lets the browser gate open the sandbox consent pages (http loopback) and production ones', () => {
    const info = {
      shopAuthBase: 'http://127.0.0.1:4010/shop-auth',
      shopApiBase: 'http://127.0.0.1:4010/shop-api',
      shopAuthorizeUrl: 'http://127.0.0.1:4010/shop-auth/oauth/authorize',
      adsBase: 'http://127.0.0.1:4010/ads',
      identityBase: 'http://127.0.0.1:4010/login',
      mediaBase: 'http://127.0.0.1:4010/media',
      adminBase: 'http://127.0.0.1:4010/admin',
      adminToken: 'x',
      ...(() => {
        const c = makeCredentials(1);
        return {
          shop: c.shop,
          ads: c.ads,
          identity: { clientKey: c.login.clientKey, clientSecret: c.login.clientSecret },
        };
      })(),
    };
    const sandbox = profileAuthOrigins(sandboxProfile(info));
    expect(sandbox).toEqual(['http://127.0.0.1:4010']);
    expect(externalUrlToOpen('http://127.0.0.1:4010/ads/portal/auth?app_id=1', sandbox)).not.toBeNull();
    expect(externalUrlToOpen('http://127.0.0.1:4011/ads/portal/auth', sandbox)).toBeNull();
    const production = profileAuthOrigins(productionProfile());
    expect(
      externalUrlToOpen('https://services.tiktokshop.com/open/authorize?service_id=1', production),
    ).not.toBeNull();
    expect(externalUrlToOpen('http://services.tiktokshop.com/open/authorize', production)).toBeNull();
  });

  it('tells every retirement listener even when one throws, and runs purge hooks by name', () => {
    const hooks = new AccountHooks(silentLogger());
    const seen: string[] = [];
    hooks.onAccountRetired(() => {
      throw new Error('broken listener');
    });
    const stop = hooks.onAccountRetired((id, reason) => seen.push(`${id}:${reason}`));
    hooks.notifyRetired('a', 'revoked');
    stop();
    hooks.notifyRetired('b', 'expired');
    expect(seen).toEqual(['a:revoked']);

    const purged: string[] = [];
    hooks.registerPurge('orders', (id) => purged.push(`orders:${id}`));
    hooks.registerPurge('orders', (id) => purged.push(`orders2:${id}`));
    hooks.runPurges('a', {} as Database);
    expect(purged).toEqual(['orders2:a']);
  });
});
