import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderView } from '@shared/orders';
import type { Money } from '@shared/sync';
import { Dialog } from '../../components/Dialog';
import { formatMoney } from '../../format/money';
import { formatDateTime } from '../../format/time';
import { OrderStatusBadge } from './orderStatus';

/** One order: its lines and how the total was reached. */
export function OrderDetailDialog(props: {
  order: OrderView;
  shopName: string;
  onClose: () => void;
  returnFocus: () => HTMLElement | null;
}): ReactElement {
  const { order, shopName, onClose, returnFocus } = props;
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const money = (value: Money) => formatMoney(value, language);
  // Discounts reduce the total: shown with a minus sign whichever sign the API used.
  const discount = (value: Money) =>
    value.amountMinor === 0 ? money(value) : money({ ...value, amountMinor: -Math.abs(value.amountMinor) });
  const breakdown: [string, string][] = [
    [t('orders.detail.subtotal'), money(order.subTotal)],
    [t('orders.detail.shipping'), money(order.shippingFee)],
    [t('orders.detail.sellerDiscount'), discount(order.sellerDiscount)],
    [t('orders.detail.platformDiscount'), discount(order.platformDiscount)],
    [t('orders.detail.tax'), money(order.tax)],
  ];
  return (
    <Dialog
      title={t('orders.detail.title', { id: order.orderId })}
      onClose={onClose}
      returnFocus={returnFocus}
      className="detail-dialog"
    >
      <div className="detail-body">
        <dl className="detail-facts">
          <div>
            <dt>{t('orders.columns.shop')}</dt>
            <dd>{shopName}</dd>
          </div>
          <div>
            <dt>{t('orders.columns.status')}</dt>
            <dd>
              <OrderStatusBadge status={order.status} />
            </dd>
          </div>
          <div>
            <dt>{t('orders.columns.created')}</dt>
            <dd>
              <time dateTime={new Date(order.createTime).toISOString()}>
                {formatDateTime(order.createTime, language)}
              </time>
            </dd>
          </div>
          <div>
            <dt>{t('orders.detail.updated')}</dt>
            <dd>
              <time dateTime={new Date(order.updateTime).toISOString()}>
                {formatDateTime(order.updateTime, language)}
              </time>
            </dd>
          </div>
        </dl>

        <section aria-labelledby={`lines-${order.orderId}`}>
          <h3 id={`lines-${order.orderId}`} className="detail-heading">
            {t('orders.detail.lines')}
          </h3>
          <div className="detail-table-scroll">
            <table className="table detail-lines">
              <thead>
                <tr>
                  <th scope="col">{t('orders.detail.product')}</th>
                  <th scope="col">{t('orders.detail.sku')}</th>
                  <th scope="col" className="col-num">
                    {t('orders.detail.price')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {order.lines.map((line) => (
                  <tr key={line.lineId} className={line.cancelled ? 'line-cancelled' : undefined}>
                    <td>
                      <span className="cell-wrap">{line.productName}</span>
                      {line.cancelled && (
                        <span className="badge badge-tone-muted line-flag">
                          {t('orders.detail.cancelled')}
                        </span>
                      )}
                    </td>
                    <td>{line.skuName ?? '—'}</td>
                    <td className="col-num">{money(line.salePrice)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>

        <section aria-labelledby={`payment-${order.orderId}`}>
          <h3 id={`payment-${order.orderId}`} className="detail-heading">
            {t('orders.detail.payment')}
          </h3>
          <dl className="payment-breakdown">
            {breakdown.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
            <div className="payment-total">
              <dt>{t('orders.detail.total')}</dt>
              <dd>{money(order.total)}</dd>
            </div>
          </dl>
        </section>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('orders.detail.close')}
        </button>
      </div>
    </Dialog>
  );
}
