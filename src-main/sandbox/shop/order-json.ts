import { orderFlag, orderStatuses, type Dataset, type OrderStatus } from '../data/dataset';
import { cities, firstNames, lastNames } from '../data/names';
import { lineCount, money, orderLine, orderTotals } from '../data/orders';
import { hash, pickBy, unit } from '../data/rng';
import { encodeId } from '../ids';
import type { SandboxState } from '../state';

/** Builds the TikTok-shaped order object for one generated order (shop-api.md §4.3). */

export function orderStatusOf(ds: Dataset, i: number): OrderStatus {
  return orderStatuses[ds.orders.status[i] ?? 0] ?? 'UNPAID';
}

export function buyerIdOf(ds: Dataset, i: number): string {
  return encodeId('buyer', hash(ds.seed, 50, i) % Math.max(1, Math.floor(ds.orders.count / 3)));
}

export function shippingTypeOf(ds: Dataset, i: number): 'TIKTOK' | 'SELLER' {
  return (ds.orders.flags[i] ?? 0) & orderFlag.sellerShipping ? 'SELLER' : 'TIKTOK';
}

export function warehouseOf(ds: Dataset, i: number): string {
  const shop = ds.shops[ds.orders.shop[i] ?? 0];
  return shop?.warehouseIds[hash(ds.seed, 51, i) % shop.warehouseIds.length] ?? '';
}

const shippedStatuses = new Set<OrderStatus>([
  'PARTIALLY_SHIPPING',
  'AWAITING_COLLECTION',
  'IN_TRANSIT',
  'DELIVERED',
  'COMPLETED',
]);

const citiesByRegion = new Map<string, typeof cities>();

/** The region's cities (all of them for a region without any), computed once per region. */
function citiesOf(region: string): typeof cities {
  let list = citiesByRegion.get(region);
  if (!list) {
    const own = cities.filter((c) => c.region === region);
    list = own.length > 0 ? own : cities;
    citiesByRegion.set(region, list);
  }
  return list;
}

export function orderJson(state: SandboxState, i: number): Record<string, unknown> {
  const ds = state.dataset;
  const shopIndex = ds.orders.shop[i] ?? 0;
  const shop = ds.shops[shopIndex];
  if (!shop) throw new Error('order without shop');
  const flags = ds.orders.flags[i] ?? 0;
  const status = orderStatusOf(ds, i);
  const create = ds.orders.createTime[i] ?? 0;
  const update = ds.orders.updateTime[i] ?? create;
  const totals = orderTotals(ds, i, shopIndex, flags);
  const shipped = shippedStatuses.has(status);
  const tracking = shipped
    ? `TT${(hash(ds.seed, 52, i) % 1e9).toString().padStart(9, '0')}${shop.region}`
    : '';
  const packageId = encodeId('package', i);
  const first = pickBy(firstNames, unit(ds.seed, 53, i));
  const last = pickBy(lastNames, unit(ds.seed, 54, i));
  const city = pickBy(citiesOf(shop.region), unit(ds.seed, 55, i));
  const street = `${(hash(ds.seed, 56, i) % 9000) + 100} ${pickBy(['Oak St', 'High Street', 'Sunset Blvd', 'Church Lane', '5th Ave'], unit(ds.seed, 57, i))}`;
  const cancelled = status === 'CANCELLED';
  const refund = (flags & orderFlag.refund) !== 0;

  const lines = [];
  const n = lineCount(ds, i, flags);
  for (let l = 0; l < n; l++) {
    const spec = orderLine(ds, i, shopIndex, l);
    const product = ds.products[spec.productIndex];
    const sku = product?.skus[spec.skuIndex];
    const refunded = refund && l === 0;
    lines.push({
      id: encodeId('order', i * 4 + l + 500_000_000),
      product_id: product?.id ?? '',
      product_name: product?.title ?? '',
      sku_id: sku?.id ?? '',
      sku_name: sku?.attributes[0]?.valueName ?? 'Default',
      seller_sku: sku?.sellerSku ?? '',
      sku_image: product
        ? `https://p16-oec-va.ibyteimg.com/${product.imageUri}~tplv-o3syd03w52-origin-jpeg.jpeg`
        : '',
      original_price: money(spec.originalCents),
      sale_price: money(spec.originalCents - spec.sellerDiscountCents - spec.platformDiscountCents),
      seller_discount: money(spec.sellerDiscountCents),
      platform_discount: money(spec.platformDiscountCents),
      currency: shop.currency,
      display_status: cancelled || refunded ? 'CANCELLED' : status,
      package_id: shipped ? packageId : '',
      package_status: shipped
        ? status === 'DELIVERED' || status === 'COMPLETED'
          ? 'DELIVERED'
          : 'SHIPPED'
        : 'TO_FULFILL',
      tracking_number: tracking,
      shipping_provider_name: shipped ? (shop.region === 'GB' ? 'Royal Mail' : 'USPS') : '',
      is_gift: false,
      cancel_reason: cancelled ? 'No longer needed' : refunded ? 'Refunded: item arrived damaged' : '',
    });
  }

  return {
    id: encodeId('order', i),
    status,
    create_time: create,
    update_time: update,
    paid_time: status === 'UNPAID' ? 0 : create + 30 + (hash(ds.seed, 58, i) % 300),
    user_id: buyerIdOf(ds, i),
    buyer_email: `v${hash(ds.seed, 59, i).toString(16)}@scs.tiktokw.${shop.region === 'US' ? 'us' : 'eu'}`,
    buyer_message: hash(ds.seed, 60, i) % 25 === 0 ? 'Please gift-wrap 🎁 <no receipt>' : '',
    seller_note: '',
    payment: {
      currency: shop.currency,
      sub_total: money(totals.subTotal),
      shipping_fee: money(totals.shippingFee),
      seller_discount: money(totals.sellerDiscount),
      platform_discount: money(totals.platformDiscount),
      tax: money(totals.tax),
      product_tax: money(totals.tax),
      shipping_fee_tax: '0.00',
      original_total_product_price: money(totals.originalTotal),
      original_shipping_fee: money(totals.originalShippingFee),
      shipping_fee_seller_discount: money(totals.shippingFeeSellerDiscount),
      shipping_fee_platform_discount: '0.00',
      total_amount: money(totals.total),
    },
    line_items: lines,
    recipient_address: {
      name: `${first} ${last}`,
      first_name: first,
      last_name: last,
      phone_number:
        shop.region === 'US'
          ? `(+1)213*****${String(hash(ds.seed, 61, i) % 100).padStart(2, '0')}`
          : `(+44)77*****${String(hash(ds.seed, 61, i) % 100).padStart(2, '0')}`,
      full_address: `${street}, ${city.city}, ${city.state}, ${city.postal}`,
      address_line1: street,
      address_line2: '',
      address_line3: '',
      address_line4: '',
      postal_code: city.postal,
      region_code: shop.region,
      district_info: [
        {
          address_level_name: 'country',
          address_name: shop.region === 'US' ? 'United States' : 'United Kingdom',
          address_level: 'L0',
        },
        { address_level_name: 'state', address_name: city.state, address_level: 'L1' },
        { address_level_name: 'city', address_name: city.city, address_level: 'L2' },
      ],
    },
    shipping_type: shippingTypeOf(ds, i),
    delivery_option_name: 'Standard shipping',
    fulfillment_type: 'FULFILLMENT_BY_SELLER',
    packages: shipped ? [{ id: packageId }] : [],
    tracking_number: tracking,
    cancel_reason: cancelled ? 'No longer needed' : '',
    cancellation_initiator: cancelled ? pickBy(['BUYER', 'SELLER', 'SYSTEM'], unit(ds.seed, 62, i)) : '',
    rts_sla_time: create + 3 * 86_400,
    tts_sla_time: create + 7 * 86_400,
    warehouse_id: warehouseOf(ds, i),
    is_cod: false,
    is_sample_order: false,
    order_type: 'NORMAL',
    commerce_platform: 'TIKTOK_SHOP',
  };
}
