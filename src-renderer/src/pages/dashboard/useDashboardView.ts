import { useEffect, useRef, useState } from 'react';
import type { DashboardView } from '@shared/analytics';
import { useChannelMutation, useChannelQuery } from '../../api';

/**
 * The dashboard's filters, grain and hidden series: loaded once from main (analytics:view), then kept here
 * and saved back on every change, so the choice survives a restart.
 */
export function useDashboardView(): {
  view: DashboardView | null;
  setView: (next: DashboardView) => void;
  error: ReturnType<typeof useChannelQuery<'analytics:view'>>['error'];
  retry: () => void;
} {
  const saved = useChannelQuery('analytics:view');
  const save = useChannelMutation('analytics:saveView', { silent: true });
  const [view, setLocal] = useState<DashboardView | null>(null);
  const loaded = useRef(false);
  useEffect(() => {
    if (!loaded.current && saved.data) {
      loaded.current = true;
      setLocal(saved.data);
    }
  }, [saved.data]);
  return {
    view,
    setView: (next) => {
      setLocal(next);
      save.mutate(next);
    },
    error: saved.error,
    retry: () => void saved.refetch(),
  };
}
