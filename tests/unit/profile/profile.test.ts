import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadProfileFile,
  missingCredentials,
  productionDefaults,
  profileSchema,
  resolveProfile,
  sandboxProfile,
} from '../../../src-main/profile/profile';
import type { SandboxInfo } from '../../../src-main/profile/sandbox-info';
import { AppError } from '../../../src-shared/errors';

const info: SandboxInfo = {
  shopAuthBase: 'http://127.0.0.1:4000/shop-auth',
  shopApiBase: 'http://127.0.0.1:4000/shop-api',
  shopAuthorizeUrl: 'http://127.0.0.1:4000/shop-auth/oauth/authorize',
  adsBase: 'http://127.0.0.1:4000/ads',
  identityBase: 'http://127.0.0.1:4000/login',
  mediaBase: 'http://127.0.0.1:4000/media',
  adminBase: 'http://127.0.0.1:4000/admin',
  adminToken: 'adm',
  shop: { appKey: 'k', appSecret: 's', serviceId: '1', redirectUrl: 'http://127.0.0.1:53682/callback/shop' },
  ads: { appId: 'a', secret: 'b', redirectUrl: 'http://127.0.0.1:53683/callback/ads' },
  identity: { clientKey: 'c', clientSecret: 'd' },
};

function file(content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'profile-'));
  const p = join(dir, 'profile.json');
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}

describe('profiles', () => {
  it('defaults to sandbox built from the SandboxInfo, with derived auth hosts', () => {
    const p = resolveProfile({ env: {}, sandboxInfo: info });
    expect(profileSchema.parse(p)).toEqual(p);
    expect(p.name).toBe('sandbox');
    expect(p.adsAuthorizeUrl).toBe('http://127.0.0.1:4000/ads/portal/auth');
    expect(p.identityAuthorizeUrl).toBe('http://127.0.0.1:4000/login/v2/auth/authorize/');
    expect(p.authHosts).toEqual(['127.0.0.1:4000']);
    expect(p.shop).toEqual(info.shop);
  });

  it('production uses TikTok’s hosts and the user’s credentials', () => {
    const p = resolveProfile({
      env: { SHOPMESH_PROFILE: 'production' },
      productionCredentials: { shop: { appKey: 'live-key' } },
    });
    expect(p.shopApiBase).toBe('https://open-api.tiktokglobalshop.com');
    expect(p.shopAuthBase).toBe('https://auth.tiktok-shops.com');
    expect(p.adsBase).toBe(productionDefaults.adsBase);
    expect(p.authHosts.sort()).toEqual([
      'business-api.tiktok.com',
      'services.tiktokshop.com',
      'www.tiktok.com',
    ]);
    expect(p.shop.appKey).toBe('live-key');
    expect(missingCredentials(p)).toContain('shop.appSecret');
    expect(missingCredentials(p)).not.toContain('shop.appKey');
  });

  it('a profile file overrides URLs and credentials, becomes custom and re-derives auth hosts', () => {
    const path = file({
      extends: 'production',
      shopApiBase: 'https://proxy.example.com/tts/',
      shopAuthorizeUrl: 'https://services.us.tiktokshop.com/open/authorize',
      shop: { appKey: 'file-key' },
    });
    const p = resolveProfile({
      env: { SHOPMESH_PROFILE_FILE: path },
      productionCredentials: { shop: { appSecret: 'x' } },
    });
    expect(p.name).toBe('custom');
    expect(p.shopApiBase).toBe('https://proxy.example.com/tts');
    expect(p.shop).toMatchObject({ appKey: 'file-key', appSecret: 'x' });
    expect(p.authHosts).toContain('services.us.tiktokshop.com');
    expect(p.authHosts).not.toContain('services.tiktokshop.com');
  });

  it('a file without extends layers on SHOPMESH_PROFILE', () => {
    const path = file({ identity: { clientKey: 'mine' } });
    const p = resolveProfile({
      env: { SHOPMESH_PROFILE: 'sandbox', SHOPMESH_PROFILE_FILE: path },
      sandboxInfo: info,
    });
    expect(p).toMatchObject({
      name: 'custom',
      shopApiBase: info.shopApiBase,
      identity: { clientKey: 'mine', clientSecret: 'd' },
    });
  });

  it('a file written before the rename (login, loginBase, loginAuthorizeUrl) still reads', () => {
    const path = file({
      loginBase: 'https://login.example.com',
      loginAuthorizeUrl: 'https://login.example.com/authorize/',
      login: { clientKey: 'mine' },
    });
    const p = resolveProfile({ env: { SHOPMESH_PROFILE_FILE: path }, sandboxInfo: info });
    expect(p).toMatchObject({
      identityBase: 'https://login.example.com',
      identityAuthorizeUrl: 'https://login.example.com/authorize/',
      identity: { clientKey: 'mine', clientSecret: 'd' },
    });
    const both = file({ login: { clientKey: 'old' }, identity: { clientKey: 'new' } });
    const e = thrown(() => resolveProfile({ env: { SHOPMESH_PROFILE_FILE: both }, sandboxInfo: info }));
    expect(e.code).toBe('VALIDATION');
  });

  it('a bad file throws VALIDATION naming the field and the file', () => {
    const path = file({ shopApiBase: 'not a url' });
    const e = thrown(() => resolveProfile({ env: { SHOPMESH_PROFILE_FILE: path }, sandboxInfo: info }));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toContain('shopApiBase');
    expect(e.message).toContain(path);
    const unknown = file({ shop: { appKee: 'typo' } });
    const e2 = thrown(() => loadProfileFile(unknown));
    expect(e2.message).toContain('shop');
    expect(e2.message).toContain(unknown);
    const broken = file('{ not json');
    expect(thrown(() => loadProfileFile(broken)).message).toContain(broken);
    expect(thrown(() => loadProfileFile('/nonexistent/profile.json')).code).toBe('VALIDATION');
  });

  it('rejects an unknown SHOPMESH_PROFILE and a sandbox profile without a sandbox', () => {
    expect(thrown(() => resolveProfile({ env: { SHOPMESH_PROFILE: 'staging' } })).message).toContain(
      'SHOPMESH_PROFILE',
    );
    expect(thrown(() => resolveProfile({ env: {} })).code).toBe('VALIDATION');
  });

  it('sandboxProfile matches the live sandbox info shape', () => {
    expect(sandboxProfile(info).shopAuthorizeUrl).toBe(info.shopAuthorizeUrl);
  });
});
