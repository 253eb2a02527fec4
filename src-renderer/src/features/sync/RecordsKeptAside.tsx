import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { JsonKind, RecordIssue, SyncQuarantine, SyncRun } from '@shared/sync';
import { api, useChannelQuery } from '../../api';
import { useToasts } from '../../components/Toasts';
import { useSyncText } from './useSyncText';

type Report = SyncQuarantine['records'][number];

/** A bug-report document: what ran, and each record as TikTok sent it (personal values masked in main). */
function bugReport(run: SyncRun, records: readonly Report[], version: string | null): string {
  return JSON.stringify(
    {
      app: 'ShopMesh',
      version,
      run: { id: run.id, startedAt: new Date(run.startedAt).toISOString(), outcome: run.outcome },
      records: records.map((r) => ({
        resource: r.resource,
        scope: r.scope,
        recordKey: r.recordKey,
        stored: r.stored,
        issues: r.issues,
        json: JSON.parse(r.raw) as unknown,
      })),
    },
    null,
    2,
  );
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * The records a run could not read in full: which, why, and whether they were stored, with the JSON
 * TikTok sent, to copy or save for a bug report (docs/sync.md, "Records kept aside").
 */
export function RecordsKeptAside({ run }: { run: SyncRun }): ReactElement | null {
  const { t } = useTranslation();
  const text = useSyncText(0);
  const info = useChannelQuery('app:info').data ?? null;
  const { showError, showToast } = useToasts();
  const [report, setReport] = useState<SyncQuarantine | null>(null);
  const kind = (k: JsonKind): string => t(`syncHistory.aside.kinds.${k}`);
  // The validator's English stays in the tooltip and the bug report.
  const describe = (issue: RecordIssue): string =>
    issue.expected === undefined || issue.received === undefined
      ? t('syncHistory.aside.invalidValue')
      : issue.received === 'missing'
        ? t('syncHistory.aside.missing', { expected: kind(issue.expected) })
        : t('syncHistory.aside.wrongType', {
            expected: kind(issue.expected),
            received: kind(issue.received),
          });
  const rows = run.resources.flatMap((r) =>
    r.quarantined.map((q) => ({ ...q, resource: r.resource, scopeName: r.scopeName })),
  );
  if (rows.length === 0) return null;

  const load = async (): Promise<SyncQuarantine> => {
    if (report) return report;
    const fetched = await api.invoke('sync:quarantine', { runId: run.id });
    setReport(fetched);
    return fetched;
  };

  const copy = async (id: number): Promise<void> => {
    try {
      const records = (await load()).records.filter((r) => r.id === id);
      await navigator.clipboard.writeText(bugReport(run, records, info?.version ?? null));
      showToast({ tone: 'success', message: { key: 'syncHistory.aside.copied' } });
    } catch (error) {
      showError(error);
    }
  };

  const exportAll = async (): Promise<void> => {
    try {
      const all = await load();
      download(`shopmesh-sync-${run.id}.json`, bugReport(run, all.records, info?.version ?? null));
    } catch (error) {
      showError(error);
    }
  };

  const keptAside = rows.filter((r) => !r.stored).length;
  return (
    <section className="records-aside" aria-label={t('syncHistory.aside.heading')}>
      <div className="records-aside-head">
        <div>
          <h3>{t('syncHistory.aside.heading')}</h3>
          <p className="muted">
            {keptAside > 0
              ? t('syncHistory.aside.summary', { count: keptAside })
              : t('syncHistory.aside.summaryStored', { count: rows.length })}
          </p>
        </div>
        <button type="button" className="button button-small" onClick={() => void exportAll()}>
          {t('syncHistory.aside.export')}
        </button>
      </div>
      <table className="table run-resources">
        <thead>
          <tr>
            <th scope="col">{t('syncHistory.columns.resource')}</th>
            <th scope="col">{t('syncHistory.columns.scope')}</th>
            <th scope="col">{t('syncHistory.aside.record')}</th>
            <th scope="col">{t('syncHistory.aside.problem')}</th>
            <th scope="col">{t('syncHistory.aside.state')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('syncHistory.aside.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const record = r.recordKey ?? t('syncHistory.aside.noKey');
            return (
              <tr key={r.id}>
                <th scope="row">{text.resource(r.resource)}</th>
                <td>{r.scopeName ?? t('syncHistory.unknownScope')}</td>
                <td className="mono">{record}</td>
                <td>
                  <ul className="issue-list">
                    {r.issues.map((issue) => (
                      <li key={`${issue.path}:${issue.message}`} title={issue.message}>
                        <code>{issue.path || t('syncHistory.aside.wholeRecord')}</code> {describe(issue)}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <span className={`badge badge-tone-${r.stored ? 'muted' : 'warning'}`}>
                    {r.stored ? t('syncHistory.aside.storedWithout') : t('syncHistory.aside.notStored')}
                  </span>
                </td>
                <td>
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={t('syncHistory.aside.copyLabel', { record })}
                    onClick={() => void copy(r.id)}
                  >
                    {t('syncHistory.aside.copy')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
