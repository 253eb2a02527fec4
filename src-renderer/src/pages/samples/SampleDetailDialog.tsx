import { useId, useState, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { rejectReasons, type Sample } from '@shared/samples';
import { useChannelMutation, useChannelQuery } from '../../api';
import { DetailSection } from '../../components/DetailSection';
import { Dialog } from '../../components/Dialog';
import { Facts } from '../../components/Facts';
import { LoadFailed } from '../../components/LoadFailed';
import { Notice } from '../../components/Notice';
import { formatMoney } from '../../format/money';
import { formatDateTime } from '../../format/time';
import { creatorLabel, SampleStatusBadge } from '../../features/creator-sources/sampleStatus';

type RejectReason = (typeof rejectReasons)[number];

/** One free-sample request: who asked for what, where it stands, the creator's figures and posts; review. */
export function SampleDetailDialog(props: {
  sample: Sample;
  shopName: string;
  onClose: () => void;
  returnFocus: () => HTMLElement | null;
}): ReactElement {
  const { shopName, onClose, returnFocus } = props;
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const number = new Intl.NumberFormat(language);
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 2 });
  const detail = useChannelQuery('samples:get', { applicationId: props.sample.applicationId });
  const review = useChannelMutation('samples:review', { invalidates: ['samples:list', 'samples:get'] });
  const sample: Sample = review.data?.sample ?? detail.data ?? props.sample;
  const when = (at: number | null) =>
    at === null ? '—' : <time dateTime={new Date(at).toISOString()}>{formatDateTime(at, language)}</time>;
  const facts: [string, ReactNode][] = [
    [t('samples.columns.creator'), <span className="cell-text">{creatorLabel(sample)}</span>],
    [t('samples.columns.product'), sample.productTitle ?? '—'],
    [t('samples.detail.sku'), sample.skuName ?? '—'],
    [t('samples.columns.shop'), shopName],
    [t('samples.columns.status'), <SampleStatusBadge sample={sample} />],
    [t('samples.detail.requested'), when(sample.firstSeenAt)],
    [
      t('samples.detail.commission'),
      sample.commissionBp === null ? '—' : percent.format(sample.commissionBp / 10_000),
    ],
  ];
  if (sample.status === 'PENDING') facts.push([t('samples.detail.reviewBy'), when(sample.approveExpiresAt)]);
  if (sample.orderId) facts.push([t('samples.detail.order'), <span className="mono">{sample.orderId}</span>]);
  if (sample.deliveredAt !== null) facts.push([t('samples.detail.delivered'), when(sample.deliveredAt)]);
  if (sample.contentDueAt !== null) facts.push([t('samples.detail.postBy'), when(sample.contentDueAt)]);
  if (sample.firstContentAt !== null) facts.push([t('samples.columns.posted'), when(sample.firstContentAt)]);

  const stats = detail.data?.creatorStats ?? null;
  const contents = detail.data?.contents ?? [];
  const busy = review.isPending;
  return (
    <Dialog
      title={t('samples.detail.title', { creator: creatorLabel(sample) })}
      onClose={onClose}
      returnFocus={returnFocus}
      busy={busy}
      className="detail-dialog"
    >
      <div className="detail-body">
        <Facts facts={facts} className="detail-facts-wide" />
        {detail.error && (
          <LoadFailed
            compact
            title={t('samples.detail.failed')}
            error={detail.error}
            onRetry={detail.refetch}
          />
        )}
        {stats && (
          <DetailSection title={t('samples.detail.stats')}>
            <Facts
              className="detail-facts-wide"
              facts={[
                [
                  t('samples.detail.followers'),
                  stats.followers === null ? null : number.format(stats.followers),
                ],
                [t('samples.detail.gmv30d'), stats.gmv30d && formatMoney(stats.gmv30d, language)],
                [
                  t('samples.detail.contents30d'),
                  stats.contents30d === null ? null : number.format(stats.contents30d),
                ],
                [
                  t('samples.detail.fulfillmentRate'),
                  stats.fulfillmentRate === null ? null : rateText(stats.fulfillmentRate, percent),
                ],
              ]}
            />
          </DetailSection>
        )}
        {contents.length > 0 && (
          <DetailSection title={t('samples.detail.posts')}>
            <ul className="sample-contents">
              {contents.map((c) => (
                <li key={c.contentId}>
                  <span className="cell-text">{c.description || c.contentId}</span>
                  <span className="muted">
                    {t('samples.detail.postFigures', {
                      views: number.format(c.views ?? 0),
                      orders: number.format(c.paidOrders ?? 0),
                    })}
                  </span>
                </li>
              ))}
            </ul>
          </DetailSection>
        )}
        <ReviewSection sample={sample} review={review} />
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          {t('samples.detail.close')}
        </button>
      </div>
    </Dialog>
  );
}

function ReviewSection(props: {
  sample: Sample;
  review: ReturnType<typeof useChannelMutation<'samples:review'>>;
}): ReactElement | null {
  const { sample, review } = props;
  const { t } = useTranslation();
  const [reason, setReason] = useState<RejectReason | ''>('');
  const reasonId = useId();
  const answered = review.data;
  if (answered) {
    const applied = answered.outcome === 'done';
    const decision = answered.sample.review?.decision ?? 'APPROVE';
    return (
      <Notice
        tone={applied ? 'success' : 'warning'}
        title={applied ? t(`samples.review.done.${decision}`) : t('samples.review.notApplied')}
      />
    );
  }
  const pendingAnswer =
    sample.review && (sample.review.state === 'sending' || sample.review.state === 'unknown');
  if (pendingAnswer) return <Notice tone="info" title={t('samples.review.waiting')} />;
  if (sample.status !== 'PENDING') return null;
  if (sample.partnerName)
    return <Notice tone="info" title={t('samples.review.agency', { partner: sample.partnerName })} />;
  const busy = review.isPending;
  return (
    <section className="sample-review" aria-label={t('samples.review.label')}>
      {!sample.isApprovable && (
        <Notice tone="warning" title={t('samples.review.notApprovable')}>
          {sample.disapprovableReasons.length > 0 && <p>{sample.disapprovableReasons.join(' · ')}</p>}
        </Notice>
      )}
      <div className="sample-review-row">
        {sample.isApprovable && (
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => review.mutate({ applicationId: sample.applicationId, decision: 'APPROVE' })}
          >
            {t('samples.review.approve')}
          </button>
        )}
        <div className="field field-inline">
          <label className="field-label" htmlFor={reasonId}>
            {t('samples.review.reason')}
          </label>
          <select
            id={reasonId}
            className="input select"
            value={reason}
            disabled={busy}
            onChange={(e) => setReason(e.target.value as RejectReason | '')}
          >
            <option value="">{t('samples.review.chooseReason')}</option>
            {rejectReasons.map((r) => (
              <option key={r} value={r}>
                {t(`samples.review.reasons.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button button-danger"
          disabled={busy || reason === ''}
          onClick={() =>
            reason !== '' &&
            review.mutate({ applicationId: sample.applicationId, decision: 'REJECT', reason })
          }
        >
          {t('samples.review.reject')}
        </button>
      </div>
      <p className="field-hint">{t('samples.review.hint')}</p>
    </section>
  );
}

/** TikTok sends the fulfilment rate as percent text ("19.98"): shown as the commission is; other text as sent. */
function rateText(rate: string, percent: Intl.NumberFormat): string {
  const n = Number(rate);
  return rate.trim() !== '' && Number.isFinite(n) ? percent.format(n / 100) : rate;
}
