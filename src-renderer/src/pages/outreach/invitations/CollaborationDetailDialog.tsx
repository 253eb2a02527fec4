import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollaborationView } from '@shared/collaborations';
import { Dialog } from '../../../components/Dialog';
import { Facts } from '../../../components/Facts';
import { formatDateTime } from '../../../format/time';
import { CollaborationStatusBadge } from './collaborationStatus';

/** One target collaboration's synced facts, and what its status means. */
export function CollaborationDetailDialog(props: {
  collaboration: CollaborationView;
  shopName: string;
  onClose: () => void;
  returnFocus: () => HTMLElement | null;
}): ReactElement {
  const { collaboration: c, shopName, onClose, returnFocus } = props;
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const number = new Intl.NumberFormat(language);
  const when = (at: number | null) =>
    at === null ? '—' : <time dateTime={new Date(at).toISOString()}>{formatDateTime(at, language)}</time>;
  const facts: [string, ReactElement | string][] = [
    [t('collaborations.detail.id'), <span className="mono">{c.collaborationId}</span>],
    [t('collaborations.columns.shop'), shopName],
    [t('collaborations.columns.status'), <CollaborationStatusBadge status={c.status} />],
    [t('collaborations.detail.starts'), when(c.startTime)],
    [t('collaborations.columns.ends'), when(c.endTime)],
    [t('collaborations.columns.invited'), number.format(c.invitedCount)],
    [t('collaborations.columns.accepted'), number.format(c.showcaseCount)],
    [t('collaborations.columns.posted'), number.format(c.contentCount)],
    [t('collaborations.detail.products'), number.format(c.productCount)],
    [
      t('collaborations.detail.freeSample'),
      c.hasFreeSample ? t('collaborations.detail.yes') : t('collaborations.detail.no'),
    ],
  ];
  return (
    <Dialog title={c.name} onClose={onClose} returnFocus={returnFocus} className="detail-dialog">
      <p className="muted">{t(`collaborations.statusHelp.${c.status}`)}</p>
      <Facts facts={facts} className="detail-facts-wide" />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('orders.detail.close')}
        </button>
      </div>
    </Dialog>
  );
}
