import { orderFlag, orderStatuses, type Dataset, type OrderStatus } from '../data/dataset';
import { cities, firstNames, lastNames } from '../data/names';
import { lineCount, money, orderLine, totalsOfLines, type LineSpec } from '../data/orders';
import { hash, pickBy, unit } from '../data/rng';
import { encodeId } from '../ids';
import type { JsonWriter } from '../json-writer';
import type { OrderTexts } from '../state';

/**
 * The TikTok-shaped order JSON for one generated order (docs/tiktok-api/shop-data.md), written straight to UTF-8 by a
 * JsonWriter instead of built as an object for JSON.stringify: order pages are most of the sandbox's CPU
 * during a sync (see json-writer.ts). The bytes are exactly what JSON.stringify gave for that object form,
 * field for field and in the same order; tests/unit/sandbox/order-json.test.ts keeps the object form and
 * checks the two agree, hostile values included. Every string value goes through `str`, which escapes.
 */

export function orderStatusOf(ds: Dataset, i: number): OrderStatus {
  return orderStatuses[ds.orders.status[i] ?? 0] ?? 'UNPAID';
}

/** Buyers are drawn from the generated order count, so an order a test places changes no other's buyer. */
export function buyerIdOf(ds: Dataset, i: number): string {
  return encodeId('buyer', hash(ds.seed, 50, i) % Math.max(1, Math.floor(ds.spec.orders / 3)));
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

/** About one order in a hundred is a free sample sent to a creator. */
export function isSampleOrder(ds: Dataset, i: number): boolean {
  return hash(ds.seed, 63, i) % 100 === 0;
}

/**
 * When the order was shipped, collected, delivered or cancelled (Unix seconds, 0 = not yet), consistent with
 * its status: shipping takes 1–75 hours, so some orders ship after their 3-day ship-by time.
 */
export function milestones(
  ds: Dataset,
  i: number,
  status: OrderStatus,
  create: number,
): { rts: number; collection: number; delivery: number; cancel: number } {
  const shippedAt = create + 3_600 + (hash(ds.seed, 64, i) % (74 * 3_600));
  const rts = shippedStatuses.has(status) ? shippedAt : 0;
  const collected = status === 'IN_TRANSIT' || status === 'DELIVERED' || status === 'COMPLETED';
  const collection = collected ? shippedAt + 6 * 3_600 : 0;
  const delivery = status === 'DELIVERED' || status === 'COMPLETED' ? collection + 2 * 86_400 : 0;
  const cancel = status === 'CANCELLED' ? create + 3_600 : 0;
  return { rts, collection, delivery, cancel };
}

const streets = ['Oak St', 'High Street', 'Sunset Blvd', 'Church Lane', '5th Ave'];
const initiators = ['BUYER', 'SELLER', 'SYSTEM'];

export function writeOrder(w: JsonWriter, ds: Dataset, i: number, texts: OrderTexts = {}): void {
  const shopIndex = ds.orders.shop[i] ?? 0;
  const shop = ds.shops[shopIndex];
  if (!shop) throw new Error('order without shop');
  const flags = ds.orders.flags[i] ?? 0;
  const status = orderStatusOf(ds, i);
  const create = ds.orders.createTime[i] ?? 0;
  const update = ds.orders.updateTime[i] ?? create;
  const shipped = shippedStatuses.has(status);
  const tracking = shipped
    ? `TT${(hash(ds.seed, 52, i) % 1e9).toString().padStart(9, '0')}${shop.region}`
    : '';
  const packageId = encodeId('package', i);
  const first = pickBy(firstNames, unit(ds.seed, 53, i));
  const last = pickBy(lastNames, unit(ds.seed, 54, i));
  // A name entered in one piece (texts.recipientName) has no first/last split, as TikTok sends it then.
  const [firstName, lastName, fullName] =
    texts.recipientName === undefined ? [first, last, `${first} ${last}`] : ['', '', texts.recipientName];
  const city = pickBy(citiesOf(shop.region), unit(ds.seed, 55, i));
  const street =
    texts.street ?? `${(hash(ds.seed, 56, i) % 9000) + 100} ${pickBy(streets, unit(ds.seed, 57, i))}`;
  const cancelled = status === 'CANCELLED';
  const refund = (flags & orderFlag.refund) !== 0;
  // The same for every line of the order.
  const linePackageId = shipped ? packageId : '';
  const packageStatus = shipped
    ? status === 'DELIVERED' || status === 'COMPLETED'
      ? 'DELIVERED'
      : 'SHIPPED'
    : 'TO_FULFILL';
  const provider = shipped ? (shop.region === 'GB' ? 'Royal Mail' : 'USPS') : '';
  const providerId = shipped ? (shop.region === 'GB' ? '6617675021119438901' : '6617675021119438849') : '';
  // When the seller shipped (Ship Package); 0 before, as for the other times not reached yet.
  const times = milestones(ds, i, status, create);

  // Totals need every line first: each line is generated once, kept, and written after the payment block
  // (orderTotals would generate them all a second time).
  const n = lineCount(ds, i, flags);
  const lines: LineSpec[] = [];
  for (let l = 0; l < n; l++) lines.push(orderLine(ds, i, shopIndex, l));
  const totals = totalsOfLines(ds, shopIndex, lines);
  const tax = money(totals.tax);

  w.raw('{"id":').str(encodeId('order', i));
  w.raw(',"status":').str(status);
  w.raw(',"create_time":').num(create);
  w.raw(',"update_time":').num(update);
  w.raw(',"paid_time":').num(status === 'UNPAID' ? 0 : create + 30 + (hash(ds.seed, 58, i) % 300));
  w.raw(',"user_id":').str(buyerIdOf(ds, i));
  w.raw(',"buyer_email":').str(
    `v${hash(ds.seed, 59, i).toString(16)}@scs.tiktokw.${shop.region === 'US' ? 'us' : 'eu'}`,
  );
  w.raw(',"buyer_message":').str(
    texts.buyerMessage ?? (hash(ds.seed, 60, i) % 25 === 0 ? 'Please gift-wrap 🎁 <no receipt>' : ''),
  );
  w.raw(',"seller_note":""');
  w.raw(',"payment":{"currency":').str(shop.currency);
  w.raw(',"sub_total":').str(money(totals.subTotal));
  w.raw(',"shipping_fee":').str(money(totals.shippingFee));
  w.raw(',"seller_discount":').str(money(totals.sellerDiscount));
  w.raw(',"platform_discount":').str(money(totals.platformDiscount));
  w.raw(',"tax":').str(tax);
  w.raw(',"product_tax":').str(tax);
  w.raw(',"shipping_fee_tax":"0.00"');
  w.raw(',"original_total_product_price":').str(money(totals.originalTotal));
  w.raw(',"original_shipping_fee":').str(money(totals.originalShippingFee));
  w.raw(',"shipping_fee_seller_discount":').str(money(totals.shippingFeeSellerDiscount));
  w.raw(',"shipping_fee_platform_discount":"0.00"');
  w.raw(',"total_amount":').str(money(totals.total));
  w.raw('},"line_items":[');
  lines.forEach((spec, l) => {
    const product = ds.products[spec.productIndex];
    const sku = product?.skus[spec.skuIndex];
    const refunded = refund && l === 0;
    w.raw(l === 0 ? '{"id":' : ',{"id":').str(encodeId('order', i * 4 + l + 500_000_000));
    w.raw(',"product_id":').str(product?.id ?? '');
    w.raw(',"product_name":').str(product?.title ?? '');
    w.raw(',"sku_id":').str(sku?.id ?? '');
    w.raw(',"sku_name":').str(sku?.attributes[0]?.valueName ?? 'Default');
    w.raw(',"seller_sku":').str(sku?.sellerSku ?? '');
    w.raw(',"sku_image":').str(
      product ? `https://p16-oec-va.ibyteimg.com/${product.imageUri}~tplv-o3syd03w52-origin-jpeg.jpeg` : '',
    );
    w.raw(',"original_price":').str(money(spec.originalCents));
    w.raw(',"sale_price":').str(
      money(spec.originalCents - spec.sellerDiscountCents - spec.platformDiscountCents),
    );
    w.raw(',"seller_discount":').str(money(spec.sellerDiscountCents));
    w.raw(',"platform_discount":').str(money(spec.platformDiscountCents));
    w.raw(',"currency":').str(shop.currency);
    w.raw(',"display_status":').str(cancelled || refunded ? 'CANCELLED' : status);
    w.raw(',"package_id":').str(linePackageId);
    w.raw(',"package_status":').str(packageStatus);
    w.raw(',"tracking_number":').str(tracking);
    w.raw(',"shipping_provider_name":').str(provider);
    w.raw(',"is_gift":false');
    w.raw(',"cancel_reason":').str(
      cancelled ? 'No longer needed' : refunded ? 'Refunded: item arrived damaged' : '',
    );
    w.raw(',"sku_type":"NORMAL","shipping_provider_id":').str(providerId);
    w.raw(',"rts_time":').num(times.rts);
    w.raw(',"is_dangerous_good":false,"needs_prescription":false}');
  });
  const phoneTail = String(hash(ds.seed, 61, i) % 100).padStart(2, '0');
  w.raw('],"recipient_address":{"name":').str(fullName);
  w.raw(',"first_name":').str(firstName);
  w.raw(',"last_name":').str(lastName);
  w.raw(',"phone_number":').str(
    shop.region === 'US' ? `(+1)213*****${phoneTail}` : `(+44)77*****${phoneTail}`,
  );
  w.raw(',"full_address":').str(`${street}, ${city.city}, ${city.state}, ${city.postal}`);
  w.raw(',"address_line1":').str(street);
  w.raw(',"address_line2":"","address_line3":"","address_line4":""');
  w.raw(',"postal_code":').str(city.postal);
  w.raw(',"region_code":').str(shop.region);
  w.raw(',"district_info":[{"address_level_name":"country","address_name":').str(
    shop.region === 'US' ? 'United States' : 'United Kingdom',
  );
  w.raw(',"address_level":"L0"},{"address_level_name":"state","address_name":').str(city.state);
  w.raw(',"address_level":"L1"},{"address_level_name":"city","address_name":').str(city.city);
  w.raw(',"address_level":"L2"}]}');
  w.raw(',"shipping_type":').str(shippingTypeOf(ds, i));
  w.raw(',"delivery_option_name":"Standard shipping"');
  w.raw(',"fulfillment_type":"FULFILLMENT_BY_SELLER"');
  if (shipped) w.raw(',"packages":[{"id":').str(packageId).raw('}]');
  else w.raw(',"packages":[]');
  w.raw(',"tracking_number":').str(tracking);
  w.raw(',"cancel_reason":').str(cancelled ? 'No longer needed' : '');
  w.raw(',"cancellation_initiator":').str(cancelled ? pickBy(initiators, unit(ds.seed, 62, i)) : '');
  w.raw(',"rts_sla_time":').num(create + 3 * 86_400);
  w.raw(',"tts_sla_time":').num(create + 7 * 86_400);
  w.raw(',"shipping_provider":').str(provider);
  w.raw(',"shipping_provider_id":').str(providerId);
  w.raw(',"rts_time":').num(times.rts);
  w.raw(',"collection_time":').num(times.collection);
  w.raw(',"delivery_time":').num(times.delivery);
  w.raw(',"cancel_time":').num(times.cancel);
  w.raw(',"warehouse_id":').str(warehouseOf(ds, i));
  w.raw(',"is_cod":false,"is_sample_order":').raw(isSampleOrder(ds, i) ? 'true' : 'false');
  w.raw(',"order_type":"NORMAL","commerce_platform":"TIKTOK_SHOP"');
  w.raw(',"delivery_type":"HOME_DELIVERY","delivery_option_id":"7091146663229654785"');
  w.raw(',"has_updated_recipient_address":false,"is_on_hold_order":false,"is_replacement_order":false');
  w.raw(',"is_buyer_request_cancel":false}');
}
