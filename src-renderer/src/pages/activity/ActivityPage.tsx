import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { activityKinds, type ActivityKind } from '@shared/activity';
import { EmptyState } from '../../components/EmptyState';
import { FilterSelect } from '../../components/FilterSelect';
import { InfiniteScroll } from '../../components/InfiniteScroll';
import { LoadFailed } from '../../components/LoadFailed';
import { Tabs } from '../../components/Tabs';
import { SyncHistory } from '../../features/sync/SyncHistory';
import { ActivityTable } from './ActivityTable';
import { useActivityLog } from './useActivityLog';

type ActivityTab = 'events' | 'sync';

export function ActivityPage(): ReactElement {
  const { t } = useTranslation();
  const [tab, setTab] = useState<ActivityTab>('events');
  return (
    <div className="page activity-page">
      <Tabs
        label={t('activity.tabs.label')}
        tabs={[
          { key: 'events', label: t('activity.tabs.events') },
          { key: 'sync', label: t('activity.tabs.sync') },
        ]}
        selected={tab}
        onSelect={setTab}
      >
        {tab === 'events' ? <EventLog /> : <SyncHistory />}
      </Tabs>
    </div>
  );
}

function EventLog(): ReactElement {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ActivityKind | undefined>(undefined);
  const { items, total, hasMore, loading, busy, error, loadMore, reload } = useActivityLog(kind);
  const empty = !loading && !error && items.length === 0;

  return (
    <div className="activity-events">
      <div className="toolbar page-toolbar">
        <FilterSelect
          label={t('activity.filter.label')}
          allLabel={t('activity.filter.all')}
          value={kind}
          options={activityKinds.map((value) => ({ value, label: t(`activity.kindName.${value}`) }))}
          onChange={setKind}
        />
        {items.length > 0 && total !== null && (
          <p className="muted">{t('activity.count', { shown: items.length, total })}</p>
        )}
      </div>

      <div className="card card-flush" aria-busy={busy}>
        {error ? (
          <LoadFailed title={t('activity.failed.title')} error={error} onRetry={reload} />
        ) : empty ? (
          <EmptyState
            icon="activity"
            title={t(kind ? 'activity.emptyFiltered.title' : 'activity.empty.title')}
            body={t(kind ? 'activity.emptyFiltered.body' : 'activity.empty.body')}
          />
        ) : items.length === 0 ? (
          <p className="loading-line muted">{t('activity.loading')}</p>
        ) : (
          <ActivityTable items={items} />
        )}
      </div>

      <InfiniteScroll hasMore={hasMore} busy={busy} onMore={loadMore} loadingText={t('activity.loading')} />
    </div>
  );
}
