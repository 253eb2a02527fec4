import type { KeyStore } from './keystore';

/** Why the vault is locked; the UI picks its remedy (unlock, restore the keychain, reset) from this. */
export type LockCause = 'missing_key' | 'wrong_key' | 'keystore_unavailable' | 'inconsistent' | 'closed';

const where = (kind: KeyStore['kind']) =>
  kind === 'keychain' ? 'the system keychain' : 'vault.json in the data folder (passphrase key store)';

export const lockMessages = {
  missingKey: (kind: KeyStore['kind']) =>
    `The encryption key for this data folder is missing from ${where(kind)}, so saved sign-ins can't be read. ` +
    'Restore the keychain entry (or vault.json), or reset the vault and reconnect every account. ' +
    'ShopMesh never creates a new key over existing encrypted data.',
  wrongKey: (kind: KeyStore['kind']) =>
    `The encryption key found in ${where(kind)} does not match this data folder's encrypted data. ` +
    'Restore the right key, or reset the vault and reconnect every account.',
  inconsistent: () =>
    'This data folder holds encrypted secrets but no record of the key that sealed them (the database may ' +
    'have been edited or partly restored). Reset the vault and reconnect every account.',
  closed: () => 'The vault is closed.',
} as const;
