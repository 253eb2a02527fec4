import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatorDetail } from '@shared/creator-detail';
import { useChannelMutation } from '../../api';
import { formatDate } from '../../format/time';
import { creatorReads } from './creatorReads';

/**
 * The score set by hand, inside "Why this score": shown with its reason and date over what the rules give,
 * set with a reason (required), and given back to the rules with one click.
 */
export function ScoreOverrideField(props: {
  creatorId: number;
  computed: number;
  override: CreatorDetail['scoreOverride'];
  disabled: boolean;
}): ReactElement {
  const { creatorId, computed, override, disabled } = props;
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [score, setScore] = useState(String(override?.score ?? computed));
  const [reason, setReason] = useState(override?.reason ?? '');
  const id = useId();
  const update = useChannelMutation('creators:update', {
    invalidates: creatorReads,
    onSuccess: () => setEditing(false),
  });
  const busy = disabled || update.isPending;
  const value = Number(score);
  const valid = score.trim() !== '' && Number.isInteger(value) && value >= 0 && value <= 100;

  if (editing) {
    return (
      <form
        className="score-override-form"
        aria-label={t('creators.override.formLabel')}
        onSubmit={(e) => {
          e.preventDefault();
          if (valid && reason.trim())
            update.mutate({ id: creatorId, scoreOverride: value, scoreOverrideReason: reason.trim() });
        }}
      >
        <div className="field">
          <label className="field-label" htmlFor={`${id}-score`}>
            {t('creators.override.score')}
          </label>
          <input
            id={`${id}-score`}
            className="input score-override-input"
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            step={1}
            value={score}
            aria-invalid={!valid}
            onChange={(e) => setScore(e.target.value)}
          />
        </div>
        <div className="field score-override-reason">
          <label className="field-label" htmlFor={`${id}-reason`}>
            {t('creators.override.reason')}
          </label>
          <input
            id={`${id}-reason`}
            className="input"
            maxLength={500}
            value={reason}
            placeholder={t('creators.override.reasonPlaceholder')}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <div className="score-override-actions">
          <button
            type="submit"
            className="button button-small button-primary"
            disabled={busy || !valid || !reason.trim()}
          >
            {t('creators.override.save')}
          </button>
          <button
            type="button"
            className="button button-small button-quiet"
            disabled={busy}
            onClick={() => setEditing(false)}
          >
            {t('creators.override.cancel')}
          </button>
        </div>
      </form>
    );
  }

  return (
    <div className="score-override">
      {override ? (
        <p className="score-override-notice" role="status">
          {t('creators.override.setByHand', { score: override.score, computed })}
          {override.reason && (
            <>
              {' '}
              <span className="score-override-why">
                {t('creators.override.because', { reason: override.reason })}
              </span>
            </>
          )}
          {override.at !== null && <span className="muted"> · {formatDate(override.at, i18n.language)}</span>}
        </p>
      ) : null}
      <div className="score-override-actions">
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => {
            setScore(String(override?.score ?? computed));
            setReason(override?.reason ?? '');
            setEditing(true);
          }}
        >
          {override ? t('creators.override.change') : t('creators.override.set')}
        </button>
        {override && (
          <button
            type="button"
            className="button button-small button-quiet"
            disabled={busy}
            onClick={() => update.mutate({ id: creatorId, scoreOverride: null })}
          >
            {t('creators.override.clear', { computed })}
          </button>
        )}
      </div>
    </div>
  );
}
