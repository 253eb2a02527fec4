import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft } from './draft';

/** Step 4: when sending may start, the daily send window in the shop's time zone, and a daily cap. */
export function ScheduleStep(props: {
  draft: Draft;
  update: (patch: Partial<Draft>) => void;
  zone: string;
}): ReactElement {
  const { draft, update, zone } = props;
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="wizard-fields">
      <p className="muted field-hint">{t('outreach.wizard.zone', { zone })}</p>
      <fieldset className="wizard-choice">
        <legend className="field-label">{t('outreach.wizard.start')}</legend>
        <label className="radio-line">
          <input
            type="radio"
            name={`${id}-start`}
            checked={draft.startAt === ''}
            onChange={() => update({ startAt: '' })}
          />
          {t('outreach.wizard.startNow')}
        </label>
        <label className="radio-line">
          <input
            type="radio"
            name={`${id}-start`}
            checked={draft.startAt !== ''}
            onChange={() => {
              const soon = new Date(Date.now() + 3_600_000).toISOString().slice(0, 16);
              update({ startAt: soon });
            }}
          />
          {t('outreach.wizard.startAt')}
        </label>
        {draft.startAt !== '' && (
          <input
            className="input"
            type="datetime-local"
            aria-label={t('outreach.wizard.startTime', { zone })}
            value={draft.startAt}
            onChange={(e) => update({ startAt: e.target.value })}
          />
        )}
      </fieldset>
      <fieldset className="wizard-choice">
        <legend className="field-label">{t('outreach.wizard.window')}</legend>
        <label className="checkbox-line">
          <input
            type="checkbox"
            checked={draft.windowOn}
            onChange={(e) => update({ windowOn: e.target.checked })}
          />
          {t('outreach.wizard.windowOn')}
        </label>
        {draft.windowOn && (
          <span className="wizard-inline">
            <input
              className="input"
              type="time"
              aria-label={t('outreach.wizard.windowStart', { zone })}
              value={draft.windowStart}
              onChange={(e) => update({ windowStart: e.target.value })}
            />
            <span aria-hidden="true">–</span>
            <input
              className="input"
              type="time"
              aria-label={t('outreach.wizard.windowEnd', { zone })}
              value={draft.windowEnd}
              onChange={(e) => update({ windowEnd: e.target.value })}
            />
          </span>
        )}
      </fieldset>
      <label className="field-label" htmlFor={`${id}-cap`}>
        {t('outreach.wizard.dailyCap')}
      </label>
      <input
        id={`${id}-cap`}
        className="input input-number"
        type="number"
        min={1}
        max={100_000}
        placeholder={t('outreach.wizard.noCap')}
        value={draft.dailyCap}
        onChange={(e) => update({ dailyCap: e.target.value })}
      />
    </div>
  );
}
