import { useTranslation } from 'react-i18next';
import type { CollaborationOption } from '@shared/analytics';

/** TikTok's long numeric ids differ in their last digits: "…71007932" (the whole id is in the title). */
export const shortId = (id: string | null): string =>
  id && id.length > 10 ? `…${id.slice(-8)}` : (id ?? '');

/** What names a collaboration: an option of the picker, or the one an affiliate order's row came through. */
export type CollaborationNaming = Pick<CollaborationOption, 'kind' | 'id' | 'name' | 'productTitle'> & {
  status?: string | null;
};

/**
 * How a collaboration reads on the Affiliate page: a target collaboration by its synced name (its id while
 * no sync has seen it), an open one as "Open · <product>" (one product's offer), a target one no longer
 * running with its status.
 */
export function useCollaborationLabel(): (c: CollaborationNaming) => string {
  const { t } = useTranslation();
  return (c) => {
    if (c.kind === 'open')
      return t('analytics.affiliate.openCollaboration', { product: c.productTitle ?? shortId(c.id) });
    const name = c.name ?? t('analytics.affiliate.collaborationId', { id: shortId(c.id) });
    return c.status && c.status !== 'VALID'
      ? t('analytics.affiliate.collaborationStatus', {
          name,
          status: t(`analytics.affiliate.collaborationStatuses.${c.status}`, { defaultValue: c.status }),
        })
      : name;
  };
}
