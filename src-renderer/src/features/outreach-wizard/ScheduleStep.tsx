import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { effectiveLimits } from '@shared/outreach-limits';
import { useSettings } from '../../settings/SettingsProvider';
import type { Draft } from './draft';
import { DraftField } from './DraftField';

/**
 * Step 4: when sending may start, the daily send window in the shop's time zone, and a daily cap; the weekly
 * pool and pace come from the shop's limits in Settings and are shown here.
 */
export function ScheduleStep(props: {
  draft: Draft;
  update: (patch: Partial<Draft>) => void;
  zone: string;
  shopId: string;
}): ReactElement {
  const { draft, update, zone, shopId } = props;
  const { t, i18n } = useTranslation();
  const { settings } = useSettings();
  const id = useId();
  const limits = effectiveLimits(settings.outreachShops, shopId);
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <div className="wizard-fields">
      <p className="muted field-hint">{t('outreach.wizard.zone', { zone })}</p>
      <p className="wizard-readout" role="note">
        {limits.weeklyPool === null
          ? t('outreach.wizard.limitsNoPool', { rate: number.format(limits.ratePerMinute) })
          : t('outreach.wizard.limits', {
              pool: number.format(limits.weeklyPool),
              rate: number.format(limits.ratePerMinute),
            })}
      </p>
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
          <DraftField
            draft={draft}
            update={update}
            field="startAt"
            label={t('outreach.wizard.startTime', { zone })}
            inline
            type="datetime-local"
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
            <DraftField
              draft={draft}
              update={update}
              field="windowStart"
              label={t('outreach.wizard.windowStart', { zone })}
              inline
              type="time"
            />
            <span aria-hidden="true">–</span>
            <DraftField
              draft={draft}
              update={update}
              field="windowEnd"
              label={t('outreach.wizard.windowEnd', { zone })}
              inline
              type="time"
            />
          </span>
        )}
      </fieldset>
      <DraftField
        draft={draft}
        update={update}
        field="dailyCap"
        label={t('outreach.wizard.dailyCap')}
        className="input input-number"
        type="number"
        min={1}
        max={100_000}
        placeholder={t('outreach.wizard.noCap')}
      />
    </div>
  );
}
