import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createColumnHelper } from '@tanstack/react-table';
import type { OrderView } from '@shared/orders';
import type { PlainTable } from '../../components/tableFeatures';
import { TextCell } from '../../features/lists/cells';
import type { ListColumns } from '../../features/lists/ListPage';
import { formatMoney } from '../../format/money';
import { formatCellTime, formatDateTime } from '../../format/time';
import { OrderStatusBadge } from './orderStatus';

const helper = createColumnHelper<PlainTable, OrderView>();

/** The Orders table's columns. */
export function useOrderColumns(shopName: (shopId: string) => string): ListColumns<OrderView> {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const number = new Intl.NumberFormat(language);
    return helper.columns([
      helper.accessor('orderId', {
        id: 'orderId',
        header: () => t('orders.columns.orderId'),
        cell: (info) => <span className="mono">{info.getValue()}</span>,
      }),
      helper.accessor('shopId', {
        id: 'shop',
        header: () => t('orders.columns.shop'),
        cell: (info) => <TextCell text={shopName(info.getValue())} />,
      }),
      helper.accessor('status', {
        id: 'status',
        header: () => t('orders.columns.status'),
        cell: (info) => <OrderStatusBadge status={info.getValue()} />,
      }),
      helper.accessor('createTime', {
        id: 'created',
        header: () => t('orders.columns.created'),
        cell: (info) => (
          <time
            dateTime={new Date(info.getValue()).toISOString()}
            title={formatDateTime(info.getValue(), language)}
          >
            {formatCellTime(info.getValue(), language)}
          </time>
        ),
      }),
      helper.accessor((order) => order, {
        id: 'shipBy',
        header: () => t('orders.columns.shipBy'),
        cell: (info) => {
          const { shipBy, late } = info.getValue();
          if (shipBy === null) return '—';
          return (
            <time
              dateTime={new Date(shipBy).toISOString()}
              title={formatDateTime(shipBy, language)}
              className={late ? 'order-late' : undefined}
            >
              {formatCellTime(shipBy, language)}
              {late && ` · ${t('orders.filters.late')}`}
            </time>
          );
        },
      }),
      helper.accessor('units', {
        id: 'units',
        header: () => t('orders.columns.units'),
        cell: (info) => number.format(info.getValue()),
      }),
      helper.accessor('total', {
        id: 'total',
        header: () => t('orders.columns.total'),
        cell: (info) => formatMoney(info.getValue(), language),
      }),
    ]);
  }, [t, language, shopName]);
}
