import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outreach } from '@shared/outreach';
import { useChannelQuery } from '../../api';
import { formatMoney } from '../../format/money';
import { formatDateTime } from '../../format/time';

/**
 * What an Outreach brought back, as synced: acceptances (showcase), content, replies, and per product the
 * affiliate orders TikTok attributes to its collaborations. Money stays per currency.
 */
export function OutreachResults({ outreach }: { outreach: Outreach }): ReactElement | null {
  const { t, i18n } = useTranslation();
  const results = useChannelQuery(
    'outreach:results',
    { id: outreach.id },
    { invalidateOn: ['sync:statusChanged', 'outreach:progress'] },
  );
  const r = results.data;
  if (!r) return null;
  const number = new Intl.NumberFormat(i18n.language);
  const money = (list: Array<{ currency: string; amountMinor: number }>) =>
    list.length === 0 ? '—' : list.map((m) => formatMoney(m, i18n.language)).join(' · ');
  // Only the figures the Outreach's action can have: invitations are accepted and posted, messages replied to.
  const invites = outreach.action !== 'message';
  const messages = outreach.action !== 'invite';
  const stats = [
    ...(invites
      ? [
          { key: 'invited', value: r.invited, of: 0 },
          { key: 'accepted', value: r.accepted, of: 0 },
          { key: 'posted', value: r.posted, of: 0 },
        ]
      : []),
    ...(messages ? [{ key: 'replied', value: r.replied, of: r.messaged }] : []),
  ];
  return (
    <section
      className="card outreach-results"
      aria-label={t('outreach.results.label', { name: outreach.name })}
    >
      <header className="outreach-results-head">
        <h2>{t('outreach.results.title')}</h2>
        <p className="muted">
          {r.syncedAt === null
            ? t('outreach.results.notSynced')
            : t('outreach.results.asOf', { at: formatDateTime(r.syncedAt, i18n.language) })}
        </p>
      </header>
      <dl className="outreach-stats">
        {stats.map((s) => (
          <div key={s.key} className="outreach-stat">
            <dt className="muted">{t(`outreach.results.${s.key}`)}</dt>
            <dd>
              {number.format(s.value)}
              {s.of > 0 && (
                <span className="muted"> {t('outreach.results.ofMessaged', { count: s.of })}</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
      {invites && r.products.length > 0 && (
        <table className="outreach-results-table">
          <caption className="visually-hidden">{t('outreach.results.byProduct')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('outreach.results.product')}</th>
              <th scope="col">{t('outreach.results.productAccepted')}</th>
              <th scope="col">{t('outreach.results.productPosted')}</th>
              <th scope="col">{t('outreach.results.orders')}</th>
              <th scope="col">{t('outreach.results.units')}</th>
              <th scope="col">{t('outreach.results.gmv')}</th>
              <th scope="col">{t('outreach.results.commission')}</th>
            </tr>
          </thead>
          <tbody>
            {r.products.map((p) => (
              <tr key={p.productId}>
                <th scope="row">{p.title ?? p.productId}</th>
                <td>{number.format(p.accepted)}</td>
                <td>{number.format(p.posted)}</td>
                <td>{number.format(p.orders)}</td>
                <td>{number.format(p.units)}</td>
                <td>{money(p.gmv)}</td>
                <td>{money(p.commission)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {invites && r.partlyShowcased > 0 && (
        <p className="muted outreach-results-note">
          {t('outreach.results.partlyShowcased', { count: r.partlyShowcased })}
        </p>
      )}
    </section>
  );
}
