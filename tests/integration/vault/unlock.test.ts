import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountsList, VaultStatusView } from '../../../src-shared/accounts';
import type { ActivityPage } from '../../../src-shared/activity';
import type { AppErrorShape } from '../../../src-shared/errors';
import type { SyncHistory } from '../../../src-shared/sync';
import { secretKinds, secretOwner } from '../../../src-main/accounts/types';
import type { KeytarLike } from '../../../src-main/vault/keychain-keystore';
import { VAULT_FILE } from '../../../src-main/vault/passphrase-keystore';
import { type AccountsTestApp, connectThrough, makeAccountsApp } from '../../helpers/accounts';
import type { TestAppOverrides } from '../../helpers/app';
import { makeTempDir } from '../../helpers/tmp';

/**
 * `vault:unlock`: a merchant without a usable keychain chooses a passphrase in the app on first run and
 * types it at later starts. Real app, real SQLite, real scrypt cost, the embedded sandbox for connecting.
 */
const PASSPHRASE = 'Correct-Horse-Battery-7f3c';
const WRONG = 'Wrong-Horse-Battery-1a2b';
const passphraseOnly = { SHOPMESH_KEYSTORE: 'passphrase' } as const;

/** keytar as on a host without Secret Service: every call fails the way libsecret does there. */
const unreachableKeytar = async (): Promise<KeytarLike> => {
  const fail = () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'));
  return { getPassword: fail, setPassword: fail, deletePassword: fail };
};

/** A working in-memory keychain; a fresh one per start simulates its entries being lost. */
function memoryKeytar(entries = new Map<string, string>()): () => Promise<KeytarLike> {
  return async () => ({
    getPassword: async (s, a) => entries.get(`${s}/${a}`) ?? null,
    setPassword: async (s, a, p) => void entries.set(`${s}/${a}`, p),
    deletePassword: async (s, a) => entries.delete(`${s}/${a}`),
  });
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function tempDir(): string {
  const tmp = makeTempDir();
  cleanups.push(tmp.cleanup);
  return tmp.dir;
}

/** A real file logger (not the silent one), so the leak check below reads what a merchant's log would hold. */
async function start(dataDir: string, overrides: TestAppOverrides = {}): Promise<AccountsTestApp> {
  const t = await makeAccountsApp({
    dataDir,
    env: passphraseOnly,
    logger: undefined,
    transport: 'electron',
    ...overrides,
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

const vaultOf = async (t: AccountsTestApp) => (await t.invoke<AccountsList>('accounts:list')).vault;
const secretRows = (t: AccountsTestApp) =>
  t.app.db.prepare('SELECT owner_id, kind, ciphertext FROM secrets ORDER BY owner_id, kind').all();

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

describe('vault:unlock with the passphrase key store and no SHOPMESH_VAULT_PASSPHRASE', () => {
  it('chooses the passphrase on first run, checks it after a restart and never leaks it', async () => {
    const dir = tempDir();
    const first = await start(dir);
    expect(await vaultOf(first)).toMatchObject({
      state: 'locked',
      canUnlockWithPassphrase: true,
      firstRun: true,
    });
    expect((await failure(first, 'accounts:connect', { provider: 'shop' })).code).toBe('LOCKED');

    const unlocked = await first.invoke<VaultStatusView>('vault:unlock', { passphrase: PASSPHRASE });
    expect(unlocked).toEqual({
      state: 'unlocked',
      message: null,
      canUnlockWithPassphrase: false,
      firstRun: false,
      keyStore: 'passphrase',
    });
    expect(first.app.vault.status()).toMatchObject({ state: 'unlocked', keyStore: 'passphrase' });
    expect(first.events.some((e) => e.name === 'accounts:changed')).toBe(true);
    const activity = await first.invoke<ActivityPage>('activity:list', { kind: 'vault.unlocked' });
    expect(activity.items.map((i) => i.params)).toEqual([{ firstRun: true }]);
    expect(existsSync(join(dir, VAULT_FILE))).toBe(true);

    expect(await failure(first, 'vault:unlock', { passphrase: PASSPHRASE })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('already unlocked'),
    });

    const { result } = await connectThrough(first, 'shop');
    expect(result.outcome).toBe('connected');
    const accountId = result.accountId!;
    const token = first.app.vault.getSecret(secretOwner(accountId), secretKinds.access);
    expect(token).toBeTruthy();
    await first.cleanup();

    // Background sync on, as in the app: nothing syncs while locked, and unlocking starts a round.
    const second = await start(dir, { backgroundSync: true });
    expect(await vaultOf(second)).toMatchObject({
      state: 'locked',
      canUnlockWithPassphrase: true,
      firstRun: false,
    });
    expect(await failure(second, 'sync:run', {})).toMatchObject({ code: 'LOCKED' });
    const rowsBefore = secretRows(second);
    const vaultFileBefore = readFileSync(join(dir, VAULT_FILE));
    const began = Date.now();
    const wrong = await failure(second, 'vault:unlock', { passphrase: WRONG });
    expect(Date.now() - began).toBeGreaterThanOrEqual(1000);
    expect(wrong).toMatchObject({ code: 'LOCKED', details: { cause: 'wrong_key' } });
    expect(wrong.message).toMatch(/passphrase/i);
    expect(second.app.vault.status()).toMatchObject({ state: 'locked', cause: 'wrong_key' });
    expect(await vaultOf(second)).toMatchObject({
      state: 'locked',
      canUnlockWithPassphrase: true,
      firstRun: false,
    });
    // Nothing destroyed, nothing re-keyed: the same sealed rows and the same vault.json.
    expect(secretRows(second)).toEqual(rowsBefore);
    expect(readFileSync(join(dir, VAULT_FILE))).toEqual(vaultFileBefore);

    await second.invoke('vault:unlock', { passphrase: PASSPHRASE });
    // A whole sync runs meanwhile: poll for as long as the integration timeout allows, not vitest's default 1 s.
    const waitForSync = { timeout: 25_000, interval: 50 };
    await expect
      .poll(
        async () => (await second.invoke<SyncHistory>('sync:history', {})).runs.map((r) => r.trigger),
        waitForSync,
      )
      .toContain('unlock');
    // The finished run leaves one summary line in the activity log.
    await expect
      .poll(
        async () => (await second.invoke<ActivityPage>('activity:list', { kind: 'sync.finished' })).items,
        waitForSync,
      )
      .toEqual([
        expect.objectContaining({ params: expect.objectContaining({ trigger: 'unlock', outcome: 'ok' }) }),
      ]);
    const after = await second.invoke<AccountsList>('accounts:list');
    expect(after.vault.state).toBe('unlocked');
    expect(after.accounts.map((a) => [a.id, a.status])).toEqual([[accountId, 'active']]);
    expect(second.app.vault.getSecret(secretOwner(accountId), secretKinds.access)).toBe(token);
    const kinds = (await second.invoke<ActivityPage>('activity:list', { kind: 'vault.unlocked' })).items;
    // Newest first: this start's unlock, then the first run's (the log lives in the database).
    expect(kinds.map((i) => i.params)).toEqual([{ firstRun: false }, { firstRun: true }]);
    await second.cleanup();

    await new Promise((r) => setTimeout(r, 200)); // the log stream flushes asynchronously
    const log = readFileSync(join(dir, 'logs', 'shopmesh.log'), 'utf8');
    expect(log).toContain('vault unlocked with a passphrase');
    const haystacks: Array<[string, Buffer]> = filesUnder(dir).map((f) => [f, readFileSync(f)]);
    haystacks.push(['IPC replies', Buffer.from(JSON.stringify([...first.replies, ...second.replies]))]);
    haystacks.push(['events', Buffer.from(JSON.stringify([...first.events, ...second.events]))]);
    for (const [where, bytes] of haystacks) {
      for (const needle of [PASSPHRASE, WRONG]) {
        expect(bytes.includes(needle), `${needle} found in ${where}`).toBe(false);
        expect(bytes.includes(Buffer.from(needle, 'utf16le')), `${needle} (UTF-16) in ${where}`).toBe(false);
      }
    }
  }, 60_000); // two app starts, two unlocks (one with the 1 s wrong-passphrase pause) and a whole sync

  it('rejects a missing, short, long or extra-keyed input with VALIDATION and stays locked', async () => {
    const dir = tempDir();
    const t = await start(dir);
    const bad = [
      {},
      { passphrase: 'short' },
      { passphrase: 'x'.repeat(1025) },
      { passphrase: 12345678 },
      { passphrase: PASSPHRASE, remember: true },
    ];
    for (const input of bad) {
      expect((await failure(t, 'vault:unlock', input)).code, JSON.stringify(input)).toBe('VALIDATION');
    }
    expect(await vaultOf(t)).toMatchObject({ state: 'locked', firstRun: true });
    expect(existsSync(join(dir, VAULT_FILE))).toBe(false);
    expect(JSON.stringify(t.replies)).not.toContain(PASSPHRASE);
  });

  it('refuses (VALIDATION) once vault.json no longer holds the key, keeping every sealed value', async () => {
    const dir = tempDir();
    const first = await start(dir);
    await first.invoke('vault:unlock', { passphrase: PASSPHRASE });
    expect((await connectThrough(first, 'shop')).result.outcome).toBe('connected');
    await first.cleanup();
    rmSync(join(dir, VAULT_FILE));

    const second = await start(dir);
    expect(await vaultOf(second)).toMatchObject({
      state: 'locked',
      canUnlockWithPassphrase: false,
      firstRun: false,
    });
    const rows = secretRows(second);
    expect(rows.length).toBeGreaterThan(0);
    const refused = await failure(second, 'vault:unlock', { passphrase: PASSPHRASE });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toMatch(/keychain/);
    // The Vault never makes a fresh key over existing ciphertext, whatever passphrase arrives.
    expect(secretRows(second)).toEqual(rows);
    expect(existsSync(join(dir, VAULT_FILE))).toBe(false);
  });
});

describe('vault:unlock when the system keychain is unreachable', () => {
  it('lets the merchant choose a passphrase instead, then asks for it at the next start', async () => {
    const dir = tempDir();
    const first = await start(dir, { env: {}, loadKeytar: unreachableKeytar });
    const locked = await vaultOf(first);
    expect(locked).toMatchObject({ state: 'locked', canUnlockWithPassphrase: true, firstRun: true });
    expect(locked.message).toMatchObject({ key: 'vault.errors.noKeychain' });
    expect(first.app.vault.status()).toMatchObject({ cause: 'keystore_unavailable' });

    await first.invoke('vault:unlock', { passphrase: PASSPHRASE });
    const { result } = await connectThrough(first, 'ads');
    expect(result.outcome).toBe('connected');
    const token = first.app.vault.getSecret(secretOwner(result.accountId!), secretKinds.access);
    await first.cleanup();

    const second = await start(dir, { env: {}, loadKeytar: unreachableKeytar });
    expect(await vaultOf(second)).toMatchObject({ canUnlockWithPassphrase: true, firstRun: false });
    expect((await failure(second, 'vault:unlock', { passphrase: WRONG })).details).toEqual({
      cause: 'wrong_key',
    });
    await second.invoke('vault:unlock', { passphrase: PASSPHRASE });
    expect(second.app.vault.getSecret(secretOwner(result.accountId!), secretKinds.access)).toBe(token);
  });

  it('says a passphrase cannot help when the key lives in the keychain and its entry is gone', async () => {
    const dir = tempDir();
    const first = await start(dir, { env: {}, loadKeytar: memoryKeytar() });
    expect(first.app.vault.status()).toMatchObject({ state: 'unlocked', keyStore: 'keychain' });
    expect(await failure(first, 'vault:unlock', { passphrase: PASSPHRASE })).toMatchObject({
      code: 'CONFLICT',
    });
    expect((await connectThrough(first, 'shop')).result.outcome).toBe('connected');
    await first.cleanup();

    const second = await start(dir, { env: {}, loadKeytar: memoryKeytar() });
    expect(second.app.vault.status()).toMatchObject({ state: 'locked', cause: 'missing_key' });
    expect(await vaultOf(second)).toMatchObject({ canUnlockWithPassphrase: false, firstRun: false });
    const rows = secretRows(second);
    const refused = await failure(second, 'vault:unlock', { passphrase: PASSPHRASE });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toMatch(/system keychain, so a passphrase can't unlock it/);
    expect(secretRows(second)).toEqual(rows);
    expect(existsSync(join(dir, VAULT_FILE))).toBe(false);
  });
});
