import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { type Database, openDatabase } from '../../../src-main/db/connection';
import { packSealed, unpackSealed } from '../../../src-main/vault/crypto';
import { Vault, type VaultOptions } from '../../../src-main/vault/vault';
import { makeTempDir } from '../../helpers/tmp';
import { MemoryKeyStore } from './memory-keystore';

const ACCESS = 'act.ACCESS-unit-aaaaaaaaaaaaaaaa';
const REFRESH = 'rft.REFRESH-unit-bbbbbbbbbbbbbbbb';

let dir: string;
let cleanup: () => void;
let db: Database;
let keyStore: MemoryKeyStore;

beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  db = openDatabase(join(dir, 'shopmesh.db'));
  keyStore = new MemoryKeyStore();
});
afterEach(() => {
  db.close();
  cleanup();
});

const open = (extra: Partial<VaultOptions> = {}) => Vault.open({ db, keyStore, ...extra });

function secretRows() {
  return db
    .prepare('SELECT owner_id, kind, key_id, iv, tag, ciphertext FROM secrets ORDER BY owner_id, kind')
    .all();
}

function keyRows() {
  return db.prepare('SELECT key_id, state FROM vault_keys ORDER BY key_id').all() as {
    key_id: string;
    state: string;
  }[];
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

describe('Vault: first run and reopening', () => {
  it('creates one random 256-bit key on first run and records its key-check', async () => {
    const vault = await open();
    const status = vault.status();
    expect(status.state).toBe('unlocked');
    expect(keyStore.keys.size).toBe(1);
    const [keyId, key] = [...keyStore.keys][0]!;
    expect(key).toHaveLength(32);
    expect(status).toMatchObject({ keyId, keyStore: 'keychain' });
    expect(keyRows()).toEqual([{ key_id: keyId, state: 'current' }]);
  });

  it('reopens with the same key and reads what it wrote', async () => {
    (await open()).putSecret('account:1', 'access_token', ACCESS);
    const again = await open();
    expect(again.getSecret('account:1', 'access_token')).toBe(ACCESS);
    expect(keyStore.keys.size).toBe(1);
  });
});

describe('Vault: secrets', () => {
  it('puts, gets, replaces and deletes secrets', async () => {
    const vault = await open();
    expect(vault.getSecret('account:1', 'access_token')).toBeNull();
    vault.putSecret('account:1', 'access_token', ACCESS);
    vault.putSecret('account:1', 'access_token', `${ACCESS}-2`);
    vault.putSecret('account:2', 'access_token', ACCESS);
    expect(vault.getSecret('account:1', 'access_token')).toBe(`${ACCESS}-2`);
    expect(vault.deleteSecret('account:2', 'access_token')).toBe(true);
    expect(vault.getSecret('account:2', 'access_token')).toBeNull();
    expect(vault.deleteSecrets('account:1')).toBe(1);
    expect(secretRows()).toHaveLength(0);
  });

  it('stores no plaintext in the secrets table', async () => {
    const vault = await open();
    vault.putSecret('account:1', 'access_token', ACCESS);
    const row = secretRows()[0] as Record<string, unknown>;
    expect(JSON.stringify(row)).not.toContain('ACCESS-unit');
    expect(Buffer.from(row.ciphertext as Buffer).toString('latin1')).not.toContain('ACCESS');
  });

  it('writes several secrets atomically: a failure on the second leaves the first unchanged', async () => {
    const vault = await open();
    vault.putSecrets('account:1', { access_token: 'act.old', refresh_token: 'rft.old' });
    db.exec(`CREATE TEMP TRIGGER fail_refresh BEFORE UPDATE ON secrets WHEN NEW.kind = 'refresh_token'
             BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    expect(() => vault.putSecrets('account:1', { access_token: ACCESS, refresh_token: REFRESH })).toThrow(
      'disk full',
    );
    expect(vault.getSecret('account:1', 'access_token')).toBe('act.old');
    db.exec('DROP TRIGGER fail_refresh');
    vault.putSecrets('account:1', { access_token: ACCESS, refresh_token: REFRESH, scope: null });
    expect(vault.getSecret('account:1', 'refresh_token')).toBe(REFRESH);
  });

  it('joins a caller transaction: rolled back together with the caller’s rows', async () => {
    const vault = await open();
    expect(() =>
      db.transaction(() => {
        vault.putSecrets('account:9', { access_token: ACCESS });
        throw new Error('account insert failed');
      })(),
    ).toThrow('account insert failed');
    expect(vault.getSecret('account:9', 'access_token')).toBeNull();
  });

  it('rejects ciphertext swapped between rows and tampered bytes with a clear error, never garbage', async () => {
    const vault = await open();
    vault.putSecret('account:1', 'access_token', ACCESS);
    vault.putSecret('account:2', 'access_token', 'act.other-account-token');
    db.exec(`UPDATE secrets SET iv = (SELECT iv FROM secrets WHERE owner_id = 'account:1'),
                                tag = (SELECT tag FROM secrets WHERE owner_id = 'account:1'),
                                ciphertext = (SELECT ciphertext FROM secrets WHERE owner_id = 'account:1')
             WHERE owner_id = 'account:2'`);
    const swapped = thrown(() => vault.getSecret('account:2', 'access_token'));
    expect(swapped.message).toMatch(/integrity check/);
    expect(swapped.details).toMatchObject({ vault: 'integrity' });

    db.exec("UPDATE secrets SET ciphertext = zeroblob(length(ciphertext)) WHERE owner_id = 'account:1'");
    const tampered = thrown(() => vault.getSecret('account:1', 'access_token'));
    expect(tampered.message).toMatch(/integrity check/);
    expect(tampered.message).not.toContain(ACCESS);
  });

  it('validates owner ids and kinds', async () => {
    const vault = await open();
    expect(() => vault.putSecret('', 'access_token', ACCESS)).toThrow();
    expect(() => vault.putSecret('account:1', 'Access Token', ACCESS)).toThrow();
  });
});

describe('Vault: locked states never touch existing ciphertext', () => {
  it('a missing key locks with a clear message, creates no key and leaves the ciphertext as it was', async () => {
    (await open()).putSecret('account:1', 'access_token', ACCESS);
    const before = secretRows();
    const keysBefore = keyRows();
    keyStore.keys.clear();

    const vault = await open();
    expect(vault.status()).toMatchObject({ state: 'locked', cause: 'missing_key' });
    const status = vault.status();
    expect(status.state === 'locked' && status.text.key).toBe('vault.errors.missingKeyKeychain');
    expect(keyStore.keys.size).toBe(0);
    expect(keyRows()).toEqual(keysBefore);
    expect(secretRows()).toEqual(before);

    const err = thrown(() => vault.getSecret('account:1', 'access_token'));
    expect(err.code).toBe('LOCKED');
    expect(thrown(() => vault.putSecret('account:1', 'access_token', 'x')).code).toBe('LOCKED');
    expect(thrown(() => vault.seal('x', 'a:b')).code).toBe('LOCKED');
    expect(secretRows()).toEqual(before);
  });

  it('a wrong key locks with "does not match"', async () => {
    (await open()).putSecret('account:1', 'access_token', ACCESS);
    const [keyId] = [...keyStore.keys.keys()];
    keyStore.keys.set(keyId!, Buffer.alloc(32, 7));
    const vault = await open();
    expect(vault.status()).toMatchObject({ state: 'locked', cause: 'wrong_key' });
    const status = vault.status();
    expect(status.state === 'locked' && status.text.key).toBe('vault.errors.wrongKeyKeychain');
    expect(keyStore.keys.get(keyId!)).toEqual(Buffer.alloc(32, 7));
  });

  it('an unreachable key store locks with the store’s reason and unlocks once it is back', async () => {
    (await open()).putSecret('account:1', 'access_token', ACCESS);
    keyStore.failOn.get = new AppError('LOCKED', 'The system keychain could not be used: no D-Bus.');
    const vault = await open();
    expect(vault.status()).toMatchObject({ state: 'locked', cause: 'keystore_unavailable' });
    keyStore.failOn = {};
    expect((await vault.unlock()).state).toBe('unlocked');
    expect(vault.getSecret('account:1', 'access_token')).toBe(ACCESS);
  });

  it('sealed data without a key record locks instead of creating a key', async () => {
    (await open()).putSecret('account:1', 'access_token', ACCESS);
    db.exec('DELETE FROM vault_keys');
    const setsBefore = keyStore.calls.filter((c) => c.startsWith('set:')).length;
    const vault = await open();
    expect(vault.status()).toMatchObject({ state: 'locked', cause: 'inconsistent' });
    expect(keyStore.calls.filter((c) => c.startsWith('set:')).length).toBe(setsBefore);
  });

  it('deletes secrets while locked (disconnect must work without the key)', async () => {
    (await open()).putSecrets('account:1', { access_token: ACCESS, refresh_token: REFRESH });
    keyStore.keys.clear();
    const vault = await open();
    expect(vault.deleteSecrets('account:1')).toBe(2);
  });

  it('without any key store it is locked with the reason it was given', async () => {
    const vault = await Vault.open({
      db,
      keyStore: null,
      unavailableText: {
        key: 'vault.errors.noKeychain',
        params: { keychain: 'Secret Service', reason: 'x' },
      },
    });
    expect(vault.status()).toEqual({
      state: 'locked',
      cause: 'keystore_unavailable',
      text: { key: 'vault.errors.noKeychain', params: { keychain: 'Secret Service', reason: 'x' } },
    });
    expect(keyRows()).toEqual([]);
  });

  it('reset() is the explicit way out: deletes sealed values and starts a new key', async () => {
    (await open()).putSecret('account:1', 'access_token', ACCESS);
    keyStore.keys.clear();
    const vault = await open();
    expect(vault.unlocked).toBe(false);
    expect((await vault.reset()).state).toBe('unlocked');
    expect(secretRows()).toHaveLength(0);
    expect(keyRows()).toHaveLength(1);
    vault.putSecret('account:1', 'access_token', ACCESS);
    expect(vault.getSecret('account:1', 'access_token')).toBe(ACCESS);
  });

  it('close() forgets the key', async () => {
    const vault = await open();
    vault.close();
    expect(thrown(() => vault.seal('x', 'a:b')).code).toBe('LOCKED');
  });
});

describe('Vault: sealed values in other tables', () => {
  it('seals and opens values for another table and rejects a value moved to another row', async () => {
    const vault = await open();
    const blob = packSealed(vault.seal('alice@example.com', 'creator:1:email'));
    expect(vault.open(unpackSealed(blob), 'creator:1:email')).toBe('alice@example.com');
    expect(() => vault.open(unpackSealed(blob), 'creator:2:email')).toThrow(/integrity/);
  });

  it('refuses registrations with unknown tables or columns', async () => {
    const vault = await open();
    db.exec('CREATE TABLE creators_t (id INTEGER PRIMARY KEY, email BLOB)');
    expect(() =>
      vault.registerSealedTable({ table: 'creators_t', idColumn: 'id', columns: ['phone'], aadOf: () => '' }),
    ).toThrow(/no column/);
    expect(() =>
      vault.registerSealedTable({
        table: 'x; DROP TABLE secrets',
        idColumn: 'id',
        columns: ['a'],
        aadOf: () => '',
      }),
    ).toThrow(/invalid names/);
  });
});
