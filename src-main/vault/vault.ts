import type { Database } from 'better-sqlite3';
import { AppError, isAppError } from '@shared/errors';
import type { Translatable } from '@shared/texts';
import type { Logger } from '../log/logger';
import {
  integrityError,
  newDataKey,
  newKeyId,
  openWithKey,
  ownerIdSchema,
  type SealedValue,
  sealWithKey,
  secretAad,
  secretKindSchema,
  unpackSealed,
} from './crypto';
import type { KeyStore, KeyStoreKind } from './keystore';
import { PassphraseKeyStore } from './passphrase-keystore';
import { vaultTexts } from './texts';
import { type LockCause, lockTexts } from './vault-messages';
import {
  hasSealedData,
  reencryptTable,
  type SealedTableRegistration,
  validateRegistration,
} from './sealed-tables';

export type VaultStatus =
  | { state: 'unlocked'; keyId: string; keyStore: KeyStoreKind }
  | { state: 'locked'; cause: LockCause; text: Translatable };

/** Points where a test can make the "process die": a hook that throws stops everything after it. */
export type VaultStep =
  'first-key-stored' | 'rotation-key-stored' | 'rotation-reencrypted' | 'rotation-committed';

export interface VaultOptions {
  db: Database;
  /** Null when no key store could be created; `unavailableText` then says why (from `createKeyStore`). */
  keyStore: KeyStore | null;
  unavailableText?: Translatable;
  logger?: Logger;
  now?: () => number;
  /** Test seam for crash simulation; never set in the app. */
  onStep?: (step: VaultStep) => void;
}

const KEY_CHECK_PLAINTEXT = 'shopmesh vault key check v1';
const keyCheckAad = (keyId: string) => `vault:key-check:${keyId}`;

interface KeyRow {
  key_id: string;
  state: 'pending' | 'current' | 'retired';
  check_iv: Buffer | null;
  check_tag: Buffer | null;
  check_ciphertext: Buffer | null;
}

interface SecretRow {
  owner_id: string;
  kind: string;
  key_id: string;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

interface CurrentKey {
  keyId: string;
  key: Buffer;
}

/** Thrown past every cleanup step: the simulated process is dead, so nothing after the hook may run. */
class SimulatedCrash extends Error {}

/**
 * The only holder of the data key. Secrets are sealed per value with AES-256-GCM, bound to their row by
 * associated data. A missing or wrong key locks the vault; a key is created only when there is neither a
 * key record nor sealed data, so existing ciphertext is never orphaned by a fresh key.
 */
export class Vault {
  private readonly db: Database;
  private keyStore: KeyStore | null;
  private unavailableText: Translatable;
  private readonly logger: Logger | undefined;
  private readonly now: () => number;
  private readonly onStep: ((step: VaultStep) => void) | undefined;
  private current: CurrentKey | null = null;
  private statusValue: VaultStatus = { state: 'locked', cause: 'closed', text: lockTexts.closed() };
  private readonly sealedTables = new Map<string, SealedTableRegistration>();
  private tail: Promise<unknown> = Promise.resolve();
  private readonly sql;

  private constructor(options: VaultOptions) {
    this.db = options.db;
    // Prepared once: putSecret/getSecret sit on the sync and refresh hot paths.
    this.sql = {
      upsert: this.db.prepare<[string, string, string, Buffer, Buffer, Buffer, number]>(
        `INSERT INTO secrets (owner_id, kind, key_id, iv, tag, ciphertext, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (owner_id, kind) DO UPDATE SET key_id = excluded.key_id, iv = excluded.iv,
           tag = excluded.tag, ciphertext = excluded.ciphertext, updated_at = excluded.updated_at`,
      ),
      deleteOne: this.db.prepare<[string, string]>('DELETE FROM secrets WHERE owner_id = ? AND kind = ?'),
      deleteOwner: this.db.prepare<[string]>('DELETE FROM secrets WHERE owner_id = ?'),
      getOne: this.db.prepare<[string, string], SecretRow>(
        'SELECT owner_id, kind, key_id, iv, tag, ciphertext FROM secrets WHERE owner_id = ? AND kind = ?',
      ),
      currentKeyId: this.db
        .prepare<[], string>("SELECT key_id FROM vault_keys WHERE state = 'current'")
        .pluck(),
    };
    this.keyStore = options.keyStore;
    this.unavailableText = options.unavailableText ?? vaultTexts.noKeyStore();
    this.logger = options.logger;
    this.now = options.now ?? Date.now;
    this.onStep = options.onStep;
  }

  /** Opens the vault of a migrated database: unlocked, or locked with a reason. Never throws for a bad key. */
  static async open(options: VaultOptions): Promise<Vault> {
    const vault = new Vault(options);
    await vault.unlock();
    return vault;
  }

  status(): VaultStatus {
    return this.statusValue;
  }

  get unlocked(): boolean {
    return this.statusValue.state === 'unlocked';
  }

  /** The backend in use, or null when none could be created (which tells the UI whether a passphrase helps). */
  get keyStoreKind(): KeyStoreKind | null {
    return this.keyStore?.kind ?? null;
  }

  /** The id of the key that sealed this folder's data (readable while locked), or null before the first key. */
  storedKeyId(): string | null {
    return this.sql.currentKeyId.get() ?? null;
  }

  /** A key record or sealed data exists: a new key must not be made, only the existing one found. */
  hasEncryptedData(): boolean {
    return this.storedKeyId() !== null || this.anySealedData();
  }

  /** Retries with the same or a new key store (e.g. after the user typed a passphrase). */
  unlock(keyStore?: KeyStore): Promise<VaultStatus> {
    if (keyStore) this.keyStore = keyStore;
    return this.exclusive(() => this.unlockNow());
  }

  /** Forgets the key in memory (best effort: Buffers are zeroed, copies inside OpenSSL are beyond reach). */
  close(): void {
    this.forgetKey();
    this.lock('closed', lockTexts.closed());
  }

  seal(plaintext: string | Uint8Array, aad: string): SealedValue {
    const key = this.requireKey();
    return sealWithKey(key.key, key.keyId, plaintext, aad);
  }

  open(sealed: SealedValue, aad: string): string {
    return this.openBytes(sealed, aad).toString('utf8');
  }

  openBytes(sealed: SealedValue, aad: string): Buffer {
    const key = this.requireKey();
    if (sealed.keyId !== key.keyId) throw integrityError('A stored secret (sealed with an unknown key)');
    return openWithKey(key.key, sealed, aad);
  }

  putSecret(ownerId: string, kind: string, plaintext: string): void {
    this.putSecrets(ownerId, { [kind]: plaintext });
  }

  /**
   * Writes several secrets of one owner in one transaction (an access token with the refresh token that
   * replaced the old one). `null` deletes that kind. Safe to call inside a caller's own transaction.
   */
  putSecrets(ownerId: string, values: Readonly<Record<string, string | null>>): void {
    const key = this.requireKey();
    ownerIdSchema.parse(ownerId);
    const entries = Object.entries(values).map(([kind, value]) => {
      secretKindSchema.parse(kind);
      return { kind, sealed: value === null ? null : this.seal(value, secretAad(ownerId, kind)) };
    });
    const at = this.now();
    this.db
      .transaction(() => {
        this.assertStillCurrent(key.keyId);
        for (const { kind, sealed } of entries) {
          if (sealed === null) this.sql.deleteOne.run(ownerId, kind);
          else this.sql.upsert.run(ownerId, kind, sealed.keyId, sealed.iv, sealed.tag, sealed.ciphertext, at);
        }
      })
      .immediate();
  }

  getSecret(ownerId: string, kind: string): string | null {
    const aad = secretAad(ownerId, kind);
    this.requireKey();
    const row = this.sql.getOne.get(ownerId, kind);
    return row ? this.open(toSealed(row), aad) : null;
  }

  /** Works while locked too: disconnecting must be able to drop tokens it cannot read. */
  deleteSecrets(ownerId: string): number {
    return this.sql.deleteOwner.run(ownerIdSchema.parse(ownerId)).changes;
  }

  deleteSecret(ownerId: string, kind: string): boolean {
    return this.sql.deleteOne.run(ownerId, kind).changes > 0;
  }

  /** Adds a table with sealed columns to rotation (see `SealedTableRegistration`). */
  registerSealedTable(registration: SealedTableRegistration): void {
    validateRegistration(this.db, registration);
    this.sealedTables.set(registration.table, registration);
  }

  /**
   * New key into the key store first, then every sealed value and the key-check re-written in one
   * transaction, then the old key deleted. A crash anywhere leaves one consistent, readable key; the
   * leftover key of an unfinished step is removed at the next unlock.
   */
  rotateKey(): Promise<{ keyId: string; reencrypted: number }> {
    return this.exclusive(async () => {
      const old = this.requireKey();
      const keyStore = this.requireKeyStore();
      const next: CurrentKey = { keyId: newKeyId(), key: newDataKey() };
      await this.storeNewKey(keyStore, next, 'rotation-key-stored');
      let reencrypted = 0;
      try {
        this.db
          .transaction(() => {
            reencrypted = this.reencryptSecrets(old, next);
            for (const reg of this.sealedTables.values())
              reencrypted += reencryptTable(this.db, reg, old, next);
            this.step('rotation-reencrypted');
            this.db.prepare("UPDATE vault_keys SET state = 'retired' WHERE key_id = ?").run(old.keyId);
            this.promote(next);
          })
          .immediate();
      } catch (err) {
        if (!(err instanceof SimulatedCrash)) await this.discardKey(keyStore, next.keyId, 'pending');
        throw err;
      }
      this.current = next;
      this.statusValue = { state: 'unlocked', keyId: next.keyId, keyStore: keyStore.kind };
      old.key.fill(0);
      this.step('rotation-committed');
      await this.discardKey(keyStore, old.keyId, 'retired');
      this.logger?.info({ keyId: next.keyId, reencrypted }, 'vault key rotated');
      return { keyId: next.keyId, reencrypted };
    });
  }

  /** The sealed columns of `table`, when a module registered it (the export leaves them out unless asked). */
  sealedColumns(table: string): readonly string[] {
    return this.sealedTables.get(table)?.columns ?? [];
  }

  /**
   * Opens one stored value of a registered sealed column of `row` (a whole row, so the table's own id column
   * is used): the export of creators' private contacts.
   */
  openSealedColumn(table: string, row: Readonly<Record<string, unknown>>, column: string): string {
    const reg = this.sealedTables.get(table);
    const stored = row[column];
    const id = reg ? row[reg.idColumn] : undefined;
    if (!reg || !reg.columns.includes(column) || !(stored instanceof Uint8Array))
      throw integrityError(`${table}.${column}`);
    if (typeof id !== 'string' && typeof id !== 'number' && typeof id !== 'bigint')
      throw integrityError(`${table}.${reg.idColumn}`);
    return this.open(unpackSealed(stored), reg.aadOf(id, column));
  }

  /**
   * Re-wraps the data key in vault.json under a new passphrase (see `PassphraseKeyStore.changePassphrase`).
   * Queued with rotation and unlock so no key is written under the old passphrase meanwhile. Needs the
   * vault unlocked by the passphrase store: a keychain-held key has no passphrase to change.
   */
  changePassphrase(current: string, next: string): Promise<void> {
    return this.exclusive(async () => {
      this.requireKey();
      const keyStore = this.keyStore;
      if (!(keyStore instanceof PassphraseKeyStore)) {
        throw new AppError('CONFLICT', vaultTexts.notPassphraseStore());
      }
      await keyStore.changePassphrase(current, next);
      this.logger?.info('vault passphrase changed');
    });
  }

  /**
   * The user's explicit "forget saved sign-ins": deletes every sealed value and key record, then starts a
   * fresh key. The only way out of a lock whose key is gone for good; never called automatically.
   */
  reset(): Promise<VaultStatus> {
    return this.exclusive(async () => {
      this.forgetKey();
      const keyIds = this.db
        .transaction(() => {
          const ids = this.db.prepare<[], string>('SELECT key_id FROM vault_keys').pluck().all();
          this.db.prepare('DELETE FROM secrets').run();
          for (const reg of this.sealedTables.values()) {
            const cols = reg.columns.map((c) => `"${c}" = NULL`).join(', ');
            this.db.prepare(`UPDATE "${reg.table}" SET ${cols}`).run();
          }
          this.db.prepare('DELETE FROM vault_keys').run();
          return ids;
        })
        .immediate();
      if (this.keyStore) {
        for (const keyId of keyIds) await this.keyStore.delete(keyId).catch(() => undefined);
      }
      this.logger?.warn({ removedKeys: keyIds.length }, 'vault reset: all sealed values deleted');
      return this.unlockNow();
    });
  }

  private async unlockNow(): Promise<VaultStatus> {
    this.forgetKey();
    const keyStore = this.keyStore;
    if (!keyStore) return this.lock('keystore_unavailable', this.unavailableText);
    const row = this.db
      .prepare<[], KeyRow>(
        "SELECT key_id, state, check_iv, check_tag, check_ciphertext FROM vault_keys WHERE state = 'current'",
      )
      .get();
    if (!row) {
      if (this.anySealedData()) return this.lock('inconsistent', lockTexts.inconsistent());
      await this.collectGarbage(keyStore);
      return this.createFirstKey(keyStore);
    }
    let key: Buffer | null;
    try {
      key = await keyStore.get(row.key_id);
    } catch (err) {
      if (!isAppError(err)) return this.lock('keystore_unavailable', vaultTexts.keyStoreUnreadable());
      return this.lock(
        err.details?.vault === 'wrong_passphrase' ? 'wrong_key' : 'keystore_unavailable',
        err.text ?? vaultTexts.keyStoreUnreadable(),
      );
    }
    if (!key) return this.lock('missing_key', lockTexts.missingKey(keyStore.kind));
    if (!checkMatches(key, row)) {
      key.fill(0);
      return this.lock('wrong_key', lockTexts.wrongKey(keyStore.kind));
    }
    this.current = { keyId: row.key_id, key };
    this.statusValue = { state: 'unlocked', keyId: row.key_id, keyStore: keyStore.kind };
    this.logger?.info({ keyId: row.key_id, keyStore: keyStore.kind }, 'vault unlocked');
    await this.collectGarbage(keyStore);
    return this.statusValue;
  }

  private async createFirstKey(keyStore: KeyStore): Promise<VaultStatus> {
    const first: CurrentKey = { keyId: newKeyId(), key: newDataKey() };
    try {
      await this.storeNewKey(keyStore, first, 'first-key-stored');
      this.db.transaction(() => this.promote(first)).immediate();
    } catch (err) {
      if (err instanceof SimulatedCrash) throw err;
      await this.discardKey(keyStore, first.keyId, 'pending');
      // A vault.json left from an earlier key (its record gone) still demands its own passphrase.
      const wrong = isAppError(err) && err.details?.vault === 'wrong_passphrase';
      return this.lock(
        wrong ? 'wrong_key' : 'keystore_unavailable',
        (isAppError(err) ? err.text : null) ?? vaultTexts.keyStoreUnwritable(),
      );
    }
    this.current = first;
    this.statusValue = { state: 'unlocked', keyId: first.keyId, keyStore: keyStore.kind };
    this.logger?.info({ keyId: first.keyId, keyStore: keyStore.kind }, 'vault created a new data key');
    return this.statusValue;
  }

  /** Records the key as pending before it reaches the key store, so a crash leaves a trace to clean up. */
  private async storeNewKey(keyStore: KeyStore, next: CurrentKey, step: VaultStep): Promise<void> {
    this.db
      .prepare("INSERT INTO vault_keys (key_id, state, created_at) VALUES (?, 'pending', ?)")
      .run(next.keyId, this.now());
    try {
      await keyStore.set(next.keyId, next.key);
    } catch (err) {
      await this.discardKey(keyStore, next.keyId, 'pending');
      throw err;
    }
    this.step(step);
  }

  /** Pending → current with its key-check; fails if someone else discarded the pending row meanwhile. */
  private promote(next: CurrentKey): void {
    const check = sealWithKey(next.key, next.keyId, KEY_CHECK_PLAINTEXT, keyCheckAad(next.keyId));
    const changed = this.db
      .prepare(
        `UPDATE vault_keys SET state = 'current', check_iv = ?, check_tag = ?, check_ciphertext = ?
         WHERE key_id = ? AND state = 'pending'`,
      )
      .run(check.iv, check.tag, check.ciphertext, next.keyId).changes;
    if (changed !== 1) throw new AppError('CONFLICT', vaultTexts.keyChangedDuringRotation());
  }

  private reencryptSecrets(from: CurrentKey, to: CurrentKey): number {
    const rows = this.db
      .prepare<[], SecretRow>('SELECT owner_id, kind, key_id, iv, tag, ciphertext FROM secrets')
      .all();
    const update = this.db.prepare(
      'UPDATE secrets SET key_id = ?, iv = ?, tag = ?, ciphertext = ? WHERE owner_id = ? AND kind = ?',
    );
    for (const row of rows) {
      const aad = secretAad(row.owner_id, row.kind);
      const label = `The stored ${row.kind} of ${row.owner_id}`;
      if (row.key_id !== from.keyId) throw integrityError(label);
      let plaintext: Buffer;
      try {
        plaintext = openWithKey(from.key, toSealed(row), aad);
      } catch {
        throw integrityError(label);
      }
      const sealed = sealWithKey(to.key, to.keyId, plaintext, aad);
      plaintext.fill(0);
      update.run(sealed.keyId, sealed.iv, sealed.tag, sealed.ciphertext, row.owner_id, row.kind);
    }
    return rows.length;
  }

  /** Removes keys left by an unfinished creation or rotation (pending) or a finished one (retired). */
  private async collectGarbage(keyStore: KeyStore): Promise<void> {
    const rows = this.db
      .prepare<[], Pick<KeyRow, 'key_id' | 'state'>>(
        "SELECT key_id, state FROM vault_keys WHERE state <> 'current'",
      )
      .all();
    for (const row of rows) {
      if (row.state === 'pending' || row.state === 'retired')
        await this.discardKey(keyStore, row.key_id, row.state);
    }
  }

  /**
   * Drops a non-current key. A retired key can never come back, so its key store entry goes first and the
   * row only once that worked (a failure is retried at the next unlock). A pending key might have just been
   * promoted by another process sharing the folder, so its row goes first, guarded by its state, and the key
   * store entry only if that row really was still pending.
   */
  private async discardKey(keyStore: KeyStore, keyId: string, state: 'pending' | 'retired'): Promise<void> {
    const deleteRow = () =>
      this.db.prepare('DELETE FROM vault_keys WHERE key_id = ? AND state = ?').run(keyId, state).changes;
    if (state === 'pending' && deleteRow() === 0) return;
    try {
      await keyStore.delete(keyId);
    } catch (err) {
      this.logger?.warn(
        { keyId, err: isAppError(err) ? err.message : 'unknown' },
        'vault: unused key not deleted',
      );
      return;
    }
    if (state === 'retired') deleteRow();
  }

  private anySealedData(): boolean {
    if (this.db.prepare('SELECT EXISTS (SELECT 1 FROM secrets)').pluck().get() === 1) return true;
    for (const reg of this.sealedTables.values()) if (hasSealedData(this.db, reg)) return true;
    return false;
  }

  /** Another process sharing the data folder may have rotated; sealing with a retired key would lose data. */
  private assertStillCurrent(keyId: string): void {
    const current = this.sql.currentKeyId.get();
    if (current !== keyId) {
      throw new AppError('CONFLICT', vaultTexts.keyChangedElsewhere());
    }
  }

  private requireKey(): CurrentKey {
    if (this.current && this.statusValue.state === 'unlocked') return this.current;
    const text = this.statusValue.state === 'locked' ? this.statusValue.text : lockTexts.closed();
    throw new AppError('LOCKED', text);
  }

  private requireKeyStore(): KeyStore {
    if (!this.keyStore) throw new AppError('LOCKED', this.unavailableText);
    return this.keyStore;
  }

  private lock(cause: LockCause, text: Translatable): VaultStatus {
    this.forgetKey();
    this.statusValue = { state: 'locked', cause, text };
    if (cause !== 'closed') this.logger?.warn({ cause }, 'vault locked');
    return this.statusValue;
  }

  private forgetKey(): void {
    this.current?.key.fill(0);
    this.current = null;
  }

  private step(step: VaultStep): void {
    if (!this.onStep) return;
    try {
      this.onStep(step);
    } catch (err) {
      // The simulated process is gone: nothing it holds in memory may be used any more.
      this.forgetKey();
      this.statusValue = { state: 'locked', cause: 'closed', text: lockTexts.closed() };
      throw new SimulatedCrash(err instanceof Error ? err.message : String(err));
    }
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => undefined);
    return run;
  }
}

function toSealed(row: SecretRow): SealedValue {
  return { keyId: row.key_id, iv: row.iv, tag: row.tag, ciphertext: row.ciphertext };
}

function checkMatches(key: Buffer, row: KeyRow): boolean {
  if (key.length !== 32 || !row.check_iv || !row.check_tag || !row.check_ciphertext) return false;
  try {
    const sealed = {
      keyId: row.key_id,
      iv: row.check_iv,
      tag: row.check_tag,
      ciphertext: row.check_ciphertext,
    };
    return openWithKey(key, sealed, keyCheckAad(row.key_id)).toString('utf8') === KEY_CHECK_PLAINTEXT;
  } catch {
    return false;
  }
}
