import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalyticsFilter } from '@shared/analytics';
import { useChannelQuery } from '../../api';
import { Combobox, type ComboboxOption } from '../../components/Combobox';
import { formatFigure } from '../../features/analytics/format';
import { useDebounced } from '../../hooks/useDebounced';
import { creatorNameOf, useChosenCreator } from './creatorName';

/** Creators found for what is typed: the CRM's search, the merchant's own sellers first. */
const foundShown = 20;

/**
 * The Affiliate page's Creator: a combobox that opens on the period's top creators by affiliate GMV and
 * finds any other Creator as the merchant types (the CRM's full-text search over handles and nicknames,
 * `creators:search`), so a shop with thousands of creators reaches every one of them. Ids are Creators
 * (merge roots); main adds up the records of one when it reads their orders.
 */
export function CreatorPicker(props: {
  filter: AnalyticsFilter | null;
  chosen: number | null;
  disabled: boolean;
  onChoose: (creatorId: number | null) => void;
}): ReactElement {
  const { filter, chosen, disabled, onChoose } = props;
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  // What is typed; null while the box shows the current choice.
  const [text, setText] = useState<string | null>(null);
  const needle = useDebounced((text ?? '').trim().replace(/^@/, ''), 200);
  const typing = (text ?? '').trim() !== '';
  const { topRows, name, allLabel: all } = useChosenCreator(filter, chosen);
  const found = useChannelQuery(
    'creators:search',
    {
      filter: { text: needle },
      sort: { column: 'affiliateOrders', direction: 'desc' },
      limit: foundShown,
    },
    { invalidateOn: ['creators:changed'], enabled: needle !== '' },
  );
  const current = name ?? all;

  const options: ComboboxOption[] = typing
    ? needle === '' || found.data === undefined
      ? []
      : found.data.items.map((c) => {
          const detail = [c.handle ? c.nickname : null, c.region].filter(Boolean).join(' · ');
          return detail
            ? { id: c.id, label: creatorNameOf(c), detail }
            : { id: c.id, label: creatorNameOf(c) };
        })
    : [
        { id: '', label: all },
        ...topRows.map((r) => ({
          id: Number(r.id),
          label: r.label,
          detail: t('analytics.affiliate.creatorGmv', {
            gmv: formatFigure(r.metrics.affiliateGmv ?? 0, 'money', r.currency, lang),
          }),
        })),
      ];
  const status = !typing
    ? t('analytics.affiliate.findingCreators')
    : found.error
      ? t('analytics.affiliate.creatorSearchFailed')
      : needle === '' || found.isPending || found.isFetching
        ? t('analytics.affiliate.findingCreators')
        : t('analytics.affiliate.noCreatorMatch');
  return (
    <Combobox
      className="combobox-inline"
      picker
      label={t('analytics.affiliate.creator')}
      placeholder={all}
      value={text ?? current}
      onChange={setText}
      onBlur={() => setText(null)}
      disabled={disabled}
      options={options}
      onPick={(o) => {
        setText(null);
        onChoose(o.id === '' ? null : Number(o.id));
      }}
      status={status}
      footer={typing ? null : t('analytics.affiliate.typeForCreators')}
    />
  );
}
