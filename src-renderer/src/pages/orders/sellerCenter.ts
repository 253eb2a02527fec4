/**
 * Seller Center's own order page for an order, where ShopMesh knows its address: the US and UK Seller
 * Centers show an order at `/order/detail?order_no=<id>&shop_region=<region>` (docs/orders.md "Open in
 * Seller Center"). Other regions' Seller Centers are not linked rather than guessed at.
 */
const hosts: Record<string, string> = {
  US: 'seller-us.tiktok.com',
  GB: 'seller-uk.tiktok.com',
  UK: 'seller-uk.tiktok.com',
};

export function sellerCenterOrderUrl(orderId: string, region: string | null): string | null {
  const host = region ? hosts[region.toUpperCase()] : undefined;
  if (!host) return null;
  const shopRegion = region === 'GB' ? 'UK' : region!.toUpperCase();
  const params = new URLSearchParams({ order_no: orderId, shop_region: shopRegion });
  return `https://${host}/order/detail?${params.toString()}`;
}
