import { expect } from '@playwright/test';
import { z } from 'zod';

/**
 * The Dashboard's figures worked out from what the sandbox served, without the app: its orders come from the
 * sandbox's admin API (`GET /admin/orders`, the same JSON Search Orders answers), days are counted in each
 * shop's zone with Intl (not the app's `src-shared/time.ts`), and the sums follow the definitions the app
 * states under "How is this counted?". An e2e journey compares the page with these.
 */

const servedOrder = z
  .object({
    id: z.string(),
    status: z.string(),
    create_time: z.number(),
    payment: z.object({ total_amount: z.string(), currency: z.string() }).loose(),
    line_items: z.array(z.object({ display_status: z.string(), sale_price: z.string() }).loose()),
  })
  .loose();
export type ServedOrder = z.output<typeof servedOrder>;

const stateShops = z.object({
  shops: z.array(z.object({ id: z.string(), name: z.string(), region: z.string(), currency: z.string() })),
});
const ordersPage = z.object({ total: z.number(), orders: z.array(servedOrder) });

export interface ServedShop {
  id: string;
  name: string;
  region: string;
  currency: string;
  /** The zone Seller Center counts the shop's days in. */
  zone: string;
  orders: ServedOrder[];
}

/** The zones TikTok Shop reports these regions' days in; written out here so the test does not reuse the app's. */
const regionZones: Record<string, string> = { US: 'America/Los_Angeles', GB: 'Europe/London' };

export function zoneOfRegion(region: string): string {
  const zone = regionZones[region];
  if (!zone) throw new Error(`no zone known for region ${region}`);
  return zone;
}

/** A client of one sandbox's admin API. */
export class SandboxAdminClient {
  constructor(
    private readonly base: string,
    private readonly token: string,
  ) {}

  async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json: unknown = await res.json();
    expect(res.status, `${method} ${path}: ${JSON.stringify(json)}`).toBe(200);
    return json;
  }

  async shops(): Promise<Array<Omit<ServedShop, 'orders' | 'zone'>>> {
    return stateShops.parse(await this.call('GET', '/state')).shops;
  }

  /** A buyer of `shopId` places an order at `atMs`; returns its id. */
  async placeOrder(shopId: string, atMs: number): Promise<string> {
    const reply = z.object({ orderId: z.string() }).parse(
      await this.call('POST', '/orders/place', {
        shopId,
        createTime: Math.floor(atMs / 1000),
        status: 'COMPLETED',
      }),
    );
    return reply.orderId;
  }

  /** Every shop with every order the sandbox serves for it. */
  async served(): Promise<ServedShop[]> {
    const out: ServedShop[] = [];
    for (const shop of await this.shops()) {
      const orders: ServedOrder[] = [];
      for (;;) {
        const page = ordersPage.parse(
          await this.call('GET', `/orders?shopId=${shop.id}&offset=${orders.length}&limit=1000`),
        );
        orders.push(...page.orders);
        if (page.orders.length === 0 || orders.length >= page.total) break;
      }
      out.push({ ...shop, zone: zoneOfRegion(shop.region), orders });
    }
    return out;
  }
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) an instant falls on in `zone`. */
export function localDay(ms: number, zone: string): string {
  let f = dayFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(zone, f);
  }
  const parts = f.formatToParts(ms);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** How far `zone`'s wall clock is ahead of UTC at `ms`. */
function offsetMs(zone: string, ms: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(ms);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The instant `zone`'s clocks show `hour`:00 on `day`. */
export function wallClock(day: string, hour: number, zone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d, hour);
  const first = guess - offsetMs(zone, guess);
  return guess - offsetMs(zone, first);
}

export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** "12.34" → 1234: money stays in integer minor units (every sandbox currency has two decimals). */
export function minorOf(amount: string): number {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  if (!m) throw new Error(`not an amount: ${amount}`);
  const value = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -value : value;
}

export interface Sums {
  /** Orders placed and not cancelled. */
  orders: number;
  cancellations: number;
  /** Items (one per line) of those orders, less refunded ones. */
  units: number;
  /** Per currency, minor units: the total paid or due of the orders counted. */
  gmv: Map<string, number>;
  /** Per currency: the sale price of refunded items. */
  refunds: Map<string, number>;
  /** Currencies with any order at all (cancelled too): the currencies the page shows a line for. */
  currencies: Set<string>;
  orderIds: Set<string>;
}

const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

/** The figures of the orders placed on the shops' own days `from`…`to` (inclusive). */
export function sumsOf(shops: readonly ServedShop[], from: string, to: string): Sums {
  const s: Sums = {
    orders: 0,
    cancellations: 0,
    units: 0,
    gmv: new Map(),
    refunds: new Map(),
    currencies: new Set(),
    orderIds: new Set(),
  };
  for (const shop of shops) {
    for (const o of shop.orders) {
      const day = localDay(o.create_time * 1000, shop.zone);
      if (day < from || day > to) continue;
      const currency = o.payment.currency;
      s.currencies.add(currency);
      if (o.status === 'CANCELLED') {
        s.cancellations++;
        continue;
      }
      s.orderIds.add(o.id);
      s.orders++;
      add(s.gmv, currency, minorOf(o.payment.total_amount));
      for (const line of o.line_items) {
        if (line.display_status === 'CANCELLED') add(s.refunds, currency, minorOf(line.sale_price));
        else s.units++;
      }
    }
  }
  return s;
}

/** Minor units as the page writes money in English (Intl, the exact decimal string). */
export function money(minor: number, currency: string): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const decimal = `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  // A decimal string is formatted exactly (Intl.NumberFormat v3); the lib types still say number.
  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(decimal as unknown as number);
}

export const count = (n: number): string => new Intl.NumberFormat('en').format(n);

/** A calendar day as the page writes it in English ("Dec 4, 2026"). */
export function dayText(day: string): string {
  return new Intl.DateTimeFormat('en', { timeZone: 'UTC', dateStyle: 'medium' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

/** The first day of the previous period the app states: the same number of days, ending the day before. */
export function sameLengthBefore(from: string, to: string): string {
  return addDays(from, -(Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1));
}

/** What a money card with no figure shows where its figures would be. */
const noFigure = '—';

/**
 * What each KPI card shows for the period `from`…`to`, its previous period starting on `previousFrom` and
 * ending the day before `from`: a line per currency the selected shops had orders in over both periods
 * (money; none at all: a dash), one line for counts.
 */
export function expectedCards(
  shops: readonly ServedShop[],
  from: string,
  to: string,
  previousFrom = sameLengthBefore(from, to),
): Record<'GMV' | 'Orders' | 'Units sold' | 'Cancelled orders' | 'Refunds', string[]> {
  const current = sumsOf(shops, from, to);
  const currencies = [...sumsOf(shops, previousFrom, to).currencies].sort();
  const perCurrency = (pick: (c: string) => number): string[] =>
    currencies.length === 0 ? [noFigure] : currencies.map((c) => money(pick(c), c));
  return {
    GMV: perCurrency((c) => current.gmv.get(c) ?? 0),
    Orders: [count(current.orders)],
    'Units sold': [count(current.units)],
    'Cancelled orders': [count(current.cancellations)],
    Refunds: perCurrency((c) => current.refunds.get(c) ?? 0),
  };
}

/**
 * The change line under each figure of the GMV and Orders cards, worked out from the sandbox's orders of
 * the period and of its previous period (`previousFrom` up to the day before `from`), as the card words it
 * in English: the relative change as a percentage with at most one decimal and its sign, "No previous
 * figure to compare" when the previous figure is zero, "Nothing in this period" for a money card with no
 * currency at all.
 */
export function expectedChanges(
  shops: readonly ServedShop[],
  from: string,
  to: string,
  previousFrom: string,
): Record<'GMV' | 'Orders', string[]> {
  const current = sumsOf(shops, from, to);
  const previous = sumsOf(shops, previousFrom, addDays(from, -1));
  const currencies = [...sumsOf(shops, previousFrom, to).currencies].sort();
  const percent = new Intl.NumberFormat('en', {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const change = (value: number, before: number): string =>
    before === 0
      ? 'No previous figure to compare'
      : `${percent.format((value - before) / Math.abs(before))} vs previous period`;
  return {
    GMV:
      currencies.length === 0
        ? ['Nothing in this period']
        : currencies.map((c) => change(current.gmv.get(c) ?? 0, previous.gmv.get(c) ?? 0)),
    Orders: [change(current.orders, previous.orders)],
  };
}
