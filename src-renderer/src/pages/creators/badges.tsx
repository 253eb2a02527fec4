import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatorStage } from '@shared/creators';

export function StageBadge({ stage }: { stage: CreatorStage }): ReactElement {
  const { t } = useTranslation();
  return <span className={`badge badge-stage badge-stage-${stage}`}>{t(`creators.stage.${stage}`)}</span>;
}

export function ScoreBadge({ score }: { score: number | null }): ReactElement {
  const { t } = useTranslation();
  if (score === null) return <span className="muted">—</span>;
  const band = score >= 70 ? 'high' : score >= 40 ? 'mid' : 'low';
  return (
    <span className={`score-badge score-${band}`} aria-label={t('creators.scoreLabel', { score })}>
      {score}
    </span>
  );
}
