import { useMemo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import type { ActivityEntry } from '@shared/activity';
import { formatDateTime } from '../../format/time';
import { describeActivity } from './activityText';

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, ActivityEntry>();

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

  const table = useTable({ features, columns, data: items, getRowId: (entry) => String(entry.id) });

  return (
    <div className="table-scroll">
      <table className="table">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className={`col-${header.column.id}`}>
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className={`col-${cell.column.id}`}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
