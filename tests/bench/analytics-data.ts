import type { Database } from '../../src-main/db/connection';
import { adDay } from '../../src-main/sandbox/ads/report';
import { orderFlag, orderStatuses, type Dataset } from '../../src-main/sandbox/data/dataset';
import { DAY } from '../../src-main/sandbox/data/generator';
import { lineCount, orderLine, orderTotals } from '../../src-main/sandbox/data/orders';
import { hash, unit } from '../../src-main/sandbox/data/rng';
import { encodeId } from '../../src-main/sandbox/ids';

/**
 * Loads the sandbox's `bench` dataset (1M orders, ~100k ad report rows) straight into the raw tables, as a
 * completed sync would leave them, without the HTTP round trips (the sync bench measures those).
 */
export function loadBenchData(db: Database, ds: Dataset): { orders: number; lines: number; adRows: number } {
  const acct = 'acct-bench';
  const now = Date.now();
  db.prepare(
    `INSERT INTO accounts (id, provider, status, remote_id, display_name, connected_at, updated_at)
     VALUES (?, 'shop', 'active', 'r', 'Bench', ?, ?), ('acct-ads', 'ads', 'active', 'ra', 'Ads', ?, ?)`,
  ).run(acct, now, now, now, now);
  const shop = db.prepare(
    `INSERT INTO shops (shop_id, account_id, name, region, currency, cipher) VALUES (?, ?, ?, ?, ?, 'c')`,
  );
  for (const s of ds.shops) shop.run(s.id, acct, s.name, s.region, s.currency);
  const product = db.prepare(
    `INSERT INTO products (product_id, account_id, shop_id, title, status, etag, synced_at) VALUES (?, ?, ?, ?, 'ACTIVATE', '', 0)`,
  );
  const order = db.prepare(
    `INSERT INTO orders (order_id, account_id, shop_id, status, currency, create_time, update_time, total_minor,
       sub_total_minor, original_total_minor, shipping_fee_minor, seller_discount_minor, platform_discount_minor,
       tax_minor, units, refund_minor, synced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
  );
  const line = db.prepare(
    `INSERT INTO order_lines (order_id, line_id, product_id, product_name, sku_id, currency, original_price_minor,
       sale_price_minor, seller_discount_minor, platform_discount_minor, cancelled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const affiliate = db.prepare(
    `INSERT INTO affiliate_orders (order_id, account_id, shop_id, status, create_time, creator_id, creator_handle,
       currency, gmv_minor, est_commission_minor, actual_commission_minor, etag, synced_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', 0)`,
  );
  let lines = 0;
  db.transaction(() => {
    for (const p of ds.products) product.run(p.id, acct, ds.shops[p.shopIndex]?.id ?? '', p.title);
  })();
  // Orders in creation order (as a first sync writes them), 20k per transaction.
  const ids = Array.from({ length: ds.orders.count }, (_, i) => i).sort(
    (a, b) => (ds.orders.createTime[a] ?? 0) - (ds.orders.createTime[b] ?? 0),
  );
  for (let start = 0; start < ids.length; start += 20_000) {
    db.transaction(() => {
      for (const i of ids.slice(start, start + 20_000)) {
        const s = ds.orders.shop[i] ?? 0;
        const sh = ds.shops[s]!;
        const flags = ds.orders.flags[i] ?? 0;
        const status = orderStatuses[ds.orders.status[i] ?? 0] ?? 'COMPLETED';
        const t = orderTotals(ds, i, s, flags);
        const n = lineCount(ds, i, flags);
        const refunded = (flags & orderFlag.refund) !== 0 && n > 0;
        const oid = encodeId('order', i);
        let refund = 0;
        let gmvAff = 0;
        const rows: unknown[][] = [];
        for (let l = 0; l < n; l++) {
          const spec = orderLine(ds, i, s, l);
          const sale = spec.originalCents - spec.sellerDiscountCents - spec.platformDiscountCents;
          const cancelled = refunded && l === 0;
          if (cancelled) refund += sale;
          gmvAff += spec.originalCents - spec.sellerDiscountCents;
          const p = ds.products[spec.productIndex];
          rows.push([
            oid,
            `${oid}-${l}`,
            p?.id ?? '',
            p?.title ?? '',
            `${spec.productIndex}-${spec.skuIndex}`,
            sh.currency,
            spec.originalCents,
            sale,
            spec.sellerDiscountCents,
            spec.platformDiscountCents,
            cancelled ? 1 : 0,
          ]);
        }
        const create = (ds.orders.createTime[i] ?? 0) * 1000;
        order.run(
          oid,
          acct,
          sh.id,
          status,
          sh.currency,
          create,
          (ds.orders.updateTime[i] ?? 0) * 1000,
          t.total,
          t.subTotal,
          t.originalTotal,
          t.shippingFee,
          t.sellerDiscount,
          t.platformDiscount,
          t.tax,
          n - (refunded ? 1 : 0),
          refund,
        );
        for (const r of rows) line.run(...r);
        lines += rows.length;
        if (flags & orderFlag.affiliate) {
          const u = unit(ds.seed, 95, i);
          const creator = Math.floor(u * u * u * ds.creators.count);
          const rate = 1_000 + (hash(ds.seed, 96, i) % 16) * 100;
          affiliate.run(
            oid,
            acct,
            sh.id,
            status === 'CANCELLED' ? 'CANCELLED' : 'COMPLETED',
            create,
            null,
            ds.creators.usernames[creator] ?? null,
            sh.currency,
            gmvAff,
            Math.round((gmvAff * rate) / 10_000),
            0,
          );
        }
      }
    })();
  }
  // Creators of affiliate orders get a local id, as the sync's creator store gives them.
  db.exec(`
    INSERT INTO creators (canonical_id, handle, first_seen_at, updated_at)
      SELECT DISTINCT 0, creator_handle, 0, 0 FROM affiliate_orders WHERE creator_handle IS NOT NULL;
    UPDATE creators SET canonical_id = id WHERE canonical_id = 0;
    UPDATE affiliate_orders SET creator_id = (SELECT id FROM creators c WHERE c.handle = affiliate_orders.creator_handle);
    -- One record in twenty is another record of the Creator before it (merged in the CRM, docs/creators.md),
    -- so creator figures are read per Creator as they are in a shop with merges.
    UPDATE creators SET canonical_id = id - 1, merged_into = id - 1 WHERE id % 20 = 0;
  `);
  const statement = db.prepare(
    `INSERT INTO finance_statements (statement_id, account_id, shop_id, statement_time, currency, settlement_minor,
       revenue_minor, fee_minor, adjustment_minor, shipping_cost_minor, net_sales_minor, payment_status, etag, synced_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 'PAID', '', 0)`,
  );
  const adv = ds.ads.advertisers[0]!;
  db.prepare(
    `INSERT INTO advertisers (advertiser_id, account_id, name, currency, timezone) VALUES (?, 'acct-ads', ?, ?, ?)`,
  ).run(adv.id, adv.name, adv.currency, adv.timezone);
  const report = db.prepare(
    `INSERT INTO ad_report_days (ad_id, day, account_id, advertiser_id, campaign_id, adgroup_id, currency, spend_minor,
       impressions, clicks, reach, conversions, conversion_value_minor, synced_at)
     VALUES (?, ?, 'acct-ads', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
  );
  let adRows = 0;
  db.transaction(() => {
    for (const sh of ds.shops)
      for (let d = 0; d < ds.spec.days; d++) {
        const revenue = Math.round(ds.dailyGmvCents[sh.index]?.[d] ?? 0);
        statement.run(
          `${sh.id}-${d}`,
          acct,
          sh.id,
          (ds.startTime + (d + 1) * DAY) * 1000,
          sh.currency,
          revenue - Math.round(revenue * 0.11),
          revenue,
          -Math.round(revenue * 0.08),
          -Math.round(revenue * 0.03),
          revenue,
        );
      }
    for (const ad of ds.ads.ads) {
      const campaign = ds.ads.campaigns[ad.campaignIndex]!;
      const group = ds.ads.adgroups[ad.adgroupIndex]!;
      for (let d = 0; d < ds.spec.days; d++) {
        const b = adDay(ds, ad, d);
        if (!b) continue;
        const day = new Date((ds.startTime + d * DAY) * 1000).toISOString().slice(0, 10);
        report.run(
          ad.id,
          day,
          adv.id,
          campaign.id,
          group.id,
          adv.currency,
          Math.round(b.spend * 100),
          b.impressions,
          b.clicks,
          b.reach,
          b.conversions,
          Math.round(b.value * 100),
        );
        adRows++;
      }
    }
  })();
  return { orders: ds.orders.count, lines, adRows };
}
