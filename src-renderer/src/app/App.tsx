import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { LogoMark } from '../components/Logo';
import { api, ApiProvider, errorText } from '../api';
import { ToastProvider, useToasts } from '../components/Toasts';
import { AppLockGate } from '../features/app-lock/AppLockGate';
import { SettingsProvider } from '../settings/SettingsProvider';
import { Shell } from './Shell';

function Splash(): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="splash" aria-busy="true">
      <LogoMark size={40} />
      <p className="muted">{t('app.loading')}</p>
    </div>
  );
}

function StartFailed({ message, retry }: { message: string; retry: () => void }): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="splash">
      <div className="card state-card" role="alert">
        <span className="state-icon state-icon-danger">
          <Icon name="alert" size={24} />
        </span>
        <h1>{t('app.startFailed')}</h1>
        <p className="muted">{message}</p>
        <button type="button" className="button button-primary" onClick={retry}>
          {t('app.retry')}
        </button>
      </div>
    </div>
  );
}

/** The data layer, reporting failed writes as toasts. */
function Data({ children }: { children: ReactNode }): ReactElement {
  const { showError } = useToasts();
  return (
    <ApiProvider api={api} onMutationError={showError}>
      {children}
    </ApiProvider>
  );
}

export function App(): ReactElement {
  return (
    <ToastProvider>
      <Data>
        {/* Outside the settings: while locked even settings:get is refused, and the shell is not mounted. */}
        <AppLockGate loading={<Splash />}>
          <SettingsProvider
            loading={<Splash />}
            failed={(error, retry) => <StartFailed message={errorText(error)} retry={retry} />}
          >
            <Shell />
          </SettingsProvider>
        </AppLockGate>
      </Data>
    </ToastProvider>
  );
}
