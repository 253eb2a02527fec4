import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/log/logger';
import { resolveAppProfile } from '../../../src-main/profile/app-profile';
import type { StoredProfileSource } from '../../../src-main/profile/profile-service';
import { missingCredentials, productionDefaults } from '../../../src-main/profile/profile';
import { startEmbeddedSandbox } from '../../../src-main/sandbox/embedded';

const noSandbox = () => Promise.reject(new Error('a production Profile must not start the simulator'));

const stored: StoredProfileSource = {
  selected: 'production',
  credentials: () => ({
    shop: {
      appKey: 'k',
      appSecret: 's',
      serviceId: '7301',
      redirectUrl: 'http://127.0.0.1:40001/callback/shop',
    },
    ads: { appId: 'a', secret: 'b', redirectUrl: 'http://127.0.0.1:40002/callback/ads' },
    identity: { clientKey: 'c', clientSecret: 'd' },
  }),
};

describe('resolveAppProfile with the choice saved in Settings', () => {
  it('builds production on TikTok’s hosts from stored credentials, with nothing missing', async () => {
    const { profile, base, sandbox } = await resolveAppProfile({}, noSandbox, stored);
    expect(sandbox).toBeNull();
    expect(base).toBe('production');
    expect(profile.name).toBe('production');
    expect(profile.shopApiBase).toBe(productionDefaults.shopApiBase);
    expect(profile.shopAuthBase).toBe('https://auth.tiktok-shops.com');
    expect(profile.identityAuthorizeUrl).toBe(productionDefaults.identityAuthorizeUrl);
    expect(profile.shop.redirectUrl).toBe('http://127.0.0.1:40001/callback/shop');
    expect(missingCredentials(profile)).toEqual([]);
  });

  it('a profile file still overrides stored credentials and becomes custom', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'profile-'));
    const path = join(dir, 'p.json');
    writeFileSync(path, JSON.stringify({ extends: 'production', shop: { appKey: 'from-file' } }));
    const { profile, base } = await resolveAppProfile({ SHOPMESH_PROFILE_FILE: path }, noSandbox, {
      ...stored,
      selected: 'sandbox',
    });
    expect(base).toBe('production');
    expect(profile.name).toBe('custom');
    expect(profile.shop.appKey).toBe('from-file');
    expect(profile.shop.appSecret).toBe('s');
  });

  it('an invalid SHOPMESH_PROFILE is still refused', async () => {
    await expect(resolveAppProfile({ SHOPMESH_PROFILE: 'staging' }, noSandbox, stored)).rejects.toMatchObject(
      { code: 'VALIDATION' },
    );
  });

  it('never reads credentials when the sandbox is chosen', async () => {
    let reads = 0;
    const sandboxChoice: StoredProfileSource = {
      selected: 'sandbox',
      credentials: () => {
        reads += 1;
        return {};
      },
    };
    const start = () =>
      startEmbeddedSandbox({ scale: 'tiny', redirectPorts: { shop: 1, ads: 2 } }, {}, silentLogger());
    const { profile, sandbox } = await resolveAppProfile({}, start, sandboxChoice);
    try {
      expect(profile.name).toBe('sandbox');
      expect(reads).toBe(0);
    } finally {
      await sandbox?.close();
    }
  });
});
