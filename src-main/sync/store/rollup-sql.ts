import type { Database, Statement } from 'better-sqlite3';

/** Which rollups exist and which raw rows each rebuilds from (ARCHITECTURE §9; the tables: migrations 004, 011, 012, 018). */
export type RollupKind = 'orders' | 'affiliate' | 'finance' | 'ads' | 'costs';

/**
 * Rollups of a shop scope (shop-local days) and of an advertiser scope (advertiser-local days). `costs`
 * rebuilds only `cost_days` (the orders rebuild fills it too): it runs when the user's product costs change.
 */
export const shopRollups: readonly RollupKind[] = ['orders', 'affiliate', 'finance', 'costs'];
export const advertiserRollups: readonly RollupKind[] = ['ads'];

/**
 * One day of one scope: `clear` deletes its rollup rows and `fill` inserts them again from the raw rows. A
 * `zoned` rebuild selects raw rows by time between the shop's local midnights (@start, @end); the others by
 * the stored day text. `span` gives the first and last instant (or day) of a scope's raw rows, for rebuilding
 * everything; `scopes` lists the scopes that have raw rows.
 */
export interface DayRebuild {
  zoned: boolean;
  clear: Statement[];
  fill: Statement[];
  span: Statement<
    [{ scope: string }],
    { first: number | string | null; last: number | string | null; account: string | null }
  >;
  scopes: Statement<[], string>;
  tables: readonly string[];
  /** Monthly rollups summing one of this rebuild's day rollups (migration 018). */
  months: MonthStatements[];
}

/**
 * A month is kept equal to the sum of its days in one of two ways. By difference, for a few days: a day's
 * rows are taken away from their months before the day is cleared (`subtract`) and added after it is
 * filled (`add`, then `prune` drops months left without days), at the cost of the rows of the days rebuilt.
 * Whole, when many days of a month are rebuilt at once (a first sync, a full rebuild): `clearMonth` and
 * `fillMonth` recount it from its days once, rather than upserting every item once per day.
 */
export interface MonthStatements {
  subtract: Statement;
  add: Statement;
  prune: Statement;
  clearMonth: Statement;
  fillMonth: Statement;
}

const live = (col: string): string => `SUM(CASE WHEN status != 'CANCELLED' THEN ${col} ELSE 0 END)`;

/** Units sold (lines neither cancelled nor refunded, of orders not cancelled) and their entered unit costs. */
const costFill = `INSERT INTO cost_days (shop_id, day, currency, account_id, units, costed_units, cost_minor)
  SELECT @scope, @day, l.currency, @account, COUNT(*), COUNT(c.sku_id),
    SUM(COALESCE(c.cost_minor, 0) + COALESCE(c.shipping_cost_minor, 0))
  FROM orders o JOIN order_lines l ON l.order_id = o.order_id
    LEFT JOIN product_costs c ON c.sku_id = l.sku_id AND c.currency = l.currency
  WHERE o.shop_id = @scope AND o.create_time >= @start AND o.create_time < @end
    AND o.status != 'CANCELLED' AND l.cancelled = 0
  GROUP BY l.currency`;

const ordersSpan = `SELECT MIN(create_time) AS first, MAX(create_time) AS last,
    (SELECT account_id FROM orders WHERE shop_id = @scope ORDER BY create_time DESC LIMIT 1) AS account
  FROM orders WHERE shop_id = @scope`;

/** A per-month rollup of a per-item day rollup of shop scopes (migration 018). */
interface MonthRollup {
  months: string;
  days: string;
  item: string;
  columns: readonly string[];
}

const productMonths: MonthRollup = {
  months: 'product_months',
  days: 'product_days',
  item: 'product_id',
  columns: ['units', 'gross_minor', 'refunded_units', 'refunds_minor'],
};
const creatorMonths: MonthRollup = {
  months: 'creator_months',
  days: 'creator_days',
  item: 'creator_id',
  columns: ['orders', 'gmv_minor', 'est_commission_minor', 'actual_commission_minor'],
};

/** Adds (sign 1) or takes away (sign -1) one day's rows of a day rollup to or from its months. */
function monthDelta(m: MonthRollup, sign: 1 | -1): string {
  const cols = m.columns.join(', ');
  const values = m.columns.map((c) => `${sign < 0 ? '-' : ''}${c}`).join(', ');
  const sums = m.columns.map((c) => `${c} = ${c} + excluded.${c}`).join(', ');
  return `INSERT INTO ${m.months} (shop_id, ${m.item}, month, currency, account_id, days, ${cols})
    SELECT shop_id, ${m.item}, substr(day, 1, 7), currency, account_id, ${sign}, ${values}
    FROM ${m.days} WHERE shop_id = @scope AND day = @day
    ON CONFLICT (shop_id, ${m.item}, month, currency) DO UPDATE SET days = days + excluded.days, ${sums}${
      sign > 0 ? ', account_id = excluded.account_id' : ''
    }`;
}

function monthStatements(db: Database, m: MonthRollup): MonthStatements {
  const cols = m.columns.join(', ');
  const sums = m.columns.map((c) => `SUM(${c})`).join(', ');
  return {
    subtract: db.prepare(monthDelta(m, -1)),
    add: db.prepare(monthDelta(m, 1)),
    prune: db.prepare(
      `DELETE FROM ${m.months} WHERE shop_id = @scope AND month = substr(@day, 1, 7) AND days = 0`,
    ),
    clearMonth: db.prepare(`DELETE FROM ${m.months} WHERE shop_id = @scope AND month = @month`),
    // The day rows of one month, in the day rollup's primary key order (scope, day, ...).
    fillMonth: db.prepare(
      `INSERT INTO ${m.months} (shop_id, ${m.item}, month, currency, account_id, days, ${cols})
       SELECT shop_id, ${m.item}, @month, currency, MAX(account_id), COUNT(*), ${sums}
       FROM ${m.days} WHERE shop_id = @scope AND day >= @month || '-01' AND day <= @month || '-31'
       GROUP BY ${m.item}, currency`,
    ),
  };
}

function rebuild(
  db: Database,
  zoned: boolean,
  tables: Array<[table: string, scopeColumn: string]>,
  fill: string[],
  span: string,
  scopes: string,
  months: MonthRollup[] = [],
): DayRebuild {
  return {
    zoned,
    clear: tables.map(([t, c]) => db.prepare(`DELETE FROM ${t} WHERE ${c} = @scope AND day = @day`)),
    fill: fill.map((sql) => db.prepare(sql)),
    span: db.prepare(span),
    scopes: db.prepare<[], string>(scopes).pluck(),
    tables: [...tables.map(([t]) => t), ...months.map((m) => m.months)],
    months: months.map((m) => monthStatements(db, m)),
  };
}

export function prepareRebuilds(db: Database): Record<RollupKind, DayRebuild> {
  return {
    orders: rebuild(
      db,
      true,
      [
        ['order_days', 'shop_id'],
        ['product_days', 'shop_id'],
        ['cost_days', 'shop_id'],
      ],
      [
        `INSERT INTO order_days (shop_id, day, currency, account_id, orders, cancelled_orders, units, gross_minor,
           refunds_minor, seller_discount_minor, platform_discount_minor, tax_minor, shipping_minor)
         SELECT @scope, @day, currency, @account, SUM(status != 'CANCELLED'), SUM(status = 'CANCELLED'),
           ${live('units')}, ${live('total_minor')}, ${live('refund_minor')}, ${live('seller_discount_minor')},
           ${live('platform_discount_minor')}, ${live('tax_minor')}, ${live('shipping_fee_minor')}
         FROM orders WHERE shop_id = @scope AND create_time >= @start AND create_time < @end
         GROUP BY currency`,
        `INSERT INTO product_days (shop_id, day, product_id, currency, account_id, units, gross_minor,
           refunded_units, refunds_minor)
         SELECT @scope, @day, l.product_id, l.currency, @account, SUM(l.cancelled = 0),
           SUM(CASE WHEN l.cancelled = 0 THEN l.sale_price_minor ELSE 0 END), SUM(l.cancelled),
           SUM(CASE WHEN l.cancelled != 0 THEN l.sale_price_minor ELSE 0 END)
         FROM orders o JOIN order_lines l ON l.order_id = o.order_id
         WHERE o.shop_id = @scope AND o.create_time >= @start AND o.create_time < @end
           AND o.status != 'CANCELLED'
         GROUP BY l.product_id, l.currency`,
        costFill,
      ],
      ordersSpan,
      'SELECT shop_id FROM shops UNION SELECT shop_id FROM order_days',
      [productMonths],
    ),
    costs: rebuild(
      db,
      true,
      [['cost_days', 'shop_id']],
      [costFill],
      ordersSpan,
      'SELECT shop_id FROM shops UNION SELECT shop_id FROM cost_days',
    ),
    affiliate: rebuild(
      db,
      true,
      [
        ['affiliate_days', 'shop_id'],
        ['creator_days', 'shop_id'],
      ],
      [
        `INSERT INTO affiliate_days (shop_id, day, currency, account_id, orders, cancelled_orders, gmv_minor,
           est_commission_minor, actual_commission_minor)
         SELECT @scope, @day, COALESCE(currency, ''), @account, SUM(status != 'CANCELLED'),
           SUM(status = 'CANCELLED'), ${live('gmv_minor')}, ${live('est_commission_minor')},
           SUM(actual_commission_minor)
         FROM affiliate_orders WHERE shop_id = @scope AND create_time >= @start AND create_time < @end
         GROUP BY 3`,
        `INSERT INTO creator_days (shop_id, day, creator_id, currency, account_id, orders, gmv_minor,
           est_commission_minor, actual_commission_minor)
         SELECT @scope, @day, COALESCE(creator_id, 0), COALESCE(currency, ''), @account,
           SUM(status != 'CANCELLED'), ${live('gmv_minor')}, ${live('est_commission_minor')},
           SUM(actual_commission_minor)
         FROM affiliate_orders WHERE shop_id = @scope AND create_time >= @start AND create_time < @end
         GROUP BY 3, 4`,
      ],
      `SELECT MIN(create_time) AS first, MAX(create_time) AS last, 
         (SELECT account_id FROM affiliate_orders WHERE shop_id = @scope ORDER BY create_time DESC LIMIT 1) AS account
       FROM affiliate_orders WHERE shop_id = @scope`,
      'SELECT shop_id FROM shops UNION SELECT shop_id FROM affiliate_days',
      [creatorMonths],
    ),
    finance: rebuild(
      db,
      true,
      [['finance_days', 'shop_id']],
      [
        `INSERT INTO finance_days (shop_id, day, currency, account_id, statements, revenue_minor, fee_minor,
           adjustment_minor, shipping_cost_minor, settlement_minor, net_sales_minor)
         SELECT @scope, @day, currency, @account, COUNT(*), SUM(revenue_minor), SUM(fee_minor),
           SUM(adjustment_minor), SUM(shipping_cost_minor), SUM(settlement_minor), SUM(net_sales_minor)
         FROM finance_statements WHERE shop_id = @scope AND statement_time >= @start AND statement_time < @end
         GROUP BY currency`,
      ],
      `SELECT MIN(statement_time) AS first, MAX(statement_time) AS last, 
         (SELECT account_id FROM finance_statements WHERE shop_id = @scope ORDER BY statement_time DESC LIMIT 1) AS account
       FROM finance_statements WHERE shop_id = @scope`,
      'SELECT shop_id FROM shops UNION SELECT shop_id FROM finance_days',
    ),
    ads: rebuild(
      db,
      false,
      [
        ['ad_days', 'advertiser_id'],
        ['ad_campaign_days', 'advertiser_id'],
      ],
      [
        `INSERT INTO ad_days (advertiser_id, day, currency, account_id, spend_minor, impressions, clicks, reach,
           conversions, conversion_value_minor)
         SELECT @scope, @day, currency, @account, SUM(spend_minor), SUM(impressions), SUM(clicks), SUM(reach),
           SUM(conversions), SUM(conversion_value_minor)
         FROM ad_report_days WHERE advertiser_id = @scope AND day = @day
         GROUP BY currency`,
        `INSERT INTO ad_campaign_days (advertiser_id, day, campaign_id, currency, account_id, spend_minor,
           impressions, clicks, reach, conversions, conversion_value_minor)
         SELECT @scope, @day, COALESCE(campaign_id, ''), currency, @account, SUM(spend_minor), SUM(impressions),
           SUM(clicks), SUM(reach), SUM(conversions), SUM(conversion_value_minor)
         FROM ad_report_days WHERE advertiser_id = @scope AND day = @day
         GROUP BY 3, 4`,
      ],
      `SELECT MIN(day) AS first, MAX(day) AS last, 
         (SELECT account_id FROM ad_report_days WHERE advertiser_id = @scope ORDER BY day DESC LIMIT 1) AS account
       FROM ad_report_days WHERE advertiser_id = @scope`,
      'SELECT advertiser_id FROM advertisers UNION SELECT advertiser_id FROM ad_days',
    ),
  };
}
