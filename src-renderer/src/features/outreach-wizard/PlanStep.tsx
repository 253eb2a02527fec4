import { useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutreachPlan } from '@shared/outreach';
import { FilterSelect } from '../../components/FilterSelect';
import { formatDate, formatDateTime } from '../../format/time';

type Outcome = OutreachPlan['rows'][number]['outcome'];
const outcomes: readonly Outcome[] = ['this_week', 'next_week', 'exempt', 'skipped'];
/** Rows drawn at once; the counts above always cover everyone. */
const shown = 300;

/**
 * Step 5: the dry run. Who is contacted this week, who waits for TikTok's weekly reset, who costs nothing
 * from the pool (already connected) and who is skipped and why. Nothing is queued until Confirm.
 */
export function PlanStep(props: { plan: OutreachPlan }): ReactElement {
  const { plan } = props;
  const { t, i18n } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const number = new Intl.NumberFormat(i18n.language);
  const rows = useMemo(
    () => (outcome ? plan.rows.filter((r) => r.outcome === outcome) : plan.rows),
    [plan.rows, outcome],
  );
  const reasons = useMemo(() => {
    const by = new Map<string, number>();
    for (const r of plan.rows) if (r.reason) by.set(r.reason, (by.get(r.reason) ?? 0) + 1);
    return [...by.entries()];
  }, [plan.rows]);
  const counts = plan.counts;
  return (
    <div className="wizard-fields">
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
              used: plan.poolUsed,
              size: plan.poolSize,
              reset: formatDateTime(plan.nextReset, i18n.language),
            })}
      </p>
      {reasons.length > 0 && (
        <p className="muted field-hint">
          {t('outreach.plan.skippedWhy', {
            reasons: reasons
              .map(([r, n]) => `${t(`outreach.reason.${r}`, { defaultValue: r })} (${n})`)
              .join(', '),
          })}
        </p>
      )}
      {plan.problems.length > 0 && (
        <p className="wizard-problems" role="alert">
          {t('outreach.plan.problems', { count: plan.problems.length })}
        </p>
      )}
      <FilterSelect
        label={t('outreach.plan.filter')}
        allLabel={t('outreach.plan.everyone')}
        value={outcome}
        options={outcomes.map((o) => ({ value: o, label: t(`outreach.plan.outcome.${o}`) }))}
        onChange={setOutcome}
      />
      <div className="wizard-table-scroll">
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
                <td className="cell-text">
                  {r.reason === null
                    ? '—'
                    : r.reason === 'blocklisted' && r.blockedAt !== null
                      ? t('outreach.reason.blocklistedSince', {
                          date: formatDate(r.blockedAt, i18n.language),
                        })
                      : t(`outreach.reason.${r.reason}`)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > shown && (
        <p className="muted field-hint">
          {t('outreach.plan.more', { shown, total: number.format(rows.length) })}
        </p>
      )}
    </div>
  );
}
