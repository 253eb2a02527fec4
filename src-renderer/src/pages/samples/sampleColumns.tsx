import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createColumnHelper } from '@tanstack/react-table';
import type { Sample } from '@shared/samples';
import type { PlainTable } from '../../components/tableFeatures';
import type { ListColumns } from '../../features/lists/ListPage';
import { DayCell, TextCell } from '../../features/lists/cells';
import { creatorLabel, SampleStatusBadge } from '../../features/creator-sources/sampleStatus';

const helper = createColumnHelper<PlainTable, Sample>();

/** The Samples table's columns. */
export function useSampleColumns(shopName: (shopId: string) => string): ListColumns<Sample> {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () =>
      helper.columns([
        helper.accessor((s) => s, {
          id: 'creator',
          header: () => t('samples.columns.creator'),
          // Handles and nicknames are creators' own text (emoji, CJK, markup-like): always rendered as text.
          cell: (info) => {
            const s = info.getValue();
            return (
              <span className="cell-stack">
                <TextCell text={creatorLabel(s)} />
                {s.creatorHandle && s.creatorNickname && <TextCell text={s.creatorNickname} muted />}
              </span>
            );
          },
        }),
        helper.accessor((s) => s, {
          id: 'product',
          header: () => t('samples.columns.product'),
          cell: (info) => {
            const s = info.getValue();
            return (
              <span className="cell-stack">
                <span className="cell-text" title={s.productTitle ?? undefined}>
                  {s.productTitle ?? '—'}
                </span>
                {s.skuName && <TextCell text={s.skuName} muted />}
              </span>
            );
          },
        }),
        helper.accessor('shopId', {
          id: 'shop',
          header: () => t('samples.columns.shop'),
          cell: (info) => <TextCell text={shopName(info.getValue())} />,
        }),
        helper.accessor((s) => s, {
          id: 'status',
          header: () => t('samples.columns.status'),
          cell: (info) => <SampleStatusBadge sample={info.getValue()} />,
        }),
        helper.accessor((s) => s, {
          id: 'deadline',
          header: () => t('samples.columns.deadline'),
          cell: (info) => {
            const s = info.getValue();
            // What the merchant waits for next: their own review, else the creator's post.
            const at = s.status === 'PENDING' ? s.approveExpiresAt : s.firstContentAt ? null : s.contentDueAt;
            return <DayCell at={at} language={language} />;
          },
        }),
        helper.accessor('firstContentAt', {
          id: 'posted',
          header: () => t('samples.columns.posted'),
          cell: (info) => <DayCell at={info.getValue()} language={language} />,
        }),
      ]),
    [t, language, shopName],
  );
}
