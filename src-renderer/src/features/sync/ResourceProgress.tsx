import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncProgress } from '@shared/sync';
import type { SyncText } from './useSyncText';

/** One resource of a running sync: its name, a bar with counts, its state and ETA. */
export function ResourceProgress({
  progress,
  text,
}: {
  progress: SyncProgress;
  text: SyncText;
}): ReactElement {
  const { t } = useTranslation();
  const name = text.resource(progress.resource);
  const { rowsDone, total, state, etaMs } = progress;
  const finished = state === 'done' || state === 'failed' || state === 'cancelled';
  const known = total !== null && total > 0;
  const label = known
    ? t('sync.progressOf', { resource: name, done: text.number(rowsDone), total: text.number(total) })
    : t('sync.progressRows', { resource: name, done: text.number(rowsDone) });
  return (
    <li className={`sync-resource sync-resource-${state}`}>
      <span className="sync-resource-name">{name}</span>
      {known ? (
        <progress className="sync-bar" value={Math.min(rowsDone, total)} max={total} aria-label={label} />
      ) : finished || state === 'queued' ? (
        <progress className="sync-bar" value={finished ? 1 : 0} max={1} aria-label={label} />
      ) : (
        <progress className="sync-bar" aria-label={label} />
      )}
      <span className="sync-resource-count" aria-hidden="true">
        {known ? `${text.number(rowsDone)} / ${text.number(total)}` : text.number(rowsDone)}
      </span>
      <span className="sync-resource-state">
        {state === 'running' && etaMs !== null ? text.eta(etaMs) : t(`sync.resourceState.${state}`)}
      </span>
    </li>
  );
}
