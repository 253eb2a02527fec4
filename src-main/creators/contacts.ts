import type { Database, Statement } from 'better-sqlite3';
import {
  type ContactKind,
  contactKinds,
  type ContactPatch,
  type ContactsView,
} from '@shared/creator-contacts';
import { AppError } from '@shared/errors';
import { packSealed, unpackSealed } from '../vault/crypto';
import type { SealedTableRegistration } from '../vault/sealed-tables';
import type { Vault } from '../vault/vault';
import { creatorSourceTexts } from './texts';

/**
 * Private contacts (email, WhatsApp, Instagram, phone). Each value is sealed by the Vault into its own
 * column of `creator_contacts`, bound to the creator and the column by the associated data, so a value
 * copied to another row or column fails to open. Plain text exists only in memory, on the way in and when
 * the user reveals one; which kinds a creator has is readable without the key (the column is not NULL).
 */

type Row = { creator_id: number; updated_at: number } & Record<ContactKind, Buffer | null>;

export const contactAad = (creatorId: number | bigint | string, kind: string): string =>
  `creator:${String(creatorId)}:contact:${kind}`;

export const contactsTable: SealedTableRegistration = {
  table: 'creator_contacts',
  idColumn: 'creator_id',
  columns: contactKinds,
  aadOf: (id, column) => contactAad(id, column),
};

/** SQL for "has at least one contact", usable by any query that joins `creator_contacts cc`. */
export const hasContactSql = contactKinds.map((k) => `cc.${k} IS NOT NULL`).join(' OR ');

function mask(kind: ContactKind, value: string): string {
  const dots = '•••';
  if (kind === 'email') {
    const at = value.lastIndexOf('@');
    const local = value.slice(0, at);
    const domain = value.slice(at + 1);
    const dot = domain.lastIndexOf('.');
    const host = dot > 0 ? domain.slice(0, dot) : domain;
    const tld = dot > 0 ? domain.slice(dot) : '';
    return `${local.slice(0, 1)}${dots}@${host.slice(0, 1)}${dots}${tld}`;
  }
  if (kind === 'instagram') return `@${value.slice(0, 1)}${dots}`;
  // Phone numbers: the last two digits, enough to tell two numbers apart.
  return `${dots}${dots}${value.slice(-2)}`;
}

/** The record ids of the Creator `id` belongs to, the Creator's own first (their contacts win). */
const recordsSql = `SELECT id FROM creators WHERE canonical_id = (SELECT canonical_id FROM creators WHERE id = ?)
  ORDER BY id = canonical_id DESC, id`;

/**
 * Contacts belong to a Creator: what the merchant types is kept on the Creator's own record, and a merged
 * record's contacts stay on it (a split takes them back), so reads look at every record of the Creator.
 */
export class ContactStore {
  private readonly records: Statement<[number], number>;
  private readonly selectMany: Statement<[string], Row>;
  private readonly deleteIfEmpty: Statement<[number]>;
  private readonly upserts = new Map<string, Statement>();

  constructor(
    private readonly db: Database,
    private readonly vault: Vault,
    private readonly now: () => number,
  ) {
    this.records = db.prepare<[number], number>(recordsSql).pluck();
    this.selectMany = db.prepare(
      'SELECT * FROM creator_contacts WHERE creator_id IN (SELECT value FROM json_each(?))',
    );
    this.deleteIfEmpty = db.prepare(
      `DELETE FROM creator_contacts WHERE creator_id = ? AND NOT (${hasContactSql.replaceAll('cc.', '')})`,
    );
    // Key rotation re-seals these columns together with the other secrets.
    vault.registerSealedTable(contactsTable);
  }

  /** The Creator's records, its own first; NOT_FOUND when there is no such creator. */
  private recordsOf(creatorId: number): number[] {
    const ids = this.records.all(creatorId);
    if (ids.length === 0) throw new AppError('NOT_FOUND', creatorSourceTexts.noCreator({ id: creatorId }));
    return ids;
  }

  /** For each kind, the record holding the Creator's value and the sealed value (first record wins). */
  private held(recordIds: readonly number[]): Map<ContactKind, { recordId: number; sealed: Buffer }> {
    const rows = new Map(this.selectMany.all(JSON.stringify(recordIds)).map((r) => [r.creator_id, r]));
    const out = new Map<ContactKind, { recordId: number; sealed: Buffer }>();
    for (const id of recordIds) {
      const row = rows.get(id);
      if (!row) continue;
      for (const k of contactKinds) {
        const sealed = row[k];
        if (sealed !== null && !out.has(k)) out.set(k, { recordId: id, sealed });
      }
    }
    return out;
  }

  private lastUpdate(recordIds: readonly number[]): number | null {
    const rows = this.selectMany.all(JSON.stringify(recordIds));
    return rows.length === 0 ? null : Math.max(...rows.map((r) => r.updated_at));
  }

  /** Which kinds a creator has, without the key. */
  kinds(creatorId: number): ContactKind[] {
    const held = this.held(this.recordsOf(creatorId));
    return contactKinds.filter((k) => held.has(k));
  }

  /** Masked values (needs the key); while the Vault is locked, the kinds with `masked: null`. */
  view(creatorId: number): ContactsView {
    const records = this.recordsOf(creatorId);
    const held = this.held(records);
    const locked = !this.vault.unlocked;
    const items = contactKinds
      .filter((k) => held.has(k))
      .map((kind) => {
        const h = held.get(kind)!;
        return { kind, masked: locked ? null : mask(kind, this.open(h.recordId, kind, h.sealed)) };
      });
    return { creatorId: records[0]!, locked, items, updatedAt: this.lastUpdate(records) };
  }

  /** The plain value of one kind: only for an explicit reveal or a ticked export. */
  reveal(creatorId: number, kind: ContactKind): string | null {
    const h = this.held(this.recordsOf(creatorId)).get(kind);
    return h ? this.open(h.recordId, kind, h.sealed) : null;
  }

  /** Plain values of many Creators for an export the user ticked "include contacts" on. */
  forExport(
    creatorIds: readonly number[],
    kinds: readonly ContactKind[] = contactKinds,
  ): Map<number, Partial<Record<ContactKind, string>>> {
    const out = new Map<number, Partial<Record<ContactKind, string>>>();
    for (const creatorId of creatorIds) {
      const held = this.held(this.records.all(creatorId));
      if (held.size === 0) continue;
      const values: Partial<Record<ContactKind, string>> = {};
      for (const k of kinds) {
        const h = held.get(k);
        if (h) values[k] = this.open(h.recordId, k, h.sealed);
      }
      out.set(creatorId, values);
    }
    return out;
  }

  /**
   * Applies a patch (string = set, null = clear, absent = keep) to a Creator. Sealing happens before the
   * transaction, so a locked Vault refuses the whole patch and nothing is written. Safe inside a caller's
   * transaction.
   */
  set(creatorId: number, patch: ContactPatch): ContactKind[] {
    const changes = contactKinds.filter((k) => patch[k] !== undefined);
    if (changes.length === 0) return [];
    const records = this.recordsOf(creatorId);
    const own = records[0]!;
    const values = changes.filter((k) => patch[k] != null);
    const sealed = values.map((kind) =>
      packSealed(this.vault.seal(patch[kind] as string, contactAad(own, kind))),
    );
    const cleared = changes.filter((k) => patch[k] == null);
    const write = (): void => {
      if (values.length > 0) this.upsertFor(values).run(own, ...sealed, this.now());
      // A cleared kind goes from every record, so no merged record's value shows through.
      if (cleared.length > 0) this.clearOn(records, cleared);
    };
    // Inside an import's transaction a savepoint per row would only cost time.
    if (this.db.inTransaction) write();
    else this.db.transaction(write)();
    return changes;
  }

  /** One statement per set of columns (an import writes thousands of rows with the same columns). */
  private upsertFor(cols: readonly ContactKind[]): Statement {
    const key = cols.join(',');
    let stmt = this.upserts.get(key);
    if (!stmt) {
      stmt = this.db.prepare(`INSERT INTO creator_contacts (creator_id, ${cols.join(', ')}, updated_at)
        VALUES (?, ${cols.map(() => '?').join(', ')}, ?)
        ON CONFLICT (creator_id) DO UPDATE SET ${cols.map((c) => `${c} = excluded.${c}`).join(', ')},
          updated_at = excluded.updated_at`);
      this.upserts.set(key, stmt);
    }
    return stmt;
  }

  /** Clearing needs no key: NULL is written without sealing anything. */
  clear(creatorId: number, kinds: readonly ContactKind[] = contactKinds): void {
    const records = this.recordsOf(creatorId);
    this.db.transaction(() => this.clearOn(records, kinds))();
  }

  private clearOn(records: readonly number[], kinds: readonly ContactKind[]): void {
    const update = this.db.prepare(
      `UPDATE creator_contacts SET ${kinds.map((k) => `${k} = NULL`).join(', ')}, updated_at = ?
       WHERE creator_id = ?`,
    );
    for (const id of records) {
      update.run(this.now(), id);
      this.deleteIfEmpty.run(id);
    }
  }

  private open(recordId: number, kind: ContactKind, blob: Buffer): string {
    if (!this.vault.unlocked) throw new AppError('LOCKED', creatorSourceTexts.contactsLocked());
    return this.vault.open(unpackSealed(blob), contactAad(recordId, kind));
  }
}
