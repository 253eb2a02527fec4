import { hash, unit } from './rng';
import { orderFlag, type Dataset } from './dataset';

/**
 * Order contents derived from (seed, order index): which products, at what price, with which discounts.
 * Kept numeric and allocation-light because the generator runs it over every order to build daily totals.
 */

export interface LineSpec {
  productIndex: number;
  skuIndex: number;
  originalCents: number;
  sellerDiscountCents: number;
  platformDiscountCents: number;
}

export interface OrderTotals {
  originalTotal: number;
  sellerDiscount: number;
  platformDiscount: number;
  subTotal: number;
  originalShippingFee: number;
  shippingFeeSellerDiscount: number;
  shippingFee: number;
  tax: number;
  total: number;
}

export function lineCount(ds: Pick<Dataset, 'seed'>, index: number, flags: number): number {
  if (flags & orderFlag.empty) return 0;
  const u = unit(ds.seed, 31, index);
  return u < 0.62 ? 1 : u < 0.88 ? 2 : 3;
}

export function orderLine(
  ds: Pick<Dataset, 'seed' | 'shops' | 'products' | 'skuPriceCents'>,
  index: number,
  shopIndex: number,
  line: number,
): LineSpec {
  const shop = ds.shops[shopIndex];
  if (!shop) throw new Error(`no shop ${shopIndex}`);
  // Popularity skew: a few products sell most (u² concentrates near the start of the catalogue).
  const u = unit(ds.seed, 32, index, line);
  const productIndex =
    shop.productStart + Math.min(shop.productCount - 1, Math.floor(u * u * shop.productCount));
  const product = ds.products[productIndex];
  const skuCount = product ? product.skus.length : 1;
  const skuIndex = hash(ds.seed, 33, index, line) % skuCount;
  const originalCents = ds.skuPriceCents[productIndex * 4 + skuIndex] ?? 999;
  const d = unit(ds.seed, 34, index, line);
  const sellerDiscountCents = d < 0.25 ? Math.round(originalCents * (0.05 + d)) : 0;
  const p = unit(ds.seed, 35, index, line);
  const platformDiscountCents = p < 0.12 ? Math.round(originalCents * (0.02 + p / 2)) : 0;
  return { productIndex, skuIndex, originalCents, sellerDiscountCents, platformDiscountCents };
}

export function orderTotals(
  ds: Pick<Dataset, 'seed' | 'shops' | 'products' | 'skuPriceCents'>,
  index: number,
  shopIndex: number,
  flags: number,
): OrderTotals {
  const n = lineCount(ds, index, flags);
  let originalTotal = 0;
  let sellerDiscount = 0;
  let platformDiscount = 0;
  for (let l = 0; l < n; l++) {
    const line = orderLine(ds, index, shopIndex, l);
    originalTotal += line.originalCents;
    sellerDiscount += line.sellerDiscountCents;
    platformDiscount += line.platformDiscountCents;
  }
  return totalsFrom(ds, shopIndex, n, originalTotal, sellerDiscount, platformDiscount);
}

/**
 * The same totals from lines the caller already generated: serving an order needs the lines as well, and
 * generating each line a second time only to sum it was a measurable share of a page.
 */
export function totalsOfLines(
  ds: Pick<Dataset, 'shops'>,
  shopIndex: number,
  lines: readonly LineSpec[],
): OrderTotals {
  let originalTotal = 0;
  let sellerDiscount = 0;
  let platformDiscount = 0;
  for (const line of lines) {
    originalTotal += line.originalCents;
    sellerDiscount += line.sellerDiscountCents;
    platformDiscount += line.platformDiscountCents;
  }
  return totalsFrom(ds, shopIndex, lines.length, originalTotal, sellerDiscount, platformDiscount);
}

function totalsFrom(
  ds: Pick<Dataset, 'shops'>,
  shopIndex: number,
  lines: number,
  originalTotal: number,
  sellerDiscount: number,
  platformDiscount: number,
): OrderTotals {
  const subTotal = originalTotal - sellerDiscount - platformDiscount;
  const originalShippingFee = lines === 0 ? 0 : 499;
  const shippingFeeSellerDiscount = subTotal >= 3500 ? originalShippingFee : 0;
  const shippingFee = originalShippingFee - shippingFeeSellerDiscount;
  const taxRate = ds.shops[shopIndex]?.taxRate ?? 0;
  const tax = Math.round(subTotal * taxRate);
  return {
    originalTotal,
    sellerDiscount,
    platformDiscount,
    subTotal,
    originalShippingFee,
    shippingFeeSellerDiscount,
    shippingFee,
    tax,
    total: subTotal + shippingFee + tax,
  };
}

/** Cents as a decimal string; all currencies the sandbox generates have two minor digits. */
export function money(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
