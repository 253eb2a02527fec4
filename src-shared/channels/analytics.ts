import { z } from 'zod';
import {
  adsTreeInputSchema,
  adsTreeSchema,
  affiliateChoiceSchema,
  affiliateOrdersInputSchema,
  affiliateOrdersSchema,
  analyticsFilterSchema,
  breakdownInputSchema,
  breakdownSchema,
  collaborationsInputSchema,
  collaborationsSchema,
  exportInputSchema,
  exportSchema,
  freshnessInputSchema,
  freshnessSchema,
  overviewSchema,
  pageInputSchema,
  rateKeySchema,
  rateSchema,
  ratesSchema,
  rebuildSchema,
  scopesSchema,
  statementsSchema,
  timeseriesInputSchema,
  timeseriesSchema,
  viewSchema,
} from '../analytics';
import { type ContractSlice, noInput } from '../channel';

export const analyticsSlice = {
  title: 'Analytics',
  channels: {
    'analytics:scopes': {
      input: noInput,
      output: scopesSchema,
      summary: 'Shops and advertisers the dashboards can show, with the time zone of their days.',
      writes: false,
    },
    'analytics:overview': {
      input: z.object({ filter: analyticsFilterSchema }).strict(),
      output: overviewSchema,
      summary:
        'KPI cards for a period from the daily rollups: per currency (or converted with the user’s rates), the previous period of the same length, a spark line, and how fresh each source is.',
      writes: false,
    },
    'analytics:timeseries': {
      input: timeseriesInputSchema,
      output: timeseriesSchema,
      summary:
        'Series per day, week or month for the period, with the previous period bucketed the same way.',
      writes: false,
    },
    'analytics:breakdown': {
      input: breakdownInputSchema,
      output: breakdownSchema,
      summary:
        'By shop, top products, top creators or ad campaigns for the period, each row with a spark line.',
      writes: false,
    },
    'analytics:adsTree': {
      input: adsTreeInputSchema,
      output: adsTreeSchema,
      summary:
        'Ad campaigns → ad groups → ads with spend, impressions, clicks, CTR, conversions, ROAS and a daily trend.',
      writes: false,
    },
    'analytics:statements': {
      input: pageInputSchema,
      output: statementsSchema,
      summary: 'Finance statements of the period, newest first (keyset pages), with totals per currency.',
      writes: false,
    },
    'analytics:affiliateOrders': {
      input: affiliateOrdersInputSchema,
      output: affiliateOrdersSchema,
      summary:
        'Affiliate orders of the period with creator, collaboration, estimated and actual commission, and totals per currency; optionally one Creator and one collaboration (then only the SKUs attributed to it count).',
      writes: false,
    },
    'analytics:collaborations': {
      input: collaborationsInputSchema,
      output: collaborationsSchema,
      summary:
        'The target collaborations of the selected shops and the open collaborations their affiliate orders came through, to filter the Affiliate page by.',
      writes: false,
    },
    'analytics:affiliateView': {
      input: noInput,
      output: affiliateChoiceSchema,
      summary: 'The Affiliate page’s saved creator and collaboration (they survive a restart).',
      writes: false,
    },
    'analytics:saveAffiliateView': {
      input: affiliateChoiceSchema,
      output: affiliateChoiceSchema,
      summary: 'Saves the Affiliate page’s creator and collaboration.',
      writes: true,
    },
    'analytics:freshness': {
      input: freshnessInputSchema,
      output: freshnessSchema,
      summary:
        'When each source (orders, affiliate, finance, ads; all or the ones named) of the selected shops and advertisers last synced, and whether that is older than the sync interval.',
      writes: false,
    },
    'analytics:export': {
      input: exportInputSchema,
      output: exportSchema,
      summary:
        'A table or chart of the analytics pages as CSV text (UTF-8 with a byte-order mark) to save or download.',
      writes: false,
    },
    'analytics:rebuild': {
      input: noInput,
      output: rebuildSchema,
      summary:
        'Rebuilds every daily rollup from the synced raw rows; returns the days rebuilt and the time taken.',
      writes: true,
    },
    'analytics:rates': {
      input: noInput,
      output: ratesSchema,
      summary: 'The currency rates the user entered, and the currencies found in the synced data.',
      writes: false,
    },
    'analytics:setRate': {
      input: rateSchema.strict(),
      output: ratesSchema,
      summary: 'Adds or changes one rate: 1 currency = rate reporting currency, as of a day.',
      writes: true,
    },
    'analytics:deleteRate': {
      input: rateKeySchema,
      output: ratesSchema,
      summary: 'Removes one rate.',
      writes: true,
    },
    'analytics:view': {
      input: noInput,
      output: viewSchema,
      summary: 'The dashboard’s saved filters, grain and hidden series (they survive a restart).',
      writes: false,
    },
    'analytics:saveView': {
      input: viewSchema,
      output: viewSchema,
      summary: 'Saves the dashboard’s filters, grain and hidden series.',
      writes: true,
    },
  },
  events: {},
} as const satisfies ContractSlice;
