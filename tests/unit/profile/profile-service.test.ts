import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { profileStateSchema } from '@shared/profile';
import { ActivityLog } from '../../../src-main/activity/activity-log';
import { type Database, openDatabase } from '../../../src-main/db/connection';
import { silentLogger } from '../../../src-main/log/logger';
import { productionSecretOwner, productionSettingsPath } from '../../../src-main/profile/production-settings';
import { ProfileService } from '../../../src-main/profile/profile-service';
import { Vault } from '../../../src-main/vault/vault';
import { makeTempDir } from '../../helpers/tmp';
import { MemoryKeyStore } from '../vault/memory-keystore';
import { englishOf } from '@shared/texts';

const SHOP_SECRET = 'shop-secret-unit-5f1e0c2a9b';
const ADS_SECRET = 'ads-secret-unit-7d3b19e4c0';
const IDENTITY_SECRET = 'identity-secret-unit-2a8c6f01d7';
const secrets = [SHOP_SECRET, ADS_SECRET, IDENTITY_SECRET];

let dir: string;
let cleanup: () => void;
let db: Database;
let vault: Vault;
let activity: ActivityLog;

beforeEach(async () => {
  ({ dir, cleanup } = makeTempDir());
  db = openDatabase(join(dir, 'shopmesh.db'));
  vault = await Vault.open({ db, keyStore: new MemoryKeyStore() });
  activity = new ActivityLog(db, () => 1_700_000_000_000);
});
afterEach(() => {
  vault.close();
  db.close();
  cleanup();
});

function service(env: NodeJS.ProcessEnv = {}, v: Vault = vault): ProfileService {
  return new ProfileService({
    dataDir: dir,
    vault: v,
    env,
    activity,
    logger: silentLogger(),
    now: () => 42,
  });
}

const fullUpdate = {
  selected: 'production',
  production: {
    shop: { appKey: 'shop-key', serviceId: '7301', redirectPort: 40001, appSecret: SHOP_SECRET },
    ads: { appId: 'ads-app', redirectPort: 40002, secret: ADS_SECRET },
    identity: { clientKey: 'identity-key', clientSecret: IDENTITY_SECRET },
  },
} as const;

function expectNoSecret(text: string): void {
  for (const s of secrets) expect(text).not.toContain(s);
}

describe('ProfileService', () => {
  it('starts on the sandbox with nothing stored and production lacking every credential', () => {
    const state = service().get();
    expect(profileStateSchema.parse(state)).toEqual(state);
    expect(state).toMatchObject({
      active: 'sandbox',
      selected: 'sandbox',
      overriddenByEnv: false,
      restartRequired: false,
      vaultLocked: false,
      fileProblem: null,
    });
    expect(state.production.shop.redirectPort).toBe(53682);
    expect(state.production.ads.redirectPort).toBe(53683);
    expect(state.missingFields).toEqual([
      'shop.appKey',
      'shop.appSecret',
      'shop.serviceId',
      'ads.appId',
      'ads.secret',
      'identity.clientKey',
      'identity.clientSecret',
    ]);
    expect(state.missing).toContain('TikTok Shop app secret');
    expect(existsSync(productionSettingsPath(dir))).toBe(false);
  });

  it('keeps secrets only in the vault: not in the JSON file, the reply or the activity log', () => {
    const s = service();
    s.started('sandbox', 'sandbox');
    const state = s.update(fullUpdate);
    expectNoSecret(JSON.stringify(state));
    expect(state.production).toEqual({
      shop: { appKey: 'shop-key', serviceId: '7301', redirectPort: 40001, hasAppSecret: true },
      ads: { appId: 'ads-app', redirectPort: 40002, hasSecret: true },
      identity: { clientKey: 'identity-key', hasClientSecret: true },
    });
    expect(state.missing).toEqual([]);
    expect(state.selected).toBe('production');
    expect(state.restartRequired).toBe(true);

    const file = readFileSync(productionSettingsPath(dir), 'utf8');
    expectNoSecret(file);
    expect(JSON.parse(file)).toEqual({
      version: 2,
      selected: 'production',
      shop: { appKey: 'shop-key', serviceId: '7301', redirectPort: 40001 },
      ads: { appId: 'ads-app', redirectPort: 40002 },
      identity: { clientKey: 'identity-key' },
    });
    expect(vault.getSecret(productionSecretOwner, 'shop_app_secret')).toBe(SHOP_SECRET);
    expect(vault.getSecret(productionSecretOwner, 'ads_secret')).toBe(ADS_SECRET);
    expect(vault.getSecret(productionSecretOwner, 'identity_client_secret')).toBe(IDENTITY_SECRET);

    const entries = activity.list({ limit: 50 }).items.filter((e) => e.kind === 'profile.updated');
    expect(entries).toHaveLength(1);
    expectNoSecret(JSON.stringify(entries));
    expect(entries[0]!.params.fields).toContain('shop.appSecret');
    expect(entries[0]!.params.fields).not.toContain('shop-key');
  });

  it('a second service reads the saved state back; credentials() hands them to start-up', () => {
    service().update(fullUpdate);
    const again = service();
    expect(again.selected).toBe('production');
    expect(again.credentials()).toEqual({
      shop: {
        appKey: 'shop-key',
        appSecret: SHOP_SECRET,
        serviceId: '7301',
        redirectUrl: 'http://127.0.0.1:40001/callback/shop',
      },
      ads: { appId: 'ads-app', secret: ADS_SECRET, redirectUrl: 'http://127.0.0.1:40002/callback/ads' },
      identity: { clientKey: 'identity-key', clientSecret: IDENTITY_SECRET },
    });
    again.started('production', 'production');
    expect(again.get()).toMatchObject({ active: 'production', restartRequired: false });
    // Changing a credential the running Profile was built with needs a restart; changing it back does not.
    expect(again.update({ production: { ads: { appId: 'other' } } }).restartRequired).toBe(true);
    expect(again.update({ production: { ads: { appId: 'ads-app' } } }).restartRequired).toBe(false);
  });

  it('the empty string clears a field; an unchanged save records nothing', () => {
    const s = service();
    s.update(fullUpdate);
    const before = activity.list({ limit: 50 }).total;
    s.update(fullUpdate);
    expect(activity.list({ limit: 50 }).total).toBe(before);
    const cleared = s.update({ production: { shop: { appSecret: '', appKey: '' } } });
    expect(cleared.production.shop).toMatchObject({ appKey: '', hasAppSecret: false });
    expect(cleared.missingFields).toEqual(['shop.appKey', 'shop.appSecret']);
    expect(vault.getSecret(productionSecretOwner, 'shop_app_secret')).toBeNull();
  });

  it('reports an environment override, and then a different saved choice needs no restart', () => {
    const s = service({ SHOPMESH_PROFILE: 'sandbox' });
    s.started('sandbox', 'sandbox');
    const state = s.update({ selected: 'production' });
    expect(state.overriddenByEnv).toBe(true);
    expect(state.restartRequired).toBe(false);
    expect(service({ SHOPMESH_PROFILE_FILE: '/x.json' }).get().overriddenByEnv).toBe(true);
  });

  it('refuses secrets while the vault is locked and stores nothing at all', async () => {
    const locked = await Vault.open({
      db,
      keyStore: null,
      unavailableText: { key: 'vault.errors.noKeyStore', params: {} },
    });
    const s = service({}, locked);
    let error: unknown;
    try {
      s.update(fullUpdate);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('LOCKED');
    expect((error as AppError).key).toBe('profile.errors.secretsNeedVault');
    expect(existsSync(productionSettingsPath(dir))).toBe(false);
    // Non-secret fields still save, and the reply says why secrets are missing.
    const state = s.update({ selected: 'production', production: { shop: { appKey: 'k' } } });
    expect(state).toMatchObject({ vaultLocked: true, selected: 'production' });
    expect(state.missingFields).toContain('shop.appSecret');
    expect(s.credentials().shop?.appSecret).toBe('');
  });

  it('reports a corrupt file, keeps it untouched, and moves it aside only when saving', () => {
    writeFileSync(productionSettingsPath(dir), '{ "selected": "production", ');
    const s = service();
    const state = s.get();
    expect(state.selected).toBe('sandbox');
    expect(state.fileProblem?.key).toBe('profile.errors.settingsFileUnreadable');
    expect(englishOf(state.fileProblem!)).toMatch(/production-profile\.json could not be read/);
    expect(readFileSync(productionSettingsPath(dir), 'utf8')).toBe('{ "selected": "production", ');

    const saved = s.update({ selected: 'production' });
    expect(saved.fileProblem).toBeNull();
    const aside = readdirSync(dir).filter((f) => f.startsWith('production-profile.json.corrupt-'));
    expect(aside).toEqual(['production-profile.json.corrupt-42']);
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe('{ "selected": "production", ');
  });

  it('rejects a file with unknown keys (such as a pasted secret) instead of half-reading it', () => {
    writeFileSync(
      productionSettingsPath(dir),
      JSON.stringify({
        version: 2,
        selected: 'production',
        shop: { appKey: 'k', serviceId: '1', redirectPort: 40001, appSecret: 'oops' },
        ads: { appId: 'a', redirectPort: 40002 },
        identity: { clientKey: 'c' },
      }),
    );
    const state = service().get();
    expect(state.selected).toBe('sandbox');
    expect(englishOf(state.fileProblem!)).toMatch(/field 'shop'/);
    expect(JSON.stringify(state.fileProblem)).not.toContain('oops');
  });
});
