import { type ReactElement, type ReactNode, useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { channelKey, useChannelQuery } from '../../api';
import { LockScreen } from './LockScreen';
import { useIdleReporter } from './useIdleReporter';

const statusKey = channelKey('appLock:status');

/**
 * Shows the lock screen instead of the app while the app lock is locked. Main refuses every other channel
 * then anyway; this keeps the page honest: the shell is unmounted and every cached answer is dropped, so no
 * data stays on screen or in memory, and after the unlock every query asks again.
 */
export function AppLockGate(props: { children: ReactNode; loading: ReactNode }): ReactElement {
  const queryClient = useQueryClient();
  const status = useChannelQuery('appLock:status', undefined, {
    updateOn: { 'appLock:changed': (next) => next },
  });
  const locked = status.data?.locked ?? false;
  const wasLocked = useRef(locked);
  useEffect(() => {
    if (locked && !wasLocked.current) {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== statusKey[0] });
    }
    wasLocked.current = locked;
  }, [locked, queryClient]);
  useIdleReporter(status.data?.enabled === true && !locked, status.data?.idleSeconds ?? 0);

  // An older main without the lock (or a failed first answer) shows the app: main decides what is refused.
  if (!status.data && !status.isError) return <>{props.loading}</>;
  if (status.data?.locked) return <LockScreen status={status.data} />;
  return <>{props.children}</>;
}
