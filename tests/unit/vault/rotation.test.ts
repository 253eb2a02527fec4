import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { type Database, openDatabase } from '../../../src-main/db/connection';
import { packSealed, unpackSealed } from '../../../src-main/vault/crypto';
import { Vault, type VaultStep } from '../../../src-main/vault/vault';
import { makeTempDir } from '../../helpers/tmp';
import { MemoryKeyStore } from './memory-keystore';

let dir: string;
let cleanup: () => void;
let db: Database;
let keyStore: MemoryKeyStore;

beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  db = openDatabase(join(dir, 'shopmesh.db'));
  db.exec('CREATE TABLE creators_t (id INTEGER PRIMARY KEY, handle TEXT, email BLOB, phone BLOB)');
  keyStore = new MemoryKeyStore();
});
afterEach(() => {
  db.close();
  cleanup();
});

const creatorAad = (id: unknown, column: string) => `creator:${String(id)}:${column}`;

async function populated(onStep?: (step: VaultStep) => void): Promise<Vault> {
  const vault = await Vault.open({ db, keyStore, onStep });
  vault.registerSealedTable({
    table: 'creators_t',
    idColumn: 'id',
    columns: ['email', 'phone'],
    aadOf: creatorAad,
  });
  for (let i = 1; i <= 20; i++) {
    vault.putSecrets(`account:${i}`, { access_token: `act.token-${i}`, refresh_token: `rft.token-${i}` });
    db.prepare('INSERT INTO creators_t (id, handle, email, phone) VALUES (?, ?, ?, ?)').run(
      i,
      `creator${i}`,
      packSealed(vault.seal(`c${i}@example.com`, creatorAad(i, 'email'))),
      i % 2 === 0 ? null : packSealed(vault.seal(`+1555000${i}`, creatorAad(i, 'phone'))),
    );
  }
  return vault;
}

function expectAllReadable(vault: Vault): void {
  for (let i = 1; i <= 20; i++) {
    expect(vault.getSecret(`account:${i}`, 'access_token')).toBe(`act.token-${i}`);
    expect(vault.getSecret(`account:${i}`, 'refresh_token')).toBe(`rft.token-${i}`);
    const row = db.prepare('SELECT email, phone FROM creators_t WHERE id = ?').get(i) as {
      email: Buffer;
      phone: Buffer | null;
    };
    expect(vault.open(unpackSealed(row.email), creatorAad(i, 'email'))).toBe(`c${i}@example.com`);
    if (row.phone) expect(vault.open(unpackSealed(row.phone), creatorAad(i, 'phone'))).toBe(`+1555000${i}`);
  }
}

function keyIdsInUse(): string[] {
  const fromSecrets = db.prepare('SELECT DISTINCT key_id FROM secrets').pluck().all() as string[];
  const fromCreators = (db.prepare('SELECT email FROM creators_t').pluck().all() as Buffer[]).map(
    (b) => unpackSealed(b).keyId,
  );
  return [...new Set([...fromSecrets, ...fromCreators])];
}

async function reopen(): Promise<Vault> {
  const vault = await Vault.open({ db, keyStore });
  vault.registerSealedTable({
    table: 'creators_t',
    idColumn: 'id',
    columns: ['email', 'phone'],
    aadOf: creatorAad,
  });
  return vault;
}

describe('Vault key rotation', () => {
  it('re-encrypts every secret and registered column under a new key and removes the old key', async () => {
    const vault = await populated();
    const oldKeyId = [...keyStore.keys.keys()][0]!;
    const result = await vault.rotateKey();
    expect(result.reencrypted).toBe(40 + 20 + 10);
    expect(result.keyId).not.toBe(oldKeyId);
    expect([...keyStore.keys.keys()]).toEqual([result.keyId]);
    expect(keyIdsInUse()).toEqual([result.keyId]);
    expect(db.prepare('SELECT key_id, state FROM vault_keys').all()).toEqual([
      { key_id: result.keyId, state: 'current' },
    ]);
    expectAllReadable(vault);
    expectAllReadable(await reopen());
  });

  it('stores the new key before touching the database and deletes the old one last', async () => {
    const vault = await populated();
    const oldKeyId = [...keyStore.keys.keys()][0]!;
    keyStore.calls = [];
    const { keyId } = await vault.rotateKey();
    expect(keyStore.calls).toEqual([`set:${keyId}`, `delete:${oldKeyId}`]);
  });

  it.each<VaultStep>(['rotation-key-stored', 'rotation-reencrypted', 'rotation-committed'])(
    'a crash at %s leaves a readable vault, and the next start removes the leftover key',
    async (crashAt) => {
      const vault = await populated((step) => {
        if (step === crashAt) throw new Error(`crash at ${step}`);
      });
      await expect(vault.rotateKey()).rejects.toThrow(`crash at ${crashAt}`);
      expect(keyStore.keys.size).toBe(2); // the process "died" before any cleanup

      const restarted = await reopen();
      expect(restarted.status().state).toBe('unlocked');
      expectAllReadable(restarted);
      const inUse = keyIdsInUse();
      expect(inUse).toHaveLength(1);
      expect([...keyStore.keys.keys()]).toEqual(inUse);
      expect(db.prepare("SELECT count(*) FROM vault_keys WHERE state <> 'current'").pluck().get()).toBe(0);
      // And it can still rotate afterwards.
      await restarted.rotateKey();
      expectAllReadable(restarted);
    },
  );

  it('a key store that refuses the new key aborts rotation with nothing changed', async () => {
    const vault = await populated();
    const before = db.prepare('SELECT * FROM secrets').all();
    keyStore.failOn.set = new AppError('LOCKED', 'keychain write refused');
    await expect(vault.rotateKey()).rejects.toThrow('keychain write refused');
    keyStore.failOn = {};
    expect(db.prepare('SELECT * FROM secrets').all()).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM vault_keys').pluck().get()).toBe(1);
    expectAllReadable(vault);
  });

  it('a failed old-key delete leaves the vault on the new key and the next start retries the delete', async () => {
    const vault = await populated();
    keyStore.failOn.delete = new AppError('LOCKED', 'keychain busy');
    const { keyId } = await vault.rotateKey();
    expect(keyStore.keys.size).toBe(2);
    expectAllReadable(vault);
    keyStore.failOn = {};
    await reopen();
    expect([...keyStore.keys.keys()]).toEqual([keyId]);
  });

  it('a tampered secret aborts rotation, naming the row but not the value, and keeps the old key', async () => {
    const vault = await populated();
    db.exec(
      "UPDATE secrets SET ciphertext = zeroblob(length(ciphertext)) WHERE owner_id = 'account:3' AND kind = 'access_token'",
    );
    const oldKeyId = [...keyStore.keys.keys()][0]!;
    await expect(vault.rotateKey()).rejects.toThrow(/access_token of account:3 failed its integrity check/);
    expect([...keyStore.keys.keys()]).toEqual([oldKeyId]);
    expect(vault.getSecret('account:4', 'access_token')).toBe('act.token-4');
  });

  it('a crash right after the first key reached the key store starts cleanly next time', async () => {
    await expect(
      Vault.open({
        db,
        keyStore,
        onStep: (s) => {
          if (s === 'first-key-stored') throw new Error('crash');
        },
      }),
    ).rejects.toThrow('crash');
    expect(keyStore.keys.size).toBe(1);
    const vault = await Vault.open({ db, keyStore });
    expect(vault.unlocked).toBe(true);
    expect(keyStore.keys.size).toBe(1);
  });
});
