import type { ProductView } from '@shared/catalogue';
import { formatMoney, formatMoneyRange } from '../../format/money';

/** "$5.00–$9.99", one price, or a dash when the product has no priced SKU. */
export function priceRange(product: ProductView, language: string): string {
  const { minPrice, maxPrice } = product;
  if (minPrice && maxPrice) return formatMoneyRange(minPrice, maxPrice, language);
  const one = minPrice ?? maxPrice;
  return one ? formatMoney(one, language) : '—';
}
