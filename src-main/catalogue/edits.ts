import {
  type Change,
  changeInputSchema,
  changesInputSchema,
  type ReviewChangeResult,
  reviewChangeInputSchema,
  type ReviewChangeInput,
  type SkuValue,
  updateInventoryInputSchema,
  type UpdateInventoryInput,
  updatePricesInputSchema,
  type UpdatePricesInput,
} from '@shared/catalogue';
import { AppError } from '@shared/errors';
import type { ActivityLog } from '../activity/activity-log';
import type { ChangeStore, NewWrite } from './change-store';
import { review, reviewInventory, reviewPrices } from './edit-review';
import type { SkuLookup } from './sku-lookup';
import type { WriteQueue } from './write-queue';
import { catalogueTexts } from './texts';

/** Refusals about the value itself: the request is wrong, not the SKU's state. */
const valueRefusals = new Set<string>([
  'notNumber',
  'negative',
  'tooManyDecimals',
  'tooLarge',
  'zeroPrice',
  'stockRange',
  'unknownSku',
  'unknownWarehouse',
  'warehouseRequired',
  'duplicate',
]);

/**
 * `products:reviewChange`, `updatePrices`, `updateInventory`, `change`, `changes` and `undoChange`. A change
 * is checked here against what ShopMesh has stored, written to the queue in one transaction (refused SKUs
 * with their reason, the others `queued`), and handed to the write queue.
 */
export class CatalogueEdits {
  constructor(
    private readonly deps: {
      skus: SkuLookup;
      store: ChangeStore;
      queue: WriteQueue;
      activity: ActivityLog;
      isOnline: () => Promise<boolean>;
      who: () => string;
    },
  ) {}

  review(input: ReviewChangeInput): ReviewChangeResult {
    const q = reviewChangeInputSchema.parse(input);
    const items = review(q.kind, this.deps.skus, q.items).map((r) => r.item);
    return { kind: q.kind, items, sendable: items.filter((i) => i.refusal === null).length };
  }

  async updatePrices(input: UpdatePricesInput): Promise<Change> {
    const q = updatePricesInputSchema.parse(input);
    return this.submit('price', reviewPrices(this.deps.skus, q.items), q.label ?? null, q.wait, null);
  }

  async updateInventory(input: UpdateInventoryInput): Promise<Change> {
    const q = updateInventoryInputSchema.parse(input);
    return this.submit('inventory', reviewInventory(this.deps.skus, q.items), q.label ?? null, q.wait, null);
  }

  change(input: unknown): Change {
    const { changeId } = changeInputSchema.parse(input);
    const change = this.deps.store.change(changeId);
    if (!change) throw new AppError('NOT_FOUND', catalogueTexts.changeNotFound());
    return change;
  }

  changes(input: unknown): { items: Change[] } {
    const { limit } = changesInputSchema.parse(input);
    return { items: this.deps.store.list(limit) };
  }

  /**
   * Sets every SKU the change did back to its old value, as a new change that goes through the same checks:
   * a SKU changed at TikTok since (by a sale, by someone else) comes back as a conflict, never overwritten.
   */
  async undo(input: unknown): Promise<Change> {
    const { changeId } = changeInputSchema.parse(input);
    const original = this.deps.store.change(changeId);
    if (!original) throw new AppError('NOT_FOUND', catalogueTexts.changeNotFound());
    if (!original.canUndo) {
      throw new AppError(
        'CONFLICT',
        original.undoneBy ? catalogueTexts.alreadyUndone() : catalogueTexts.onlyLatestUndo(),
      );
    }
    const writes: NewWrite[] = this.deps.store
      .writes(changeId)
      .filter((w) => w.state === 'done')
      .map((w) => ({
        accountId: w.account_id,
        shopId: w.shop_id,
        productId: w.product_id,
        skuId: w.sku_id,
        currency: w.currency,
        old: JSON.parse(w.new_value) as SkuValue,
        new: JSON.parse(w.old_value) as SkuValue,
        refusal: null,
      }));
    const change = await this.enqueue(
      original.kind,
      writes,
      original.label ? `undo: ${original.label}` : 'undo',
      false,
      changeId,
    );
    this.deps.activity.record('catalogue.changeUndone', { by: this.deps.who(), count: writes.length });
    return change;
  }

  private async submit(
    kind: Change['kind'],
    reviewed: ReturnType<typeof reviewPrices>,
    label: string | null,
    wait: boolean,
    undoOf: string | null,
  ): Promise<Change> {
    // A value that cannot be sent at all refuses the whole request; a SKU refused for its state (not live,
    // unchanged) is kept in the change with its reason, so the merchant sees it beside the others.
    const invalid = reviewed.filter(
      (r) => !r.write || (r.item.refusal !== null && valueRefusals.has(r.item.refusal.reason)),
    );
    if (invalid.length > 0) {
      const refusals = invalid.map((r) => ({
        skuId: r.item.skuId,
        reason: r.item.refusal?.reason ?? 'unknownSku',
        params: r.item.refusal?.params ?? {},
      }));
      const text = invalid.map(
        (r) => `${r.item.skuId}: ${r.item.refusal?.message ?? 'not in the synced catalogue'}`,
      );
      throw new AppError('VALIDATION', catalogueTexts.nothingSent({ problems: text.join('; ') }), {
        issues: invalid.map((r) => ({
          path: `items.${r.item.skuId}`,
          message: r.item.refusal?.message ?? '',
        })),
        refusals,
      });
    }
    const writes = reviewed.flatMap((r) => (r.write ? [r.write] : []));
    return this.enqueue(kind, writes, label, wait, undoOf);
  }

  private async enqueue(
    kind: Change['kind'],
    writes: NewWrite[],
    label: string | null,
    wait: boolean,
    undoOf: string | null,
  ): Promise<Change> {
    // Refused before anything is stored: a change made offline would sit in the queue unseen.
    if (writes.some((w) => !w.refusal) && !(await this.deps.isOnline())) {
      throw new AppError('OFFLINE', catalogueTexts.offline());
    }
    const id = this.deps.store.create(kind, writes, label, undoOf);
    const drained = this.deps.queue.kick();
    if (wait) await drained;
    const change = this.deps.store.change(id);
    if (!change) throw new AppError('INTERNAL', 'The change was not stored');
    return change;
  }
}
