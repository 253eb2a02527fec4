import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** TikTok Shop order statuses the UI names; anything else is shown as TikTok sent it. */
const tones = {
  UNPAID: 'warning',
  ON_HOLD: 'warning',
  AWAITING_SHIPMENT: 'accent',
  PARTIALLY_SHIPPING: 'accent',
  AWAITING_COLLECTION: 'accent',
  IN_TRANSIT: 'accent',
  DELIVERED: 'success',
  COMPLETED: 'success',
  CANCELLED: 'muted',
} as const;

type KnownStatus = keyof typeof tones;

function isKnown(status: string): status is KnownStatus {
  return Object.hasOwn(tones, status);
}

export function OrderStatusBadge({ status }: { status: string }): ReactElement {
  const { t } = useTranslation();
  const known = isKnown(status);
  return (
    <span className={`badge badge-tone-${known ? tones[status] : 'muted'}`}>
      {known ? t(`orders.status.${status}`) : status}
    </span>
  );
}
