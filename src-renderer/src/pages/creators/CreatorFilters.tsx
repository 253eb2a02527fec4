import { useId, useState, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatorList } from '@shared/creator-lists';
import {
  creatorSources,
  creatorStages,
  type CreatorFacets,
  type CreatorFilter,
  type CreatorSource,
  type CreatorStage,
} from '@shared/creators';
import { FilterSelect } from '../../components/FilterSelect';
import { SearchField } from '../../components/SearchField';
import { fractionDigits } from '../../format/money';
import { categoryNamer } from './categoryName';
import { filterChips, withContacted } from './filterChips';
import { NumberField } from './NumberField';
import { RangeFilter } from './RangeFilter';

/** Keeps only defined values so the filter (and its cache key) never carries `undefined`. */
function clean(f: CreatorFilter): CreatorFilter {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as CreatorFilter;
}

/** "Last contacted" counts whole days, up to ten years (what main accepts); 0 or empty: no bound. */
const maxDays = 3650;
const days = (v: number | undefined): number | undefined => (v ? Math.min(maxDays, v) : undefined);

/**
 * The Creators toolbar in rows that read as one bar at any width: the search and the four first menus; More
 * filters with `actions` (the page's count and buttons) at the row's right end; the More filters panel when
 * open, under the button that opened it; then the chips of the filters in force, ended by Clear filters, just
 * above the table. The chips keep that row whatever their number: beside More filters they fit at 1280 px
 * only while few, and a row that moved them there and back would read, and Tab, in another order each time.
 * The document follows the rows, so Tab walks the bar as the eye reads it.
 */
export function CreatorFilters(props: {
  filter: CreatorFilter;
  onChange: (f: CreatorFilter) => void;
  text: string;
  onText: (text: string) => void;
  facets: CreatorFacets | null;
  lists: readonly CreatorList[];
  /** The end of the second row: what the page shows and does beside its filters. */
  actions?: ReactNode;
}): ReactElement {
  const { filter, onChange, text, onText, facets, lists, actions } = props;
  const { t, i18n } = useTranslation();
  const categoryName = categoryNamer(facets, t);
  const set = (patch: Partial<CreatorFilter>): void => onChange(clean({ ...filter, ...patch }));
  // A merchant selling in the US reads GMV in dollars; otherwise the currency most data is in.
  const currency =
    filter.gmv?.currency ?? (facets?.currencies.includes('USD') ? 'USD' : facets?.currencies[0]) ?? 'USD';
  const active = Object.keys(filter).length > 0;
  const [more, setMore] = useState(false);
  const moreId = useId();
  const secondary: ReadonlyArray<keyof CreatorFilter> = [
    'categories',
    'shopIds',
    'sources',
    'hasContact',
    'followers',
    'gmv',
    'unitsSold',
    'avgVideoViews',
    'engagement',
    'score',
    'lastContacted',
  ];
  const hidden = more ? 0 : secondary.filter((k) => filter[k] !== undefined).length;
  const chips = filterChips(filter, { t, locale: i18n.language, facets, lists });
  return (
    <div className="creator-toolbar">
      <div className="creator-filters" role="group" aria-label={t('creators.filters.label')}>
        <SearchField
          label={t('creators.search')}
          placeholder={t('creators.searchPlaceholder')}
          value={text}
          onChange={onText}
        />
        <FilterSelect
          label={t('creators.filters.region')}
          allLabel={t('creators.filters.any')}
          value={filter.regions?.[0]}
          options={(facets?.regions ?? []).map((r) => ({ value: r, label: r }))}
          onChange={(v) => set({ regions: v ? [v] : undefined })}
        />
        <FilterSelect<CreatorStage>
          label={t('creators.filters.stage')}
          allLabel={t('creators.filters.any')}
          value={filter.stages?.[0]}
          options={creatorStages.map((s) => ({ value: s, label: t(`creators.stage.${s}`) }))}
          onChange={(v) => set({ stages: v ? [v] : undefined })}
        />
        <FilterSelect
          label={t('creators.filters.tag')}
          allLabel={t('creators.filters.any')}
          value={filter.tagIds?.[0] !== undefined ? String(filter.tagIds[0]) : undefined}
          options={(facets?.tags ?? []).map((tag) => ({ value: String(tag.id), label: tag.name }))}
          onChange={(v) => set({ tagIds: v ? [Number(v)] : undefined })}
        />
        <FilterSelect
          label={t('creators.filters.list')}
          allLabel={t('creators.filters.any')}
          value={filter.listIds?.[0] !== undefined ? String(filter.listIds[0]) : undefined}
          options={lists.map((l) => ({ value: String(l.id), label: l.name }))}
          onChange={(v) => set({ listIds: v ? [Number(v)] : undefined })}
        />
      </div>
      <div className="creator-toolbar-row">
        <button
          type="button"
          className="button button-small"
          aria-expanded={more}
          aria-controls={moreId}
          onClick={() => setMore((m) => !m)}
        >
          {hidden > 0 ? t('creators.filters.moreCount', { count: hidden }) : t('creators.filters.more')}
        </button>
        {actions && <div className="creator-toolbar-end">{actions}</div>}
      </div>
      {more && (
        <div
          className="creator-filters-more"
          id={moreId}
          role="group"
          aria-label={t('creators.filters.more')}
        >
          <div className="creator-filters-menus">
            <FilterSelect
              label={t('creators.filters.category')}
              allLabel={t('creators.filters.any')}
              value={filter.categories?.[0]}
              options={(facets?.categories ?? []).map((c) => ({ value: c.id, label: categoryName(c.id) }))}
              onChange={(v) => set({ categories: v ? [v] : undefined })}
            />
            <FilterSelect
              label={t('creators.filters.shop')}
              allLabel={t('creators.filters.any')}
              value={filter.shopIds?.[0]}
              options={(facets?.shops ?? []).map((s) => ({ value: s.shopId, label: s.name }))}
              onChange={(v) => set({ shopIds: v ? [v] : undefined })}
            />
            <FilterSelect<CreatorSource>
              label={t('creators.filters.source')}
              allLabel={t('creators.filters.any')}
              value={filter.sources?.[0]}
              options={creatorSources.map((s) => ({ value: s, label: t(`creators.sources.${s}`) }))}
              onChange={(v) => set({ sources: v ? [v] : undefined })}
            />
            <FilterSelect<'yes' | 'no'>
              label={t('creators.filters.hasContact')}
              allLabel={t('creators.filters.any')}
              value={filter.hasContact === undefined ? undefined : filter.hasContact ? 'yes' : 'no'}
              options={[
                { value: 'yes', label: t('creators.filters.yes') },
                { value: 'no', label: t('creators.filters.no') },
              ]}
              onChange={(v) => set({ hasContact: v === undefined ? undefined : v === 'yes' })}
            />
          </div>
          <div className="range-filters">
            <RangeFilter
              name={t('creators.filters.followers')}
              minLabel={t('creators.filters.followersMin')}
              maxLabel={t('creators.filters.followersMax')}
              value={filter.followers}
              onChange={(followers) => set({ followers })}
            />
            <RangeFilter
              name={t('creators.filters.gmvIn', { currency })}
              minLabel={t('creators.filters.gmvMin', { currency })}
              maxLabel={t('creators.filters.gmvMax', { currency })}
              value={filter.gmv}
              scale={10 ** fractionDigits(currency)}
              onChange={(b) => set({ gmv: b ? { currency, ...b } : undefined })}
            />
            <RangeFilter
              name={t('creators.filters.unitsSold')}
              minLabel={t('creators.filters.unitsSoldMin')}
              maxLabel={t('creators.filters.unitsSoldMax')}
              value={filter.unitsSold}
              onChange={(unitsSold) => set({ unitsSold })}
            />
            <RangeFilter
              name={t('creators.filters.avgVideoViews')}
              minLabel={t('creators.filters.viewsMin')}
              maxLabel={t('creators.filters.viewsMax')}
              value={filter.avgVideoViews}
              onChange={(avgVideoViews) => set({ avgVideoViews })}
            />
            <RangeFilter
              name={t('creators.filters.engagementPercent')}
              minLabel={t('creators.filters.engagementMin')}
              maxLabel={t('creators.filters.engagementMax')}
              value={filter.engagement}
              // Stored in hundredths of a percent; typed in percent.
              scale={100}
              step={0.01}
              max={100}
              onChange={(engagement) => set({ engagement })}
            />
            <RangeFilter
              name={t('creators.filters.score')}
              minLabel={t('creators.filters.scoreMin')}
              maxLabel={t('creators.filters.scoreMax')}
              value={filter.score}
              max={100}
              onChange={(score) => set({ score })}
            />
            <NumberField
              className="range-filter"
              label={t('creators.filters.notContactedDays')}
              value={filter.lastContacted?.notWithinDays}
              max={maxDays}
              onChange={(v) => onChange(withContacted(filter, filter.lastContacted?.withinDays, days(v)))}
            />
            <NumberField
              className="range-filter"
              label={t('creators.filters.contactedWithinDays')}
              value={filter.lastContacted?.withinDays}
              max={maxDays}
              onChange={(v) => onChange(withContacted(filter, days(v), filter.lastContacted?.notWithinDays))}
            />
          </div>
        </div>
      )}
      {active && (
        <div className="creator-filter-summary">
          {chips.length > 0 && (
            <ul className="chip-list creator-filter-chips" aria-label={t('creators.filters.active')}>
              {chips.map((chip) => (
                <li key={chip.key} className="chip">
                  {chip.text}
                  <button
                    type="button"
                    className="chip-remove"
                    aria-label={t('creators.filters.remove', { filter: chip.text })}
                    onClick={() => onChange(chip.without)}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="button button-quiet button-small" onClick={() => onChange({})}>
            {t('creators.filters.clear')}
          </button>
        </div>
      )}
    </div>
  );
}
