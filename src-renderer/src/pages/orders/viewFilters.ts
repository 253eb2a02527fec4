import type { OrderFilters, OrderSort, SavedOrderView } from '@shared/orders';
import { flagNames, toQuery, type OrderExtraFilters } from './OrderFilters';

/** What a saved view holds: the channels' filters and the sort. */
export type OrderViewFilters = OrderFilters & { sort?: OrderSort };

/** The page's state, as a saved view stores it. */
export function toView(state: {
  shopId?: string | undefined;
  search: string;
  extra: OrderExtraFilters;
  sort: OrderSort | null;
}): OrderViewFilters {
  return {
    ...(state.shopId ? { shopId: state.shopId } : {}),
    ...(state.search.trim() ? { search: state.search.trim() } : {}),
    ...toQuery(state.extra),
    ...(state.sort ? { sort: state.sort } : {}),
  };
}

/** The user's calendar day of an instant, as a date field holds it (YYYY-MM-DD). */
const dayOf = (at: number) => new Date(at).toLocaleDateString('en-CA');

/** A saved view, as the page's state: the inverse of `toView` for what the page can show. */
export function fromView(view: SavedOrderView): {
  shopId: string | undefined;
  search: string;
  extra: OrderExtraFilters;
  sort: OrderSort | null;
} {
  const f = view.filters;
  const extra: OrderExtraFilters = {};
  if (f.status?.[0]) extra.status = f.status[0];
  if (f.from !== undefined) extra.fromDay = dayOf(f.from);
  if (f.to !== undefined) extra.toDay = dayOf(f.to - 86_400_000);
  for (const name of flagNames) if (name !== 'direct' && f[name] === true) extra[name] = true;
  if (f.affiliate === false) extra.direct = true;
  return { shopId: f.shopId, search: f.search ?? '', extra, sort: f.sort ?? null };
}
