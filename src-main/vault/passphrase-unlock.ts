import type { VaultStatusView } from '@shared/accounts';
import { AppError, isAppError } from '@shared/errors';
import type { Translatable } from '@shared/texts';
import type { ActivityLog } from '../activity/activity-log';
import type { EventBus } from '../events';
import type { Logger } from '../log/logger';
import { PassphraseKeyStore, passphraseFileKeyIds } from './passphrase-keystore';
import type { Vault, VaultStatus } from './vault';
import { vaultTexts } from './texts';
import { lockTexts } from './vault-messages';

/** Pause after a wrong passphrase, on top of scrypt's own cost, so guessing from the UI or API stays slow. */
export const WRONG_PASSPHRASE_DELAY_MS = 1000;

export interface VaultUnlockerDeps {
  vault: Vault;
  dataDir: string;
  activity: ActivityLog;
  events: EventBus;
  logger: Logger;
  wrongPassphraseDelayMs?: number;
}

/** Whether a typed passphrase can open the vault as it is now, and if not, why (for VALIDATION). */
type Reach = { can: true; firstRun: boolean } | { can: false; reason: Translatable };

/**
 * Unlocking from the app when no keychain is usable: the merchant chooses a passphrase on first run (it
 * wraps a new data key in vault.json, exactly like SHOPMESH_VAULT_PASSPHRASE) or types it at later starts.
 * The passphrase lives only in the key store's memory; the Vault itself refuses to make a key over data.
 */
export class VaultUnlocker {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly unlockedListeners = new Set<() => void>();

  constructor(private readonly deps: VaultUnlockerDeps) {}

  /** Called after each successful unlock (the app syncs then); returns the unsubscribe function. */
  onUnlocked(listener: () => void): () => void {
    this.unlockedListeners.add(listener);
    return () => this.unlockedListeners.delete(listener);
  }

  /** The vault status the renderer sees (also inside `accounts:list`). */
  view(): VaultStatusView {
    const status = this.deps.vault.status();
    const keyStore = this.deps.vault.keyStoreKind;
    if (status.state === 'unlocked') {
      return { state: 'unlocked', message: null, canUnlockWithPassphrase: false, firstRun: false, keyStore };
    }
    const reach = this.reach(status);
    return {
      state: 'locked',
      keyStore,
      message: status.text,
      canUnlockWithPassphrase: reach.can,
      firstRun: reach.can && reach.firstRun,
    };
  }

  /** One attempt at a time, pause included: parallel guesses queue behind each other's scrypt and delay. */
  unlock(passphrase: string): Promise<VaultStatusView> {
    const run = this.tail.then(() => this.attempt(passphrase));
    this.tail = run.catch(() => undefined);
    return run;
  }

  /**
   * Settings' "Change passphrase": queued with unlock attempts and paused after a wrong current passphrase
   * just like them, so it is no faster way to guess. Neither passphrase is logged, recorded or returned.
   */
  changePassphrase(current: string, next: string): Promise<VaultStatusView> {
    const run = this.tail.then(async () => {
      if (current === next) throw new AppError('VALIDATION', vaultTexts.samePassphrase());
      try {
        await this.deps.vault.changePassphrase(current, next);
      } catch (err) {
        if (isAppError(err) && err.details?.vault === 'wrong_passphrase') {
          this.deps.logger.warn('vault: passphrase change refused (wrong current passphrase)');
          await delay(this.deps.wrongPassphraseDelayMs ?? WRONG_PASSPHRASE_DELAY_MS);
        }
        throw err;
      }
      this.deps.activity.record('vault.passphraseChanged', {});
      return this.view();
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async attempt(passphrase: string): Promise<VaultStatusView> {
    const { vault, logger } = this.deps;
    const before = vault.status();
    if (before.state === 'unlocked') throw new AppError('CONFLICT', vaultTexts.alreadyUnlocked());
    const reach = this.reach(before);
    if (!reach.can) throw new AppError('VALIDATION', reach.reason);

    const store = new PassphraseKeyStore({ dataDir: this.deps.dataDir, passphrase, source: 'prompt' });
    const after = await vault.unlock(store);
    if (after.state === 'locked') {
      logger.warn({ cause: after.cause, firstRun: reach.firstRun }, 'vault: passphrase unlock refused');
      // The banner's text depends on the cause, which just changed (e.g. to wrong_key).
      this.deps.events.emit('accounts:changed', {});
      if (after.cause === 'wrong_key') {
        await delay(this.deps.wrongPassphraseDelayMs ?? WRONG_PASSPHRASE_DELAY_MS);
        throw new AppError('LOCKED', after.text, { cause: 'wrong_key' });
      }
      throw new AppError('LOCKED', after.text, { cause: after.cause });
    }
    this.deps.activity.record('vault.unlocked', { firstRun: reach.firstRun });
    logger.info({ firstRun: reach.firstRun }, 'vault unlocked with a passphrase typed in the app');
    this.deps.events.emit('accounts:changed', {});
    for (const listener of this.unlockedListeners) listener();
    return this.view();
  }

  /**
   * A passphrase helps when the key is (or will be) wrapped in vault.json: no key yet and nothing sealed,
   * or vault.json holds the current key. A key kept only in the keychain, or sealed data without any key
   * record, cannot be reached this way; the Vault would refuse anyway, but the merchant deserves the reason.
   */
  private reach(status: Extract<VaultStatus, { state: 'locked' }>): Reach {
    const { vault } = this.deps;
    if (status.cause === 'closed' || status.cause === 'inconsistent') {
      return { can: false, reason: status.text };
    }
    let fileKeys: string[] | null;
    try {
      fileKeys = passphraseFileKeyIds(this.deps.dataDir);
    } catch (err) {
      if (!isAppError(err)) throw err;
      return { can: false, reason: err.text ?? vaultTexts.keyStoreUnreadable() };
    }
    const keyId = vault.storedKeyId();
    if (keyId === null) {
      if (vault.hasEncryptedData()) return { can: false, reason: lockTexts.inconsistent() };
      // A vault.json without a key record is a leftover whose passphrase still applies: checked, not chosen.
      return { can: true, firstRun: fileKeys === null };
    }
    if (fileKeys === null) return { can: false, reason: vaultTexts.keychainOnly() };
    if (fileKeys.includes(keyId)) return { can: true, firstRun: false };
    return { can: false, reason: vaultTexts.notInVaultFile() };
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
