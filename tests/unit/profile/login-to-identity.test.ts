import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActivityLog } from '../../../src-main/activity/activity-log';
import { type Database, openDatabase } from '../../../src-main/db/connection';
import { silentLogger } from '../../../src-main/log/logger';
import {
  renameLegacyProfileFileKeys,
  upgradeProductionSettingsJson,
} from '../../../src-main/profile/login-to-identity';
import { productionSecretOwner, productionSettingsPath } from '../../../src-main/profile/production-settings';
import { ProfileService } from '../../../src-main/profile/profile-service';
import { Vault } from '../../../src-main/vault/vault';
import { makeTempDir } from '../../helpers/tmp';
import { MemoryKeyStore } from '../vault/memory-keystore';

const OLD = 'login_client_secret';
const NEW = 'identity_client_secret';

const versionOne = {
  version: 1,
  selected: 'production',
  shop: { appKey: 'k', serviceId: '1', redirectPort: 40001 },
  ads: { appId: 'a', redirectPort: 40002 },
  login: { clientKey: 'old-client-key' },
};

let dir: string;
let cleanup: () => void;
let db: Database;
let keyStore: MemoryKeyStore;
let vault: Vault;

beforeEach(async () => {
  ({ dir, cleanup } = makeTempDir());
  db = openDatabase(join(dir, 'shopmesh.db'));
  keyStore = new MemoryKeyStore();
  vault = await Vault.open({ db, keyStore });
});
afterEach(() => {
  vault.close();
  db.close();
  cleanup();
});

const service = (v: Vault = vault) =>
  new ProfileService({
    dataDir: dir,
    vault: v,
    env: {},
    activity: new ActivityLog(db, () => 1),
    logger: silentLogger(),
    now: () => 42,
  });

describe('upgrading what an older ShopMesh stored under `login`', () => {
  it('version 1 of the settings file becomes version 2 with the same values; other shapes are left alone', () => {
    const { login, ...rest } = versionOne;
    expect(upgradeProductionSettingsJson(versionOne)).toEqual({
      json: { ...rest, version: 2, identity: login },
      upgraded: true,
    });
    const current = { ...rest, version: 2, identity: login };
    expect(upgradeProductionSettingsJson(current)).toEqual({ json: current, upgraded: false });
    // Both blocks: not guessed at; the strict schema reports the file instead.
    const both = { ...versionOne, identity: { clientKey: 'x' } };
    expect(upgradeProductionSettingsJson(both)).toEqual({ json: both, upgraded: false });
    expect(upgradeProductionSettingsJson('nonsense')).toEqual({ json: 'nonsense', upgraded: false });
  });

  it('a profile file is read with its old keys, never rewritten; old and new together stay for the schema', () => {
    expect(
      renameLegacyProfileFileKeys({
        extends: 'production',
        loginBase: 'http://x',
        login: { clientKey: 'c' },
      }),
    ).toEqual({ extends: 'production', identityBase: 'http://x', identity: { clientKey: 'c' } });
    const both = { login: { clientKey: 'a' }, identity: { clientKey: 'b' } };
    expect(renameLegacyProfileFileKeys(both)).toEqual(both);
  });

  it('a file left by an interrupted save (version 1 and a stray .tmp) still starts, upgraded', () => {
    const path = productionSettingsPath(dir);
    writeFileSync(path, JSON.stringify(versionOne));
    writeFileSync(`${path}.tmp`, '{ "version": 2, "sel');
    const state = service().get();
    expect(state.fileProblem).toBeNull();
    expect(state.production.identity.clientKey).toBe('old-client-key');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ version: 2, identity: versionOne.login });
  });

  it('re-seals the old secret under its new kind in one step, and a rerun changes nothing', () => {
    vault.putSecret(productionSecretOwner, OLD, 'the-client-secret');
    expect(service().credentials().identity).toEqual({ clientKey: '', clientSecret: 'the-client-secret' });
    expect(vault.getSecret(productionSecretOwner, NEW)).toBe('the-client-secret');
    expect(vault.getSecret(productionSecretOwner, OLD)).toBeNull();

    const rows = () => db.prepare('SELECT * FROM secrets ORDER BY kind').all();
    const before = rows();
    expect(service().get().production.identity.hasClientSecret).toBe(true);
    expect(rows()).toEqual(before);
  });

  it('with both names stored (an older version run again after the move), the new one wins and the old goes', () => {
    vault.putSecrets(productionSecretOwner, { [OLD]: 'stale-secret', [NEW]: 'current-secret' });
    expect(service().credentials().identity?.clientSecret).toBe('current-secret');
    expect(vault.getSecret(productionSecretOwner, OLD)).toBeNull();
  });

  it('a locked vault starts with the old secret untouched; it moves once the vault is unlocked', async () => {
    vault.putSecret(productionSecretOwner, OLD, 'the-client-secret');
    vault.close();
    keyStore.failOn.get = new Error('keyring unreachable');
    const locked = await Vault.open({ db, keyStore });
    expect(locked.unlocked).toBe(false);
    const s = service(locked);
    expect(s.get()).toMatchObject({ vaultLocked: true });
    expect(
      db.prepare('SELECT kind FROM secrets WHERE owner_id = ?').pluck().all(productionSecretOwner),
    ).toEqual([OLD]);

    keyStore.failOn = {};
    await locked.unlock();
    expect(s.get().production.identity.hasClientSecret).toBe(true);
    expect(locked.getSecret(productionSecretOwner, NEW)).toBe('the-client-secret');
    expect(locked.getSecret(productionSecretOwner, OLD)).toBeNull();
    vault = locked;
  });
});
