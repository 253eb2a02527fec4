import type { ReactElement } from 'react';
import type { TFunction } from 'i18next';
import type { CreatorStage } from '@shared/creators';

/**
 * The badges are drawn in every row of the creators table: they take their words from the caller instead of
 * each subscribing to the language (a `useTranslation` per badge was two hooks, an i18next listener and a
 * translation per row in the window's first render, `creators.table.firstRows.ms`, docs/creators.md).
 */
export function StageBadge({ stage, label }: { stage: CreatorStage; label: string }): ReactElement {
  return <span className={`badge badge-stage badge-stage-${stage}`}>{label}</span>;
}

export function ScoreBadge({ score, t }: { score: number | null; t: TFunction }): ReactElement {
  if (score === null) return <span className="muted">—</span>;
  const band = score >= 70 ? 'high' : score >= 40 ? 'mid' : 'low';
  return (
    <span className={`score-badge score-${band}`} aria-label={t('creators.scoreLabel', { score })}>
      {score}
    </span>
  );
}
