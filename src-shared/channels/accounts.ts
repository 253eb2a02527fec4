import { z } from 'zod';
import {
  accountsListSchema,
  cancelConnectInputSchema,
  connectInputSchema,
  connectResultSchema,
  connectStartedSchema,
  disconnectInputSchema,
  identityGetSchema,
  vaultChangePassphraseInputSchema,
  vaultStatusSchema,
  vaultUnlockInputSchema,
} from '../accounts';
import { type ContractSlice, noInput } from '../channel';

export const accountsSlice = {
  title: 'Accounts, identity and vault',
  channels: {
    'accounts:list': {
      input: noInput,
      output: accountsListSchema,
      summary:
        'Connected Accounts (shops, ad accounts, TikTok identity) with their status, and whether the vault is locked.',
      writes: false,
    },
    'accounts:connect': {
      input: connectInputSchema,
      output: connectStartedSchema,
      summary:
        'Start connecting an Account: opens the provider consent page in the browser and waits for its redirect. The result arrives as the `accounts:connectResult` event.',
      writes: true,
    },
    'accounts:cancelConnect': {
      input: cancelConnectInputSchema,
      output: z.object({ cancelled: z.boolean() }),
      summary: 'Stop waiting for a connection attempt (closes its loopback listener).',
      writes: true,
    },
    'accounts:disconnect': {
      input: disconnectInputSchema,
      output: z.object({ accountId: z.string(), dataDeletionAt: z.number().int().nullable() }),
      summary:
        'Revoke an Account at the provider where possible, delete its tokens at once, stop its jobs, and delete its synced data now or after 90 days.',
      writes: true,
    },
    'vault:unlock': {
      input: vaultUnlockInputSchema,
      output: vaultStatusSchema,
      summary:
        'Unlock the vault with a passphrase when no system keychain is usable (`canUnlockWithPassphrase` in `accounts:list`). On first run (`firstRun`) the passphrase is chosen and protects a new key; later it must match, else the vault stays locked (`wrong_key`, after a 1 s pause). CONFLICT when already unlocked; VALIDATION when the key lives in the system keychain. The passphrase is never stored, logged or returned.',
      writes: true,
    },
    'vault:changePassphrase': {
      input: vaultChangePassphraseInputSchema,
      output: vaultStatusSchema,
      summary:
        'Change the passphrase that protects the data key in vault.json (`keyStore: "passphrase"`, vault unlocked). The key is re-wrapped under the new passphrase and vault.json replaced in one rename, so a crash leaves the old passphrase working. A wrong current passphrase changes nothing: LOCKED with `details.vault = "wrong_passphrase"`, after a 1 s pause. CONFLICT when the key lives in the system keychain; VALIDATION when both passphrases are equal. Neither passphrase is stored, logged or returned.',
      writes: true,
    },
    'identity:get': {
      input: noInput,
      output: identityGetSchema,
      summary: 'The signed-in TikTok identity (Login Kit): display name, avatar and counts.',
      writes: false,
    },
  },
  events: {
    'accounts:changed': {
      payload: z.object({}),
      summary: 'Accounts were added, changed or removed: list them again.',
    },
    'accounts:connectResult': { payload: connectResultSchema, summary: 'A connection attempt ended.' },
  },
} as const satisfies ContractSlice;
