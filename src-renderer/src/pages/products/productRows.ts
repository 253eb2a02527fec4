import type { ProductSkuView, ProductView } from '@shared/catalogue';

/** A row of the Products table: a product, or one of its SKUs under it once the product is expanded. */
export type ProductRow =
  | { kind: 'product'; id: string; product: ProductView }
  | { kind: 'sku'; id: string; product: ProductView; sku: ProductSkuView };

export const rowId = (row: ProductRow): string => row.id;

/** The loaded products with the SKUs of the expanded ones right under each. */
export function productRows(products: readonly ProductView[], expanded: ReadonlySet<string>): ProductRow[] {
  return products.flatMap((product): ProductRow[] => [
    { kind: 'product', id: product.productId, product },
    ...(expanded.has(product.productId)
      ? product.skus.map((sku) => ({
          kind: 'sku' as const,
          id: `${product.productId}/${sku.skuId}`,
          product,
          sku,
        }))
      : []),
  ]);
}

/** A ticked SKU with what a bulk edit needs of it. */
export interface PickedSku {
  product: ProductView;
  sku: ProductSkuView;
}

/**
 * The ticked SKUs by id. A SKU keeps its place when the list is filtered to another shop, so one
 * selection can span shops ("these 40 SKUs in two shops").
 */
export type Selection = ReadonlyMap<string, PickedSku>;

const skusOf = (row: ProductRow): PickedSku[] =>
  row.kind === 'sku'
    ? [{ product: row.product, sku: row.sku }]
    : row.product.skus.map((sku) => ({ product: row.product, sku }));

/** Ticked, some ticked, or none ticked: a product row stands for all its SKUs. */
export function tickState(row: ProductRow, selected: Selection): 'all' | 'some' | 'none' {
  const skus = skusOf(row);
  const ticked = skus.filter((s) => selected.has(s.sku.skuId)).length;
  if (skus.length === 0 || ticked === 0) return 'none';
  return ticked === skus.length ? 'all' : 'some';
}

/**
 * The selection after a click on a row's box: the row's SKUs follow the box; with Shift, every row from
 * the last clicked one to this one does (a range, as in a file manager), the new state being the clicked
 * row's.
 */
export function clickTick(
  rows: readonly ProductRow[],
  selected: Selection,
  index: number,
  anchor: number | null,
  shift: boolean,
): Map<string, PickedSku> {
  const row = rows[index];
  const next = new Map(selected);
  if (!row) return next;
  const on = tickState(row, selected) !== 'all';
  const [from, to] =
    shift && anchor !== null && rows[anchor]
      ? [Math.min(anchor, index), Math.max(anchor, index)]
      : [index, index];
  for (let i = from; i <= to; i++) {
    const r = rows[i]!;
    // An open product's SKUs are rows of their own: the range takes those it covers, not the whole product.
    const open = r.kind === 'product' && rows[i + 1]?.kind === 'sku';
    if (open && from !== to) continue;
    for (const picked of skusOf(r)) {
      if (on) next.set(picked.sku.skuId, picked);
      else next.delete(picked.sku.skuId);
    }
  }
  return next;
}

/** Every loaded SKU ticked, or (when they all are) none of them; SKUs ticked elsewhere stay. */
export function tickAll(products: readonly ProductView[], selected: Selection): Map<string, PickedSku> {
  const loaded = products.flatMap((product) => product.skus.map((sku) => ({ product, sku })));
  const next = new Map(selected);
  const all = loaded.every((p) => selected.has(p.sku.skuId));
  for (const p of loaded) {
    if (all) next.delete(p.sku.skuId);
    else next.set(p.sku.skuId, p);
  }
  return next;
}

/** The ticked SKUs, each as the list now shows it when it is loaded (a done change updates its price). */
export function pickedSkus(products: readonly ProductView[], selected: Selection): PickedSku[] {
  const fresh = new Map(
    products.flatMap((product) => product.skus.map((sku) => [sku.skuId, { product, sku }] as const)),
  );
  return [...selected.keys()].map((id) => fresh.get(id) ?? selected.get(id)!);
}

/** How many of the loaded SKUs are ticked. */
export function loadedTicks(products: readonly ProductView[], selected: Selection): 'all' | 'some' | 'none' {
  const loaded = products.flatMap((p) => p.skus);
  const ticked = loaded.filter((s) => selected.has(s.skuId)).length;
  if (ticked === 0) return 'none';
  return ticked === loaded.length ? 'all' : 'some';
}

export const shopCount = (picked: readonly PickedSku[]): number =>
  new Set(picked.map((p) => p.product.shopId)).size;
