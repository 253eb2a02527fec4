import type { AccountStatus, Provider } from '@shared/accounts';
import type { AdvertiserInfo } from '../tiktok/ads/advertisers';
import type { AuthorizedShop } from '../tiktok/shop/shops';
import type { IdentityUser } from '../tiktok/identity/user';

/** What a finished authorization stores in the database (no secrets: those are `GrantSecrets`). */
export interface GrantRecord {
  provider: Provider;
  /** The provider's id for the grantee (Shop/Login Kit open_id; ads: the sorted advertiser ids). */
  remoteId: string;
  displayName: string;
  scopes: string[];
  accessExpiresAt: number | null;
  authorizationExpiresAt: number | null;
  shops?: AuthorizedShop[];
  advertisers?: AdvertiserInfo[];
  identity?: IdentityUser & { openId: string };
}

/** Only ever handed to the vault. */
export interface GrantSecrets {
  accessToken: string;
  refreshToken: string | null;
}

export interface CompletedGrant {
  record: GrantRecord;
  secrets: GrantSecrets;
}

export interface AccountRow {
  id: string;
  provider: Provider;
  status: AccountStatus;
  remote_id: string;
  display_name: string;
  scopes: string;
  access_expires_at: number | null;
  authorization_expires_at: number | null;
  status_reason: string | null;
  connected_at: number;
  updated_at: number;
  disconnected_at: number | null;
  data_deletion_at: number | null;
}

/** Why an Account stopped working; the sync engine stops that Account's jobs on every one of them. */
export type RetirementReason = 'expired' | 'revoked' | 'disconnected';

export const secretKinds = { access: 'access_token', refresh: 'refresh_token' } as const;

/** The vault owner of an Account's tokens. */
export function secretOwner(accountId: string): string {
  return `account:${accountId}`;
}

export const DAY_MS = 86_400_000;
/** Privacy policy: synced data of a disconnected Account is kept this long unless the user says "now". */
export const RETENTION_MS = 90 * DAY_MS;
/** The UI warns this long before an authorization lapses (TikTok's type-7 webhook starts then too). */
export const EXPIRY_WARNING_MS = 30 * DAY_MS;
