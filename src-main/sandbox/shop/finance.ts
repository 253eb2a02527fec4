import { z } from 'zod';
import { DAY } from '../data/generator';
import { money } from '../data/orders';
import { hash } from '../data/rng';
import { encodeId } from '../ids';
import { parse, requireShop, type ShopContext } from './context';
import { decodePageToken, encodePageToken, fingerprint, walk } from './pagination';
import { pageSizeSchema } from './products';

const seconds = z.string().regex(/^\d+$/, 'must be Unix seconds').transform(Number).optional();

const statementQuery = z.object({
  sort_field: z.literal('statement_time', { error: "sort_field is required and must be 'statement_time'" }),
  sort_order: z.enum(['ASC', 'DESC']).default('ASC'),
  page_size: pageSizeSchema(100, 20),
  statement_time_ge: seconds,
  statement_time_lt: seconds,
  payment_status: z.enum(['PAID', 'FAILED', 'PROCESSING']).optional(),
});

/** One statement per shop per day with sales, settled the next day; amounts follow that day's orders. */
export function statements(ctx: ShopContext): unknown {
  const shop = requireShop(ctx);
  const ds = ctx.state.dataset;
  const q = parse(statementQuery, Object.fromEntries(ctx.query), 'query');
  const fp = fingerprint(
    'statements',
    shop.index,
    q.sort_order,
    q.statement_time_ge,
    q.statement_time_lt,
    q.payment_status,
  );
  const position = decodePageToken(ctx.query.get('page_token'), fp);
  const gmv = ds.dailyGmvCents[shop.index] ?? new Float64Array(0);
  const days = gmv.length;
  const timeOf = (d: number): number => ds.startTime + (d + 1) * DAY;
  const statusOf = (d: number): 'PAID' | 'PROCESSING' =>
    timeOf(d) <= ctx.now - 3 * DAY ? 'PAID' : 'PROCESSING';
  const match = (d: number): boolean => {
    const t = timeOf(d);
    if ((gmv[d] ?? 0) <= 0 || t > ctx.now) return false;
    if (q.statement_time_ge !== undefined && t < q.statement_time_ge) return false;
    if (q.statement_time_lt !== undefined && t >= q.statement_time_lt) return false;
    if (q.payment_status !== undefined && statusOf(d) !== q.payment_status) return false;
    return true;
  };
  const seq =
    q.sort_order === 'ASC'
      ? { length: days, at: (k: number) => k }
      : { length: days, at: (k: number) => days - 1 - k };
  const page = walk(seq, position, q.page_size, match);
  return {
    statements: page.items.map((d) => {
      const revenue = Math.round(gmv[d] ?? 0);
      const fee = -Math.round(revenue * 0.08);
      const shipping = -Math.round(revenue * 0.03);
      const adjustment =
        hash(ds.seed, 70, shop.index, d) % 10 === 0 ? -((hash(ds.seed, 71, d) % 2000) + 100) : 0;
      return {
        id: encodeId('statement', shop.index * 10_000 + d),
        statement_time: timeOf(d),
        settlement_amount: money(revenue + fee + shipping + adjustment),
        currency: shop.currency,
        revenue_amount: money(revenue),
        fee_amount: money(fee),
        adjustment_amount: money(adjustment),
        shipping_cost_amount: money(shipping),
        net_sales_amount: money(revenue),
        payment_status: statusOf(d),
        payment_id: statusOf(d) === 'PAID' ? encodeId('statement', 5_000_000 + shop.index * 10_000 + d) : '',
      };
    }),
    next_page_token: page.next === null ? '' : encodePageToken(page.next, fp),
  };
}
