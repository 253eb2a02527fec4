import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/log/logger';
import { Clock } from '../../../src-main/sandbox/clock';
import { orderFlag, type Dataset } from '../../../src-main/sandbox/data/dataset';
import { generateDataset } from '../../../src-main/sandbox/data/generator';
import { cities, firstNames, lastNames } from '../../../src-main/sandbox/data/names';
import { lineCount, money, orderLine, type OrderTotals } from '../../../src-main/sandbox/data/orders';
import { hash, pickBy, unit } from '../../../src-main/sandbox/data/rng';
import { RawJson, type SandboxRequest } from '../../../src-main/sandbox/http';
import { decodeId, encodeId } from '../../../src-main/sandbox/ids';
import { JsonWriter } from '../../../src-main/sandbox/json-writer';
import type { ShopContext } from '../../../src-main/sandbox/shop/context';
import { shopEnvelope } from '../../../src-main/sandbox/shop/gate';
import {
  buyerIdOf,
  isSampleOrder,
  milestones,
  orderStatusOf,
  shippingTypeOf,
  warehouseOf,
  writeOrder,
} from '../../../src-main/sandbox/shop/order-json';
import { orderDetail, searchOrders } from '../../../src-main/sandbox/shop/orders';
import { makeCredentials, SandboxState } from '../../../src-main/sandbox/state';

/*
 * The order serialiser writes JSON bytes by hand for speed. What the client receives must stay exactly what
 * JSON.stringify gave for the object the sandbox used to build, so that object form is kept below, as it was,
 * as the reference: the text must match it byte for byte (field order, number format, string escaping).
 */

const now = Date.UTC(2025, 5, 15, 12) / 1000;

const shippedStatuses = new Set<string>([
  'PARTIALLY_SHIPPING',
  'AWAITING_COLLECTION',
  'IN_TRANSIT',
  'DELIVERED',
  'COMPLETED',
]);

function citiesOf(region: string): typeof cities {
  const own = cities.filter((c) => c.region === region);
  return own.length > 0 ? own : cities;
}

/** orderTotals as it was, so a change to the shared totals code cannot hide from this test. */
function referenceTotals(ds: Dataset, index: number, shopIndex: number, flags: number): OrderTotals {
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
  const subTotal = originalTotal - sellerDiscount - platformDiscount;
  const originalShippingFee = n === 0 ? 0 : 499;
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

/** The object form the sandbox built before the hand-written serialiser (shop/order-json.ts). */
function referenceOrder(ds: Dataset, i: number): Record<string, unknown> {
  const shopIndex = ds.orders.shop[i] ?? 0;
  const shop = ds.shops[shopIndex];
  if (!shop) throw new Error('order without shop');
  const flags = ds.orders.flags[i] ?? 0;
  const status = orderStatusOf(ds, i);
  const create = ds.orders.createTime[i] ?? 0;
  const update = ds.orders.updateTime[i] ?? create;
  const totals = referenceTotals(ds, i, shopIndex, flags);
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
  const times = milestones(ds, i, status, create);

  const lines = [];
  const n = lineCount(ds, i, flags);
  const providerId = shipped ? (shop.region === 'GB' ? '6617675021119438901' : '6617675021119438849') : '';
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
      sku_type: 'NORMAL',
      shipping_provider_id: providerId,
      rts_time: times.rts,
      is_dangerous_good: false,
      needs_prescription: false,
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
    shipping_provider: shipped ? (shop.region === 'GB' ? 'Royal Mail' : 'USPS') : '',
    shipping_provider_id: providerId,
    rts_time: times.rts,
    collection_time: times.collection,
    delivery_time: times.delivery,
    cancel_time: times.cancel,
    warehouse_id: warehouseOf(ds, i),
    is_cod: false,
    is_sample_order: isSampleOrder(ds, i),
    order_type: 'NORMAL',
    commerce_platform: 'TIKTOK_SHOP',
    delivery_type: 'HOME_DELIVERY',
    delivery_option_id: '7091146663229654785',
    has_updated_recipient_address: false,
    is_on_hold_order: false,
    is_replacement_order: false,
    is_buyer_request_cancel: false,
  };
}

/** Strings JSON.stringify must escape, or that naive escaping gets wrong. */
const hostile = [
  'Kids\' "Dino" Pyjamas <Size 4-6>',
  'back\\slash \\u0041 \\"',
  'tab\there\nnew line\r\u0000\u0001\u001f\u007f',
  'line\u2028sep\u2029para',
  'lone \ud800 high and \udfff low surrogate',
  '😀 pair, 抹茶, مرطب البشرة, \u202Egnp.exe',
  '</script><script>alert("x")</script>',
  '',
];

function orderBytes(ds: Dataset, i: number): Buffer {
  const w = new JsonWriter();
  writeOrder(w, ds, i);
  return w.bytes();
}

function expectSameBytes(ds: Dataset, i: number): void {
  const bytes = orderBytes(ds, i);
  const reference = referenceOrder(ds, i);
  // Same values first (a clearer diff when it fails), then the same text and the same bytes.
  expect(JSON.parse(bytes.toString('utf8'))).toEqual(reference);
  expect(bytes.toString('utf8')).toBe(JSON.stringify(reference));
  expect(bytes.equals(Buffer.from(JSON.stringify(reference), 'utf8'))).toBe(true);
}

function stateFor(ds: Dataset): SandboxState {
  return new SandboxState(ds, new Clock(() => now * 1000), makeCredentials(ds.seed), silentLogger(), {});
}

function shopContext(state: SandboxState, shopIndex: number, query: Record<string, string>, body?: unknown) {
  const req: SandboxRequest = {
    method: 'POST',
    path: '/order/202309/orders/search',
    rawQuery: '',
    query: new URLSearchParams(),
    headers: {},
    body: Buffer.alloc(0),
  };
  const ctx: ShopContext = {
    state,
    req,
    params: {},
    query: new Map(Object.entries(query)),
    body,
    shop: state.dataset.shops[shopIndex] ?? null,
    appKey: state.creds.shop.appKey,
    grant: 0,
    scopes: 0,
    now,
    version: '202309',
  };
  return ctx;
}

/** What a handler's hand-written data comes to once the envelope writes it. */
function rawText(value: unknown): string {
  if (!(value instanceof RawJson)) throw new Error('expected data the handler writes itself');
  const w = new JsonWriter();
  value.write(w);
  return w.bytes().toString('utf8');
}

describe('writeOrder', () => {
  it('is byte for byte JSON.stringify of the object form, for every order of several datasets', () => {
    for (const seed of [1, 2, 9, 42]) {
      const ds = generateDataset({ scale: 'tiny', seed, nowSec: now });
      for (let i = 0; i < ds.orders.count; i++) expectSameBytes(ds, i);
    }
    const demo = generateDataset({ scale: 'demo', seed: 3, nowSec: now });
    for (let i = 0; i < demo.orders.count; i += 7) expectSameBytes(demo, i);
  });

  it('covers every branch the object form has', () => {
    const ds = generateDataset({ scale: 'demo', seed: 3, nowSec: now });
    const seen = new Set<string>();
    for (let i = 0; i < ds.orders.count; i++) {
      const flags = ds.orders.flags[i] ?? 0;
      seen.add(orderStatusOf(ds, i));
      if (flags & orderFlag.refund) seen.add('refund');
      if (flags & orderFlag.empty) seen.add('empty');
      if (lineCount(ds, i, flags) === 3) seen.add('three lines');
      if (hash(ds.seed, 60, i) % 25 === 0) seen.add('buyer message');
    }
    for (const s of ['UNPAID', 'CANCELLED', 'DELIVERED', 'COMPLETED', 'IN_TRANSIT', 'AWAITING_SHIPMENT'])
      expect(seen).toContain(s);
    for (const s of ['refund', 'empty', 'three lines', 'buyer message']) expect(seen).toContain(s);
  });

  it('escapes hostile dataset strings exactly as JSON.stringify does', () => {
    const ds = generateDataset({ scale: 'tiny', seed: 5, nowSec: now });
    // Every string the serialiser takes from the dataset or the word lists gets a hostile value.
    ds.products.forEach((p, k) => {
      const pick = (n: number): string => hostile[(k + n) % hostile.length] ?? '';
      p.title = pick(0);
      p.id = pick(1);
      p.imageUri = pick(2);
      for (const sku of p.skus) {
        sku.id = pick(3);
        sku.sellerSku = pick(4);
        for (const a of sku.attributes) a.valueName = pick(5);
      }
    });
    ds.shops.forEach((s, k) => {
      // The first shop stays US so both sides of the region branches run.
      if (k > 0) s.region = hostile[k + 1] ?? '';
      s.currency = hostile[k] ?? '';
      s.warehouseIds = s.warehouseIds.map((_, w) => hostile[(k + w + 3) % hostile.length] ?? '');
    });
    // The word lists are module state: swapped for this test only.
    const saved = { first: [...firstNames], last: [...lastNames], cities: cities.map((c) => ({ ...c })) };
    try {
      firstNames.forEach((_, k) => (firstNames[k] = hostile[k % hostile.length] ?? ''));
      lastNames.forEach((_, k) => (lastNames[k] = hostile[(k + 1) % hostile.length] ?? ''));
      cities.forEach((c, k) => {
        c.city = hostile[(k + 2) % hostile.length] ?? '';
        c.state = hostile[(k + 4) % hostile.length] ?? '';
        c.postal = hostile[(k + 6) % hostile.length] ?? '';
      });
      for (let i = 0; i < ds.orders.count; i++) expectSameBytes(ds, i);
      // Hostile text really reached the output (otherwise this test would prove nothing about escaping).
      const all = Array.from({ length: ds.orders.count }, (_, i) => orderBytes(ds, i).toString()).join('');
      for (const escaped of ['\\"Dino\\"', '\\\\u0041', '\\u0000', '\\ud800', '\\t', '\u2028', '😀'])
        expect(all).toContain(escaped);
    } finally {
      saved.first.forEach((v, k) => (firstNames[k] = v));
      saved.last.forEach((v, k) => (lastNames[k] = v));
      saved.cities.forEach((c, k) => Object.assign(cities[k] ?? {}, c));
    }
  });
});

describe('order pages', () => {
  it('search pages are JSON.stringify of { next_page_token, total_count, orders } in both sort orders', () => {
    const state = stateFor(generateDataset({ scale: 'demo', seed: 3, nowSec: now }));
    const ds = state.dataset;
    for (const [shopIndex, query, body] of [
      [0, { page_size: '100' }, undefined],
      [1, { page_size: '37', sort_field: 'update_time', sort_order: 'ASC' }, { order_status: 'CANCELLED' }],
    ] as const) {
      let token: string | undefined;
      let pages = 0;
      do {
        const ctx = shopContext(state, shopIndex, token ? { ...query, page_token: token } : query, body);
        const text = rawText(searchOrders(ctx));
        const page = JSON.parse(text) as {
          next_page_token: string;
          total_count: number;
          orders: Array<{ id: string }>;
        };
        const expected = {
          next_page_token: page.next_page_token,
          total_count: page.total_count,
          orders: page.orders.map((o) => referenceOrder(ds, decodeId('order', o.id) ?? -1)),
        };
        expect(text).toBe(JSON.stringify(expected));
        token = page.next_page_token || undefined;
        pages++;
      } while (token && pages < 5);
      expect(pages).toBeGreaterThan(1);
    }
  });

  it('order detail is JSON.stringify of { orders }, skipping unknown and foreign ids', () => {
    const state = stateFor(generateDataset({ scale: 'tiny', seed: 9, nowSec: now }));
    const ds = state.dataset;
    const mine = [0, 1, 2, 3, 4, 5].filter((i) => ds.orders.shop[i] === 0);
    const foreign = [0, 1, 2, 3, 4, 5].filter((i) => ds.orders.shop[i] !== 0);
    const ids = [...mine, ...foreign].map((i) => encodeId('order', i)).concat(['123', 'x']);
    const text = rawText(orderDetail(shopContext(state, 0, { ids: ids.join(',') })));
    expect(mine.length).toBeGreaterThan(0);
    expect(text).toBe(JSON.stringify({ orders: mine.map((i) => referenceOrder(ds, i)) }));
    expect(rawText(orderDetail(shopContext(state, 0, { ids: '123' })))).toBe('{"orders":[]}');
  });

  it('the Shop envelope writes hand-written data where JSON.stringify would put it', () => {
    const state = stateFor(generateDataset({ scale: 'tiny', seed: 1, nowSec: now }));
    const data = { orders: [{ id: '1', name: 'Zoë "quoted" 😀 抹茶' }], total_count: 1 };
    const written = new RawJson((w) => {
      w.raw('{"orders":[{"id":').str('1').raw(',"name":').str('Zoë "quoted" 😀 抹茶').raw('}]');
      w.raw(',"total_count":').num(1).raw('}');
    });
    for (const [code, message] of [
      [0, 'Success'],
      [36009004, 'Invalid "quoted" message \u2028 😀'],
    ] as const) {
      const raw = shopEnvelope(state, code, message, written);
      const plain = shopEnvelope(state, code, message, data);
      const bodyText = (body: string | Buffer): string => (typeof body === 'string' ? body : body.toString());
      const expected = (body: string | Buffer): string => {
        const { request_id } = JSON.parse(bodyText(body)) as { request_id: string };
        return JSON.stringify({ code, message, request_id, data });
      };
      expect(raw.status).toBe(plain.status);
      expect(raw.headers).toEqual(plain.headers);
      expect(raw.code).toBe(plain.code);
      expect(Buffer.isBuffer(raw.body)).toBe(true);
      expect(Buffer.from(raw.body).equals(Buffer.from(expected(raw.body), 'utf8'))).toBe(true);
      expect(bodyText(plain.body)).toBe(expected(plain.body));
    }
  });
});

describe('JsonWriter', () => {
  const written = (write: (w: JsonWriter) => void): Buffer => {
    const w = new JsonWriter();
    write(w);
    return w.bytes();
  };

  it('writes strings exactly as JSON.stringify does, hostile ones included', () => {
    const strings = [
      ...hostile,
      'plain',
      'Zoë Müller Søren',
      '\u007f del',
      '\ud83d\ude00 pair, then a lone \ude00 low and a lone \ud83d',
      '\ud83d',
      '\b\f\v',
      'x'.repeat(70_000),
    ];
    for (const s of strings) {
      expect(written((w) => w.str(s)).equals(Buffer.from(JSON.stringify(s), 'utf8'))).toBe(true);
    }
    const all = written((w) => strings.forEach((s, k) => (k === 0 ? w : w.raw(',')).str(s)));
    expect(all.toString()).toBe(strings.map((s) => JSON.stringify(s)).join(','));
  });

  it('writes numbers as JSON.stringify does', () => {
    const numbers = [0, -0, 7, -12, 1.5, 1e21, 2 ** 53 + 2, 1761004800, NaN, Infinity, -Infinity];
    for (const n of numbers) expect(written((w) => w.num(n)).toString()).toBe(JSON.stringify(n));
  });

  it('grows past its first buffer, and a finished reply is not touched by the next writer', () => {
    const big = '€ 抹茶 😀 '.repeat(60_000);
    const first = written((w) => w.raw('[').str(big).raw(',').raw(JSON.stringify(big)).raw(']'));
    const copy = Buffer.from(first);
    const second = written((w) => w.raw('{"a":').str('b'.repeat(300_000)).raw('}'));
    expect(first.equals(copy)).toBe(true);
    expect(first.toString()).toBe(JSON.stringify([big, big]));
    expect(second.toString()).toBe(JSON.stringify({ a: 'b'.repeat(300_000) }));
  });
});
