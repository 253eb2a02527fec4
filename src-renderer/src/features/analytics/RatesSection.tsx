import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { zonedDay } from '@shared/time';
import { useChannelMutation, useChannelQuery } from '../../api';
import { DateField } from '../../components/DateField';
import { LoadFailed } from '../../components/LoadFailed';
import { useToasts } from '../../components/Toasts';
import { userZone } from '../../format/dayInput';
import { formatDay } from './format';

const today = (): string => zonedDay(Date.now(), userZone());

/** Settings → Currency rates: the table of rates the user enters; converted figures cite them. */
export function RatesSection(): ReactElement {
  const { t, i18n } = useTranslation();
  const { showToast } = useToasts();
  const rates = useChannelQuery('analytics:rates');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [rate, setRate] = useState('');
  const [asOf, setAsOf] = useState(today);
  const save = useChannelMutation('analytics:setRate', {
    invalidates: ['analytics:rates', 'analytics:overview', 'analytics:timeseries'],
    onSuccess: () => {
      // The rate is now a row above; the entry row is ready for the next one.
      setRate('');
      showToast({ tone: 'success', message: { key: 'analytics.rates.saved' } });
    },
  });
  const remove = useChannelMutation('analytics:deleteRate', {
    invalidates: ['analytics:rates', 'analytics:overview', 'analytics:timeseries'],
  });
  const currencies = rates.data?.currencies ?? [];
  const fromValue = from || currencies[1] || currencies[0] || 'GBP';
  const toValue = to || currencies[0] || 'USD';
  const valid =
    /^\d{1,9}(\.\d{1,10})?$/.test(rate) && Number(rate) > 0 && fromValue !== toValue && asOf !== '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (valid) save.mutate({ currency: fromValue, reportingCurrency: toValue, rate, asOf });
  };
  const options = [...new Set([...currencies, 'USD', 'GBP', 'EUR', 'CNY'])];
  return (
    <section className="card settings-section" aria-labelledby="rates-title">
      <div className="settings-section-intro">
        <h2 id="rates-title">{t('analytics.rates.title')}</h2>
        <p className="muted">{t('analytics.rates.intro')}</p>
      </div>
      <div className="settings-section-fields">
        {rates.error ? (
          <LoadFailed
            title={t('analytics.rates.loadFailed')}
            error={rates.error}
            onRetry={() => void rates.refetch()}
            compact
          />
        ) : (
          // The entry row is the table's last row, so each field sits under the column it fills.
          <form className="rate-form" onSubmit={submit}>
            <table className="table rates-table">
              <thead>
                <tr>
                  <th scope="col">{t('analytics.rates.currency')}</th>
                  <th scope="col">{t('analytics.rates.reporting')}</th>
                  <th scope="col" className="col-num">
                    {t('analytics.rates.rate')}
                  </th>
                  <th scope="col">{t('analytics.rates.asOf')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('analytics.rates.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {(rates.data?.rates ?? []).length === 0 && (
                  <tr>
                    <td colSpan={5} className="muted">
                      {t('analytics.rates.none')}
                    </td>
                  </tr>
                )}
                {(rates.data?.rates ?? []).map((r) => (
                  <tr key={`${r.currency}-${r.reportingCurrency}`}>
                    <td>{r.currency}</td>
                    <td>{r.reportingCurrency}</td>
                    <td className="col-num mono">{r.rate}</td>
                    <td>{formatDay(r.asOf, i18n.language)}</td>
                    <td className="col-action">
                      <button
                        type="button"
                        className="button button-small button-danger-quiet"
                        aria-label={t('analytics.rates.delete', {
                          from: r.currency,
                          to: r.reportingCurrency,
                        })}
                        onClick={() =>
                          remove.mutate({ currency: r.currency, reportingCurrency: r.reportingCurrency })
                        }
                      >
                        ×
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="rate-entry">
                  <td>
                    <select
                      className="input select"
                      aria-label={t('analytics.rates.currency')}
                      value={fromValue}
                      onChange={(e) => setFrom(e.target.value)}
                    >
                      {options.map((c) => (
                        <option key={c}>{c}</option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select
                      className="input select"
                      aria-label={t('analytics.rates.reporting')}
                      value={toValue}
                      onChange={(e) => setTo(e.target.value)}
                    >
                      {options.map((c) => (
                        <option key={c}>{c}</option>
                      ))}
                    </select>
                  </td>
                  <td className="col-num">
                    <input
                      className="input rate-input"
                      inputMode="decimal"
                      aria-label={t('analytics.rates.rate')}
                      placeholder={t('analytics.rates.rateHint', { from: fromValue, to: toValue })}
                      value={rate}
                      onChange={(e) => setRate(e.target.value.trim())}
                    />
                  </td>
                  <td>
                    <DateField label={t('analytics.rates.asOf')} hideLabel value={asOf} onChange={setAsOf} />
                  </td>
                  <td className="col-action">
                    <button
                      type="submit"
                      className="button button-primary button-small"
                      disabled={!valid || save.isPending}
                    >
                      {t('analytics.rates.save')}
                    </button>
                  </td>
                </tr>
              </tfoot>
            </table>
          </form>
        )}
      </div>
    </section>
  );
}
