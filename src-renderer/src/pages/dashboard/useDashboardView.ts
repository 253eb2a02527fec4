import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { DashboardView } from '@shared/analytics';
import { channelKey, useChannelMutation, useChannelQuery } from '../../api';

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
  const queryClient = useQueryClient();
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
      // The cached answer is what the page starts from when it is opened again (after Settings, say) and what
      // the Ads, Finance and Affiliate pages start from: it must be the choice just made, not the one the
      // window first loaded.
      queryClient.setQueryData<DashboardView>(channelKey('analytics:view'), next);
      save.mutate(next);
    },
    error: saved.error,
    retry: () => void saved.refetch(),
  };
}
