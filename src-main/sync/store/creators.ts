import type { Database } from 'better-sqlite3';
import { CreatorIdentity, type CreatorSighting } from '../../creators/identity';

/**
 * The sync's door to creator identity (rules in docs/creators.md): every synced row that names a creator
 * stores the *record* its ids resolve to, so a later merge or split moves nothing.
 */

export type { CreatorSighting };
export type CreatorSource = 'affiliate_order' | 'collaboration' | 'conversation';

export class CreatorStore {
  private readonly identity: CreatorIdentity;

  constructor(db: Database) {
    this.identity = new CreatorIdentity(db);
  }

  /** The creator record's id (created when new), recording where they were seen. Null without any id. */
  resolve(
    s: CreatorSighting,
    seen: { accountId: string; shopId: string; source: CreatorSource },
    now: number,
  ): number | null {
    return this.identity.resolve(s, { origin: 'sync', place: seen, now })?.recordId ?? null;
  }
}
