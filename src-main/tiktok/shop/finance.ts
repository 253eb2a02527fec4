import { z } from 'zod';
import { toMinorUnits } from '../../core/money';
import { idKey, readRecords } from '../records';
import { type Page, type ShopDataContext, shopCall } from './data-call';
import { moneyText, pageToken, unixSeconds } from './schemas';

/** Finance statements (docs/tiktok-api/shop-data.md): one per settlement, amounts signed (fees are negative). */

const statementSchema = z.object({
  id: z.string().min(1),
  statement_time: unixSeconds,
  currency: z.string().min(3),
  settlement_amount: moneyText,
  revenue_amount: moneyText,
  fee_amount: moneyText,
  adjustment_amount: moneyText,
  shipping_cost_amount: moneyText,
  net_sales_amount: moneyText,
  payment_status: z.string().default(''),
  payment_id: z.string().optional(),
});

const listData = z.object({
  next_page_token: pageToken,
  total_count: z.number().int().optional(),
  statements: z.array(z.unknown()).default([]),
});

export interface Statement {
  statementId: string;
  statementTime: number;
  currency: string;
  settlementMinor: number;
  revenueMinor: number;
  feeMinor: number;
  adjustmentMinor: number;
  shippingCostMinor: number;
  netSalesMinor: number;
  paymentStatus: string;
  paymentId: string | null;
}

export interface StatementSearch {
  /** Unix seconds, inclusive. */
  statementTimeGe?: number;
  pageSize?: number;
  pageToken?: string;
}

export async function listStatements(ctx: ShopDataContext, q: StatementSearch): Promise<Page<Statement>> {
  const data = await shopCall(ctx, 'finance.statements', {
    method: 'GET',
    path: '/finance/202309/statements',
    query: {
      sort_field: 'statement_time',
      sort_order: 'ASC',
      page_size: q.pageSize ?? 100,
      statement_time_ge: q.statementTimeGe,
      page_token: q.pageToken || undefined,
    },
    data: listData,
  });
  const read = readRecords(data.statements, {
    schema: statementSchema,
    key: idKey(),
    optional: ['payment_id'],
  });
  return {
    rejected: read.rejected,
    items: read.items.map((s) => ({
      statementId: s.id,
      statementTime: s.statement_time * 1000,
      currency: s.currency,
      settlementMinor: toMinorUnits(s.settlement_amount, s.currency),
      revenueMinor: toMinorUnits(s.revenue_amount, s.currency),
      feeMinor: toMinorUnits(s.fee_amount, s.currency),
      adjustmentMinor: toMinorUnits(s.adjustment_amount, s.currency),
      shippingCostMinor: toMinorUnits(s.shipping_cost_amount, s.currency),
      netSalesMinor: toMinorUnits(s.net_sales_amount, s.currency),
      paymentStatus: s.payment_status,
      paymentId: s.payment_id || null,
    })),
    nextPageToken: data.next_page_token,
    totalCount: data.total_count ?? null,
  };
}
