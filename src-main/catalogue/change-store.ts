import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import {
  type Change,
  type ChangeItem,
  type ChangeKind,
  type Refusal,
  refusalParamsSchema,
  type SkuValue,
  skuValueSchema,
  type WriteReason,
  type WriteState,
  writeStates,
} from '@shared/catalogue';

/**
 * The durable write queue's tables (migration 016): a Change is what the merchant confirmed in one review
 * dialog; each of its SKUs is one write with its own idempotency key and state. Every state change is
 * committed before the step that depends on it, above all `sending` before the request leaves.
 */

export interface WriteRow {
  id: number;
  change_id: string;
  idempotency_key: string;
  account_id: string;
  shop_id: string;
  product_id: string;
  sku_id: string;
  currency: string | null;
  old_value: string;
  new_value: string;
  remote_value: string | null;
  state: WriteState;
  attempts: number;
  reason: WriteReason | null;
  reason_params: string | null;
  remote_code: number | null;
  message: string | null;
  sent_at: number | null;
  finished_at: number | null;
}

interface ChangeRow {
  id: string;
  kind: ChangeKind;
  created_at: number;
  finished_at: number | null;
  undo_of: string | null;
  undone_by: string | null;
  label: string | null;
}

/** A SKU to put in a new change: its place, expected (old) and new value, or why it is refused. */
export interface NewWrite {
  accountId: string;
  shopId: string;
  productId: string;
  skuId: string;
  currency: string | null;
  old: SkuValue;
  new: SkuValue;
  refusal: Refusal | null;
}

export const finalStates: ReadonlySet<WriteState> = new Set([
  'done',
  'failed',
  'conflict',
  'refused',
  'cancelled',
]);

const parseValue = (json: string): SkuValue => skuValueSchema.parse(JSON.parse(json));

export class ChangeStore {
  private readonly insertChange: Statement;
  private readonly insertWrite: Statement;
  private readonly changeById: Statement<[string], ChangeRow>;
  private readonly writesOf: Statement<
    [string],
    WriteRow & { title: string | null; seller_sku: string | null }
  >;
  private readonly openWrites: Statement<[], WriteRow>;
  private readonly setState: Statement;
  private readonly finishChange: Statement<[number, string]>;
  private readonly recent: Statement<[number], ChangeRow>;
  private readonly lastUndoable: Statement<[], { id: string }>;

  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {
    this.insertChange = db.prepare(
      'INSERT INTO catalogue_changes (id, kind, created_at, undo_of, label) VALUES (?, ?, ?, ?, ?)',
    );
    this.insertWrite = db.prepare(`
      INSERT INTO catalogue_writes (change_id, idempotency_key, account_id, shop_id, product_id, sku_id, currency,
        old_value, new_value, state, reason, reason_params, message, finished_at)
      VALUES (@changeId, @key, @accountId, @shopId, @productId, @skuId, @currency, @old, @new, @state, @reason,
        @params, @message, @finishedAt)`);
    this.changeById = db.prepare('SELECT * FROM catalogue_changes WHERE id = ?');
    this.writesOf = db.prepare(`
      SELECT w.*, p.title, s.seller_sku FROM catalogue_writes w
      LEFT JOIN products p ON p.product_id = w.product_id
      LEFT JOIN product_skus s ON s.sku_id = w.sku_id
      WHERE w.change_id = ? ORDER BY w.id`);
    this.openWrites = db.prepare(
      `SELECT * FROM catalogue_writes WHERE state IN ('queued', 'sending', 'unknown') ORDER BY id`,
    );
    this.setState = db.prepare(`
      UPDATE catalogue_writes SET state = @state, reason = @reason, reason_params = @params, message = @message,
        remote_code = @remoteCode,
        remote_value = COALESCE(@remote, remote_value), finished_at = @finishedAt
      WHERE id = @id`);
    this.finishChange = db.prepare(`
      UPDATE catalogue_changes SET finished_at = ?
      WHERE id = ? AND finished_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM catalogue_writes w WHERE w.change_id = catalogue_changes.id
                        AND w.state IN ('queued', 'sending', 'unknown'))`);
    this.recent = db.prepare('SELECT * FROM catalogue_changes ORDER BY created_at DESC, rowid DESC LIMIT ?');
    // Undo goes back one step: only the latest change that did something, and only once.
    this.lastUndoable = db.prepare(`
      SELECT c.id FROM catalogue_changes c
      WHERE EXISTS (SELECT 1 FROM catalogue_writes w WHERE w.change_id = c.id AND w.state = 'done')
      ORDER BY c.created_at DESC, c.rowid DESC LIMIT 1`);
  }

  /** Writes a change and all its SKUs in one transaction; refused SKUs are final from the start. */
  create(kind: ChangeKind, writes: readonly NewWrite[], label: string | null, undoOf: string | null): string {
    const id = randomUUID();
    const at = this.now();
    this.db
      .transaction(() => {
        this.insertChange.run(id, kind, at, undoOf, label);
        for (const w of writes) {
          this.insertWrite.run({
            changeId: id,
            key: `${id}:${w.skuId}`,
            accountId: w.accountId,
            shopId: w.shopId,
            productId: w.productId,
            skuId: w.skuId,
            currency: w.currency,
            old: JSON.stringify(w.old),
            new: JSON.stringify(w.new),
            state: w.refusal ? 'refused' : 'queued',
            reason: w.refusal?.reason ?? null,
            params: w.refusal ? JSON.stringify(w.refusal.params) : null,
            message: w.refusal?.message ?? null,
            finishedAt: w.refusal ? at : null,
          });
        }
        if (undoOf)
          this.db.prepare('UPDATE catalogue_changes SET undone_by = ? WHERE id = ?').run(id, undoOf);
        this.finishChange.run(at, id);
      })
      .immediate();
    return id;
  }

  open(): WriteRow[] {
    return this.openWrites.all();
  }

  writes(changeId: string): WriteRow[] {
    return this.writesOf.all(changeId);
  }

  /** Commits `sending` (and one more attempt) before the request for these writes leaves. */
  markSending(ids: readonly number[]): void {
    const at = this.now();
    const stmt = this.db.prepare(
      `UPDATE catalogue_writes SET state = 'sending', attempts = attempts + 1, sent_at = ? WHERE id = ?`,
    );
    this.db.transaction(() => ids.forEach((id) => stmt.run(at, id))).immediate();
  }

  /** Moves writes to a new state; final states stamp `finished_at` and may finish their change. */
  settle(
    updates: ReadonlyArray<{
      write: WriteRow;
      state: WriteState;
      outcome?: (Refusal & { remoteCode?: number | null }) | null;
      remote?: SkuValue | null;
    }>,
    alsoInTransaction?: () => void,
  ): void {
    const at = this.now();
    this.db
      .transaction(() => {
        const changes = new Set<string>();
        for (const u of updates) {
          this.setState.run({
            id: u.write.id,
            state: u.state,
            reason: u.outcome?.reason ?? null,
            params: u.outcome ? JSON.stringify(u.outcome.params) : null,
            message: u.outcome?.message ?? null,
            remoteCode: u.outcome?.remoteCode ?? null,
            remote: u.remote ? JSON.stringify(u.remote) : null,
            finishedAt: finalStates.has(u.state) ? at : null,
          });
          changes.add(u.write.change_id);
        }
        alsoInTransaction?.();
        for (const c of changes) this.finishChange.run(at, c);
      })
      .immediate();
  }

  change(changeId: string): Change | null {
    const row = this.changeById.get(changeId);
    return row ? this.view(row, this.lastUndoable.get()?.id ?? null) : null;
  }

  list(limit: number): Change[] {
    const undoable = this.lastUndoable.get()?.id ?? null;
    return this.recent.all(limit).map((r) => this.view(r, undoable));
  }

  lastUndoableId(): string | null {
    return this.lastUndoable.get()?.id ?? null;
  }

  private view(row: ChangeRow, undoable: string | null): Change {
    const counts = Object.fromEntries(writeStates.map((s) => [s, 0])) as Record<WriteState, number>;
    const items = this.writesOf.all(row.id).map((w): ChangeItem => {
      counts[w.state] += 1;
      return {
        skuId: w.sku_id,
        productId: w.product_id,
        productTitle: w.title,
        sellerSku: w.seller_sku,
        shopId: w.shop_id,
        state: w.state,
        old: parseValue(w.old_value),
        new: parseValue(w.new_value),
        remote: w.remote_value ? parseValue(w.remote_value) : null,
        outcome: w.reason ? outcomeOf(w) : null,
        remoteCode: w.remote_code,
        attempts: w.attempts,
      };
    });
    return {
      id: row.id,
      kind: row.kind,
      label: row.label,
      createdAt: row.created_at,
      finishedAt: row.finished_at,
      undoOf: row.undo_of,
      undoneBy: row.undone_by,
      canUndo: row.id === undoable && row.undone_by === null && row.undo_of === null,
      counts,
      items,
    };
  }

  /** "Delete my data": the Account's writes go; changes left without writes go too. */
  purgeAccount(accountId: string): void {
    this.db.prepare('DELETE FROM catalogue_writes WHERE account_id = ?').run(accountId);
    this.db
      .prepare(
        'DELETE FROM catalogue_changes WHERE NOT EXISTS (SELECT 1 FROM catalogue_writes w WHERE w.change_id = catalogue_changes.id)',
      )
      .run();
  }
}

function outcomeOf(w: WriteRow): Refusal {
  const parsed = refusalParamsSchema.safeParse(w.reason_params ? JSON.parse(w.reason_params) : {});
  return {
    reason: w.reason ?? 'remote',
    params: parsed.success ? parsed.data : {},
    message: w.message ?? '',
  };
}
