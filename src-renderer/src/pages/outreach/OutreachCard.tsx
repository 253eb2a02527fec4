import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outreach } from '@shared/outreach';
import { useChannelMutation } from '../../api';
import { useToasts } from '../../components/Toasts';
import { formatDateTime } from '../../format/time';

const tone: Record<Outreach['status'], string> = {
  draft: 'muted',
  running: 'accent',
  paused: 'warning',
  finished: 'success',
  cancelled: 'muted',
};

/** One Outreach: status, progress with ETA, counts, and the controls its status allows. */
export function OutreachCard(props: {
  outreach: Outreach;
  shopName: string;
  selected: boolean;
  onSelect: () => void;
}): ReactElement {
  const { outreach: o } = props;
  const { t, i18n } = useTranslation();
  const invalidates = ['outreach:list', 'outreach:deliveries'] as const;
  const start = useChannelMutation('outreach:start', { invalidates });
  const pause = useChannelMutation('outreach:pause', { invalidates });
  const resume = useChannelMutation('outreach:resume', { invalidates });
  const cancel = useChannelMutation('outreach:cancel', { invalidates });
  const { showToast } = useToasts();
  const retry = useChannelMutation('outreach:retryFailed', {
    invalidates,
    onSuccess: (r) =>
      showToast({
        tone: 'info',
        message: {
          key: r.outreach.status === 'paused' ? 'outreach.retriedPaused' : 'outreach.retried',
          params: {
            count: r.requeued,
          },
        },
      }),
  });
  const busy = start.isPending || pause.isPending || resume.isPending || cancel.isPending || retry.isPending;
  const c = o.counts;
  const done = c.sent + c.failed + c.skipped + c.cancelled;
  const number = new Intl.NumberFormat(i18n.language);
  const input = { id: o.id };
  return (
    <article className={`card outreach-card${props.selected ? ' is-selected' : ''}`} aria-label={o.name}>
      <header className="outreach-card-head">
        <button type="button" className="link-button outreach-name" onClick={props.onSelect}>
          {o.name}
        </button>
        <span className={`badge badge-tone-${tone[o.status]}`}>{t(`outreach.status.${o.status}`)}</span>
      </header>
      <p className="muted outreach-meta">
        {props.shopName} · {t(`outreach.action.${o.action}`)}
        {o.pauseReason &&
          ` · ${t(`outreach.pause.${o.pauseReason}`, {
            at: o.resumeAt ? formatDateTime(o.resumeAt, i18n.language) : '',
          })}`}
      </p>
      <progress
        className="sync-bar"
        max={Math.max(1, o.total)}
        value={done}
        aria-label={t('outreach.progressLabel', { name: o.name })}
      />
      <p className="outreach-counts">
        {t('outreach.counts', {
          sent: number.format(c.sent),
          skipped: number.format(c.skipped),
          failed: number.format(c.failed),
          total: number.format(o.total),
        })}
        {c.maybe_sent + c.sending > 0 && ` · ${t('outreach.checking', { count: c.maybe_sent + c.sending })}`}
        {o.followUpsPending > 0 && ` · ${t('outreach.followUpsPending', { count: o.followUpsPending })}`}
        {o.etaAt !== null && ` · ${t('outreach.eta', { at: formatDateTime(o.etaAt, i18n.language) })}`}
      </p>
      <div className="outreach-actions">
        {o.status === 'draft' && (
          <button
            type="button"
            className="button button-primary button-small"
            disabled={busy}
            onClick={() => start.mutate(input)}
          >
            {t('outreach.controls.start')}
          </button>
        )}
        {o.status === 'running' && (
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            onClick={() => pause.mutate(input)}
          >
            {t('outreach.controls.pause')}
          </button>
        )}
        {o.status === 'paused' && (
          <button
            type="button"
            className="button button-primary button-small"
            disabled={busy}
            onClick={() => resume.mutate(input)}
          >
            {t('outreach.controls.resume')}
          </button>
        )}
        {o.retryable > 0 && o.status !== 'cancelled' && (
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            title={t('outreach.controls.retryHint')}
            onClick={() => retry.mutate(input)}
          >
            {t('outreach.controls.retry', { count: o.retryable, formatted: number.format(o.retryable) })}
          </button>
        )}
        {(o.status === 'draft' || o.status === 'running' || o.status === 'paused') && (
          <button
            type="button"
            className="button button-danger-quiet button-small"
            disabled={busy}
            onClick={() => cancel.mutate(input)}
          >
            {t('outreach.controls.cancel')}
          </button>
        )}
      </div>
    </article>
  );
}
