import { useMemo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { createColumnHelper } from '@tanstack/react-table';
import type { CreatorRow, CreatorSortColumn, CreatorStage } from '@shared/creators';
import { InitialsAvatar } from '../../components/InitialsAvatar';
import type { PlainTable } from '../../components/tableFeatures';
import type { ListColumns } from '../../features/lists/ListPage';
import { formatMoney } from '../../format/money';
import { formatDate } from '../../format/time';
import { ScoreBadge, StageBadge } from './badges';
import type { CategoryName } from './categoryName';
import type { Selection } from './selection';

const helper = createColumnHelper<PlainTable, CreatorRow>();

/**
 * The creators table's columns: a tick box, then the columns the user chose, in the user's order. Every
 * text cell is the creator's own text rendered as text (nicknames hold emoji, CJK, even markup).
 */
export function useCreatorColumns(props: {
  columns: readonly CreatorSortColumn[];
  selection: Selection;
  onToggle: (id: number) => void;
  onToggleAll: () => void;
  categoryName: CategoryName;
}): ListColumns<CreatorRow> {
  const { columns, selection, onToggle, onToggleAll, categoryName } = props;
  const { t, i18n } = useTranslation();
  const language = i18n.language;

  return useMemo(() => {
    const number = new Intl.NumberFormat(language);
    const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
    const empty = <span className="muted">—</span>;
    // Each stage's name translated once per set of columns, not once per row: i18next's `t` runs its
    // interpolation and nesting passes on every call, and the first render draws ~16 rows (docs/creators.md).
    const stageLabels = new Map<CreatorStage, string>();
    const stageLabel = (stage: CreatorStage): string => {
      let label = stageLabels.get(stage);
      if (label === undefined) {
        label = t(`creators.stage.${stage}`);
        stageLabels.set(stage, label);
      }
      return label;
    };
    const cellOf = (column: CreatorSortColumn, c: CreatorRow): ReactElement | string => {
      switch (column) {
        case 'handle':
          return (
            <span className="creator-cell">
              <InitialsAvatar name={c.nickname ?? c.handle ?? '?'} size="sm" />
              <span className="creator-names">
                <span className="creator-handle" title={c.handle ? `@${c.handle}` : undefined}>
                  {c.handle ? `@${c.handle}` : t('creators.noHandle')}
                </span>
                {c.nickname && (
                  <span className="creator-nickname muted" title={c.nickname}>
                    {c.nickname}
                  </span>
                )}
              </span>
              {c.blocked && <span className="badge badge-blocked">{t('creators.blockedBadge')}</span>}
            </span>
          );
        case 'nickname':
          return c.nickname ?? empty;
        case 'score':
          return <ScoreBadge score={c.score} t={t} />;
        case 'stage':
          return <StageBadge stage={c.stage} label={stageLabel(c.stage)} />;
        case 'followers':
          return c.followers === null ? empty : number.format(c.followers);
        case 'unitsSold':
          return c.unitsSold === null ? empty : number.format(c.unitsSold);
        case 'avgVideoViews':
          return c.avgVideoViews === null ? empty : number.format(c.avgVideoViews);
        case 'engagement':
          return c.engagementBp === null ? empty : percent.format(c.engagementBp / 10_000);
        case 'gmv':
          return c.gmv ? formatMoney(c.gmv, language) : empty;
        case 'affiliateGmv':
          return c.affiliateGmv ? formatMoney(c.affiliateGmv, language) : empty;
        case 'affiliateOrders':
          return number.format(c.affiliateOrders);
        case 'category': {
          if (c.category === null) return empty;
          const name = categoryName(c.category);
          return (
            <span className="category-cell" title={name}>
              {name}
            </span>
          );
        }
        case 'region':
          return c.region ?? empty;
        case 'tags':
          return c.tags.length ? (
            <span className="tag-list">
              {c.tags.map((tag) => (
                <span key={tag} className="tag-chip">
                  {tag}
                </span>
              ))}
            </span>
          ) : (
            empty
          );
        case 'lastContactedAt':
          return c.lastContactedAt === null ? t('creators.never') : formatDate(c.lastContactedAt, language);
        case 'firstSeenAt':
          return formatDate(c.firstSeenAt, language);
        case 'lastActivityAt':
          return c.lastActivityAt === null ? empty : formatDate(c.lastActivityAt, language);
      }
    };
    const allTicked = selection.mode === 'all' && selection.except.size === 0;
    return helper.columns([
      helper.display({
        id: 'select',
        header: () => (
          <input
            type="checkbox"
            aria-label={t('creators.selectAll')}
            checked={allTicked}
            onChange={onToggleAll}
          />
        ),
        cell: (info) => {
          const c = info.row.original;
          return (
            <input
              type="checkbox"
              aria-label={t('creators.select', { name: c.handle ?? c.nickname ?? c.id })}
              checked={selection.has(c.id)}
              // The row opens the creator on click; ticking must not.
              onClick={(event) => event.stopPropagation()}
              onKeyDown={(event) => event.stopPropagation()}
              onChange={() => onToggle(c.id)}
            />
          );
        },
      }),
      ...columns.map((column) =>
        helper.display({
          id: column,
          header: () => t(`creators.columns.${column}`),
          cell: (info) => cellOf(column, info.row.original),
        }),
      ),
    ]);
  }, [t, language, columns, selection, onToggle, onToggleAll, categoryName]);
}
