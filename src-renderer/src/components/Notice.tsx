import type { ReactElement, ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from './Icon';

export type NoticeTone = 'info' | 'success' | 'warning' | 'danger';

const toneIcon: Record<NoticeTone, IconName> = {
  info: 'link',
  success: 'check',
  warning: 'alert',
  danger: 'alert',
};

/**
 * An in-page message. Problems are alerts (read out at once); everything else is a polite status.
 * Focusable (tabIndex -1) so a page can move focus to it after the control that caused it has gone.
 */
export function Notice(props: {
  tone: NoticeTone;
  /** Instead of the tone's own icon, when the subject has a clearer one (offline: a crossed-out cloud). */
  icon?: IconName;
  title: string;
  children?: ReactNode;
  onDismiss?: () => void;
  ref?: Ref<HTMLDivElement>;
}): ReactElement {
  const { tone, icon, title, children, onDismiss, ref } = props;
  const { t } = useTranslation();
  const urgent = tone === 'danger' || tone === 'warning';
  return (
    <div ref={ref} className={`notice notice-${tone}`} role={urgent ? 'alert' : 'status'} tabIndex={-1}>
      <span className="notice-icon">
        <Icon name={icon ?? toneIcon[tone]} />
      </span>
      <div className="notice-body">
        <p className="notice-title">{title}</p>
        {children}
      </div>
      {onDismiss && (
        <button type="button" className="icon-button" aria-label={t('notice.dismiss')} onClick={onDismiss}>
          <Icon name="close" size={16} />
        </button>
      )}
    </div>
  );
}
