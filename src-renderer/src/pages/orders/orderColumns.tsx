import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createColumnHelper } from '@tanstack/react-table';
import type { OrderView } from '@shared/orders';
import { Icon } from '../../components/Icon';
import type { PlainTable } from '../../components/tableFeatures';
import { TextCell } from '../../features/lists/cells';
import type { ListColumns } from '../../features/lists/ListPage';
import { formatMoney } from '../../format/money';
import { OrderProducts } from './OrderProducts';
import { OrderStatusBadge } from './orderStatus';
import { OrderTime } from './OrderTime';

const helper = createColumnHelper<PlainTable, OrderView>();

/** The Orders table's columns; `search` is the search the page answers (what matched is marked). */
export function useOrderColumns(
  shopName: (shopId: string) => string,
  shopZone: (shopId: string) => string | undefined,
  search: string,
): ListColumns<OrderView> {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    return helper.columns([
      // The order id with what the order is under it (its items; during a search, what matched).
      helper.accessor((order) => order, {
        id: 'orderId',
        header: () => t('orders.columns.order'),
        cell: (info) => {
          const order = info.getValue();
          return (
            <span className="order-cell">
              <span className="mono order-id">
                {order.match?.orderId ? <mark>{order.orderId}</mark> : order.orderId}
              </span>
              <OrderProducts order={order} search={search} />
            </span>
          );
        },
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
      helper.accessor((order) => order, {
        id: 'created',
        header: () => <span title={t('orders.shopTimeHint')}>{t('orders.columns.created')}</span>,
        cell: (info) => <OrderTime at={info.getValue().createTime} zone={shopZone(info.getValue().shopId)} />,
      }),
      helper.accessor((order) => order, {
        id: 'shipBy',
        header: () => <span title={t('orders.shopTimeHint')}>{t('orders.columns.shipBy')}</span>,
        cell: (info) => {
          const { shipBy, late, shopId } = info.getValue();
          if (shipBy === null) return '—';
          return (
            <OrderTime
              at={shipBy}
              zone={shopZone(shopId)}
              prefix={late ? t('orders.filters.late') : undefined}
              className={late ? 'order-late' : undefined}
            >
              {/* Late is said by the sign (named for screen readers) so the whole time fits the cell. */}
              {late && (
                <>
                  <Icon name="alert" size={14} />
                  <span className="visually-hidden">{t('orders.filters.late')} </span>
                </>
              )}
            </OrderTime>
          );
        },
      }),
      helper.accessor('total', {
        id: 'total',
        header: () => t('orders.columns.total'),
        cell: (info) => formatMoney(info.getValue(), language),
      }),
    ]);
  }, [t, language, shopName, shopZone, search]);
}
