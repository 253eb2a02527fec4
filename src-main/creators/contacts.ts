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

export class ContactStore {
  private readonly select: Statement<[number], Row>;
  private readonly selectMany: Statement<[string], Row>;
  private readonly deleteRow: Statement<[number]>;
  private readonly deleteIfEmpty: Statement<[number]>;
  private readonly upserts = new Map<string, Statement>();

  constructor(
    private readonly db: Database,
    private readonly vault: Vault,
    private readonly now: () => number,
  ) {
    this.select = db.prepare('SELECT * FROM creator_contacts WHERE creator_id = ?');
    this.selectMany = db.prepare(
      'SELECT * FROM creator_contacts WHERE creator_id IN (SELECT value FROM json_each(?))',
    );
    this.deleteRow = db.prepare('DELETE FROM creator_contacts WHERE creator_id = ?');
    this.deleteIfEmpty = db.prepare(
      `DELETE FROM creator_contacts WHERE creator_id = ? AND NOT (${hasContactSql.replaceAll('cc.', '')})`,
    );
    // Key rotation re-seals these columns together with the other secrets.
    vault.registerSealedTable(contactsTable);
  }

  /** Which kinds a creator has, without the key. */
  kinds(creatorId: number): ContactKind[] {
    const row = this.select.get(creatorId);
    return row ? contactKinds.filter((k) => row[k] !== null) : [];
  }

  /** Masked values (needs the key); while the Vault is locked, the kinds with `masked: null`. */
  view(creatorId: number): ContactsView {
    const row = this.select.get(creatorId);
    const locked = !this.vault.unlocked;
    const items = row
      ? contactKinds
          .filter((k) => row[k] !== null)
          .map((kind) => ({
            kind,
            masked: locked ? null : mask(kind, this.open(creatorId, kind, row[kind] as Buffer)),
          }))
      : [];
    return { creatorId, locked, items, updatedAt: row?.updated_at ?? null };
  }

  /** The plain value of one kind: only for an explicit reveal or a ticked export. */
  reveal(creatorId: number, kind: ContactKind): string | null {
    const row = this.select.get(creatorId);
    const sealed = row?.[kind] ?? null;
    return sealed === null ? null : this.open(creatorId, kind, sealed);
  }

  /** Plain values of many creators for an export the user ticked "include contacts" on. */
  forExport(
    creatorIds: readonly number[],
    kinds: readonly ContactKind[] = contactKinds,
  ): Map<number, Partial<Record<ContactKind, string>>> {
    const out = new Map<number, Partial<Record<ContactKind, string>>>();
    for (let i = 0; i < creatorIds.length; i += 500) {
      for (const row of this.selectMany.all(JSON.stringify(creatorIds.slice(i, i + 500)))) {
        const values: Partial<Record<ContactKind, string>> = {};
        for (const k of kinds) {
          const sealed = row[k];
          if (sealed !== null) values[k] = this.open(row.creator_id, k, sealed);
        }
        out.set(row.creator_id, values);
      }
    }
    return out;
  }

  /**
   * Applies a patch (string = set, null = clear, absent = keep). Sealing happens before the transaction,
   * so a locked Vault refuses the whole patch and nothing is written. Safe inside a caller's transaction.
   */
  set(creatorId: number, patch: ContactPatch): ContactKind[] {
    const changes = contactKinds.filter((k) => patch[k] !== undefined);
    if (changes.length === 0) return [];
    const sealed = changes.map((kind) => {
      const value = patch[kind];
      return {
        kind,
        blob: value == null ? null : packSealed(this.vault.seal(value, contactAad(creatorId, kind))),
      };
    });
    const upsert = this.upsertFor(sealed.map((s) => s.kind));
    const clears = sealed.some((s) => s.blob === null);
    const write = (): void => {
      upsert.run(creatorId, ...sealed.map((s) => s.blob), this.now());
      if (clears) this.deleteIfEmpty.run(creatorId);
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

  clear(creatorId: number, kinds: readonly ContactKind[] = contactKinds): void {
    if (kinds.length === contactKinds.length) {
      this.deleteRow.run(creatorId);
      return;
    }
    const patch: ContactPatch = {};
    for (const k of kinds) patch[k] = null;
    // Clearing needs no key: NULL is written without sealing anything.
    const sql = `UPDATE creator_contacts SET ${kinds.map((k) => `${k} = NULL`).join(', ')}, updated_at = ? WHERE creator_id = ?`;
    this.db.transaction(() => {
      this.db.prepare(sql).run(this.now(), creatorId);
      this.deleteIfEmpty.run(creatorId);
    })();
  }

  /**
   * Moves contacts when two creators are merged into `toId`: values are re-sealed for their new row;
   * where both have a kind, the target's value stays. Run inside the merge's transaction.
   */
  moveTo(fromId: number, toId: number): void {
    const from = this.select.get(fromId);
    if (!from) return;
    const target = this.select.get(toId);
    const patch: ContactPatch = {};
    for (const k of contactKinds) {
      const sealed = from[k];
      if (sealed !== null && (target?.[k] ?? null) === null) patch[k] = this.open(fromId, k, sealed);
    }
    this.set(toId, patch);
    this.deleteRow.run(fromId);
  }

  private open(creatorId: number, kind: ContactKind, blob: Buffer): string {
    if (!this.vault.unlocked) throw new AppError('LOCKED', 'Unlock ShopMesh to see private contacts.');
    return this.vault.open(unpackSealed(blob), contactAad(creatorId, kind));
  }
}
