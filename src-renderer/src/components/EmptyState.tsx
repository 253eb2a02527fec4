import type { ReactElement, ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

export function EmptyState(props: {
  icon: IconName;
  title: string;
  body: string;
  action?: ReactNode;
}): ReactElement {
  return (
    <div className="empty-state">
      <span className="state-icon">
        <Icon name={props.icon} size={24} />
      </span>
      <h2>{props.title}</h2>
      <p className="muted">{props.body}</p>
      {props.action && <div className="empty-actions">{props.action}</div>}
    </div>
  );
}
