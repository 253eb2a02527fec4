import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { awaitingStatuses, type OrderDetail, type OrderView } from '@shared/orders';
import type { Money } from '@shared/sync';
import { formatMoney } from '../../format/money';
import { formatDateTime, formatRelative } from '../../format/time';
import { useNow } from '../../hooks/useNow';
import { DetailSection } from '../../components/DetailSection';
import { Facts, type Fact } from '../../components/Facts';

/** The parts of the order drawer, top to bottom. Money is always in the order's own currency. */

function useMoney(): (value: Money) => string {
  const { i18n } = useTranslation();
  return (value) => formatMoney(value, i18n.language);
}

/** Items grouped by SKU with their quantity; before the detail arrives, the list row's lines. */
export function OrderItems(props: { order: OrderView; items: OrderDetail['items'] | null }): ReactElement {
  const { order, items } = props;
  const { t } = useTranslation();
  const money = useMoney();
  return (
    <DetailSection title={t('orders.detail.lines')}>
      <div className="detail-table-scroll">
        <table className="table detail-lines">
          <thead>
            <tr>
              <th scope="col">{t('orders.detail.product')}</th>
              <th scope="col" className="col-num">
                {t('orders.detail.quantity')}
              </th>
              <th scope="col" className="col-num">
                {t('orders.detail.unitPrice')}
              </th>
              <th scope="col" className="col-num">
                {t('orders.detail.lineTotal')}
              </th>
            </tr>
          </thead>
          <tbody>
            {items
              ? items.map((item) => (
                  <tr
                    key={item.skuId}
                    className={item.cancelled === item.quantity ? 'line-cancelled' : undefined}
                  >
                    <td>
                      <span className="cell-wrap">{item.productName}</span>
                      <span className="line-sku muted">
                        {[item.skuName, item.sellerSku].filter(Boolean).join(' · ') || item.skuId}
                      </span>
                      {item.cancelled > 0 && (
                        <span className="badge badge-tone-muted line-flag">
                          {t('orders.detail.cancelledUnits', { count: item.cancelled })}
                        </span>
                      )}
                    </td>
                    <td className="col-num">{item.quantity}</td>
                    <td className="col-num">{money(item.unitPrice)}</td>
                    <td className="col-num">{money(item.total)}</td>
                  </tr>
                ))
              : order.lines.map((line) => (
                  <tr key={line.lineId} className={line.cancelled ? 'line-cancelled' : undefined}>
                    <td>
                      <span className="cell-wrap">{line.productName}</span>
                      {line.skuName && <span className="line-sku muted">{line.skuName}</span>}
                    </td>
                    <td className="col-num">1</td>
                    <td className="col-num">{money(line.salePrice)}</td>
                    <td className="col-num">{money(line.salePrice)}</td>
                  </tr>
                ))}
          </tbody>
        </table>
      </div>
    </DetailSection>
  );
}

export function OrderPayment({ order }: { order: OrderView }): ReactElement {
  const { t } = useTranslation();
  const money = useMoney();
  // Discounts reduce the total: shown with a minus sign whichever sign the API used.
  const discount = (value: Money) =>
    value.amountMinor === 0 ? money(value) : money({ ...value, amountMinor: -Math.abs(value.amountMinor) });
  const rows: Fact[] = [
    [t('orders.detail.subtotal'), money(order.subTotal)],
    [t('orders.detail.shipping'), money(order.shippingFee)],
    [t('orders.detail.sellerDiscount'), discount(order.sellerDiscount)],
    [t('orders.detail.platformDiscount'), discount(order.platformDiscount)],
    [t('orders.detail.tax'), money(order.tax)],
  ];
  if (order.refund.amountMinor !== 0) rows.push([t('orders.detail.refunded'), discount(order.refund)]);
  return (
    <DetailSection title={t('orders.detail.payment')}>
      <Facts layout="ledger" facts={rows} total={[t('orders.detail.total'), money(order.total)]} />
    </DetailSection>
  );
}

export function OrderAffiliate({
  affiliate,
}: {
  affiliate: NonNullable<OrderDetail['affiliate']>;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const handle = affiliate.creatorHandle?.replace(/^@/, '') ?? null;
  const rate =
    affiliate.commissionRateBp === null
      ? null
      : new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 2 }).format(
          affiliate.commissionRateBp / 10_000,
        );
  const statusKey = `analytics.affiliate.status.${affiliate.status}`;
  return (
    <DetailSection title={t('orders.detail.affiliate')}>
      <Facts
        facts={[
          [
            t('orders.detail.creator'),
            handle ? (
              <a
                href={`https://www.tiktok.com/@${encodeURIComponent(handle)}`}
                target="_blank"
                rel="noopener noreferrer"
              >
                @{handle}
              </a>
            ) : (
              t('orders.detail.noCreator')
            ),
          ],
          [
            affiliate.commission ? t('orders.detail.commission') : t('orders.detail.estimatedCommission'),
            affiliate.commission
              ? money(affiliate.commission)
              : affiliate.estimatedCommission && money(affiliate.estimatedCommission),
          ],
          [t('orders.detail.commissionRate'), rate],
          [t('orders.columns.status'), i18n.exists(statusKey) ? t(statusKey) : affiliate.status],
        ]}
      />
    </DetailSection>
  );
}

/** Carrier, tracking and the ship-by time; for an order still to ship, how long is left (or how late). */
export function OrderShipping({ order, detail }: { order: OrderView; detail: OrderDetail }): ReactElement {
  const { t, i18n } = useTranslation();
  const now = useNow(30_000);
  const s = detail.shipping;
  const awaiting = (awaitingStatuses as readonly string[]).includes(order.status);
  const shipBy = s.shipBy;
  return (
    <DetailSection title={t('orders.detail.shippingTitle')}>
      {awaiting && shipBy !== null ? (
        <p className={shipBy < now ? 'sla sla-late' : 'sla'} role="status">
          {shipBy < now
            ? t('orders.detail.slaLate', { when: formatRelative(shipBy, now, i18n.language) })
            : t('orders.detail.slaDue', { when: formatRelative(shipBy, now, i18n.language) })}
        </p>
      ) : null}
      <Facts
        facts={[
          [t('orders.detail.carrier'), s.carrier],
          [t('orders.detail.tracking'), s.trackingNumber && <span className="mono">{s.trackingNumber}</span>],
          [t('orders.detail.deliveryOption'), s.deliveryOption],
          [t('orders.columns.shipBy'), shipBy === null ? null : formatDateTime(shipBy, i18n.language)],
        ]}
      />
    </DetailSection>
  );
}

export function OrderTimeline({ detail }: { detail: OrderDetail }): ReactElement {
  const { t, i18n } = useTranslation();
  return (
    <DetailSection title={t('orders.detail.timeline')}>
      <ol className="timeline">
        {detail.timeline.map((step) => (
          <li key={`${step.step}-${step.at}`} className={`timeline-step timeline-${step.step}`}>
            <span className="timeline-label">{t(`orders.detail.steps.${step.step}`)}</span>
            <time dateTime={new Date(step.at).toISOString()} className="muted">
              {formatDateTime(step.at, i18n.language)}
            </time>
            {step.step === 'cancelled' && detail.cancelReason && (
              <span className="timeline-note muted">{detail.cancelReason}</span>
            )}
          </li>
        ))}
      </ol>
    </DetailSection>
  );
}
