import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../../src-main/db/connection';
import {
  KEYCHAIN_SERVICE,
  keychainAccount,
  KeychainKeyStore,
} from '../../../src-main/vault/keychain-keystore';
import { createKeyStore } from '../../../src-main/vault/create-keystore';
import { vaultTexts } from '../../../src-main/vault/texts';
import { Vault, type VaultStep } from '../../../src-main/vault/vault';
import { makeTempDir } from '../../helpers/tmp';

/**
 * The vault against the real Secret Service through keytar. `npm test` runs this inside dbus-run-session
 * with an unlocked gnome-keyring; without one it fails on purpose, since a mock would prove nothing here.
 */
const ACCESS = 'act.INTEGRATION-access-7f3c9a1e5b2d4c6e8a0b';
const REFRESH = 'rft.INTEGRATION-refresh-1a2b3c4d5e6f7a8b9c0d';

let dir: string;
let cleanup: () => void;
let db: Database;
const dataDirs: string[] = [];

beforeAll(async () => {
  try {
    await keytar.getPassword(KEYCHAIN_SERVICE, 'probe');
  } catch (err) {
    throw new Error(
      `No Secret Service reachable (${(err as Error).message}). Run inside: dbus-run-session -- bash -c ` +
        `'printf x | gnome-keyring-daemon --unlock --components=secrets; npx vitest run --project integration tests/integration/vault'`,
      { cause: err },
    );
  }
});

beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  dataDirs.push(dir);
  db = openDatabase(join(dir, 'shopmesh.db'));
});

afterEach(async () => {
  db.close();
  // Remove every entry this test's data folders created, whatever state the test left them in.
  const prefixes = dataDirs.splice(0).map((d) => keychainAccount(d, 'x').slice(0, -1));
  for (const { account } of await keytar.findCredentials(KEYCHAIN_SERVICE)) {
    if (prefixes.some((p) => account.startsWith(p))) await keytar.deletePassword(KEYCHAIN_SERVICE, account);
  }
  cleanup();
});

async function entriesFor(dataDir: string): Promise<string[]> {
  const prefix = keychainAccount(dataDir, 'x').slice(0, -1);
  return (await keytar.findCredentials(KEYCHAIN_SERVICE))
    .map((c) => c.account)
    .filter((a) => a.startsWith(prefix))
    .map((a) => a.slice(prefix.length))
    .sort();
}

const keyStoreFor = (dataDir: string) => createKeyStore({ env: { SHOPMESH_KEYSTORE: 'keychain' }, dataDir });
const openVault = async (onStep?: (s: VaultStep) => void) =>
  Vault.open({ db, keyStore: await keyStoreFor(dir), onStep });

describe('Vault with the system keychain (keytar, Secret Service)', () => {
  it('creates the data key in the keychain on first run and unlocks with it later', async () => {
    const store = await keyStoreFor(dir);
    expect(store).toBeInstanceOf(KeychainKeyStore);
    const vault = await Vault.open({ db, keyStore: store });
    const status = vault.status();
    expect(status.state).toBe('unlocked');
    const keyId = status.state === 'unlocked' ? status.keyId : '';
    expect(await entriesFor(dir)).toEqual([keyId]);
    const stored = await keytar.getPassword(KEYCHAIN_SERVICE, keychainAccount(dir, keyId));
    expect(Buffer.from(stored ?? '', 'base64')).toHaveLength(32);

    vault.putSecrets('account:1', { access_token: ACCESS, refresh_token: REFRESH });
    const again = await openVault();
    expect(again.getSecret('account:1', 'access_token')).toBe(ACCESS);
    expect(again.getSecret('account:1', 'refresh_token')).toBe(REFRESH);
  });

  it('gives two data folders two separate keys', async () => {
    await openVault();
    const other = makeTempDir();
    dataDirs.push(other.dir);
    const otherDb = openDatabase(join(other.dir, 'shopmesh.db'));
    try {
      await Vault.open({ db: otherDb, keyStore: await keyStoreFor(other.dir) });
      const [mine, theirs] = [await entriesFor(dir), await entriesFor(other.dir)];
      expect(mine).toHaveLength(1);
      expect(theirs).toHaveLength(1);
      expect(keychainAccount(dir, mine[0]!)).not.toBe(keychainAccount(other.dir, theirs[0]!));
    } finally {
      otherDb.close();
      other.cleanup();
    }
  });

  it('locks when the keychain entry is gone, creates nothing and leaves the ciphertext untouched', async () => {
    (await openVault()).putSecret('account:1', 'access_token', ACCESS);
    const before = db.prepare('SELECT * FROM secrets').all();
    const [keyId] = await entriesFor(dir);
    await keytar.deletePassword(KEYCHAIN_SERVICE, keychainAccount(dir, keyId!));

    const vault = await openVault();
    expect(vault.status()).toMatchObject({
      state: 'locked',
      cause: 'missing_key',
      text: vaultTexts.missingKeyKeychain(),
    });
    expect(await entriesFor(dir)).toEqual([]);
    expect(db.prepare('SELECT * FROM secrets').all()).toEqual(before);
    expect(() => vault.getSecret('account:1', 'access_token')).toThrow(
      expect.objectContaining({ code: 'LOCKED' }),
    );
  });

  it('locks when the keychain holds a different key', async () => {
    (await openVault()).putSecret('account:1', 'access_token', ACCESS);
    const [keyId] = await entriesFor(dir);
    await keytar.setPassword(
      KEYCHAIN_SERVICE,
      keychainAccount(dir, keyId!),
      Buffer.alloc(32, 1).toString('base64'),
    );
    expect((await openVault()).status()).toMatchObject({ state: 'locked', cause: 'wrong_key' });
  });

  it('detects tampered ciphertext read back from the real database', async () => {
    const vault = await openVault();
    vault.putSecret('account:1', 'access_token', ACCESS);
    db.exec("UPDATE secrets SET tag = zeroblob(16) WHERE owner_id = 'account:1'");
    expect(() => vault.getSecret('account:1', 'access_token')).toThrow(/integrity check/);
  });

  it('rotates: new keychain entry, everything re-encrypted, old entry removed', async () => {
    const vault = await openVault();
    for (let i = 0; i < 25; i++)
      vault.putSecrets(`account:${i}`, { access_token: `${ACCESS}-${i}`, refresh_token: `${REFRESH}-${i}` });
    const [oldKeyId] = await entriesFor(dir);
    const { keyId, reencrypted } = await vault.rotateKey();
    expect(reencrypted).toBe(50);
    expect(await entriesFor(dir)).toEqual([keyId]);
    expect(keyId).not.toBe(oldKeyId);
    expect(db.prepare('SELECT DISTINCT key_id FROM secrets').pluck().all()).toEqual([keyId]);
    const reopened = await openVault();
    expect(reopened.getSecret('account:24', 'refresh_token')).toBe(`${REFRESH}-24`);
  });

  it.each<VaultStep>(['rotation-key-stored', 'rotation-reencrypted', 'rotation-committed'])(
    'survives a crash at %s and removes the leftover keychain entry on the next start',
    async (crashAt) => {
      const vault = await openVault((s) => {
        if (s === crashAt) throw new Error('simulated crash');
      });
      vault.putSecrets('account:1', { access_token: ACCESS, refresh_token: REFRESH });
      await expect(vault.rotateKey()).rejects.toThrow('simulated crash');
      expect(await entriesFor(dir)).toHaveLength(2);
      const restarted = await openVault();
      expect(restarted.getSecret('account:1', 'access_token')).toBe(ACCESS);
      expect(restarted.getSecret('account:1', 'refresh_token')).toBe(REFRESH);
      const status = restarted.status();
      expect(await entriesFor(dir)).toEqual([status.state === 'unlocked' ? status.keyId : '']);
    },
  );

  it('never writes a token to the database file or its WAL', async () => {
    const vault = await openVault();
    for (let i = 0; i < 50; i++) {
      vault.putSecrets(`account:${i}`, { access_token: `${ACCESS}-${i}`, refresh_token: `${REFRESH}-${i}` });
    }
    await vault.rotateKey();
    const file = join(dir, 'shopmesh.db');
    const needles = ['INTEGRATION-access', 'INTEGRATION-refresh', ACCESS, REFRESH];
    const scan = (path: string) => {
      if (!existsSync(path)) return;
      const bytes = readFileSync(path);
      for (const n of needles) {
        expect(bytes.includes(Buffer.from(n, 'utf8')), `${n} in ${path}`).toBe(false);
        expect(bytes.includes(Buffer.from(n, 'utf16le')), `${n} (utf16) in ${path}`).toBe(false);
      }
    };
    expect(existsSync(`${file}-wal`)).toBe(true);
    scan(file);
    scan(`${file}-wal`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    scan(file);
    scan(`${file}-wal`);
  });
});
