import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createColumnHelper } from '@tanstack/react-table';
import type { Sample } from '@shared/samples';
import type { PlainTable } from '../../components/tableFeatures';
import type { ListColumns } from '../../features/lists/ListPage';
import { DayCell } from '../../features/lists/cells';
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
                <span className="cell-text">{creatorLabel(s)}</span>
                {s.creatorHandle && s.creatorNickname && (
                  <span className="cell-text muted">{s.creatorNickname}</span>
                )}
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
                {s.skuName && <span className="cell-text muted">{s.skuName}</span>}
              </span>
            );
          },
        }),
        helper.accessor('shopId', {
          id: 'shop',
          header: () => t('samples.columns.shop'),
          cell: (info) => <span className="cell-text">{shopName(info.getValue())}</span>,
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
