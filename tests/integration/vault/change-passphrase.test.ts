import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountsList, VaultStatusView } from '../../../src-shared/accounts';
import type { ActivityPage } from '../../../src-shared/activity';
import type { AppErrorShape } from '../../../src-shared/errors';
import { secretKinds, secretOwner } from '../../../src-main/accounts/types';
import { VAULT_FILE } from '../../../src-main/vault/passphrase-keystore';
import { type AccountsTestApp, connectThrough, makeAccountsApp } from '../../helpers/accounts';
import { makeTempDir } from '../../helpers/tmp';

/**
 * `vault:changePassphrase` in the real app: passphrase key store, real scrypt cost, a shop connected through
 * the embedded sandbox so there is a sealed token to keep, and a restart to prove which passphrase opens it.
 */
const OLD = 'Correct-Horse-Battery-7f3c';
const NEW = 'Purple-Staple-Lantern-93kd';
const WRONG = 'Wrong-Horse-Battery-1a2b';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start(dataDir: string, env: Record<string, string> = {}): Promise<AccountsTestApp> {
  const t = await makeAccountsApp({
    dataDir,
    env: { SHOPMESH_KEYSTORE: 'passphrase', ...env },
    logger: undefined, // the real file logger, so the leak check reads what a merchant's log would hold
    transport: 'electron',
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await t.app.close();
  };
  cleanups.push(close);
  return { ...t, cleanup: close };
}

async function failure(t: AccountsTestApp, channel: string, input: unknown): Promise<AppErrorShape> {
  const reply = await t.app.router.invoke(channel, input);
  t.replies.push(reply);
  if (reply.ok) throw new Error(`${channel} succeeded unexpectedly`);
  return reply.error;
}

const changes = async (t: AccountsTestApp) =>
  (await t.invoke<ActivityPage>('activity:list', { kind: 'vault.passphraseChanged' })).items;

describe('vault:changePassphrase', () => {
  it('refuses a wrong current passphrase, then re-wraps the key so only the new one opens the folder', async () => {
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const dir = tmp.dir;
    const first = await start(dir);
    await first.invoke('vault:unlock', { passphrase: OLD });
    expect((await first.invoke<AccountsList>('accounts:list')).vault.keyStore).toBe('passphrase');
    const { result } = await connectThrough(first, 'shop');
    const accountId = result.accountId!;
    const token = first.app.vault.getSecret(secretOwner(accountId), secretKinds.access);
    expect(token).toBeTruthy();

    const fileBefore = readFileSync(join(dir, VAULT_FILE));
    const began = Date.now();
    const wrong = await failure(first, 'vault:changePassphrase', {
      currentPassphrase: WRONG,
      newPassphrase: NEW,
    });
    expect(Date.now() - began).toBeGreaterThanOrEqual(1000);
    expect(wrong).toMatchObject({
      code: 'LOCKED',
      key: 'vault.errors.wrongCurrentPassphrase',
      details: { vault: 'wrong_passphrase' },
    });
    expect(readFileSync(join(dir, VAULT_FILE))).toEqual(fileBefore);
    expect(first.app.vault.status()).toMatchObject({ state: 'unlocked' });
    expect(await changes(first)).toEqual([]);

    const same = await failure(first, 'vault:changePassphrase', {
      currentPassphrase: OLD,
      newPassphrase: OLD,
    });
    expect(same).toMatchObject({ code: 'VALIDATION', key: 'vault.errors.samePassphrase' });

    const view = await first.invoke<VaultStatusView>('vault:changePassphrase', {
      currentPassphrase: OLD,
      newPassphrase: NEW,
    });
    expect(view).toMatchObject({ state: 'unlocked', keyStore: 'passphrase' });
    expect((await changes(first)).map((e) => e.params)).toEqual([{}]);
    // Still unlocked, the same token readable, and nothing re-sealed: only vault.json changed.
    expect(first.app.vault.getSecret(secretOwner(accountId), secretKinds.access)).toBe(token);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await first.cleanup();

    const second = await start(dir);
    expect(await failure(second, 'vault:unlock', { passphrase: OLD })).toMatchObject({
      code: 'LOCKED',
      details: { cause: 'wrong_key' },
    });
    await second.invoke('vault:unlock', { passphrase: NEW });
    expect(second.app.vault.getSecret(secretOwner(accountId), secretKinds.access)).toBe(token);
    await second.cleanup();

    await new Promise((r) => setTimeout(r, 200)); // the log stream flushes asynchronously
    const log = readFileSync(join(dir, 'logs', 'shopmesh.log'), 'utf8');
    expect(log).toContain('vault passphrase changed');
    const haystacks: Array<[string, string]> = [
      ['log', log],
      ['vault.json', readFileSync(join(dir, VAULT_FILE), 'utf8')],
      ['IPC replies', JSON.stringify([...first.replies, ...second.replies])],
      ['events', JSON.stringify([...first.events, ...second.events])],
    ];
    for (const [where, text] of haystacks) {
      for (const needle of [OLD, NEW, WRONG])
        expect(text.includes(needle), `${needle} in ${where}`).toBe(false);
    }
  }, 60_000);

  it('is refused while locked and when the key lives in the system keychain', async () => {
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const locked = await start(tmp.dir);
    const input = { currentPassphrase: OLD, newPassphrase: NEW };
    expect((await failure(locked, 'vault:changePassphrase', input)).code).toBe('LOCKED');
    expect(existsSync(join(tmp.dir, VAULT_FILE))).toBe(false);
    await locked.cleanup();

    const other = makeTempDir();
    cleanups.push(other.cleanup);
    const keytar = new Map<string, string>();
    const keychain = await makeAccountsApp({
      dataDir: other.dir,
      env: {},
      loadKeytar: async () => ({
        getPassword: async (s, a) => keytar.get(`${s}/${a}`) ?? null,
        setPassword: async (s, a, p) => void keytar.set(`${s}/${a}`, p),
        deletePassword: async (s, a) => keytar.delete(`${s}/${a}`),
      }),
    });
    cleanups.push(() => keychain.app.close());
    expect((await keychain.invoke<AccountsList>('accounts:list')).vault.keyStore).toBe('keychain');
    const refused = await keychain.app.router.invoke('vault:changePassphrase', input);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
