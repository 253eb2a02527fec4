import { useCallback, useRef, useState } from 'react';
import type { ConnectResult, Provider } from '@shared/accounts';
import { useChannelMutation, useMainEvent } from '../../api';
import type { Translatable } from '@shared/texts';

export type ConnectOutcome = ConnectResult['outcome'];

export type ConnectState =
  | { phase: 'idle' }
  | { phase: 'starting'; provider: Provider; accountId?: string }
  | { phase: 'waiting'; provider: Provider; accountId?: string; attemptId: string; authorizeUrl: string }
  | {
      phase: 'ended';
      provider: Provider;
      /** The Account a reconnection was for, so "Try again" reconnects it rather than adding another. */
      accountId?: string;
      outcome: ConnectOutcome;
      message: Translatable | null;
      /** The Account that was connected (new or reconnected), null unless the outcome is `connected`. */
      connectedAccountId: string | null;
    };

export interface ConnectAttempt {
  state: ConnectState;
  /** Starts a new connection, or a reconnection of `accountId`; main opens the consent page. */
  start(provider: Provider, accountId?: string): void;
  cancel(): void;
  /** Forgets the outcome of the last attempt. */
  dismiss(): void;
}

const keptEarlyResults = 8;

/** One connection attempt at a time: started here, ended by the `accounts:connectResult` event. */
export function useConnectAttempt(): ConnectAttempt {
  const { mutateAsync: connect } = useChannelMutation('accounts:connect');
  const { mutateAsync: cancelConnect } = useChannelMutation('accounts:cancelConnect');
  const [state, setState] = useState<ConnectState>({ phase: 'idle' });
  const current = useRef<ConnectState>(state);
  // A fast answer can arrive before `accounts:connect` itself has replied with the attempt id.
  const early = useRef(new Map<string, ConnectResult>());

  const update = useCallback((next: ConnectState) => {
    current.current = next;
    setState(next);
  }, []);

  const end = useCallback(
    (result: ConnectResult, accountId: string | undefined) =>
      update({
        phase: 'ended',
        provider: result.provider,
        ...(accountId ? { accountId } : {}),
        outcome: result.outcome,
        message: result.message,
        connectedAccountId: result.accountId,
      }),
    [update],
  );

  useMainEvent('accounts:connectResult', (result) => {
    const now = current.current;
    if (now.phase === 'waiting' && now.attemptId === result.attemptId) {
      end(result, now.accountId);
    } else if (now.phase === 'starting') {
      early.current.set(result.attemptId, result);
      if (early.current.size > keptEarlyResults) {
        const oldest = early.current.keys().next().value;
        if (oldest !== undefined) early.current.delete(oldest);
      }
    }
  });

  const start = useCallback(
    (provider: Provider, accountId?: string) => {
      if (current.current.phase === 'starting' || current.current.phase === 'waiting') return;
      const target = accountId ? { accountId } : {};
      update({ phase: 'starting', provider, ...target });
      // A refusal is toasted by the mutation; the attempt just goes back to idle.
      connect(accountId ? { provider, accountId } : { provider }).then(
        ({ attemptId, authorizeUrl }) => {
          const result = early.current.get(attemptId);
          early.current.clear();
          if (result) end(result, accountId);
          else update({ phase: 'waiting', provider, ...target, attemptId, authorizeUrl });
        },
        () => {
          early.current.clear();
          update({ phase: 'idle' });
        },
      );
    },
    [connect, end, update],
  );

  const cancel = useCallback(() => {
    const now = current.current;
    if (now.phase !== 'waiting') return;
    cancelConnect({ attemptId: now.attemptId }).then(
      () => {
        // The event may have ended the attempt already (e.g. approved a moment ago): keep that outcome.
        const after = current.current;
        if (after.phase === 'waiting' && after.attemptId === now.attemptId)
          end(
            {
              attemptId: now.attemptId,
              provider: now.provider,
              outcome: 'cancelled',
              accountId: null,
              message: null,
            },
            now.accountId,
          );
      },
      () => undefined,
    );
  }, [cancelConnect, end]);

  const dismiss = useCallback(() => update({ phase: 'idle' }), [update]);

  return { state, start, cancel, dismiss };
}
