import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Tabs } from '../../components/Tabs';
import { AddCreatorForm } from './AddCreatorForm';
import { ImportPanel } from './ImportPanel';
import { MarketplacePanel } from './MarketplacePanel';
import './discover.css';

type DiscoverTab = 'marketplace' | 'import' | 'add';

/** Where creators come from besides the sync: TikTok's Creator Marketplace, a file, or the merchant's hands. */
export function DiscoverPage(): ReactElement {
  const { t } = useTranslation();
  const [tab, setTab] = useState<DiscoverTab>('marketplace');
  return (
    <div className="page discover-page">
      <Tabs
        label={t('discover.tabs.label')}
        tabs={[
          { key: 'marketplace', label: t('discover.tabs.marketplace') },
          { key: 'import', label: t('discover.tabs.import') },
          { key: 'add', label: t('discover.tabs.add') },
        ]}
        selected={tab}
        onSelect={setTab}
      >
        {tab === 'marketplace' ? (
          <MarketplacePanel />
        ) : tab === 'import' ? (
          <ImportPanel />
        ) : (
          <AddCreatorForm />
        )}
      </Tabs>
    </div>
  );
}
