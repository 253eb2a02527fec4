import { useMemo, useState, type ReactElement } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DeliveryReason, OutreachPlan } from '@shared/outreach';
import { FilterSelect } from '../../components/FilterSelect';
import { formatDate, formatDateTime } from '../../format/time';

type Outcome = OutreachPlan['rows'][number]['outcome'];
type PlanRow = OutreachPlan['rows'][number];
const outcomes: readonly Outcome[] = ['this_week', 'next_week', 'exempt', 'skipped'];
/** Rows drawn at once; the counts above always cover everyone. */
const shown = 300;

/**
 * Step 5: the dry run. Who is contacted this week, who waits for TikTok's weekly reset, who costs nothing
 * from the pool (already connected) and who is skipped and why, as counts, a timeline and a table. The
 * merchant may leave the waiting ones out. Nothing is queued until Confirm.
 */
export function PlanStep(props: {
  plan: OutreachPlan;
  leaveOutWaiting: boolean;
  onLeaveOutWaiting: (leave: boolean) => void;
}): ReactElement {
  const { plan } = props;
  const { t, i18n } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const [reason, setReason] = useState<DeliveryReason | undefined>(undefined);
  const number = new Intl.NumberFormat(i18n.language);
  const rows = useMemo(
    () => plan.rows.filter((r) => (!outcome || r.outcome === outcome) && (!reason || r.reason === reason)),
    [plan.rows, outcome, reason],
  );
  // Every reason in the plan, most frequent first: the whole creator skipped or one action left out.
  const reasons = useMemo(() => {
    const by = new Map<DeliveryReason, number>();
    for (const r of plan.rows) if (r.reason) by.set(r.reason, (by.get(r.reason) ?? 0) + 1);
    return [...by.entries()].sort((a, b) => b[1] - a[1]);
  }, [plan.rows]);
  const counts = plan.counts;
  const reset = formatDateTime(plan.nextReset, i18n.language);
  return (
    <div className="wizard-fields plan-step">
      <dl className="plan-counts">
        {outcomes.map((o) => (
          <div key={o} className={`plan-count plan-count-${o}`}>
            <dt>{t(`outreach.plan.outcome.${o}`)}</dt>
            <dd>
              {number.format(counts[o === 'this_week' ? 'thisWeek' : o === 'next_week' ? 'nextWeek' : o])}
            </dd>
          </div>
        ))}
      </dl>
      <p className="muted field-hint">
        {plan.poolSize === null
          ? t('outreach.plan.noPool')
          : t('outreach.plan.pool', {
              used: number.format(plan.poolUsed),
              size: number.format(plan.poolSize),
              reset,
            })}{' '}
        {t('outreach.plan.pace', { rate: number.format(plan.ratePerMinute) })}
        {plan.cooldownDays > 0 && (
          <> {t('outreach.plan.cooldown', { days: number.format(plan.cooldownDays) })}</>
        )}
      </p>
      {reasons.length > 0 && (
        <p className="muted field-hint">
          {t('outreach.plan.skippedWhy', {
            reasons: reasons
              .map(([r, n]) => `${t(`outreach.reason.${r}`)} (${number.format(n)})`)
              .join(t('outreach.plan.listSeparator')),
          })}
        </p>
      )}
      {plan.problems.length > 0 && (
        <p className="wizard-problems" role="alert">
          {t('outreach.plan.problems', { count: plan.problems.length })}
        </p>
      )}
      <PlanTimeline plan={plan} />
      {counts.nextWeek > 0 && (
        <fieldset className="wizard-choice">
          <legend className="field-label">
            {t('outreach.plan.waiting', {
              count: counts.nextWeek,
              formatted: number.format(counts.nextWeek),
            })}
          </legend>
          <label className="radio-line">
            <input
              type="radio"
              name="plan-waiting"
              checked={!props.leaveOutWaiting}
              onChange={() => props.onLeaveOutWaiting(false)}
            />
            {t('outreach.plan.queueWaiting', { reset })}
          </label>
          <label className="radio-line">
            <input
              type="radio"
              name="plan-waiting"
              checked={props.leaveOutWaiting}
              onChange={() => props.onLeaveOutWaiting(true)}
            />
            {t('outreach.plan.leaveOutWaiting')}
          </label>
        </fieldset>
      )}
      <div className="plan-table-head">
        <FilterSelect
          label={t('outreach.plan.filter')}
          allLabel={t('outreach.plan.everyone')}
          value={outcome}
          options={outcomes.map((o) => ({ value: o, label: t(`outreach.plan.outcome.${o}`) }))}
          onChange={setOutcome}
        />
        {reasons.length > 0 && (
          <FilterSelect
            label={t('outreach.plan.reasonFilter')}
            allLabel={t('outreach.plan.anyReason')}
            value={reason}
            options={reasons.map(([r, n]) => ({
              value: r,
              label: `${t(`outreach.reason.${r}`)} (${number.format(n)})`,
            }))}
            onChange={setReason}
          />
        )}
        {rows.length > shown && (
          <p className="muted field-hint">
            {t('outreach.plan.more', { shown, total: number.format(rows.length) })}
          </p>
        )}
      </div>
      <div className="wizard-table-scroll plan-table-scroll">
        <table className="wizard-table" aria-label={t('outreach.plan.table')}>
          <thead>
            <tr>
              <th scope="col">{t('outreach.columns.creator')}</th>
              <th scope="col">{t('outreach.plan.when')}</th>
              <th scope="col">{t('outreach.columns.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, shown).map((r) => (
              <tr key={r.creatorId}>
                <td className="cell-text">{r.handle ? `@${r.handle}` : `#${r.creatorId}`}</td>
                <td>
                  {r.dueAt !== null
                    ? `${t(`outreach.plan.outcome.${r.outcome}`)} · ${formatDateTime(r.dueAt, i18n.language)}`
                    : t(`outreach.plan.outcome.${r.outcome}`)}
                </td>
                <td className="cell-text">{reasonText(r, t, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function reasonText(r: PlanRow, t: TFunction, lang: string): string {
  const exempt = r.exemptBecause ? t(`outreach.plan.exempt.${r.exemptBecause}`) : null;
  if (r.reason === null) return exempt ?? '—';
  let why =
    r.reason === 'blocklisted' && r.blockedAt !== null
      ? t('outreach.reason.blocklistedSince', { date: formatDate(r.blockedAt, lang) })
      : t(`outreach.reason.${r.reason}`);
  if (r.leftOut) why = t(`outreach.plan.leftOut.${r.leftOut}`, { reason: why });
  return exempt ? `${exempt} · ${why}` : why;
}

/**
 * When the planned creators are due, per day in the reader's zone; those waiting for a weekly reset get bars
 * of their own (grey), so a reset falling on a sending day does not merge into it.
 */
function PlanTimeline(props: { plan: OutreachPlan }): ReactElement | null {
  const { t, i18n } = useTranslation();
  const bars = useMemo(() => {
    const by = new Map<string, { at: number; count: number; waiting: boolean }>();
    for (const r of props.plan.rows) {
      if (r.dueAt === null) continue;
      const waiting = r.outcome === 'next_week';
      const key = `${waiting ? 'w' : 'n'}|${formatDate(r.dueAt, i18n.language)}`;
      const bar = by.get(key) ?? { at: r.dueAt, count: 0, waiting };
      bar.at = Math.min(bar.at, r.dueAt);
      bar.count++;
      by.set(key, bar);
    }
    return [...by.values()].sort((a, b) => a.at - b.at).slice(0, 8);
  }, [props.plan.rows, i18n.language]);
  if (bars.length === 0) return null;
  const most = Math.max(...bars.map((b) => b.count));
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <figure className="plan-timeline">
      <figcaption className="field-label">{t('outreach.plan.timeline')}</figcaption>
      <ol aria-label={t('outreach.plan.timeline')}>
        {bars.map((b) => (
          <li key={`${b.waiting}-${b.at}`} className={b.waiting ? 'is-waiting' : ''}>
            <span className="plan-timeline-day">
              {b.waiting
                ? t('outreach.plan.afterReset', { date: formatDate(b.at, i18n.language) })
                : formatDate(b.at, i18n.language)}
            </span>
            <span className="plan-timeline-track">
              <span
                className="plan-timeline-bar"
                style={{ width: `${Math.max(3, (b.count / most) * 100)}%` }}
              />
            </span>
            <span className="plan-timeline-count">
              {t('outreach.plan.dueCount', { count: b.count, formatted: number.format(b.count) })}
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
