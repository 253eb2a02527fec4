import type { Translatable } from '@shared/texts';
import type { KeyStore } from './keystore';
import { vaultTexts } from './texts';

/** Why the vault is locked; the UI picks its remedy (unlock, restore the keychain, reset) from this. */
export type LockCause = 'missing_key' | 'wrong_key' | 'keystore_unavailable' | 'inconsistent' | 'closed';

export const lockTexts = {
  missingKey: (kind: KeyStore['kind']): Translatable =>
    kind === 'keychain' ? vaultTexts.missingKeyKeychain() : vaultTexts.missingKeyFile(),
  wrongKey: (kind: KeyStore['kind']): Translatable =>
    kind === 'keychain' ? vaultTexts.wrongKeyKeychain() : vaultTexts.wrongKeyFile(),
  inconsistent: (): Translatable => vaultTexts.inconsistent(),
  closed: (): Translatable => vaultTexts.closed(),
} as const;
