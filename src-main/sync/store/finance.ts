import type { Database, Statement } from 'better-sqlite3';
import { zonedDay } from '@shared/time';
import type { Statement as FinanceStatement } from '../../tiktok/shop/finance';
import { etag } from '../etag';
import type { Counts } from '../job';
import type { RollupStore } from './rollups';

export class StatementWriter {
  private readonly selectTag: Statement<[string], { etag: string; statement_time: number }>;
  private readonly upsert: Statement;

  constructor(
    db: Database,
    private readonly rollups: RollupStore,
  ) {
    this.selectTag = db.prepare('SELECT etag, statement_time FROM finance_statements WHERE statement_id = ?');
    this.upsert = db.prepare(`
      INSERT INTO finance_statements (statement_id, account_id, shop_id, statement_time, currency, settlement_minor,
        revenue_minor, fee_minor, adjustment_minor, shipping_cost_minor, net_sales_minor, payment_status,
        payment_id, etag, synced_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (statement_id) DO UPDATE SET account_id = excluded.account_id, shop_id = excluded.shop_id,
        statement_time = excluded.statement_time, currency = excluded.currency,
        settlement_minor = excluded.settlement_minor, revenue_minor = excluded.revenue_minor,
        fee_minor = excluded.fee_minor, adjustment_minor = excluded.adjustment_minor,
        shipping_cost_minor = excluded.shipping_cost_minor, net_sales_minor = excluded.net_sales_minor,
        payment_status = excluded.payment_status, payment_id = excluded.payment_id, etag = excluded.etag,
        synced_at = excluded.synced_at`);
  }

  write(accountId: string, shopId: string, items: readonly FinanceStatement[], now: number): Counts {
    let inserted = 0;
    let updated = 0;
    const zone = this.rollups.shopZone(shopId);
    const dirtyDays = new Set<string>();
    for (const s of items) {
      const tag = etag(s);
      const old = this.selectTag.get(s.statementId);
      if (old?.etag === tag) continue;
      if (old) {
        updated++;
        dirtyDays.add(zonedDay(old.statement_time, zone));
      } else inserted++;
      dirtyDays.add(zonedDay(s.statementTime, zone));
      this.upsert.run(
        s.statementId,
        accountId,
        shopId,
        s.statementTime,
        s.currency,
        s.settlementMinor,
        s.revenueMinor,
        s.feeMinor,
        s.adjustmentMinor,
        s.shippingCostMinor,
        s.netSalesMinor,
        s.paymentStatus,
        s.paymentId,
        tag,
        now,
      );
    }
    this.rollups.markDirty('finance', accountId, shopId, dirtyDays);
    return { inserted, updated };
  }
}
