import type { analyticsSlice } from '@shared/channels/analytics';
import type { HandlersFor } from '../ipc/router';
import type { AnalyticsService } from './service';

export function analyticsHandlers(a: AnalyticsService): HandlersFor<typeof analyticsSlice> {
  return {
    'analytics:scopes': () => a.scopes(),
    'analytics:overview': (input) => a.overview(input.filter),
    'analytics:timeseries': (input) => a.timeseries(input.filter, input.grain),
    'analytics:breakdown': (input) => a.breakdown(input.filter, input.kind, input.limit),
    'analytics:adsTree': (input) => a.adsTree(input.filter),
    'analytics:statements': (input) => a.statements(input.filter, input.limit, input.cursor),
    'analytics:affiliateOrders': (input) =>
      a.affiliateOrders(input.filter, input.limit, input.cursor, input.creatorId, input.collaboration),
    'analytics:collaborations': (input) => a.collaborations(input.filter),
    'analytics:affiliateView': () => a.affiliateView(),
    'analytics:saveAffiliateView': (input) => a.saveAffiliateView(input),
    'analytics:freshness': (input) => a.freshness(input.filter, input.sources),
    'analytics:export': (input) =>
      a.exportCsv(input.table, input.filter, input.grain, input.headings, input.affiliate),
    'analytics:rebuild': () => a.rebuild(),
    'analytics:rates': () => a.rates(),
    'analytics:setRate': (input) => a.setRate(input),
    'analytics:deleteRate': (input) => a.deleteRate(input.currency, input.reportingCurrency),
    'analytics:view': () => a.view(),
    'analytics:saveView': (input) => a.saveView(input),
  };
}
