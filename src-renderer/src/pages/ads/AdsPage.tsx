import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdNode } from '@shared/analytics';
import { useChannelQuery } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { LoadFailed } from '../../components/LoadFailed';
import { PageToolbar } from '../../features/analytics/PageToolbar';
import { formatFigure } from '../../features/analytics/format';
import { useChartPalette } from '../../features/analytics/palette';
import { Sparkline } from '../../features/analytics/Sparkline';
import { usePageFilter } from '../../features/analytics/usePageFilter';

const refreshOn = ['sync:statusChanged', 'accounts:changed'] as const;

/** Campaign → ad group → ad, as a tree grid: rows expand with their button, figures over the period. */
export function AdsPage(): ReactElement {
  const { t } = useTranslation();
  const { filter, setFilter } = usePageFilter();
  const tree = useChannelQuery(
    'analytics:adsTree',
    { filter: filter ?? { range: { preset: 'last30' } } },
    {
      invalidateOn: refreshOn,
      enabled: filter !== null,
    },
  );
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <div className="page analytics-page">
      <PageToolbar filter={filter} onChange={setFilter} source="ads" table="ads" showShops={false} />
      {tree.error ? (
        <LoadFailed
          title={t('analytics.ads.loadFailed')}
          error={tree.error}
          onRetry={() => void tree.refetch()}
        />
      ) : !tree.data ? (
        <div className="card skeleton skeleton-chart" aria-busy="true" />
      ) : tree.data.campaigns.length === 0 ? (
        <EmptyState
          icon="dashboard"
          title={t('analytics.breakdown.kinds.campaigns')}
          body={t('analytics.ads.empty')}
        />
      ) : (
        <div className="card card-flush table-scroll">
          <table
            className="table ads-table"
            role="treegrid"
            aria-label={t('analytics.breakdown.kinds.campaigns')}
          >
            <thead>
              <tr>
                <th scope="col">{t('analytics.breakdown.columns.name')}</th>
                {(['spend', 'impressions', 'clicks', 'ctr', 'conversions', 'roas', 'cpa'] as const).map(
                  (c) => (
                    <th key={c} scope="col" className="col-num">
                      {t(`analytics.breakdown.columns.${c}`)}
                    </th>
                  ),
                )}
                <th scope="col">{t('analytics.breakdown.trend')}</th>
              </tr>
            </thead>
            <tbody>{tree.data.campaigns.flatMap((c) => rows(c, 1, open, toggle))}</tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function rows(node: AdNode, level: number, open: Set<string>, toggle: (id: string) => void): ReactElement[] {
  const expanded = open.has(node.id);
  const own = (
    <AdRow key={`${node.level}-${node.id}`} node={node} level={level} expanded={expanded} toggle={toggle} />
  );
  return expanded ? [own, ...node.children.flatMap((c) => rows(c, level + 1, open, toggle))] : [own];
}

function AdRow(props: {
  node: AdNode;
  level: number;
  expanded: boolean;
  toggle: (id: string) => void;
}): ReactElement {
  const { node, level, expanded, toggle } = props;
  const { t, i18n } = useTranslation();
  const palette = useChartPalette();
  const m = node.metrics;
  const lang = i18n.language;
  const money = (v: number | null) => (v === null ? '—' : formatFigure(v, 'money', node.currency, lang));
  const hasChildren = node.children.length > 0;
  return (
    <tr
      aria-level={level}
      aria-expanded={hasChildren ? expanded : undefined}
      className={`ads-row ads-level-${node.level}`}
    >
      <th scope="row" className="col-text">
        <span className="ads-name" style={{ paddingInlineStart: `${(level - 1) * 20}px` }}>
          {hasChildren ? (
            <button
              type="button"
              className="icon-button ads-expand"
              aria-label={t(expanded ? 'analytics.ads.collapse' : 'analytics.ads.expand', {
                name: node.name,
              })}
              onClick={() => toggle(node.id)}
            >
              {expanded ? '▾' : '▸'}
            </button>
          ) : (
            <span className="ads-expand-spacer" aria-hidden="true" />
          )}
          <span>
            {node.name}
            <span className="muted cell-detail">
              {t(`analytics.ads.level.${node.level}`)}
              {node.status
                ? ` · ${t(`analytics.ads.status.${node.status}`, { defaultValue: node.status })}`
                : ''}
            </span>
          </span>
        </span>
      </th>
      <td className="col-num">{money(m.spendMinor)}</td>
      <td className="col-num">{formatFigure(m.impressions, 'count', null, lang)}</td>
      <td className="col-num">{formatFigure(m.clicks, 'count', null, lang)}</td>
      <td className="col-num">{m.ctr === null ? '—' : formatFigure(m.ctr, 'percent', null, lang)}</td>
      <td className="col-num">{formatFigure(m.conversions, 'count', null, lang)}</td>
      <td className="col-num">{m.roas === null ? '—' : formatFigure(m.roas, 'ratio', null, lang)}</td>
      <td className="col-num">{money(m.cpaMinor)}</td>
      <td>
        <Sparkline values={node.trend} color={palette.colors[0] ?? '#0072b2'} />
      </td>
    </tr>
  );
}
