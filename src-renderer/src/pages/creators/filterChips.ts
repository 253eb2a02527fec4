import type { TFunction } from 'i18next';
import type { CreatorList } from '@shared/creator-lists';
import type { CreatorFacets, CreatorFilter } from '@shared/creators';
import { formatMoney } from '../../format/money';
import { categoryNamer } from './categoryName';
import { usableFilter } from './savedFilter';

/** One active filter as the bar shows it: what it says, and the filter once it is removed. */
export interface FilterChip {
  key: string;
  text: string;
  without: CreatorFilter;
}

function omit(filter: CreatorFilter, key: keyof CreatorFilter): CreatorFilter {
  const next = { ...filter };
  delete next[key];
  return next;
}

/**
 * A chip per filter in force, in the bar's order. Ranges read "10,000–100,000", "≥ 10,000" or "≤ 100,000"
 * in the merchant's number format; the two "last contacted" bounds are two chips, removed one at a time.
 */
export function filterChips(
  filter: CreatorFilter,
  ctx: { t: TFunction; locale: string; facets: CreatorFacets | null; lists: readonly CreatorList[] },
): FilterChip[] {
  const { t, locale, facets, lists } = ctx;
  const shown = usableFilter(filter);
  const number = new Intl.NumberFormat(locale);
  const chips: FilterChip[] = [];
  const add = (key: keyof CreatorFilter, name: string, value: string, without = omit(filter, key)): void => {
    chips.push({ key, text: t('creators.filters.chip', { name, value }), without });
  };
  const bounds = (r: { min?: number; max?: number }, show: (n: number) => string): string =>
    r.min !== undefined && r.max !== undefined
      ? t('creators.filters.between', { min: show(r.min), max: show(r.max) })
      : r.min !== undefined
        ? t('creators.filters.atLeast', { min: show(r.min) })
        : t('creators.filters.atMost', { max: show(r.max ?? 0) });
  const count = (n: number): string => number.format(n);
  const percent = (bp: number): string => `${number.format(bp / 100)} %`;

  if (shown.regions?.length) add('regions', t('creators.filters.region'), shown.regions.join(', '));
  if (shown.stages?.length)
    add('stages', t('creators.filters.stage'), shown.stages.map((s) => t(`creators.stage.${s}`)).join(', '));
  if (shown.tagIds?.length) {
    const names = shown.tagIds.map((id) => facets?.tags.find((tag) => tag.id === id)?.name ?? `#${id}`);
    add('tagIds', t('creators.filters.tag'), names.join(', '));
  }
  if (shown.listIds?.length) {
    const names = shown.listIds.map((id) => lists.find((l) => l.id === id)?.name ?? `#${id}`);
    add('listIds', t('creators.filters.list'), names.join(', '));
  }
  if (shown.categories?.length)
    add(
      'categories',
      t('creators.filters.category'),
      shown.categories.map(categoryNamer(facets, t)).join(', '),
    );
  if (shown.shopIds?.length) {
    const names = shown.shopIds.map((id) => facets?.shops.find((s) => s.shopId === id)?.name ?? id);
    add('shopIds', t('creators.filters.shop'), names.join(', '));
  }
  if (shown.sources?.length)
    add(
      'sources',
      t('creators.filters.source'),
      shown.sources.map((s) => t(`creators.sources.${s}`)).join(', '),
    );
  if (shown.followers) add('followers', t('creators.filters.followers'), bounds(shown.followers, count));
  if (shown.gmv) {
    const currency = shown.gmv.currency;
    add(
      'gmv',
      t('creators.filters.gmv'),
      bounds(shown.gmv, (n) => formatMoney({ amountMinor: n, currency }, locale)),
    );
  }
  if (shown.unitsSold) add('unitsSold', t('creators.filters.unitsSold'), bounds(shown.unitsSold, count));
  if (shown.avgVideoViews)
    add('avgVideoViews', t('creators.filters.avgVideoViews'), bounds(shown.avgVideoViews, count));
  if (shown.engagement)
    add('engagement', t('creators.filters.engagement'), bounds(shown.engagement, percent));
  if (shown.score) add('score', t('creators.filters.score'), bounds(shown.score, count));
  const contacted = shown.lastContacted;
  if (contacted?.notWithinDays !== undefined) {
    chips.push({
      key: 'notContacted',
      text: t('creators.filters.notContactedChip', { count: contacted.notWithinDays }),
      without: withContacted(filter, contacted.withinDays, undefined),
    });
  }
  if (contacted?.withinDays !== undefined)
    chips.push({
      key: 'contactedWithin',
      text: t('creators.filters.contactedWithinChip', { count: contacted.withinDays }),
      without: withContacted(filter, undefined, contacted.notWithinDays),
    });
  if (shown.hasContact !== undefined)
    add(
      'hasContact',
      t('creators.filters.hasContact'),
      t(shown.hasContact ? 'creators.filters.yes' : 'creators.filters.no'),
    );
  return chips;
}

/** The filter with "last contacted" set to these bounds (none: no such filter). */
export function withContacted(
  filter: CreatorFilter,
  withinDays: number | undefined,
  notWithinDays: number | undefined,
): CreatorFilter {
  if (withinDays === undefined && notWithinDays === undefined) return omit(filter, 'lastContacted');
  return {
    ...filter,
    lastContacted: {
      ...(notWithinDays !== undefined ? { notWithinDays } : {}),
      ...(withinDays !== undefined ? { withinDays } : {}),
    },
  };
}
