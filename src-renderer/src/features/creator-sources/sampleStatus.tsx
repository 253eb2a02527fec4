import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sample } from '@shared/samples';

/** TikTok's sample application statuses the UI names (docs/tiktok-api/affiliate-creators-and-samples.md). */
const tones = {
  PENDING: 'warning',
  AWAITING_SHIPMENT: 'accent',
  SHIPPED: 'accent',
  CONTENT_PENDING: 'accent',
  COMPLETED: 'success',
  OPS_COMPLETED: 'success',
  REJECT_CANCELLED: 'muted',
  OVERDUE_CANCELLED: 'muted',
  UNFULFILL_CANCELLED: 'danger',
  SELLER_NOT_SHIP_CANCELLED: 'muted',
  WITHDRAW_CANCELLED: 'muted',
  UNFULFILLABLE_CANCELLED: 'muted',
  DEL_OPEN_COLLAB: 'muted',
  OPS_CANCELLED: 'muted',
  OPS_FAILED: 'danger',
} as const;

type KnownStatus = keyof typeof tones;
const isKnown = (status: string): status is KnownStatus => Object.hasOwn(tones, status);

/** TikTok's status in words; an overdue post shows as overdue whatever the status says. */
export function SampleStatusBadge({ sample }: { sample: Pick<Sample, 'status' | 'overdue'> }): ReactElement {
  const { t } = useTranslation();
  if (sample.overdue && sample.status === 'CONTENT_PENDING')
    return <span className="badge badge-tone-danger">{t('samples.status.overdue')}</span>;
  const { status } = sample;
  if (!isKnown(status)) return <span className="badge badge-tone-muted">{status}</span>;
  return <span className={`badge badge-tone-${tones[status]}`}>{t(`samples.status.${status}`)}</span>;
}

/** How the creator is named: the handle, else the nickname. */
export function creatorLabel(sample: Pick<Sample, 'creatorHandle' | 'creatorNickname'>): string {
  return sample.creatorHandle ? `@${sample.creatorHandle}` : (sample.creatorNickname ?? '—');
}
