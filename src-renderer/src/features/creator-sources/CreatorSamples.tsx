import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../api';
import { LoadFailed } from '../../components/LoadFailed';
import './creator-sources.css';
import { formatDate } from '../../format/time';
import { SampleStatusBadge } from './sampleStatus';

/** A creator's free-sample requests in every shop, for the creator detail; the Samples page reviews them. */
export function CreatorSamples({ creatorId }: { creatorId: number }): ReactElement | null {
  const { t, i18n } = useTranslation();
  const samples = useChannelQuery(
    'samples:list',
    { creatorId, limit: 50 },
    { invalidateOn: ['sync:statusChanged', 'samples:overdue'] },
  );
  if (samples.error)
    return <LoadFailed compact title={t('samples.failed')} error={samples.error} onRetry={samples.refetch} />;
  const items = samples.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={`creator-samples-${creatorId}`}>
      <h3 id={`creator-samples-${creatorId}`} className="detail-heading">
        {t('samples.forCreator')}
      </h3>
      <ul className="sample-contents">
        {items.map((s) => (
          <li key={s.applicationId}>
            <span className="cell-text">{s.productTitle ?? s.applicationId}</span>
            <span className="creator-sample-state">
              <SampleStatusBadge sample={s} />
              <span className="muted">{formatDate(s.firstSeenAt, i18n.language)}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
