import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import {
  productionSecretKinds,
  productionSecretOwner,
  productionSettingsPath,
} from '../../src-main/profile/production-settings';
import { startSandbox } from '../../src-main/sandbox/index';
import { connectThrough, makeAccountsApp } from '../helpers/accounts';
import { makeTestApp, testVaultEnv } from '../helpers/app';
import { makeTempDir } from '../helpers/tmp';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const SHOP_SECRET = 'shop-secret-upgrade-6e0b2d91c3';
const ADS_SECRET = 'ads-secret-upgrade-1f7c48a0e5';

/** What the vault holds for the app's own credentials, sealed bytes included: a rerun must not touch it. */
const productionSecretRows = (db: Database) =>
  db
    .prepare(
      'SELECT kind, key_id, iv, tag, ciphertext, updated_at FROM secrets WHERE owner_id = ? ORDER BY kind',
    )
    .all(productionSecretOwner);

it('an install an older ShopMesh wrote (block `login`) starts with its Login Kit credentials intact and usable', async () => {
  // The simulator stands in for TikTok: its token endpoint refuses a wrong client secret.
  const sandbox = await startSandbox({ scale: 'tiny' });
  cleanups.push(() => sandbox.close());
  const { clientKey, clientSecret } = sandbox.info.identity;
  const tmp = makeTempDir();
  cleanups.push(tmp.cleanup);
  const dataDir = join(tmp.dir, 'data');

  // What the older version left: secrets sealed under its kind names (the vault's AAD names the kind)…
  const older = await makeTestApp({ dataDir, env: testVaultEnv });
  older.app.vault.putSecrets(productionSecretOwner, {
    shop_app_secret: SHOP_SECRET,
    ads_secret: ADS_SECRET,
    login_client_secret: clientSecret,
  });
  await older.cleanup();
  // …version 1 of the settings file…
  const oldFile = {
    version: 1,
    selected: 'production',
    shop: { appKey: 'live-app-key', serviceId: '7301', redirectPort: 41001 },
    ads: { appId: 'live-ads-app', redirectPort: 41002 },
    login: { clientKey },
  };
  writeFileSync(productionSettingsPath(dataDir), JSON.stringify(oldFile, null, 2));
  // …and a profile file of the user's, with the old key names, pointing Login Kit at the simulator.
  const profileFile = join(tmp.dir, 'profile.json');
  const base = sandbox.info.identityBase;
  writeFileSync(
    profileFile,
    JSON.stringify({
      extends: 'production',
      loginBase: base,
      loginAuthorizeUrl: `${base}/v2/auth/authorize/`,
    }),
  );
  const env = { ...testVaultEnv, SHOPMESH_PROFILE_FILE: profileFile };

  const t = await makeAccountsApp({ dataDir, env }, sandbox.info);
  cleanups.push(t.cleanup);
  expect(t.app.profile.name).toBe('custom');
  expect(t.app.profile.identityBase).toBe(base);
  expect(t.app.profile.identity).toEqual({ clientKey, clientSecret });
  expect(t.app.profile.shop.appSecret).toBe(SHOP_SECRET);
  expect(t.app.profile.ads.secret).toBe(ADS_SECRET);

  // Stored under the new name only: the file is version 2, the secret re-sealed as its new kind.
  const { login: _moved, ...unchanged } = oldFile;
  expect(JSON.parse(readFileSync(productionSettingsPath(dataDir), 'utf8'))).toEqual({
    ...unchanged,
    version: 2,
    identity: { clientKey },
  });
  expect(t.app.vault.getSecret(productionSecretOwner, productionSecretKinds.identityClientSecret)).toBe(
    clientSecret,
  );
  expect(t.app.vault.getSecret(productionSecretOwner, 'login_client_secret')).toBeNull();
  const state = await t.invoke<{ missingFields: string[]; production: { identity: unknown } }>('profile:get');
  expect(state.production.identity).toEqual({ clientKey, hasClientSecret: true });
  expect(state.missingFields).toEqual([]);

  // The moved secret still works: TikTok (the simulator) accepts it when the code is exchanged.
  const { result } = await connectThrough(t, 'identity');
  expect(result).toMatchObject({ provider: 'identity', outcome: 'connected' });

  // A second start finds nothing to upgrade and changes nothing.
  const fileBefore = readFileSync(productionSettingsPath(dataDir), 'utf8');
  const rowsBefore = productionSecretRows(t.app.db);
  await t.app.close();
  const again = await makeTestApp({ dataDir, env });
  cleanups.push(again.cleanup);
  expect(again.app.profile.identity).toEqual({ clientKey, clientSecret });
  expect(readFileSync(productionSettingsPath(dataDir), 'utf8')).toBe(fileBefore);
  expect(productionSecretRows(again.app.db)).toEqual(rowsBefore);
});
