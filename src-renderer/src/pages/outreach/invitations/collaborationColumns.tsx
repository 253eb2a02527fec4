import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createColumnHelper } from '@tanstack/react-table';
import type { CollaborationView } from '@shared/collaborations';
import type { PlainTable } from '../../../components/tableFeatures';
import type { ListColumns } from '../../../features/lists/ListPage';
import { DayCell, TextCell } from '../../../features/lists/cells';
import { CollaborationStatusBadge } from './collaborationStatus';

const helper = createColumnHelper<PlainTable, CollaborationView>();

/** The target collaborations table's columns. */
export function useCollaborationColumns(
  shopName: (shopId: string) => string,
): ListColumns<CollaborationView> {
  const { t, i18n } = useTranslation();
  const language = i18n.language;

  return useMemo(() => {
    const number = new Intl.NumberFormat(language);
    const count = (id: 'invitedCount' | 'showcaseCount' | 'contentCount', key: string) =>
      helper.accessor(id, {
        id,
        header: () => t(`collaborations.columns.${key}`),
        cell: (info) => number.format(info.getValue()),
      });
    return helper.columns([
      helper.accessor('name', {
        id: 'name',
        header: () => t('collaborations.columns.name'),
        cell: (info) => <TextCell text={info.getValue()} />,
      }),
      helper.accessor('shopId', {
        id: 'shop',
        header: () => t('collaborations.columns.shop'),
        cell: (info) => <TextCell text={shopName(info.getValue())} />,
      }),
      helper.accessor('status', {
        id: 'status',
        header: () => t('collaborations.columns.status'),
        cell: (info) => <CollaborationStatusBadge status={info.getValue()} />,
      }),
      count('invitedCount', 'invited'),
      count('showcaseCount', 'accepted'),
      count('contentCount', 'posted'),
      helper.accessor('endTime', {
        id: 'ends',
        header: () => t('collaborations.columns.ends'),
        cell: (info) => <DayCell at={info.getValue()} language={language} />,
      }),
    ]);
  }, [t, language, shopName]);
}
