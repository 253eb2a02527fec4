import { z } from 'zod';
import { encodeId } from '../ids';
import { parse, requireShop, type ShopContext } from './context';
import { ShopApiError } from './errors';

/**
 * Search Activities and Get Activity (docs/tiktok-api/shop-catalogue-writes.md, "Promotions"), derived from
 * the catalogue: each shop runs one ongoing flash deal holding its products marked `inPromotion`, and one
 * shop-wide shipping discount (which fixes no price). Activity ids are stable per shop.
 */

const activityNotFound = 17019001; // [U] the sources give no code for an unknown activity id

const searchBody = z
  .object({
    status: z.enum(['DRAFT', 'NOT_START', 'ONGOING', 'EXPIRED', 'DEACTIVATED', 'NOT_EFFECTIVE']).optional(),
    activity_type: z
      .enum(['FIXED_PRICE', 'DIRECT_DISCOUNT', 'FLASHSALE', 'SHIPPING_DISCOUNT', 'BUY_MORE_SAVE_MORE'])
      .optional(),
    activity_title: z.string().optional(),
    page_size: z.number().int().min(0).max(100).optional(),
    page_token: z.string().optional(),
  })
  .loose();

interface Activity {
  id: string;
  title: string;
  activity_type: string;
  product_level: string;
  productIds: string[];
}

function activitiesOf(ctx: ShopContext): Activity[] {
  const shop = requireShop(ctx);
  const inPromotion: string[] = [];
  for (let k = 0; k < shop.productCount; k++) {
    const p = ctx.state.product(shop.productStart + k);
    if (p?.inPromotion && p.status !== 'DELETED') inPromotion.push(p.id);
  }
  return [
    {
      id: encodeId('activity', shop.index * 2),
      title: `${shop.name} flash deal`,
      activity_type: 'FLASHSALE',
      product_level: 'PRODUCT',
      productIds: inPromotion,
    },
    {
      id: encodeId('activity', shop.index * 2 + 1),
      title: 'Free shipping over 35',
      activity_type: 'SHIPPING_DISCOUNT',
      product_level: 'SHOP',
      productIds: [],
    },
  ];
}

function summary(a: Activity, now: number): Record<string, unknown> {
  return {
    id: a.id,
    title: a.title,
    activity_type: a.activity_type,
    duration_type: 'NORMAL',
    begin_time: now - 86_400,
    end_time: now + 7 * 86_400,
    status: 'ONGOING',
    create_time: now - 2 * 86_400,
    update_time: now - 2 * 86_400,
    product_level: a.product_level,
  };
}

export function searchActivities(ctx: ShopContext): unknown {
  const body = parse(searchBody, ctx.body ?? {}, 'body');
  const all = activitiesOf(ctx).filter(
    (a) =>
      (body.status === undefined || body.status === 'ONGOING') &&
      (body.activity_type === undefined || a.activity_type === body.activity_type) &&
      (body.activity_title === undefined || a.title === body.activity_title),
  );
  return { total_count: all.length, next_page_token: '', activities: all.map((a) => summary(a, ctx.now)) };
}

export function activityDetail(ctx: ShopContext): unknown {
  const a = activitiesOf(ctx).find((x) => x.id === ctx.params.activity_id);
  if (!a) throw new ShopApiError(activityNotFound, 'The activity does not exist');
  return {
    activity_id: a.id,
    ...Object.fromEntries(Object.entries(summary(a, ctx.now)).filter(([k]) => k !== 'id')),
    products: a.productIds.map((id) => ({ id, skus: [] })),
  };
}
