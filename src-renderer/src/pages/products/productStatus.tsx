import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** TikTok Shop product statuses the UI names; anything else is shown as TikTok sent it. */
const tones = {
  DRAFT: 'muted',
  PENDING: 'warning',
  FAILED: 'danger',
  ACTIVATE: 'success',
  SELLER_DEACTIVATED: 'muted',
  PLATFORM_DEACTIVATED: 'danger',
  FREEZE: 'danger',
  DELETED: 'muted',
} as const;

type KnownStatus = keyof typeof tones;

/** The listing statuses a merchant can filter by, in TikTok's order. */
export const productStatuses = Object.keys(tones) as KnownStatus[];

function isKnown(status: string): status is KnownStatus {
  return Object.hasOwn(tones, status);
}

export function ProductStatusBadge({ status }: { status: string }): ReactElement {
  const { t } = useTranslation();
  const known = isKnown(status);
  return (
    <span className={`badge badge-tone-${known ? tones[status] : 'muted'}`}>
      {known ? t(`products.status.${status}`) : status}
    </span>
  );
}
