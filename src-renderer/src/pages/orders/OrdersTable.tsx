import { useMemo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { createColumnHelper, useTable } from '@tanstack/react-table';
import type { OrderView } from '@shared/sync';
import { plainTable, type PlainTable } from '../../components/tableFeatures';
import { VirtualTable } from '../../components/VirtualTable';
import { formatMoney } from '../../format/money';
import { formatDateTime } from '../../format/time';
import { OrderStatusBadge } from './orderStatus';

const helper = createColumnHelper<PlainTable, OrderView>();

export function OrdersTable(props: {
  orders: OrderView[];
  total: number;
  busy: boolean;
  shopName: (shopId: string) => string;
  onOpen: (order: OrderView) => void;
  onNearEnd: () => void;
}): ReactElement {
  const { orders, total, busy, shopName, onOpen, onNearEnd } = props;
  const { t, i18n } = useTranslation();
  const language = i18n.language;

  const columns = useMemo(() => {
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
        cell: (info) => <span className="cell-text">{shopName(info.getValue())}</span>,
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
          <time dateTime={new Date(info.getValue()).toISOString()}>
            {formatDateTime(info.getValue(), language)}
          </time>
        ),
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

  const table = useTable({ features: plainTable, columns, data: orders, getRowId: (order) => order.orderId });

  return (
    <VirtualTable
      table={table}
      label={t('orders.tableLabel')}
      hint={t('orders.tableHint')}
      total={total}
      busy={busy}
      onOpen={onOpen}
      onNearEnd={onNearEnd}
      className="orders-table"
    />
  );
}
