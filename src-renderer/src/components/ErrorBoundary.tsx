import { Component, type ReactNode } from 'react';
import { Translation } from 'react-i18next';
import { Icon } from './Icon';

interface State {
  failed: boolean;
}

/**
 * A crashed page shows a way out instead of a blank window; the sidebar around it keeps working.
 * React itself reports the caught error to the console, so developers still see the cause.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <Translation>
        {(t) => (
          <div className="card state-card" role="alert">
            <span className="state-icon state-icon-danger">
              <Icon name="alert" size={24} />
            </span>
            <h2>{t('errorBoundary.title')}</h2>
            <p className="muted">{t('errorBoundary.body')}</p>
            <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
              {t('errorBoundary.reload')}
            </button>
          </div>
        )}
      </Translation>
    );
  }
}
