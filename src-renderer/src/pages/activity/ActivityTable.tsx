import { useMemo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityEntry } from '@shared/activity';
import { StaticTable, staticColumns } from '../../components/StaticTable';
import { formatDateTime } from '../../format/time';
import { describeActivity } from './activityText';

const helper = staticColumns<ActivityEntry>();

export function ActivityTable({ items }: { items: ActivityEntry[] }): ReactElement {
  const { t, i18n } = useTranslation();
  const language = i18n.language;

  const columns = useMemo(() => {
    return helper.columns([
      helper.accessor('at', {
        id: 'time',
        header: () => t('activity.columns.time'),
        cell: (info) => {
          const at = info.getValue();
          // The same precision as the sync history's "Started".
          return <time dateTime={new Date(at).toISOString()}>{formatDateTime(at, language)}</time>;
        },
      }),
      helper.accessor('kind', {
        id: 'event',
        header: () => t('activity.columns.event'),
        cell: (info) => describeActivity(info.row.original, t, language),
      }),
    ]);
  }, [t, language]);

  return (
    <div className="table-scroll">
      <StaticTable columns={columns} data={items} getRowId={(entry) => String(entry.id)} />
    </div>
  );
}
