import { MIN_VAULT_PASSPHRASE } from '@shared/accounts';
import { AppError } from '@shared/errors';
import { KeychainKeyStore, type KeytarLike, loadKeytar, probeKeychain } from './keychain-keystore';
import { type KeyStore, keyStoreKindSchema } from './keystore';
import { PassphraseKeyStore } from './passphrase-keystore';
import { vaultTexts } from './texts';

export interface CreateKeyStoreOptions {
  env: NodeJS.ProcessEnv;
  /** Absolute data folder: it scopes keychain entries and holds `vault.json` for the passphrase store. */
  dataDir: string;
  /** Tests and alternative hosts inject a keytar; by default the native module is loaded on demand. */
  loadKeytar?: () => Promise<KeytarLike>;
}

export const MIN_PASSPHRASE_LENGTH = MIN_VAULT_PASSPHRASE;

/**
 * Picks the backend from `SHOPMESH_KEYSTORE` (default `keychain`). Throws `LOCKED` with the remedy in the
 * message when the chosen backend cannot work here, so the app can start locked and say why.
 */
export async function createKeyStore(options: CreateKeyStoreOptions): Promise<KeyStore> {
  const parsed = keyStoreKindSchema.safeParse(options.env.SHOPMESH_KEYSTORE ?? 'keychain');
  if (!parsed.success) {
    throw new AppError('VALIDATION', vaultTexts.keyStoreSettingInvalid());
  }
  if (parsed.data === 'passphrase') {
    const passphrase = options.env.SHOPMESH_VAULT_PASSPHRASE;
    if (!passphrase) {
      throw new AppError('LOCKED', vaultTexts.passphraseSettingEmpty());
    }
    if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
      throw new AppError('VALIDATION', vaultTexts.passphraseSettingShort({ min: MIN_PASSPHRASE_LENGTH }));
    }
    return new PassphraseKeyStore({ dataDir: options.dataDir, passphrase });
  }
  let keytar: KeytarLike;
  try {
    keytar = await (options.loadKeytar ?? loadKeytar)();
  } catch {
    throw noKeychainError('the keytar native module could not be loaded');
  }
  try {
    await probeKeychain(keytar);
  } catch (err) {
    throw noKeychainError(err instanceof Error ? err.message : String(err));
  }
  return new KeychainKeyStore({ dataDir: options.dataDir, keytar });
}

export function noKeychainError(reason: string): AppError {
  const name =
    process.platform === 'darwin'
      ? 'macOS Keychain'
      : process.platform === 'win32'
        ? 'Windows Credential Manager'
        : 'Secret Service';
  return new AppError('LOCKED', vaultTexts.noKeychain({ keychain: name, reason: reason.slice(0, 200) }));
}
