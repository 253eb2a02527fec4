import type { ShopContext } from './context';

export function authorizedShops(ctx: ShopContext): unknown {
  return {
    shops: ctx.state.dataset.shops.map((s) => ({
      id: s.id,
      name: s.name,
      region: s.region,
      seller_type: s.sellerType,
      cipher: s.cipher,
      code: s.code,
    })),
  };
}

export function activeShops(ctx: ShopContext): unknown {
  return { shops: ctx.state.dataset.shops.map((s) => ({ id: s.id, region: s.region })) };
}
