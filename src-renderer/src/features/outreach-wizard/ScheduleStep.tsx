import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { effectiveLimits } from '@shared/outreach-limits';
import { zonedDay } from '@shared/time';
import { DateField } from '../../components/DateField';
import { TimeField } from '../../components/TimeField';
import { formatTimeZone } from '../../format/time';
import { useNow } from '../../hooks/useNow';
import { formatZoneLabel } from '../analytics/format';
import { useSettings } from '../../settings/SettingsProvider';
import { inAnHour, type Draft } from './draft';
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
  const now = useNow(60_000);
  const limits = effectiveLimits(settings.outreachShops, shopId);
  const number = new Intl.NumberFormat(i18n.language);
  // The labels name the zone as merchants read it ("UTC−8"), the hint with its name too ("Pacific Time (UTC−8)").
  const offset = formatTimeZone(zone);
  return (
    <div className="wizard-fields">
      <p className="muted field-hint">
        {t('outreach.wizard.zone', { zone: formatZoneLabel(zone, i18n.language) })}
      </p>
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
            onChange={() => update({ startAt: inAnHour(zone) })}
          />
          {t('outreach.wizard.startAt')}
        </label>
        {draft.startAt !== '' && (
          <span className="wizard-inline">
            <DateField
              label={t('outreach.wizard.startDay', { zone: offset })}
              hideLabel
              zone={zone}
              min={zonedDay(now, zone)}
              value={draft.startAt.slice(0, 10)}
              onChange={(day) => day && update({ startAt: `${day}T${draft.startAt.slice(11, 16)}` })}
            />
            <TimeField
              label={t('outreach.wizard.startTime', { zone: offset })}
              hideLabel
              step={15}
              value={draft.startAt.slice(11, 16)}
              onChange={(time) => update({ startAt: `${draft.startAt.slice(0, 10)}T${time}` })}
            />
          </span>
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
            <TimeField
              label={t('outreach.wizard.windowStart', { zone: offset })}
              hideLabel
              value={draft.windowStart}
              onChange={(windowStart) => update({ windowStart })}
            />
            <span aria-hidden="true">–</span>
            <TimeField
              label={t('outreach.wizard.windowEnd', { zone: offset })}
              hideLabel
              value={draft.windowEnd}
              onChange={(windowEnd) => update({ windowEnd })}
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
