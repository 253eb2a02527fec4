import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollaborationStatus } from '@shared/collaborations';

const tones: Record<CollaborationStatus, string> = {
  VALID: 'success',
  CANCELING: 'warning',
  COMPLETED: 'muted',
  REMOVED: 'muted',
};

/** Running, Cancelling (removed by the seller, TikTok winding it down), Completed or Removed. */
export function CollaborationStatusBadge({ status }: { status: CollaborationStatus }): ReactElement {
  const { t } = useTranslation();
  return <span className={`badge badge-tone-${tones[status]}`}>{t(`collaborations.status.${status}`)}</span>;
}
