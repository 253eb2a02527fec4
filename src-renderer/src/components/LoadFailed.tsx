import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '@shared/errors';
import { errorText, isMainUnreachable } from '../api/errors';
import { Icon } from './Icon';

/**
 * Where data would be when it could not be loaded: what failed, why (main unreachable or main's own reason),
 * and "Try again". Every page and card that loads uses it, so a failure never looks like an empty list.
 * `compact` fits it inside a card or a table cell instead of a whole page.
 */
export function LoadFailed(props: {
  /** What could not be loaded, e.g. "Your orders couldn't be loaded". */
  title: string;
  error: AppError | null;
  onRetry: () => void;
  compact?: boolean;
}): ReactElement {
  const { title, error, onRetry, compact = false } = props;
  const { t } = useTranslation();
  // Main unreachable: the page's one connection notice above says so; main's own reasons (TikTok offline
  // included) are told here, in their words.
  const reason = !error ? t('errors.offline') : isMainUnreachable(error) ? null : errorText(error);
  return (
    <div className={compact ? 'load-failed load-failed-compact' : 'load-failed empty-state'} role="alert">
      <span className="state-icon state-icon-danger">
        <Icon name="alert" size={compact ? 16 : 24} />
      </span>
      <div className="load-failed-text">
        <h2 className="load-failed-title">{title}</h2>
        {reason && <p className="muted">{reason}</p>}
      </div>
      <div className="empty-actions">
        <button type="button" className="button" onClick={onRetry}>
          {t('loadFailed.retry')}
        </button>
      </div>
    </div>
  );
}
