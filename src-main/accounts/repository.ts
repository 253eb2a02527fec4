import { z } from 'zod';
import { randomUUID } from 'node:crypto';
import type { Account, AccountStatus, Provider } from '@shared/accounts';
import { AppError } from '@shared/errors';
import { parseStoredText, storeText, type Translatable } from '@shared/texts';
import type { Database } from '../db/connection';
import type { Vault } from '../vault/vault';
import { writeAdvertisers, writeShops } from './children';
import {
  type AccountRow,
  EXPIRY_WARNING_MS,
  type GrantRecord,
  type GrantSecrets,
  secretKinds,
  secretOwner,
} from './types';
import { accountTexts } from './texts';

interface ShopRow {
  shop_id: string;
  name: string;
  region: string;
  currency: string;
  cipher: string;
  seller_type: string | null;
  code: string | null;
}
interface AdvertiserRow {
  advertiser_id: string;
  name: string;
  currency: string | null;
  timezone: string | null;
  status: string | null;
}
interface IdentityRow {
  display_name: string;
  avatar_url: string | null;
  follower_count: number | null;
  following_count: number | null;
  likes_count: number | null;
  video_count: number | null;
}

/** A Shop with its cipher, for API clients (the renderer never gets the cipher). */
export interface ShopTarget {
  shopId: string;
  cipher: string;
  region: string;
  currency: string;
}

/**
 * SQL for Accounts and what they reach. Every write that involves tokens runs in one transaction with the
 * vault, so a row never claims tokens the vault lacks, or the reverse.
 */
export class AccountsRepository {
  constructor(
    private readonly db: Database,
    private readonly vault: Vault,
    private readonly now: () => number,
  ) {}

  get(id: string): AccountRow | undefined {
    return this.db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE id = ?').get(id);
  }

  require(id: string): AccountRow {
    const row = this.get(id);
    if (!row) throw new AppError('NOT_FOUND', accountTexts.notFound());
    return row;
  }

  /**
   * Accounts the merchant should see: all but those disconnected here whose data is already gone (kept as
   * history in the table, with status `revoked`).
   */
  listVisible(): AccountRow[] {
    return this.db
      .prepare<[], AccountRow>(
        `SELECT * FROM accounts WHERE NOT (disconnected_at IS NOT NULL AND data_deletion_at IS NULL)
         ORDER BY connected_at, id`,
      )
      .all();
  }

  toAccount(row: AccountRow): Account {
    const now = this.now();
    const shops = this.db
      .prepare<[string], ShopRow>('SELECT * FROM shops WHERE account_id = ? ORDER BY region, name')
      .all(row.id);
    const advertisers = this.db
      .prepare<[string], AdvertiserRow>('SELECT * FROM advertisers WHERE account_id = ? ORDER BY name')
      .all(row.id);
    const identity = this.db
      .prepare<[string], IdentityRow>('SELECT * FROM identities WHERE account_id = ?')
      .get(row.id);
    const lapses = row.authorization_expires_at;
    return {
      id: row.id,
      provider: row.provider,
      status: row.status,
      displayName: row.display_name,
      connectedAt: row.connected_at,
      scopes: scopesOf(row.scopes),
      accessExpiresAt: row.access_expires_at,
      authorizationExpiresAt: lapses,
      expiresSoon: row.status === 'active' && lapses !== null && lapses - now <= EXPIRY_WARNING_MS,
      statusReason: parseStoredText(row.status_reason),
      dataDeletionAt: row.data_deletion_at,
      shops: shops.map((s) => ({
        shopId: s.shop_id,
        name: s.name,
        region: s.region,
        currency: s.currency,
        sellerType: s.seller_type,
        code: s.code,
      })),
      advertisers: advertisers.map((a) => ({
        advertiserId: a.advertiser_id,
        name: a.name,
        currency: a.currency,
        timezone: a.timezone,
        status: a.status,
      })),
      identity: identity
        ? {
            displayName: identity.display_name,
            avatarUrl: identity.avatar_url,
            followerCount: identity.follower_count,
            followingCount: identity.following_count,
            likesCount: identity.likes_count,
            videoCount: identity.video_count,
          }
        : null,
    };
  }

  shops(accountId: string): ShopTarget[] {
    return this.db
      .prepare<[string], ShopTarget>(
        'SELECT shop_id AS shopId, cipher, region, currency FROM shops WHERE account_id = ? ORDER BY shop_id',
      )
      .all(accountId);
  }

  /**
   * Stores a completed authorization: a new Account, or an update of `targetId` (reconnect) or of the
   * Account that already holds this grantee. Row, children and tokens commit together.
   */
  saveGrant(
    grant: GrantRecord,
    secrets: GrantSecrets,
    targetId?: string,
  ): { accountId: string; created: boolean } {
    const now = this.now();
    return this.db
      .transaction(() => {
        const existing = this.db
          .prepare<[Provider, string], AccountRow>(
            'SELECT * FROM accounts WHERE provider = ? AND remote_id = ?',
          )
          .get(grant.provider, grant.remoteId);
        let target = targetId ? this.require(targetId) : existing;
        if (target && target.provider !== grant.provider) {
          throw new AppError('VALIDATION', accountTexts.otherProvider());
        }
        if (targetId && existing && existing.id !== targetId) {
          // The merchant signed in as someone already connected: update that Account, not a duplicate.
          target = existing;
        }
        const id = target?.id ?? randomUUID();
        if (target) {
          this.db
            .prepare(
              `UPDATE accounts SET status = 'active', remote_id = ?, display_name = ?, scopes = ?,
                 access_expires_at = ?, authorization_expires_at = ?, status_reason = NULL, updated_at = ?,
                 disconnected_at = NULL, data_deletion_at = NULL
               WHERE id = ?`,
            )
            .run(
              grant.remoteId,
              grant.displayName,
              JSON.stringify(grant.scopes),
              grant.accessExpiresAt,
              grant.authorizationExpiresAt,
              now,
              id,
            );
        } else {
          this.db
            .prepare(
              `INSERT INTO accounts (id, provider, status, remote_id, display_name, scopes, access_expires_at,
                 authorization_expires_at, connected_at, updated_at)
               VALUES (?, ?, 'active', ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(
              id,
              grant.provider,
              grant.remoteId,
              grant.displayName,
              JSON.stringify(grant.scopes),
              grant.accessExpiresAt,
              grant.authorizationExpiresAt,
              now,
              now,
            );
        }
        this.writeChildren(id, grant);
        this.vault.putSecrets(secretOwner(id), {
          [secretKinds.access]: secrets.accessToken,
          [secretKinds.refresh]: secrets.refreshToken,
        });
        return { accountId: id, created: target === undefined };
      })
      .immediate();
  }

  private writeChildren(accountId: string, grant: GrantRecord): void {
    if (grant.shops) writeShops(this.db, accountId, grant.shops);
    if (grant.advertisers) writeAdvertisers(this.db, accountId, grant.advertisers);
    if (grant.identity) {
      const i = grant.identity;
      this.db
        .prepare(
          `INSERT INTO identities (account_id, open_id, display_name, avatar_url, follower_count, following_count,
             likes_count, video_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (account_id) DO UPDATE SET open_id = excluded.open_id, display_name = excluded.display_name,
             avatar_url = excluded.avatar_url, follower_count = excluded.follower_count,
             following_count = excluded.following_count, likes_count = excluded.likes_count,
             video_count = excluded.video_count`,
        )
        .run(
          accountId,
          i.openId,
          i.displayName,
          i.avatarUrl,
          i.followerCount,
          i.followingCount,
          i.likesCount,
          i.videoCount,
        );
    }
  }

  /** A refresh: the new pair and its expiries together, so a rotated refresh token is never lost. */
  storeRefreshed(
    accountId: string,
    secrets: GrantSecrets,
    accessExpiresAt: number | null,
    authorizationExpiresAt: number | null,
  ): boolean {
    return this.db
      .transaction(() => {
        const changed = this.db
          .prepare(
            `UPDATE accounts SET access_expires_at = ?, authorization_expires_at = COALESCE(?, authorization_expires_at),
               updated_at = ? WHERE id = ? AND status = 'active'`,
          )
          .run(accessExpiresAt, authorizationExpiresAt, this.now(), accountId).changes;
        // Disconnected or revoked while the refresh was in flight: the new tokens must not be kept.
        if (changed === 0) return false;
        const entries: Record<string, string> = { [secretKinds.access]: secrets.accessToken };
        if (secrets.refreshToken !== null) entries[secretKinds.refresh] = secrets.refreshToken;
        this.vault.putSecrets(secretOwner(accountId), entries);
        return true;
      })
      .immediate();
  }

  /** Marks the Account unusable; `revoked` also drops its tokens (they are worthless and must not linger). */
  retire(
    accountId: string,
    status: Exclude<AccountStatus, 'active'>,
    reason: Translatable,
    extra: { disconnectedAt?: number; dataDeletionAt?: number | null } = {},
  ): void {
    const now = this.now();
    this.db
      .transaction(() => {
        this.db
          .prepare(
            `UPDATE accounts SET status = ?, status_reason = ?, updated_at = ?,
               disconnected_at = COALESCE(?, disconnected_at),
               data_deletion_at = CASE WHEN ? THEN ? ELSE data_deletion_at END
             WHERE id = ?`,
          )
          .run(
            status,
            storeText(reason),
            now,
            extra.disconnectedAt ?? null,
            extra.dataDeletionAt !== undefined ? 1 : 0,
            extra.dataDeletionAt ?? null,
            accountId,
          );
        if (status === 'revoked') this.vault.deleteSecrets(secretOwner(accountId));
      })
      .immediate();
  }

  /** Deletes what the Account reached (shops, advertisers, identity); synced data goes via purge hooks. */
  deleteReach(accountId: string): void {
    this.db.prepare('DELETE FROM shops WHERE account_id = ?').run(accountId);
    this.db.prepare('DELETE FROM advertisers WHERE account_id = ?').run(accountId);
    this.db.prepare('DELETE FROM identities WHERE account_id = ?').run(accountId);
    this.db
      .prepare('UPDATE accounts SET data_deletion_at = NULL, updated_at = ? WHERE id = ?')
      .run(this.now(), accountId);
  }

  dueForPurge(now: number): AccountRow[] {
    return this.db
      .prepare<[number], AccountRow>(
        `SELECT * FROM accounts WHERE status = 'revoked' AND data_deletion_at IS NOT NULL AND data_deletion_at <= ?`,
      )
      .all(now);
  }
}

const scopesSchema = z.array(z.string());

/** The stored JSON array of granted scopes; a damaged value shows as none rather than failing the list. */
function scopesOf(json: string): string[] {
  try {
    const parsed = scopesSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
