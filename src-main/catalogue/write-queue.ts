import type { Change, ChangeKind, Refusal, SkuValue, WriteReason, WriteState } from '@shared/catalogue';
import { AppError, isAppError } from '@shared/errors';
import type { ActivityLog } from '../activity/activity-log';
import type { Database } from '../db/connection';
import type { Logger } from '../log/logger';
import { fromMinorUnits } from '../core/money';
import { getProduct, type ProductDetail, type ProductDetailSku } from '../tiktok/shop/product-detail';
import { updateInventory, updatePrices } from '../tiktok/shop/product-writes';
import { ongoingPriceLocks, type PromotionLock } from '../tiktok/shop/promotions';
import type { ChangeStore, WriteRow } from './change-store';
import { refusal } from './edit-review';
import type { LocalCatalogue } from './local-apply';
import type { ShopApi, ShopRow } from './shop-api';
import { catalogueTexts } from './texts';

/**
 * The durable write queue for price and stock changes (docs/catalogue.md, "How a change is sent").
 *
 * Per product of a change: one read of the product (Get Product), then one write request for the SKUs
 * that pass. The read is what makes the queue safe. It refuses SKUs TikTok would refuse anyway (the product
 * is not live, a promotion fixes its price), spots a value changed remotely since ShopMesh last saw it
 * (`conflict`, showing the remote value), and settles a write whose answer was lost: the value TikTok now
 * has is the new one (done), the old one (it did not happen; send it), or something else (conflict). A
 * write is marked `sending` in a committed transaction before its request leaves, so after a crash the
 * same read decides; nothing is ever sent again blind.
 */

export interface WriteQueueDeps {
  db: Database;
  store: ChangeStore;
  api: ShopApi;
  local: LocalCatalogue;
  activity: ActivityLog;
  logger: Logger;
  now: () => number;
  emit: (change: Change) => void;
  /** The name the activity log gives the person making changes (the identity Account), if any. */
  who: () => string;
  /** Wait before reading back a write whose answer was lost, so an in-flight request lands first. */
  reconcileDelayMs?: number;
  /** When the read-back itself failed (offline), try again after this long. */
  retryUnknownMs?: number;
  /** How long a shop's promotion list is trusted. */
  promotionTtlMs?: number;
}

type Settle = Parameters<ChangeStore['settle']>[0][number];

const promotionCodes = new Set([12052038]);
const notLiveCodes = new Set([12019113, 12052901]);
const productGoneCodes = new Set([12052032, 12052048, 12052260, 12019150, 12052031]);
const skuGoneCodes = new Set([12052556, 12052557]);

function valueOf(kind: ChangeKind, sku: ProductDetailSku, currency: string): SkuValue | null {
  if (kind === 'price') {
    return sku.priceMinor === null
      ? null
      : { kind: 'price', price: { amountMinor: sku.priceMinor, currency: sku.currency ?? currency } };
  }
  return { kind: 'inventory', warehouses: sku.warehouses };
}

export function sameValue(a: SkuValue | null, b: SkuValue | null): boolean {
  if (!a || !b || a.kind !== b.kind) return false;
  if (a.kind === 'price' && b.kind === 'price')
    return a.price.amountMinor === b.price.amountMinor && a.price.currency === b.price.currency;
  if (a.kind === 'inventory' && b.kind === 'inventory') {
    if (a.warehouses.length !== b.warehouses.length) return false;
    const other = new Map(b.warehouses.map((w) => [w.warehouseId, w.quantity]));
    return a.warehouses.every((w) => other.get(w.warehouseId) === w.quantity);
  }
  return false;
}

const parse = (json: string): SkuValue => JSON.parse(json) as SkuValue;

/** A definite refusal from TikTok, worded by its code where the catalogue has a name for it. */
function remoteOutcome(err: AppError): Refusal & { remoteCode: number | null } {
  const code = typeof err.details?.remoteCode === 'number' ? err.details.remoteCode : null;
  let reason: WriteReason = 'remote';
  if (code !== null && promotionCodes.has(code)) reason = 'inPromotion';
  else if (code !== null && notLiveCodes.has(code)) reason = 'productNotActive';
  else if (code !== null && productGoneCodes.has(code)) reason = 'productGone';
  else if (code !== null && skuGoneCodes.has(code)) reason = 'skuGone';
  else if (err.code === 'AUTH_EXPIRED' || err.code === 'AUTH_REVOKED' || err.code === 'LOCKED')
    reason = 'auth';
  else if (err.code === 'OFFLINE') reason = 'offline';
  return { reason, params: { code, message: err.message }, message: err.message, remoteCode: code };
}

export class WriteQueue {
  private draining: Promise<void> | null = null;
  private again = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly promotions = new Map<string, { at: number; locks: Map<string, PromotionLock> | null }>();

  constructor(private readonly deps: WriteQueueDeps) {}

  /** Works through every open write (at start-up: what a crash left). Resolves when nothing can move. */
  kick(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      try {
        do {
          this.again = false;
          await this.drainOnce();
        } while (this.again && !this.closed);
      } catch (err) {
        this.deps.logger.error({ err }, 'catalogue write queue stopped');
      } finally {
        this.draining = null;
      }
    })();
    return this.draining;
  }

  /** Stops sending (what is in flight finishes and is settled first); `resume` goes on where it stopped. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.draining;
  }

  resume(): void {
    this.closed = false;
    void this.kick();
  }

  private async drainOnce(): Promise<void> {
    const groups = new Map<string, WriteRow[]>();
    for (const w of this.deps.store.open()) {
      const key = `${w.change_id}|${w.product_id}`;
      groups.set(key, [...(groups.get(key) ?? []), w]);
    }
    let stuck = false;
    for (const writes of groups.values()) {
      if (this.closed) return;
      const progressed = await this.processProduct(writes);
      if (!progressed) stuck = true;
    }
    if (stuck && !this.closed) {
      // Lost answers that could not be read back yet: look again later, never send blind meanwhile.
      if (this.retryTimer) clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => void this.kick(), this.deps.retryUnknownMs ?? 30_000);
      this.retryTimer.unref();
    } else if (groups.size > 0) {
      this.again = true;
    }
  }

  /** One product of one change. Returns false when it could not move (a lost answer not yet readable). */
  private async processProduct(writes: WriteRow[]): Promise<boolean> {
    const first = writes[0]!;
    const kind = parse(first.new_value).kind;
    let shop: ShopRow;
    try {
      shop = this.deps.api.shop(first.shop_id);
    } catch {
      this.settle(writes.map((w) => ({ write: w, state: 'failed', outcome: refusal('accountInactive') })));
      return true;
    }
    const lost = writes.filter((w) => w.state === 'sending' || w.state === 'unknown');
    if (lost.length > 0) {
      const sentAt = Math.max(...lost.map((w) => w.sent_at ?? 0));
      const wait = sentAt + (this.deps.reconcileDelayMs ?? 3_000) - this.deps.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }

    let remote: ProductDetail;
    try {
      remote = await this.deps.api.call(shop, (ctx) => getProduct(ctx, first.product_id));
    } catch (err) {
      return this.readFailed(writes, err);
    }
    const locks = kind === 'price' ? await this.priceLocks(shop) : null;

    const settles: Settle[] = [];
    const sendable: WriteRow[] = [];
    for (const w of writes) {
      const old = parse(w.old_value);
      const next = parse(w.new_value);
      const sku = remote.skus.find((s) => s.skuId === w.sku_id);
      if (!sku) {
        settles.push({ write: w, state: 'failed', outcome: refusal('skuGone') });
        continue;
      }
      const current = valueOf(kind, sku, w.currency ?? shop.currency);
      if (sameValue(current, next)) {
        // Already what the merchant asked for: the lost answer's write happened, or someone made it.
        settles.push({ write: w, state: 'done' });
        continue;
      }
      if (!sameValue(current, old)) {
        settles.push({
          write: w,
          state: 'conflict',
          remote: current,
          outcome: {
            reason: 'remoteChanged',
            params: {},
            message: 'the value at TikTok changed since ShopMesh last saw it',
          },
        });
        continue;
      }
      // What TikTok has is the expected old value: a lost write did not happen, and a new one may go.
      if (remote.status !== 'ACTIVATE') {
        settles.push({
          write: w,
          state: 'refused',
          outcome: refusal('productNotActive', { status: remote.status }),
        });
        continue;
      }
      const lock = locks?.get(w.product_id);
      if (lock && (lock.skuIds === null || lock.skuIds.includes(w.sku_id))) {
        settles.push({
          write: w,
          state: 'refused',
          outcome: refusal('inPromotion', { promotion: lock.title }),
        });
        continue;
      }
      sendable.push(w);
    }
    this.settle(settles, remote.status);
    if (sendable.length === 0) return true;

    this.deps.store.markSending(sendable.map((w) => w.id));
    this.emitChange(first.change_id);
    try {
      if (kind === 'price') {
        const result = await this.deps.api.call(shop, (ctx) =>
          updatePrices(
            ctx,
            first.product_id,
            sendable.map((w) => {
              const v = parse(w.new_value);
              const price = v.kind === 'price' ? v.price : { amountMinor: 0, currency: shop.currency };
              return {
                skuId: w.sku_id,
                price: fromMinorUnits(price.amountMinor, price.currency),
                currency: price.currency,
              };
            }),
            shop.sellerType,
          ),
        );
        if (result.kind === 'unknown') return this.lostAnswer(sendable, result.unknown.message);
        this.settle(sendable.map((w) => ({ write: w, state: 'done' })));
      } else {
        const result = await this.deps.api.call(shop, (ctx) =>
          updateInventory(
            ctx,
            first.product_id,
            sendable.map((w) => {
              const v = parse(w.new_value);
              return { skuId: w.sku_id, warehouses: v.kind === 'inventory' ? v.warehouses : [] };
            }),
          ),
        );
        if (result.kind === 'unknown') return this.lostAnswer(sendable, result.unknown.message);
        const errors = result.value.errors;
        this.settle(
          sendable.map((w): Settle => {
            const e = errors.find((x) => x.skuId === w.sku_id) ?? errors.find((x) => x.skuId === null);
            if (!e) return { write: w, state: 'done' };
            const detail = e.warehouses
              .map((x) => x.message)
              .filter(Boolean)
              .join('; ');
            const message = detail ? `${e.message}: ${detail}` : e.message;
            const outcome = remoteOutcome(new AppError('REMOTE', message, { remoteCode: e.code }));
            return { write: w, state: 'failed', outcome };
          }),
        );
      }
    } catch (err) {
      if (isAppError(err)) {
        // A definite refusal (or a connection that never carried the request): nothing happened at TikTok.
        this.settle(sendable.map((w) => ({ write: w, state: 'failed', outcome: remoteOutcome(err) })));
      } else {
        this.deps.logger.error({ err, product: first.product_id }, 'catalogue write failed');
        // Not knowing what happened is an unknown outcome, not a failure.
        return this.lostAnswer(sendable, 'ShopMesh could not finish the request');
      }
    }
    return true;
  }

  private lostAnswer(writes: WriteRow[], message: string): boolean {
    this.settle(
      writes.map((w) => ({
        write: w,
        state: 'unknown',
        outcome: { reason: 'remote', params: {}, message: `${message}; checking what TikTok has` },
      })),
    );
    this.again = true;
    return true;
  }

  /** The read before (or after) a write failed: queued writes fail now; lost ones wait and are read again. */
  private readFailed(writes: WriteRow[], err: unknown): boolean {
    const appErr = isAppError(err) ? err : new AppError('REMOTE', catalogueTexts.readFailed());
    if (!isAppError(err)) this.deps.logger.error({ err }, 'catalogue read-back failed');
    const outcome = remoteOutcome(appErr);
    const gone = outcome.reason === 'productGone';
    const settles: Settle[] = [];
    let waiting = false;
    for (const w of writes) {
      if (w.state === 'queued' || gone || outcome.reason === 'auth') {
        settles.push({ write: w, state: 'failed', outcome });
      } else {
        waiting = true;
        if (w.state === 'sending')
          settles.push({ write: w, state: 'unknown', outcome: { ...outcome, reason: 'remote' } });
      }
    }
    this.settle(settles);
    return !waiting;
  }

  private async priceLocks(shop: ShopRow): Promise<Map<string, PromotionLock> | null> {
    const cached = this.promotions.get(shop.shopId);
    if (cached && this.deps.now() - cached.at < (this.deps.promotionTtlMs ?? 60_000)) return cached.locks;
    let locks: Map<string, PromotionLock> | null = null;
    try {
      locks = await this.deps.api.call(shop, (ctx) => ongoingPriceLocks(ctx));
    } catch (err) {
      // No promotion scope, or the list failed: TikTok refuses a locked price itself (12052038).
      this.deps.logger.warn(
        { err, shopId: shop.shopId },
        'promotions not read; TikTok will refuse locked prices',
      );
    }
    this.promotions.set(shop.shopId, { at: this.deps.now(), locks });
    return locks;
  }

  /** Commits states, keeps the local catalogue in step, logs done changes, and tells the renderer. */
  private settle(updates: Settle[], productStatus?: string): void {
    if (updates.length === 0 && productStatus === undefined) return;
    const at = this.deps.now();
    const done: Array<{ write: WriteRow; old: SkuValue; next: SkuValue }> = [];
    this.deps.store.settle(updates, () => {
      const productId = updates[0]?.write.product_id;
      if (productStatus !== undefined && productId) this.deps.local.productStatus(productId, productStatus);
      for (const u of updates) {
        const target = {
          skuId: u.write.sku_id,
          productId: u.write.product_id,
          accountId: u.write.account_id,
        };
        if (u.state === 'done') {
          const next = parse(u.write.new_value);
          this.deps.local.apply(target, next, at, 'edit');
          done.push({ write: u.write, old: parse(u.write.old_value), next });
        } else if (u.state === 'conflict' && u.remote) {
          this.deps.local.apply(target, u.remote, at, 'sync');
        }
      }
    });
    for (const d of done) this.logDone(d.write, d.old, d.next);
    for (const changeId of new Set(updates.map((u) => u.write.change_id))) this.emitChange(changeId);
  }

  private logDone(w: WriteRow, old: SkuValue, next: SkuValue): void {
    const info = this.deps.db
      .prepare(
        `SELECT p.title, s.seller_sku, COALESCE(sh.name, p.shop_id) AS shop
         FROM products p LEFT JOIN product_skus s ON s.sku_id = ? LEFT JOIN shops sh ON sh.shop_id = p.shop_id
         WHERE p.product_id = ?`,
      )
      .get(w.sku_id, w.product_id) as { title: string; seller_sku: string | null; shop: string } | undefined;
    const base = {
      by: this.deps.who(),
      shop: info?.shop ?? w.shop_id,
      product: info?.title ?? w.product_id,
      sku: info?.seller_sku ?? w.sku_id,
    };
    if (old.kind === 'price' && next.kind === 'price') {
      this.deps.activity.record('catalogue.priceChanged', {
        ...base,
        currency: next.price.currency,
        old: fromMinorUnits(old.price.amountMinor, old.price.currency),
        new: fromMinorUnits(next.price.amountMinor, next.price.currency),
      });
    } else if (old.kind === 'inventory' && next.kind === 'inventory') {
      const total = (v: typeof old) => v.warehouses.reduce((n, x) => n + x.quantity, 0);
      this.deps.activity.record('catalogue.stockChanged', { ...base, old: total(old), new: total(next) });
    }
  }

  private emitChange(changeId: string): void {
    const change = this.deps.store.change(changeId);
    if (change) this.deps.emit(change);
  }
}

export type { WriteState };
