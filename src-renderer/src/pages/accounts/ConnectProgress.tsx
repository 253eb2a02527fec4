import { useEffect, useId, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Provider } from '@shared/accounts';
import type { Translatable } from '@shared/texts';
import { api, translateText } from '../../api';
import { Icon } from '../../components/Icon';
import { Notice } from '../../components/Notice';
import { useSyncStatus } from '../../features/sync/SyncStatusProvider';
import type { ConnectAttempt, ConnectOutcome } from './useConnectAttempt';

type CopyState = 'idle' | 'copied' | 'failed';

/** While the consent page is open in the browser: what to do there, and a way to get back to it or give up. */
function WaitingPanel(props: {
  provider: Provider;
  authorizeUrl: string | null;
  onCancel: () => void;
}): ReactElement {
  const { provider, authorizeUrl, onCancel } = props;
  const { t } = useTranslation();
  const [copy, setCopy] = useState<CopyState>('idle');
  const linkId = useId();
  const panel = useRef<HTMLDivElement>(null);

  // The connect button the merchant pressed is now disabled: bring focus (and the screen reader) here.
  useEffect(() => panel.current?.focus(), []);

  const copyLink = (): void => {
    if (!authorizeUrl) return;
    navigator.clipboard.writeText(authorizeUrl).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };

  return (
    <div ref={panel} className="card connect-waiting" role="status" tabIndex={-1}>
      <span className="spinner" aria-hidden="true" />
      <div className="connect-waiting-body">
        <p className="connect-waiting-provider">
          {t('accounts.waiting.provider', { provider: t(`accounts.kind.${provider}`) })}
        </p>
        <p className="connect-waiting-title">
          {authorizeUrl ? t('accounts.waiting.title') : t('accounts.waiting.starting')}
        </p>
        {authorizeUrl && <p className="muted">{t('accounts.waiting.body')}</p>}
        {authorizeUrl && (
          <div className="connect-waiting-actions">
            {api.transport === 'web' && (
              <button
                type="button"
                className="button"
                onClick={() => window.open(authorizeUrl, '_blank', 'noopener,noreferrer')}
              >
                <Icon name="external" size={16} />
                {t('accounts.waiting.openAgain')}
              </button>
            )}
            <button type="button" className="button" onClick={copyLink}>
              <Icon name="copy" size={16} />
              {t('accounts.waiting.copyLink')}
            </button>
            <button type="button" className="button button-quiet" onClick={onCancel}>
              {t('accounts.waiting.cancel')}
            </button>
          </div>
        )}
        {copy === 'copied' && (
          <p className="connect-waiting-copied">
            <Icon name="check" size={16} />
            {t('accounts.waiting.copied')}
          </p>
        )}
        {copy === 'failed' && authorizeUrl && (
          <div className="field">
            <label className="field-label field-error-label" htmlFor={linkId}>
              {t('accounts.waiting.copyFailed')}
            </label>
            <input
              id={linkId}
              className="input connect-waiting-link"
              readOnly
              value={authorizeUrl}
              onFocus={(event) => event.currentTarget.select()}
            />
          </div>
        )}
      </div>
    </div>
  );
}

const problemKey: Record<Exclude<ConnectOutcome, 'connected' | 'cancelled'>, string> = {
  denied: 'accounts.outcome.denied',
  timeout: 'accounts.outcome.timeout',
  state_mismatch: 'accounts.outcome.stateMismatch',
  failed: 'accounts.outcome.failedFallback',
};

/** Whether the first sync of a just-connected Account is still to come, running, or over. */
function useFirstSync(accountId: string | null): 'pending' | 'running' | 'done' {
  const { status } = useSyncStatus();
  const [seenRunning, setSeenRunning] = useState(false);
  const account = status?.accounts.find((a) => a.accountId === accountId);
  const running = account?.state === 'running';
  if (running && !seenRunning) setSeenRunning(true);
  if (!account) return 'pending';
  if (running) return 'running';
  return seenRunning || account.lastSuccessAt !== null ? 'done' : 'pending';
}

/** How the last attempt ended: success, a neutral cancel, or a problem explained in the merchant's words. */
function OutcomeNotice(props: {
  provider: Provider;
  outcome: ConnectOutcome;
  message: Translatable | null;
  connectedAccountId: string | null;
  onRetry: () => void;
  onDismiss: () => void;
}): ReactElement {
  const { provider, outcome, message, connectedAccountId, onRetry, onDismiss } = props;
  const { t } = useTranslation();
  const notice = useRef<HTMLDivElement>(null);
  useEffect(() => notice.current?.focus(), []);
  const syncState = useFirstSync(connectedAccountId);
  // "Starting to sync" is true only until the first sync ends; then the notice says so and goes.
  useEffect(() => {
    if (syncState !== 'done') return;
    const timer = window.setTimeout(onDismiss, 8_000);
    return () => window.clearTimeout(timer);
  }, [syncState, onDismiss]);

  if (outcome === 'connected')
    return (
      <Notice ref={notice} tone="success" title={t('accounts.outcome.connectedTitle')} onDismiss={onDismiss}>
        <p>
          {syncState === 'done' && provider !== 'identity'
            ? t(`accounts.outcome.synced.${provider}`)
            : t(`accounts.outcome.connected.${provider}`)}
        </p>
      </Notice>
    );
  if (outcome === 'cancelled')
    return (
      <Notice ref={notice} tone="info" title={t('accounts.outcome.cancelledTitle')} onDismiss={onDismiss}>
        <p>{t('accounts.outcome.cancelled')}</p>
      </Notice>
    );
  const reason = outcome === 'failed' && message ? translateText(message) : t(problemKey[outcome]);
  return (
    <Notice
      ref={notice}
      tone="danger"
      title={t('accounts.outcome.notConnectedTitle', { provider: t(`accounts.kind.${provider}`) })}
      onDismiss={onDismiss}
    >
      <p>{reason}</p>
      <div className="notice-actions">
        <button type="button" className="button" onClick={onRetry}>
          {t('accounts.outcome.tryAgain')}
        </button>
      </div>
    </Notice>
  );
}

export function ConnectProgress({ attempt }: { attempt: ConnectAttempt }): ReactElement | null {
  const { state } = attempt;
  switch (state.phase) {
    case 'idle':
      return null;
    case 'starting':
      return <WaitingPanel provider={state.provider} authorizeUrl={null} onCancel={attempt.cancel} />;
    case 'waiting':
      return (
        <WaitingPanel
          key={state.attemptId}
          provider={state.provider}
          authorizeUrl={state.authorizeUrl}
          onCancel={attempt.cancel}
        />
      );
    case 'ended':
      return (
        <OutcomeNotice
          provider={state.provider}
          outcome={state.outcome}
          message={state.message}
          connectedAccountId={state.connectedAccountId}
          onRetry={() => attempt.start(state.provider, state.accountId)}
          onDismiss={attempt.dismiss}
        />
      );
  }
}
