import { Fragment, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncRun } from '@shared/sync';
import { EmptyState } from '../../components/EmptyState';
import { FilterSelect } from '../../components/FilterSelect';
import { Icon } from '../../components/Icon';
import { InfiniteScroll } from '../../components/InfiniteScroll';
import { LoadFailed } from '../../components/LoadFailed';
import { formatDateTime } from '../../format/time';
import { useSyncStatus } from './SyncStatusProvider';
import { RecordsKeptAside } from './RecordsKeptAside';
import { useSyncHistory } from './useSyncHistory';
import { useSyncText } from './useSyncText';
import { translateText } from '../../api';

const outcomeTone: Record<string, string> = {
  ok: 'success',
  partial: 'warning',
  failed: 'danger',
  cancelled: 'muted',
  running: 'accent',
  skipped: 'muted',
};

function OutcomeBadge({ outcome }: { outcome: string }): ReactElement {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-tone-${outcomeTone[outcome] ?? 'muted'}`}>
      {t(`syncHistory.outcome.${outcome}`, { defaultValue: outcome })}
    </span>
  );
}

/** The per-resource breakdown of one run, grouped by the shop, advertiser or Account each row was for. */
function RunResources({ run }: { run: SyncRun }): ReactElement {
  const { t } = useTranslation();
  const text = useSyncText(0);
  const groups = new Map<string, SyncRun['resources']>();
  for (const r of run.resources) {
    const name = r.scopeName ?? t('syncHistory.unknownScope');
    groups.set(name, [...(groups.get(name) ?? []), r]);
  }
  return (
    <table className="table run-resources">
      <thead>
        <tr>
          <th scope="col">{t('syncHistory.columns.resource')}</th>
          <th scope="col" className="col-num">
            {t('syncHistory.columns.pages')}
          </th>
          <th scope="col" className="col-num">
            {t('syncHistory.columns.inserted')}
          </th>
          <th scope="col" className="col-num">
            {t('syncHistory.columns.updated')}
          </th>
          <th scope="col" className="col-num">
            {t('syncHistory.columns.duration')}
          </th>
          <th scope="col">{t('syncHistory.columns.outcome')}</th>
        </tr>
      </thead>
      {[...groups].map(([scope, rows]) => (
        <tbody key={scope}>
          <tr className="run-group">
            <th scope="rowgroup" colSpan={6}>
              {scope}
            </th>
          </tr>
          {rows.map((r) => (
            <tr key={`${r.scope}-${r.resource}`}>
              <th scope="row">{text.resource(r.resource)}</th>
              <td className="col-num">{text.number(r.pages)}</td>
              <td className="col-num">{text.number(r.inserted)}</td>
              <td className="col-num">{text.number(r.updated)}</td>
              <td className="col-num">{text.duration(r.durationMs)}</td>
              <td>
                <OutcomeBadge outcome={r.outcome} />
                {r.error && <p className="run-error">{translateText(r.error)}</p>}
                {r.outcome === 'partial' && (
                  <p className="run-note">
                    {t('syncHistory.keptAside', { count: r.quarantined.filter((q) => !q.stored).length })}
                  </p>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}

/** The Activity page's "Sync history" tab: one row per SyncRun, expandable into its resources. */
export function SyncHistory(): ReactElement {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [accountId, setAccountId] = useState<string | undefined>(undefined);
  const { items, hasMore, loading, busy, error, loadMore, reload } = useSyncHistory(accountId);
  const { status } = useSyncStatus();
  const text = useSyncText(0);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());

  const names = new Map(status?.accounts.map((a) => [a.accountId, a.displayName]) ?? []);
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  if (error)
    return (
      <div className="card">
        <LoadFailed title={t('syncHistory.failed.title')} error={error} onRetry={reload} />
      </div>
    );

  const accountFilter = (
    <div className="toolbar list-toolbar">
      <FilterSelect
        label={t('syncHistory.accountFilter')}
        allLabel={t('syncHistory.allAccounts')}
        value={accountId}
        options={status?.accounts.map((a) => ({ value: a.accountId, label: a.displayName })) ?? []}
        onChange={setAccountId}
      />
    </div>
  );

  return (
    <>
      {accountFilter}
      <div className="card card-flush" aria-busy={busy}>
        {loading ? (
          <p className="loading-line muted">{t('activity.loading')}</p>
        ) : items.length === 0 ? (
          <EmptyState
            icon="refresh"
            title={t('syncHistory.empty.title')}
            body={t('syncHistory.empty.body')}
          />
        ) : (
          <div className="table-wrap">
            <table className="table sync-history-table" aria-label={t('activity.tabs.sync')}>
              <thead>
                <tr>
                  <th scope="col">{t('syncHistory.columns.started')}</th>
                  <th scope="col">{t('syncHistory.columns.account')}</th>
                  <th scope="col">{t('syncHistory.columns.trigger')}</th>
                  <th scope="col" className="col-num">
                    {t('syncHistory.columns.duration')}
                  </th>
                  <th scope="col">{t('syncHistory.columns.outcome')}</th>
                  <th scope="col" className="col-num">
                    {t('syncHistory.columns.rows')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((run) => {
                  const open = expanded.has(run.id);
                  const inserted = run.resources.reduce((sum, r) => sum + r.inserted, 0);
                  const updated = run.resources.reduce((sum, r) => sum + r.updated, 0);
                  const detailsId = `run-${run.id}`;
                  return (
                    <Fragment key={run.id}>
                      <tr className={open ? 'run-open' : undefined}>
                        <td className="col-started">
                          <button
                            type="button"
                            className="disclosure"
                            aria-expanded={open}
                            aria-controls={detailsId}
                            onClick={() => toggle(run.id)}
                          >
                            <Icon name="chevron" size={16} />
                            <time dateTime={new Date(run.startedAt).toISOString()}>
                              {formatDateTime(run.startedAt, language)}
                            </time>
                          </button>
                        </td>
                        <td>{names.get(run.accountId) ?? t('syncHistory.unknownAccount')}</td>
                        <td>{t(`syncHistory.trigger.${run.trigger}`, { defaultValue: run.trigger })}</td>
                        <td className="col-num">
                          {run.finishedAt === null ? '—' : text.duration(run.finishedAt - run.startedAt)}
                        </td>
                        <td>
                          <OutcomeBadge outcome={run.outcome} />
                        </td>
                        <td className="col-num">
                          {t('syncHistory.rowsSummary', {
                            inserted: text.number(inserted),
                            updated: text.number(updated),
                          })}
                        </td>
                      </tr>
                      <tr id={detailsId} className="run-details" hidden={!open}>
                        <td colSpan={6}>
                          {open && run.error && <p className="run-error">{translateText(run.error)}</p>}
                          {open &&
                            (run.resources.length > 0 ? (
                              <RunResources run={run} />
                            ) : (
                              <p className="muted">{t('syncHistory.noResources')}</p>
                            ))}
                          {open && <RecordsKeptAside run={run} />}
                        </td>
                      </tr>
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </div>
      <InfiniteScroll hasMore={hasMore} busy={busy} onMore={loadMore} loadingText={t('activity.loading')} />
    </>
  );
}
