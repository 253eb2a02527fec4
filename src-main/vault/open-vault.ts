import type { Database } from 'better-sqlite3';
import { isAppError } from '@shared/errors';
import type { Logger } from '../log/logger';
import { createKeyStore, type CreateKeyStoreOptions } from './create-keystore';
import { Vault } from './vault';
import { vaultTexts } from './texts';

export interface OpenVaultOptions extends CreateKeyStoreOptions {
  db: Database;
  logger?: Logger;
  now?: () => number;
}

/**
 * For the composition root: builds the configured key store and opens the vault. A key store that cannot
 * be created (no keychain, no passphrase) yields a locked vault carrying that reason, so the app still
 * starts and can show it; only programming errors throw.
 */
export async function openVault(options: OpenVaultOptions): Promise<Vault> {
  const { db, logger, now, ...keyStoreOptions } = options;
  try {
    const keyStore = await createKeyStore(keyStoreOptions);
    return await Vault.open({ db, keyStore, logger, now });
  } catch (err) {
    if (!isAppError(err)) throw err;
    return Vault.open({
      db,
      keyStore: null,
      unavailableText: err.text ?? vaultTexts.keyStoreUnreadable(),
      logger,
      now,
    });
  }
}
