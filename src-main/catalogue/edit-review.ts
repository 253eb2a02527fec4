import {
  type ChangeKind,
  type EditRefusal,
  MAX_STOCK,
  type Refusal,
  type ReviewItem,
  type SkuValue,
} from '@shared/catalogue';
import { amountRefusalMessage, parseAmount } from './amounts';
import type { NewWrite } from './change-store';
import type { SkuInfo, SkuLookup } from './sku-lookup';

/**
 * The checks a price or stock change passes before anything is queued (docs/catalogue.md, "Refused before
 * sending"). They use only what ShopMesh has stored; what only TikTok knows (the product's current status,
 * its promotions, a value changed remotely) is checked by the queue with a fresh read before the request.
 */

export interface PriceEdit {
  skuId: string;
  price: string;
  expected?: string | undefined;
}

export interface InventoryEdit {
  skuId: string;
  warehouseId?: string | undefined;
  quantity: number;
  expected?: number | undefined;
}

const messages: Record<
  Exclude<EditRefusal, 'notNumber' | 'negative' | 'tooManyDecimals' | 'tooLarge'>,
  string
> = {
  zeroPrice: 'a price must be more than zero',
  stockRange: `stock must be a whole number from 0 to ${MAX_STOCK.toLocaleString('en-US')}`,
  unknownSku: 'this SKU is not in the synced catalogue',
  unknownWarehouse: 'this SKU is not stocked in that warehouse',
  warehouseRequired: 'this SKU is stocked in several warehouses; say which one',
  duplicate: 'this SKU is listed twice in one change',
  noChange: 'the new value is the current one',
  productNotActive: 'TikTok only changes prices and stock of live (ACTIVATE) products',
  inPromotion: 'the product is in an ongoing promotion, which fixes its price',
  accountInactive: 'the shop account needs reconnecting first',
  offline: 'TikTok cannot be reached; nothing was sent',
  skuGone: 'TikTok no longer has this SKU',
};

export function refusal(reason: EditRefusal, params: Record<string, string | number | null> = {}): Refusal {
  const message =
    reason === 'notNumber' || reason === 'negative' || reason === 'tooManyDecimals' || reason === 'tooLarge'
      ? amountRefusalMessage(reason, params as Record<string, string | number>)
      : messages[reason];
  return { reason, params, message };
}

/** A reviewed SKU: where it is, what it was and will be, and whether it would be sent. */
export interface Reviewed {
  item: ReviewItem;
  write: NewWrite | null;
}

function reviewed(
  skuId: string,
  sku: SkuInfo | undefined,
  old: SkuValue | null,
  next: SkuValue | null,
  why: Refusal | null,
): Reviewed {
  const item: ReviewItem = {
    skuId,
    productId: sku?.productId ?? null,
    productTitle: sku?.productTitle ?? null,
    sellerSku: sku?.sellerSku ?? null,
    shopId: sku?.shopId ?? null,
    old,
    new: next,
    refusal: why,
  };
  const write: NewWrite | null =
    sku && old && next
      ? {
          accountId: sku.accountId,
          shopId: sku.shopId,
          productId: sku.productId,
          skuId,
          currency: sku.currency,
          old,
          new: next,
          refusal: why,
        }
      : null;
  return { item, write };
}

/** What is wrong with the SKU itself, whatever the new value. */
function skuRefusal(sku: SkuInfo): Refusal | null {
  if (sku.accountStatus !== 'active') return refusal('accountInactive', { shopId: sku.shopId });
  if (sku.productStatus !== 'ACTIVATE') return refusal('productNotActive', { status: sku.productStatus });
  return null;
}

export function reviewPrices(lookup: SkuLookup, edits: readonly PriceEdit[]): Reviewed[] {
  const skus = lookup.many(edits.map((e) => e.skuId));
  const seen = new Set<string>();
  return edits.map((e) => {
    const sku = skus.get(e.skuId);
    if (!sku) return reviewed(e.skuId, undefined, null, null, refusal('unknownSku'));
    const currency = sku.currency;
    const stored: SkuValue | null =
      sku.priceMinor === null ? null : { kind: 'price', price: { amountMinor: sku.priceMinor, currency } };
    const parsed = parseAmount(e.price, currency);
    if (!parsed.ok) return reviewed(e.skuId, sku, stored, null, refusal(parsed.reason, parsed.params));
    const next: SkuValue = { kind: 'price', price: { amountMinor: parsed.minor, currency } };
    let old = stored;
    if (e.expected !== undefined) {
      const expected = parseAmount(e.expected, currency);
      if (!expected.ok)
        return reviewed(e.skuId, sku, stored, next, refusal(expected.reason, expected.params));
      old = { kind: 'price', price: { amountMinor: expected.minor, currency } };
    }
    if (seen.has(e.skuId)) return reviewed(e.skuId, sku, old, next, refusal('duplicate'));
    seen.add(e.skuId);
    if (parsed.minor === 0) return reviewed(e.skuId, sku, old, next, refusal('zeroPrice'));
    const bad = skuRefusal(sku);
    if (bad) return reviewed(e.skuId, sku, old, next, bad);
    if (!old) return reviewed(e.skuId, sku, old, next, refusal('unknownSku'));
    if (old.kind === 'price' && old.price.amountMinor === parsed.minor)
      return reviewed(e.skuId, sku, old, next, refusal('noChange'));
    return reviewed(e.skuId, sku, old, next, null);
  });
}

/**
 * Stock edits name one warehouse each; edits of one SKU are merged into one write that lists every
 * warehouse of the SKU, the untouched ones at their stored quantity (TikTok refuses a partial list).
 */
export function reviewInventory(lookup: SkuLookup, edits: readonly InventoryEdit[]): Reviewed[] {
  const skus = lookup.many(edits.map((e) => e.skuId));
  const bySku = new Map<string, InventoryEdit[]>();
  for (const e of edits) bySku.set(e.skuId, [...(bySku.get(e.skuId) ?? []), e]);
  const out: Reviewed[] = [];
  for (const [skuId, list] of bySku) {
    const sku = skus.get(skuId);
    if (!sku) {
      out.push(reviewed(skuId, undefined, null, null, refusal('unknownSku')));
      continue;
    }
    const stored: SkuValue = { kind: 'inventory', warehouses: sku.warehouses };
    const old = { kind: 'inventory' as const, warehouses: sku.warehouses.map((w) => ({ ...w })) };
    const next = { kind: 'inventory' as const, warehouses: sku.warehouses.map((w) => ({ ...w })) };
    let why: Refusal | null = null;
    const touched = new Set<string>();
    for (const e of list) {
      const warehouseId =
        e.warehouseId ?? (sku.warehouses.length === 1 ? sku.warehouses[0]!.warehouseId : null);
      if (warehouseId === null) {
        why ??= refusal(sku.warehouses.length === 0 ? 'unknownWarehouse' : 'warehouseRequired');
        continue;
      }
      const at = next.warehouses.findIndex((w) => w.warehouseId === warehouseId);
      if (at < 0) {
        why ??= refusal('unknownWarehouse', { warehouseId });
        continue;
      }
      if (touched.has(warehouseId)) {
        why ??= refusal('duplicate', { warehouseId });
        continue;
      }
      touched.add(warehouseId);
      if (!Number.isInteger(e.quantity) || e.quantity < 0 || e.quantity > MAX_STOCK) {
        why ??= refusal('stockRange', { value: e.quantity, max: MAX_STOCK });
        continue;
      }
      next.warehouses[at]!.quantity = e.quantity;
      if (e.expected !== undefined) old.warehouses[at]!.quantity = e.expected;
    }
    why ??= skuRefusal(sku);
    if (!why && next.warehouses.every((w, i) => w.quantity === old.warehouses[i]!.quantity))
      why = refusal('noChange');
    out.push(reviewed(skuId, sku, why && why.reason !== 'noChange' ? stored : old, next, why));
  }
  return out;
}

export function review(kind: ChangeKind, lookup: SkuLookup, edits: readonly (PriceEdit | InventoryEdit)[]) {
  return kind === 'price'
    ? reviewPrices(lookup, edits as PriceEdit[])
    : reviewInventory(lookup, edits as InventoryEdit[]);
}
