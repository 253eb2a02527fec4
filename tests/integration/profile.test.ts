import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProfileState } from '../../src-shared/profile';
import type { ResultEnvelope } from '../../src-shared/contract';
import { missingCredentials, productionDefaults } from '../../src-main/profile/profile';
import { productionSecretOwner, productionSettingsPath } from '../../src-main/profile/production-settings';
import { makeTestApp, testVaultEnv } from '../helpers/app';
import { makeTempDir } from '../helpers/tmp';

const SHOP_SECRET = 'shop-secret-int-4b7e21c9d0';
const ADS_SECRET = 'ads-secret-int-98f1a3e6b2';
const IDENTITY_SECRET = 'identity-secret-int-0c5d72ab4e';
const secrets = [SHOP_SECRET, ADS_SECRET, IDENTITY_SECRET];

const fullUpdate = {
  selected: 'production',
  production: {
    shop: { appKey: 'live-app-key', serviceId: '7301', redirectPort: 41001, appSecret: SHOP_SECRET },
    ads: { appId: 'live-ads-app', redirectPort: 41002, secret: ADS_SECRET },
    identity: { clientKey: 'live-client-key', clientSecret: IDENTITY_SECRET },
  },
};

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function startApp(dataDir: string, env: NodeJS.ProcessEnv = testVaultEnv) {
  const t = await makeTestApp({ dataDir, env });
  cleanups.push(t.cleanup);
  const replies: string[] = [];
  const invoke = async (channel: string, input: unknown): Promise<ResultEnvelope> => {
    const envelope = await t.app.router.invoke(channel, input);
    replies.push(JSON.stringify(envelope));
    return envelope;
  };
  return { app: t.app, invoke, replies };
}

function tempDir(): string {
  const tmp = makeTempDir();
  cleanups.push(tmp.cleanup);
  return tmp.dir;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}
const readLatin1 = (path: string) => readFileSync(path).toString('latin1');

function result(envelope: ResultEnvelope): ProfileState {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.result as ProfileState;
}

describe('profile:get / profile:update', () => {
  it('refuses bad input with VALIDATION and stores nothing', async () => {
    const dataDir = tempDir();
    const { app, invoke } = await startApp(dataDir);
    const bad: unknown[] = [
      {},
      { selected: 'staging' },
      { selected: 'custom' },
      { production: { shop: { redirectPort: 80 } } },
      { production: { shop: { redirectPort: 70000 } } },
      { production: { ads: { redirectPort: 4100.5 } } },
      { production: { shop: { redirectPort: '41001' } } },
      { production: { shop: { appKey: 42 } } },
      { production: { shop: { appSecret: ['x'] } } },
      { production: { shop: { appKey: 'has space' } } },
      { production: { shop: { redirectUrl: 'http://127.0.0.1:1/callback/shop' } } },
      { production: { ads: { appSecret: 'x' } } },
      { production: { identity: { redirectPort: 41003 } } },
      // The block's name before it was `identity`: not an alias on the IPC boundary.
      { production: { login: { clientKey: 'k' } } },
      { production: { extra: {} } },
      { ...fullUpdate, unknown: true },
      // A valid secret next to an invalid field: the whole update is refused.
      { production: { shop: { appSecret: SHOP_SECRET, redirectPort: 1 } } },
    ];
    for (const input of bad) {
      const envelope = await invoke('profile:update', input);
      expect(envelope.ok, JSON.stringify(input)).toBe(false);
      if (!envelope.ok) expect(envelope.error.code, JSON.stringify(input)).toBe('VALIDATION');
    }
    expect(existsSync(productionSettingsPath(dataDir))).toBe(false);
    for (const kind of ['shop_app_secret', 'ads_secret', 'identity_client_secret'])
      expect(app.vault.getSecret(productionSecretOwner, kind)).toBeNull();
    expect(result(await invoke('profile:get', {}))).toMatchObject({ selected: 'sandbox', active: 'sandbox' });
    const kinds = app.activity.list({ limit: 200 }).items.map((e) => e.kind);
    expect(kinds).not.toContain('profile.updated');
  });

  it('stores production, says a restart is needed, and starts on TikTok’s hosts next time', async () => {
    const dataDir = tempDir();
    const first = await startApp(dataDir);
    expect(first.app.profile.name).toBe('sandbox');
    const saved = result(await first.invoke('profile:update', fullUpdate));
    expect(saved).toMatchObject({
      active: 'sandbox',
      selected: 'production',
      restartRequired: true,
      missing: [],
    });
    expect(saved.production.shop).toEqual({
      appKey: 'live-app-key',
      serviceId: '7301',
      redirectPort: 41001,
      hasAppSecret: true,
    });
    result(await first.invoke('profile:get', {}));
    result(await first.invoke('activity:list', {}));
    const activity = first.app.activity.list({ limit: 200 }).items;
    expect(activity.some((e) => e.kind === 'profile.updated')).toBe(true);
    await first.app.close();

    const second = await startApp(dataDir);
    const p = second.app.profile;
    expect(p.name).toBe('production');
    expect(second.app.sandbox).toBeNull();
    expect(p.shopApiBase).toBe(productionDefaults.shopApiBase);
    expect(p.adsBase).toBe('https://business-api.tiktok.com');
    expect(p.shop).toEqual({
      appKey: 'live-app-key',
      appSecret: SHOP_SECRET,
      serviceId: '7301',
      redirectUrl: 'http://127.0.0.1:41001/callback/shop',
    });
    expect(p.ads.secret).toBe(ADS_SECRET);
    expect(p.identity.clientSecret).toBe(IDENTITY_SECRET);
    expect(missingCredentials(p)).toEqual([]);
    expect(await second.invoke('app:info', {})).toMatchObject({
      ok: true,
      result: { profile: 'production' },
    });
    expect(result(await second.invoke('profile:get', {}))).toMatchObject({
      active: 'production',
      restartRequired: false,
    });

    // No secret in any reply, nor in plain text in any file of the data folder (database and logs included).
    await second.app.close();
    const everything = [...first.replies, ...second.replies, ...filesUnder(dataDir).map(readLatin1)].join(
      '\n',
    );
    for (const s of secrets) expect(everything).not.toContain(s);
  });

  it('starts production anyway when the vault is locked, and says what is missing', async () => {
    const dataDir = tempDir();
    const first = await startApp(dataDir);
    result(await first.invoke('profile:update', fullUpdate));
    await first.app.close();

    const locked = await startApp(dataDir, {
      ...testVaultEnv,
      SHOPMESH_VAULT_PASSPHRASE: 'not-the-right-passphrase',
    });
    expect(locked.app.vault.unlocked).toBe(false);
    expect(locked.app.profile.name).toBe('production');
    expect(locked.app.profile.shop.appSecret).toBe('');
    expect(locked.app.profile.shop.appKey).toBe('live-app-key');
    const state = result(await locked.invoke('profile:get', {}));
    expect(state).toMatchObject({ vaultLocked: true, active: 'production', restartRequired: false });
    expect(state.missingFields).toEqual(['shop.appSecret', 'ads.secret', 'identity.clientSecret']);
    const refused = await locked.invoke('profile:update', { production: { ads: { secret: 'new-one' } } });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('LOCKED');
  });

  it('SHOPMESH_PROFILE overrides the saved choice and the reply says so', async () => {
    const dataDir = tempDir();
    const first = await startApp(dataDir);
    result(await first.invoke('profile:update', fullUpdate));
    await first.app.close();

    const overridden = await startApp(dataDir, { ...testVaultEnv, SHOPMESH_PROFILE: 'sandbox' });
    expect(overridden.app.profile.name).toBe('sandbox');
    expect(result(await overridden.invoke('profile:get', {}))).toMatchObject({
      active: 'sandbox',
      selected: 'production',
      overriddenByEnv: true,
      restartRequired: false,
    });
  });
});
