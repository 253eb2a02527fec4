import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation, useChannelQuery } from '../../api';
import { useToasts } from '../../components/Toasts';
import { EmptyState } from '../../components/EmptyState';
import { LoadFailed } from '../../components/LoadFailed';
import { Tabs } from '../../components/Tabs';
import { CollaborationsPage } from './invitations/CollaborationsPage';
import { useShops } from '../../hooks/useShops';
import { DeliveriesList } from './DeliveriesList';
import { OutreachCard } from './OutreachCard';
import { TemplatesPanel } from './templates/TemplatesPanel';
import { OutreachWizard } from '../../features/outreach-wizard/OutreachWizard';
import { OutreachResults } from './OutreachResults';

type OutreachTab = 'outreaches' | 'templates' | 'invitations';

/**
 * Contacting creators: the Outreaches ShopMesh sends, the templates they are written from, and every target
 * collaboration the shops have (sent from here or from Seller Center), as synced.
 */
export function OutreachPage(): ReactElement {
  const { t } = useTranslation();
  const [tab, setTab] = useState<OutreachTab>('outreaches');
  return (
    <div className="page outreach-page-tabs">
      <Tabs
        label={t('outreach.tabs.label')}
        tabs={[
          { key: 'outreaches', label: t('outreach.tabs.outreaches') },
          { key: 'templates', label: t('outreach.tabs.templates') },
          { key: 'invitations', label: t('outreach.tabs.invitations') },
        ]}
        selected={tab}
        onSelect={setTab}
      >
        {tab === 'outreaches' ? (
          <OutreachesPanel />
        ) : tab === 'templates' ? (
          <TemplatesPanel />
        ) : (
          <CollaborationsPage />
        )}
      </Tabs>
    </div>
  );
}

/**
 * Outreaches with their progress and controls, and the per-creator Deliveries of the one selected. Counts
 * follow `outreach:progress` as the queue works.
 */
function OutreachesPanel(): ReactElement {
  const { t } = useTranslation();
  const shops = useShops();
  const list = useChannelQuery('outreach:list', {}, { invalidateOn: ['outreach:progress'] });
  const [selected, setSelected] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const { showToast } = useToasts();
  const pauseAll = useChannelMutation('outreach:pauseAll', {
    invalidates: ['outreach:list', 'outreach:deliveries'],
    onSuccess: (r) =>
      showToast({ tone: 'info', message: { key: 'outreach.pausedAll', params: { count: r.paused } } }),
  });
  const running = list.data?.outreaches.some((o) => o.status === 'running') ?? false;
  const newOutreach = (
    <>
      <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
        {t('outreach.newOutreach')}
      </button>
      {creating && <OutreachWizard onClose={() => setCreating(false)} onCreated={setSelected} />}
    </>
  );

  if (list.error)
    return (
      <div className="page">
        <LoadFailed title={t('outreach.failed')} error={list.error} onRetry={() => void list.refetch()} />
      </div>
    );
  if (!list.data) return <p className="page loading-line muted">{t('outreach.loading')}</p>;
  const outreaches = list.data.outreaches;
  if (outreaches.length === 0)
    return (
      <div className="page">
        <EmptyState
          icon="outreach"
          title={t('outreach.empty.title')}
          body={t('outreach.empty.body')}
          action={newOutreach}
        />
      </div>
    );
  const current = outreaches.find((o) => o.id === selected) ?? outreaches[0]!;
  return (
    <div className="page outreach-page">
      <div className="toolbar outreach-toolbar">
        {running && (
          <button
            type="button"
            className="button"
            aria-label={t('outreach.pauseAllLabel')}
            disabled={pauseAll.isPending}
            onClick={() => pauseAll.mutate({})}
          >
            {t('outreach.pauseAll')}
          </button>
        )}
        {newOutreach}
      </div>
      <ul className="outreach-list" aria-label={t('outreach.listLabel')}>
        {outreaches.map((o) => (
          <li key={o.id}>
            <OutreachCard
              outreach={o}
              shopName={shops.shopName(o.shopId)}
              selected={o.id === current.id}
              onSelect={() => setSelected(o.id)}
            />
          </li>
        ))}
      </ul>
      <OutreachResults outreach={current} />
      <DeliveriesList outreach={current} />
    </div>
  );
}
