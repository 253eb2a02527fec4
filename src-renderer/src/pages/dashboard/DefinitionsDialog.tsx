import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';

const entries = [
  'gmv',
  'netGmv',
  'adsRevenue',
  'affiliateGmv',
  'refunds',
  'aov',
  'roas',
  'cpa',
  'commission',
  'netContribution',
  'days',
  'currencies',
] as const;

/** Which KPI explains which definitions first: the figure asked about comes first, the others follow. */
const first: Record<string, (typeof entries)[number]> = {
  gmv: 'gmv',
  orders: 'gmv',
  units: 'gmv',
  aov: 'aov',
  cancellations: 'netGmv',
  refunds: 'refunds',
  adSpend: 'adsRevenue',
  roas: 'roas',
  cpa: 'cpa',
  affiliateGmv: 'affiliateGmv',
  commissionEstimated: 'commission',
  commissionActual: 'commission',
  netContribution: 'netContribution',
};

/** The reconciled definitions: TikTok's differing figures side by side, one line each. */
export function DefinitionsDialog({ kpi, onClose }: { kpi: string; onClose: () => void }): ReactElement {
  const { t } = useTranslation();
  const lead = first[kpi] ?? 'gmv';
  const ordered = [lead, ...entries.filter((e) => e !== lead)];
  return (
    <Dialog title={t('analytics.definitions.title')} onClose={onClose} className="definitions-dialog">
      <p className="muted">{t('analytics.definitions.intro')}</p>
      <dl className="definitions">
        {ordered.map((e) => {
          const [term, ...rest] = t(`analytics.definitions.${e}`).split(/[:：]/);
          return (
            <div key={e} className={e === lead ? 'definition definition-lead' : 'definition'}>
              <dt>{term}</dt>
              <dd>{rest.join(':').trim()}</dd>
            </div>
          );
        })}
      </dl>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose}>
          {t('analytics.definitions.close')}
        </button>
      </div>
    </Dialog>
  );
}
