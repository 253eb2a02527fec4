import { idInputSchema } from './ids';
import { z } from 'zod';
import { translatableSchema } from './texts';

export const providers = ['shop', 'ads', 'identity'] as const;
export const providerSchema = z.enum(providers);
export type Provider = z.infer<typeof providerSchema>;

export const accountStatuses = ['active', 'expired', 'revoked'] as const;
export const accountStatusSchema = z.enum(accountStatuses);
export type AccountStatus = z.infer<typeof accountStatusSchema>;

export const shopSchema = z.object({
  shopId: z.string(),
  name: z.string(),
  region: z.string(),
  currency: z.string(),
  sellerType: z.string().nullable(),
  code: z.string().nullable(),
});
export type Shop = z.infer<typeof shopSchema>;

export const advertiserSchema = z.object({
  advertiserId: z.string(),
  name: z.string(),
  currency: z.string().nullable(),
  timezone: z.string().nullable(),
  status: z.string().nullable(),
});
export type Advertiser = z.infer<typeof advertiserSchema>;

export const identityProfileSchema = z.object({
  displayName: z.string(),
  avatarUrl: z.string().nullable(),
  followerCount: z.number().int().nullable(),
  followingCount: z.number().int().nullable(),
  likesCount: z.number().int().nullable(),
  videoCount: z.number().int().nullable(),
});
export type IdentityProfile = z.infer<typeof identityProfileSchema>;

/** What the renderer may know about an Account: names and dates, never a token. */
export const accountSchema = z.object({
  id: z.string(),
  provider: providerSchema,
  status: accountStatusSchema,
  displayName: z.string(),
  /** UTC epoch ms. */
  connectedAt: z.number().int(),
  /** What the merchant granted ShopMesh at the provider's consent page (as the provider names them). */
  scopes: z.array(z.string()),
  /** When the current access token expires (it is refreshed before then); null = it does not expire. */
  accessExpiresAt: z.number().int().nullable(),
  /** When the grant itself lapses (TikTok Shop refresh-token expiry, Login Kit refresh expiry); null = no end. */
  authorizationExpiresAt: z.number().int().nullable(),
  /** True within 30 days of `authorizationExpiresAt`: the UI asks the merchant to reconnect. */
  expiresSoon: z.boolean(),
  /** Why the account is not active: a text the UI translates. */
  statusReason: translatableSchema.nullable(),
  /** For a disconnected account whose data is kept for now: when it will be deleted. */
  dataDeletionAt: z.number().int().nullable(),
  shops: z.array(shopSchema),
  advertisers: z.array(advertiserSchema),
  identity: identityProfileSchema.nullable(),
});
export type Account = z.infer<typeof accountSchema>;

export const vaultStatusSchema = z.object({
  state: z.enum(['unlocked', 'locked']),
  /** Why the vault is locked and what to do about it. */
  message: translatableSchema.nullable(),
  /** Locked, and a passphrase typed into the app (`vault:unlock`) can open it: there is no usable keychain. */
  canUnlockWithPassphrase: z.boolean(),
  /** Nothing is encrypted yet: the passphrase given to `vault:unlock` is chosen, not checked. */
  firstRun: z.boolean(),
  /**
   * Where the data key is kept: `passphrase` (vault.json, wrapped by the merchant's passphrase, which
   * `vault:changePassphrase` can change) or `keychain`; null when no key store is usable.
   */
  keyStore: z.enum(['keychain', 'passphrase']).nullable(),
});
export type VaultStatusView = z.infer<typeof vaultStatusSchema>;

export const MIN_VAULT_PASSPHRASE = 8;
export const MAX_VAULT_PASSPHRASE = 1024;

export const vaultUnlockInputSchema = z
  .object({
    /** Chosen on first run, checked later; never logged, returned or stored (only the key it wraps). */
    passphrase: z.string().min(MIN_VAULT_PASSPHRASE).max(MAX_VAULT_PASSPHRASE),
  })
  .strict();

export const vaultChangePassphraseInputSchema = z
  .object({
    /** Checked against vault.json; a wrong one changes nothing. */
    currentPassphrase: z.string().min(1).max(MAX_VAULT_PASSPHRASE),
    newPassphrase: z.string().min(MIN_VAULT_PASSPHRASE).max(MAX_VAULT_PASSPHRASE),
  })
  .strict();

export const accountsListSchema = z.object({
  vault: vaultStatusSchema,
  accounts: z.array(accountSchema),
});
export type AccountsList = z.infer<typeof accountsListSchema>;

export const connectInputSchema = z
  .object({
    provider: providerSchema,
    /** Reconnect an existing (expired) Account instead of adding a new one. */
    accountId: idInputSchema.optional(),
  })
  .strict();

export const connectStartedSchema = z.object({
  attemptId: z.string(),
  /** Opened in the system browser by main; returned so the UI can offer "open again" / copy. */
  authorizeUrl: z.string(),
});

export const connectOutcomes = [
  'connected',
  'denied',
  'timeout',
  'state_mismatch',
  'cancelled',
  'failed',
] as const;
export const connectResultSchema = z.object({
  attemptId: z.string(),
  provider: providerSchema,
  outcome: z.enum(connectOutcomes),
  /** The connected Account on success. */
  accountId: z.string().nullable(),
  /** Explanation for the merchant when the outcome is not `connected`: a text the UI translates. */
  message: translatableSchema.nullable(),
});
export type ConnectResult = z.infer<typeof connectResultSchema>;

export const cancelConnectInputSchema = z.object({ attemptId: idInputSchema }).strict();

export const disconnectInputSchema = z
  .object({
    accountId: idInputSchema,
    /** `now`: delete the Account's synced data at once; `scheduled`: after the 90-day retention period. */
    deleteData: z.enum(['now', 'scheduled']).default('scheduled'),
  })
  .strict();

export const identityGetSchema = z.object({
  /** The signed-in TikTok identity (Login Kit), or null when none is connected. */
  account: accountSchema.nullable(),
});
