import { useEffect, useRef } from 'react';
import type { EventName, EventPayload } from '@shared/contract';
import { useApiContext } from './ApiProvider';

/**
 * Calls `listener` for each `event` from main while the component is mounted: for events that are not about
 * cached data (a connection attempt ending, a tab to open). Data events belong in a query's `invalidateOn`.
 */
export function useMainEvent<E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
  enabled = true,
): void {
  const { api } = useApiContext();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(
    () => (enabled ? api.on(event, (payload) => latest.current(payload)) : undefined),
    [api, event, enabled],
  );
}
