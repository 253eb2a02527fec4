import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalyticsFilter, AnalyticsScope } from '@shared/analytics';
import { formatZoneLabel } from './format';

/**
 * Which calendar a page's days are: each selected shop's own zone (shop-local days), and each selected ad
 * account's own zone (TikTok reports ad days in it). `only` keeps one kind, for pages that show one.
 */
export function ZoneLine(props: {
  scopes: AnalyticsScope[];
  filter: AnalyticsFilter;
  only?: AnalyticsScope['type'];
}): ReactElement | null {
  const { scopes, filter, only } = props;
  const { t, i18n } = useTranslation();
  const selected = (s: AnalyticsScope): boolean => {
    const ids = (s.type === 'shop' ? filter.shopIds : filter.advertiserIds) ?? [];
    return ids.length === 0 || ids.includes(s.id);
  };
  const line = (type: AnalyticsScope['type']): string | null => {
    const shown = scopes.filter((s) => s.type === type && selected(s));
    if (shown.length === 0 || (only && only !== type)) return null;
    const zones = shown.map((s) => `${s.name} · ${formatZoneLabel(s.zone, i18n.language)}`).join(', ');
    return t(type === 'shop' ? 'analytics.zones' : 'analytics.adZones', { zones });
  };
  const lines = [line('shop'), line('advertiser')].filter((l): l is string => l !== null);
  if (lines.length === 0) return null;
  return (
    <>
      {lines.map((l) => (
        <p key={l} className="muted">
          {l}
        </p>
      ))}
    </>
  );
}
