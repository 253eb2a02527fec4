import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/connection';
import { newDataKey } from '../../../src-main/vault/crypto';
import { PassphraseKeyStore, VAULT_FILE } from '../../../src-main/vault/passphrase-keystore';
import { Vault } from '../../../src-main/vault/vault';
import { makeTempDir } from '../../helpers/tmp';

// The minimum accepted cost keeps the suite fast; the default (2^17) is exercised by the app and bench.
const scrypt = { N: 2 ** 15, r: 8, p: 1 };
const PASSPHRASE = 'correct horse battery staple';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir()));
afterEach(() => cleanup());

const store = (passphrase = PASSPHRASE) => new PassphraseKeyStore({ dataDir: dir, passphrase, scrypt });

describe('PassphraseKeyStore', () => {
  it('wraps keys under a scrypt-derived key and reads them back in a new instance', async () => {
    const key = newDataKey();
    await store().set('k1', key);
    expect(await store().get('k1')).toEqual(key);
    expect(await store().get('other')).toBeNull();

    const raw = readFileSync(join(dir, VAULT_FILE), 'utf8');
    const file = JSON.parse(raw) as { kdf: { name: string; N: number; r: number; p: number; salt: string } };
    expect(file.kdf).toMatchObject({ name: 'scrypt', N: 2 ** 15, r: 8, p: 1 });
    expect(Buffer.from(file.kdf.salt, 'base64')).toHaveLength(16);
    expect(raw).not.toContain(key.toString('base64'));
    expect(raw).not.toContain(key.toString('hex'));
    if (process.platform !== 'win32') expect(statSync(join(dir, VAULT_FILE)).mode & 0o077).toBe(0);
  });

  it('rejects a wrong passphrase with LOCKED instead of returning a wrong key', async () => {
    await store().set('k1', newDataKey());
    await expect(store('not the passphrase').get('k1')).rejects.toMatchObject({
      code: 'LOCKED',
      message: expect.stringMatching(/passphrase .* is wrong/),
    });
    // Nor may a wrong passphrase add a key the right one could not read.
    await expect(store('not the passphrase').set('k2', newDataKey())).rejects.toMatchObject({
      code: 'LOCKED',
    });
  });

  it('deletes keys, and concurrent first writes share one salt', async () => {
    const s = store();
    const [a, b] = [newDataKey(), newDataKey()];
    await Promise.all([s.set('a', a), s.set('b', b)]);
    expect(await store().get('a')).toEqual(a);
    expect(await store().get('b')).toEqual(b);
    await s.delete('a');
    await s.delete('a');
    expect(await store().get('a')).toBeNull();
  });

  it('refuses a vault.json whose cost was lowered below the minimum', async () => {
    await store().set('k1', newDataKey());
    const path = join(dir, VAULT_FILE);
    const file = JSON.parse(readFileSync(path, 'utf8')) as { kdf: { N: number } };
    file.kdf.N = 2 ** 10;
    writeFileSync(path, JSON.stringify(file));
    await expect(store().get('k1')).rejects.toMatchObject({ code: 'LOCKED', message: /damaged/ });
  });

  it('drives a vault: the right passphrase unlocks, a wrong one locks without touching the data', async () => {
    const db = openDatabase(join(dir, 'shopmesh.db'));
    try {
      const vault = await Vault.open({ db, keyStore: store() });
      expect(vault.status()).toMatchObject({ state: 'unlocked', keyStore: 'passphrase' });
      vault.putSecret('account:1', 'access_token', 'act.passphrase-test-token');
      const before = db.prepare('SELECT * FROM secrets').all();

      const wrong = await Vault.open({ db, keyStore: store('wrong passphrase!') });
      expect(wrong.status()).toMatchObject({ state: 'locked', cause: 'wrong_key' });
      const status = wrong.status();
      expect(status.state === 'locked' && status.text.key).toBe('vault.errors.wrongPassphraseEnv');
      expect(db.prepare('SELECT * FROM secrets').all()).toEqual(before);

      await wrong.unlock(store());
      expect(wrong.getSecret('account:1', 'access_token')).toBe('act.passphrase-test-token');
      await wrong.rotateKey();
      expect((await Vault.open({ db, keyStore: store() })).getSecret('account:1', 'access_token')).toBe(
        'act.passphrase-test-token',
      );
      const keys = (JSON.parse(readFileSync(join(dir, VAULT_FILE), 'utf8')) as { keys: object }).keys;
      expect(Object.keys(keys)).toHaveLength(1);
    } finally {
      db.close();
    }
  });
});
