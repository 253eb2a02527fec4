import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatorList } from '@shared/creator-lists';
import { creatorStages, type CreatorFacets, type CreatorFilter, type CreatorStage } from '@shared/creators';
import { FilterSelect } from '../../components/FilterSelect';
import { SearchField } from '../../components/SearchField';
import { fractionDigits } from '../../format/money';
import { NumberField } from './NumberField';

/** Keeps only defined values so the filter (and its cache key) never carries `undefined`. */
function clean(f: CreatorFilter): CreatorFilter {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as CreatorFilter;
}

const range = (min: number | undefined, max: number | undefined) =>
  min === undefined && max === undefined
    ? undefined
    : { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };

export function CreatorFilters(props: {
  filter: CreatorFilter;
  onChange: (f: CreatorFilter) => void;
  text: string;
  onText: (text: string) => void;
  facets: CreatorFacets | null;
  lists: readonly CreatorList[];
}): ReactElement {
  const { filter, onChange, text, onText, facets, lists } = props;
  const { t } = useTranslation();
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
    'followers',
    'gmv',
    'score',
    'lastContacted',
    'hasContact',
  ];
  const hidden = more ? 0 : secondary.filter((k) => filter[k] !== undefined).length;
  return (
    <div className="creator-filters" role="group" aria-label={t('creators.filters.label')}>
      <div className="creator-filters-row">
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
        <button
          type="button"
          className="button button-small"
          aria-expanded={more}
          aria-controls={moreId}
          onClick={() => setMore((m) => !m)}
        >
          {hidden > 0 ? t('creators.filters.moreCount', { count: hidden }) : t('creators.filters.more')}
        </button>
        {active && (
          <button type="button" className="button button-quiet button-small" onClick={() => onChange({})}>
            {t('creators.filters.clear')}
          </button>
        )}
      </div>
      {more && (
        <div className="creator-filters-row creator-filters-more" id={moreId}>
          <FilterSelect
            label={t('creators.filters.category')}
            allLabel={t('creators.filters.any')}
            value={filter.categories?.[0]}
            options={(facets?.categories ?? []).map((c) => ({ value: c, label: c }))}
            onChange={(v) => set({ categories: v ? [v] : undefined })}
          />
          <FilterSelect
            label={t('creators.filters.shop')}
            allLabel={t('creators.filters.any')}
            value={filter.shopIds?.[0]}
            options={(facets?.shops ?? []).map((s) => ({ value: s.shopId, label: s.name }))}
            onChange={(v) => set({ shopIds: v ? [v] : undefined })}
          />
          <NumberField
            label={t('creators.filters.followersMin')}
            value={filter.followers?.min}
            onChange={(v) => set({ followers: range(v, filter.followers?.max) })}
          />
          <NumberField
            label={t('creators.filters.followersMax')}
            value={filter.followers?.max}
            onChange={(v) => set({ followers: range(filter.followers?.min, v) })}
          />
          <NumberField
            label={t('creators.filters.gmvMin', { currency })}
            value={
              filter.gmv?.min === undefined ? undefined : filter.gmv.min / 10 ** fractionDigits(currency)
            }
            onChange={(v) =>
              set({
                gmv: v === undefined ? undefined : { currency, min: v * 10 ** fractionDigits(currency) },
              })
            }
          />
          <NumberField
            label={t('creators.filters.scoreMin')}
            value={filter.score?.min}
            onChange={(v) => set({ score: v === undefined ? undefined : { min: Math.min(100, v) } })}
          />
          <NumberField
            label={t('creators.filters.notContactedDays')}
            value={filter.lastContacted?.notWithinDays}
            onChange={(v) => set({ lastContacted: v ? { notWithinDays: Math.min(3650, v) } : undefined })}
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
      )}
    </div>
  );
}
