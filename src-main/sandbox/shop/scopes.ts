/**
 * Scope keys the sandbox grants and checks. TikTok documents scope *packages* by display name; only the
 * affiliate keys appear verbatim in samples, the others follow the same `seller.<area>.<access>` pattern [U].
 */
export const shopScopes = [
  'seller.authorization.info',
  'seller.product.basic',
  'seller.product.write',
  'seller.order.info',
  'seller.finance.info',
  'seller.creator_marketplace.read',
  'seller.affiliate_collaboration.read',
  'seller.affiliate_collaboration.write',
  'seller.affiliate_messages.write',
  'seller.promotion.read',
] as const;
export type ShopScope = (typeof shopScopes)[number];

export function scopeBits<T extends string>(all: readonly T[], granted: readonly string[]): number {
  let bits = 0;
  all.forEach((s, i) => {
    if (granted.includes(s)) bits |= 1 << i;
  });
  return bits >>> 0;
}

export function scopeList<T extends string>(all: readonly T[], bits: number): T[] {
  return all.filter((_, i) => (bits & (1 << i)) !== 0);
}

export function hasScope<T extends string>(all: readonly T[], bits: number, scope: T): boolean {
  const i = all.indexOf(scope);
  return i >= 0 && (bits & (1 << i)) !== 0;
}
