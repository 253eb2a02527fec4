import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail, OrderRefresh, OrderView } from '@shared/orders';
import { useChannelMutation, useChannelQuery } from '../../api';
import { DetailSection } from '../../components/DetailSection';
import { Dialog } from '../../components/Dialog';
import { Facts } from '../../components/Facts';
import { LoadFailed } from '../../components/LoadFailed';
import { useToasts } from '../../components/Toasts';
import { formatDateTime, formatTimeZone } from '../../format/time';
import { OrderStatusBadge } from './orderStatus';
import {
  OrderAffiliate,
  OrderItems,
  OrderPayment,
  OrderShipping,
  OrderTimeline,
} from './OrderDrawerSections';
import { sellerCenterOrderUrl } from './sellerCenter';

/**
 * The order drawer: what ShopMesh stored about one order (`orders:detail`), in the order's own currency, with
 * "Copy order ID", "Open in Seller Center" and "Refresh from TikTok" (which also shows the recipient and the
 * buyer's note TikTok gives, never stored). While the detail loads, the list row's lines stand in.
 */
export function OrderDrawer(props: {
  order: OrderView;
  shopName: string;
  /** The shop's zone: the order's placed time reads as in the table and on the Dashboard's days. */
  shopZone: string | undefined;
  onClose: () => void;
  returnFocus: () => HTMLElement | null;
}): ReactElement {
  const { order, shopName, shopZone, onClose, returnFocus } = props;
  const { t, i18n } = useTranslation();
  const { showToast } = useToasts();
  const detail = useChannelQuery('orders:detail', { orderId: order.orderId });
  const [live, setLive] = useState<OrderRefresh | null>(null);
  const refresh = useChannelMutation('orders:refresh', {
    invalidates: ['orders:list', 'orders:summary'],
    onSuccess: (answer) => {
      setLive(answer);
      showToast({ tone: 'success', message: { key: 'orders.detail.refreshed' } });
    },
  });
  const data: OrderDetail | undefined = live?.detail ?? detail.data;
  const shown = data?.order ?? order;
  const url = sellerCenterOrderUrl(order.orderId, data?.shopRegion ?? null);
  const copy = () =>
    void navigator.clipboard.writeText(order.orderId).then(
      () => showToast({ tone: 'success', message: { key: 'orders.detail.copied' } }),
      () => showToast({ tone: 'error', message: { key: 'orders.detail.copyFailed' } }),
    );

  return (
    <Dialog
      title={t('orders.detail.title', { id: order.orderId })}
      onClose={onClose}
      returnFocus={returnFocus}
      className="drawer order-drawer"
    >
      <div className="drawer-actions">
        <OrderStatusBadge status={shown.status} />
        <button type="button" className="button button-small" onClick={copy}>
          {t('orders.detail.copyId')}
        </button>
        {url && (
          <a className="button button-small" href={url} target="_blank" rel="noopener noreferrer">
            {t('orders.detail.sellerCenter')}
          </a>
        )}
        <button
          type="button"
          className="button button-small"
          disabled={refresh.isPending}
          onClick={() => refresh.mutate({ orderId: order.orderId })}
        >
          {refresh.isPending ? t('orders.detail.refreshing') : t('orders.detail.refresh')}
        </button>
      </div>

      <div className="detail-body">
        <Facts
          facts={[
            [t('orders.columns.shop'), data?.shopName ?? shopName],
            [
              t('orders.columns.created'),
              shopZone
                ? t('orders.shopTime', {
                    time: formatDateTime(shown.createTime, i18n.language, shopZone),
                    zone: formatTimeZone(shopZone, shown.createTime),
                  })
                : formatDateTime(shown.createTime, i18n.language),
            ],
            [t('orders.detail.updated'), formatDateTime(shown.updateTime, i18n.language)],
            ...(data
              ? [[t('orders.detail.syncedAt'), formatDateTime(data.syncedAt, i18n.language)] as const]
              : []),
          ]}
        />

        {detail.error && !data ? (
          <LoadFailed
            title={t('orders.detail.loadFailed')}
            error={detail.error}
            onRetry={() => void detail.refetch()}
            compact
          />
        ) : null}

        <OrderItems order={shown} items={data?.items ?? null} />
        <OrderPayment order={shown} />
        {data?.affiliate && <OrderAffiliate affiliate={data.affiliate} />}
        {data && <OrderShipping order={shown} detail={data} />}
        {live && (
          <DetailSection title={t('orders.detail.recipient')}>
            {live.recipient ? (
              <p className="recipient">
                {live.recipient.name} · {live.recipient.phone}
                <br />
                {live.recipient.address} {live.recipient.postalCode}
              </p>
            ) : (
              <p className="muted">{t('orders.detail.noRecipient')}</p>
            )}
            {live.buyerMessage && (
              <p>
                <span className="muted">{t('orders.detail.buyerMessage')}</span> {live.buyerMessage}
              </p>
            )}
            <p className="muted">{t('orders.detail.recipientNotStored')}</p>
          </DetailSection>
        )}
        {data && <OrderTimeline detail={data} />}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('orders.detail.close')}
        </button>
      </div>
    </Dialog>
  );
}
