import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../src-main/db/connection';
import { PassphraseKeyStore } from '../../src-main/vault/passphrase-keystore';
import { Vault } from '../../src-main/vault/vault';
import { makeTempDir } from '../helpers/tmp';
import { MemoryKeyStore } from '../unit/vault/memory-keystore';
import type { Report } from './report';

/** Vault throughput (seal/open, stored secrets), rotation of 10k secrets, and the passphrase KDF cost. */
export async function benchVault(report: Report): Promise<void> {
  const { dir, cleanup } = makeTempDir('shopmesh-bench-');
  const db = openDatabase(join(dir, 'shopmesh.db'));
  try {
    const vault = await Vault.open({ db, keyStore: new MemoryKeyStore() });
    const token = `act.${'x'.repeat(60)}`;
    const n = 50_000;
    let t = performance.now();
    for (let i = 0; i < n; i++)
      vault.open(vault.seal(token, `account:${i}:access_token`), `account:${i}:access_token`);
    report('vault_seal_open', Math.round(n / ((performance.now() - t) / 1000)), 'ops/s');

    const secrets = 10_000;
    t = performance.now();
    db.transaction(() => {
      for (let i = 0; i < secrets; i++) vault.putSecret(`account:${i}`, 'access_token', token);
    })();
    report('vault_put_secret_10k_in_tx', performance.now() - t, 'ms');
    t = performance.now();
    for (let i = 0; i < secrets; i++) vault.getSecret(`account:${i}`, 'access_token');
    report('vault_get_secret', Math.round(secrets / ((performance.now() - t) / 1000)), 'ops/s');

    t = performance.now();
    await vault.rotateKey();
    report('vault_rotate_10k_secrets', performance.now() - t, 'ms');

    const store = new PassphraseKeyStore({ dataDir: dir, passphrase: 'bench passphrase 123' });
    t = performance.now();
    await store.set('bench', Buffer.alloc(32));
    report('vault_passphrase_scrypt_derive_default_cost', performance.now() - t, 'ms');
  } finally {
    db.close();
    cleanup();
  }
}
