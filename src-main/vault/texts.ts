import { defineTexts } from '@shared/texts';

/** What the vault tells the merchant; translated in `locales/<language>/vault.json` under `vault.errors`. */
export const vaultTexts = defineTexts('vault.errors', {
  missingKeyKeychain:
    "The encryption key for this data folder is missing from the system keychain, so saved sign-ins can't be read. Restore the keychain entry, or reset the vault and reconnect every account. ShopMesh never creates a new key over existing encrypted data.",
  missingKeyFile:
    "The encryption key for this data folder is missing from vault.json in the data folder, so saved sign-ins can't be read. Restore vault.json, or reset the vault and reconnect every account. ShopMesh never creates a new key over existing encrypted data.",
  wrongKeyKeychain:
    "The encryption key found in the system keychain does not match this data folder's encrypted data. Restore the right key, or reset the vault and reconnect every account.",
  wrongKeyFile:
    "The encryption key found in vault.json does not match this data folder's encrypted data. Restore the right key, or reset the vault and reconnect every account.",
  inconsistent:
    'This data folder holds encrypted secrets but no record of the key that sealed them (the database may have been edited or partly restored). Reset the vault and reconnect every account.',
  closed: 'The vault is closed.',
  keyStoreUnreadable: 'The key store could not be read.',
  keyStoreUnwritable: 'The key store could not be written.',
  noKeyStore: 'No key store is configured.',
  keyChangedDuringRotation: 'The vault key changed while it was being replaced; try again.',
  keyChangedElsewhere: 'The vault key was changed by another ShopMesh window; restart ShopMesh.',
  alreadyUnlocked: 'The vault is already unlocked.',
  wrongPassphraseEnv: 'The vault passphrase (SHOPMESH_VAULT_PASSPHRASE) is wrong for this data folder.',
  wrongPassphrase: 'That passphrase is not the one chosen for this data folder. Check it and try again.',
  wrongCurrentPassphrase:
    'That is not the current passphrase, so nothing was changed. Check it and try again.',
  noVaultFile: 'This data folder has no vault.json yet, so there is no passphrase to change.',
  notPassphraseStore:
    "This data folder's encryption key is kept in the system keychain, so there is no passphrase to change.",
  samePassphrase: 'The new passphrase is the same as the current one.',
  vaultFileNotJson: 'vault.json in the data folder is not valid JSON; restore it from a backup.',
  vaultFileDamaged: 'vault.json in the data folder is damaged; restore it from a backup.',
  keychainFailed: 'The system keychain could not be used: {{reason}}.',
  noKeychain:
    'No system keychain ({{keychain}}) is reachable: {{reason}}. Set SHOPMESH_KEYSTORE=passphrase and SHOPMESH_VAULT_PASSPHRASE to keep the key in this data folder, protected by a passphrase, instead.',
  keyStoreSettingInvalid: 'SHOPMESH_KEYSTORE must be "keychain" or "passphrase".',
  passphraseSettingEmpty:
    'SHOPMESH_KEYSTORE=passphrase is set but SHOPMESH_VAULT_PASSPHRASE is empty; set it to unlock the vault.',
  passphraseSettingShort: 'SHOPMESH_VAULT_PASSPHRASE must be at least {{min}} characters.',
  keychainOnly:
    "This data folder's encryption key is kept in the system keychain, so a passphrase can't unlock it. Make the keychain available again (or restore its entry) and restart ShopMesh.",
  notInVaultFile:
    "vault.json in the data folder doesn't hold this folder's encryption key (it may be kept in the system keychain, or vault.json was replaced), so a passphrase can't unlock it. Restore the keychain entry or vault.json and restart ShopMesh.",
  integrity:
    '{{what}} failed its integrity check: it was modified, or it belongs to another record. Reconnect the account to replace it.',
});
