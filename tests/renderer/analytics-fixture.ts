import type {
  AffiliateOrderRow,
  Breakdown,
  BreakdownRow,
  CollaborationOption,
  DashboardView,
  Overview,
  Period,
  Timeseries,
} from '@shared/analytics';
import type { ChannelOutput } from '@shared/contract';
import type { FakeBridge } from './fake-bridge';

/** Answers of the analytics channels for the Dashboard and Affiliate pages' renderer tests. */

export const period: Period = {
  from: '2026-03-01',
  to: '2026-03-30',
  days: 30,
  previousFrom: '2026-01-30',
  previousTo: '2026-02-28',
  referenceZone: 'UTC',
};

export const view: DashboardView = {
  filter: {
    range: { preset: 'last30' },
    shopIds: [],
    advertiserIds: [],
    focus: null,
    reportingCurrency: null,
  },
  grain: 'day',
  hiddenSeries: [],
};

const freshness = { sources: [], syncIntervalMinutes: 60, stale: false };

export const overview: Overview = {
  period,
  scopes: [],
  kpis: [
    {
      key: 'affiliateGmv',
      kind: 'money',
      source: 'affiliate',
      values: [{ currency: 'USD', value: 12_345, previous: 10_000, spark: [1, 2, 3] }],
      converted: null,
      unavailable: null,
      coverage: null,
    },
  ],
  freshness,
  empty: false,
};

export const timeseries: Timeseries = {
  period,
  grain: 'day',
  buckets: ['2026-03-01'],
  previousBuckets: ['2026-01-30'],
  series: [],
  rates: [],
  missingRates: [],
};

export const creatorRow = (id: string, label: string, gmv: number): BreakdownRow => ({
  id,
  label,
  detail: null,
  currency: 'USD',
  metrics: { affiliateGmv: gmv, orders: 1, commissionEstimated: 0, commissionActual: 0 },
  spark: [gmv],
});

export const breakdown = (kind: Breakdown['kind'], rows: BreakdownRow[]): Breakdown => ({
  period,
  kind,
  columns: kind === 'creators' ? ['affiliateGmv', 'orders', 'commissionEstimated', 'commissionActual'] : [],
  rows,
});

export function affiliateOrder(over: Partial<AffiliateOrderRow> & { orderId: string }): AffiliateOrderRow {
  return {
    shopId: 'shop-1',
    day: '2026-03-07',
    createTime: Date.UTC(2026, 2, 7, 18),
    status: 'COMPLETED',
    creatorId: 1,
    creatorHandle: 'maple',
    collaborationId: null,
    collaborationKind: null,
    collaborationName: null,
    collaborationProduct: null,
    currency: 'USD',
    gmvMinor: 700,
    estCommissionMinor: 70,
    actualCommissionMinor: 0,
    ...over,
  };
}

export const collaborations: CollaborationOption[] = [
  { kind: 'target', id: 'T1', name: 'Spring candles', productTitle: null, shopId: 'shop-1', status: 'VALID' },
  { kind: 'target', id: 'T9', name: 'Quiet one', productTitle: null, shopId: 'shop-1', status: 'COMPLETED' },
  { kind: 'open', id: 'O-P2', name: null, productTitle: 'Birch soap', shopId: 'shop-1', status: null },
  { kind: 'open', id: 'O-P1', name: null, productTitle: 'Maple candle', shopId: 'shop-1', status: null },
];

/** The channels every analytics page reads besides its own figures. */
export function handleAnalyticsBasics(bridge: FakeBridge): FakeBridge {
  return bridge
    .handle('analytics:view', () => view)
    .handle('analytics:saveView', (v) => v as ChannelOutput<'analytics:saveView'>)
    .handle('analytics:scopes', () => ({ scopes: [] }))
    .handle('analytics:rates', () => ({ rates: [], currencies: ['USD'] }))
    .handle('analytics:freshness', () => freshness);
}
